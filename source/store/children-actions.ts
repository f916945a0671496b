/**
 * The children screen of a rate-control parent: its target children (one child execution per
 * target, found with DescribeAutomationExecutions' ParentExecutionId filter), the cursor on them,
 * and opening one's detail. A failed read keeps the last good list and says so.
 */
import type {Execution} from '../core/types.js';
import type {AppState, GetState, SetState} from './app-store.js';
import type {ChildrenState} from './state.js';
import {selectOpenExecution} from './selectors.js';
import type {Move} from './ui-actions.js';

export interface ChildrenActions {
	/** Enter on a rate-control parent's detail: its children screen; false when it is not one. */
	childrenOpened(): boolean;
	childSelected(move: Move): void;
	/** Enter on a child: its detail (Esc comes back here). */
	childDetailOpened(): void;
	rateChildrenLoaded(parentId: string, result: {readonly executions: readonly Execution[]; readonly truncated: boolean}, at: number): void;
	rateChildrenFailed(parentId: string, message: string): void;
}

/** A parent that fans out over targets (Targets / TargetMaps with TargetParameterName), not over accounts and Regions. */
export function isRateControlParent(execution: Execution | undefined): boolean {
	if (!execution || execution.automationType === 'CrossAccount' || execution.parentId !== undefined) return false;
	return execution.targetParameterName !== undefined || (execution.targets?.length ?? 0) > 0 || (execution.targetMaps?.length ?? 0) > 0;
}

const NONE: ChildrenState = {};

/** The children in the order the screen shows them: by target, then start. */
export function selectRateChildren(state: AppState, parentId: string | undefined): ChildrenState {
	return (parentId === undefined ? undefined : state.rateChildren?.[parentId]) ?? NONE;
}

function ordered(executions: readonly Execution[]): Execution[] {
	return [...executions].sort((a, b) => (a.target ?? '').localeCompare(b.target ?? '') || (a.startTime ?? 0) - (b.startTime ?? 0) || a.id.localeCompare(b.id));
}

export function createChildrenActions(set: SetState, get: GetState): ChildrenActions {
	const update = (parentId: string, change: (current: ChildrenState) => ChildrenState): void => {
		const all = get().rateChildren ?? {};
		const current = all[parentId] ?? NONE;
		const next = change(current);
		if (next !== current) set({rateChildren: {...all, [parentId]: next}});
	};
	return {
		childrenOpened() {
			const state = get();
			const execution = selectOpenExecution(state);
			if (!isRateControlParent(execution)) return false;
			set({screen: 'children', selectedChildIndex: state.childrenOf === execution?.id ? (state.selectedChildIndex ?? 0) : 0, childrenOf: undefined});
			return true;
		},
		childSelected(move) {
			const state = get();
			const count = selectRateChildren(state, state.openId).executions?.length ?? 0;
			if (count === 0) return;
			const current = state.selectedChildIndex ?? 0;
			const target =
				move === 'top' ? 0 : move === 'bottom' ? count - 1 : typeof move === 'number' ? current + move : 'to' in move ? move.to : current + move.pages * 10;
			const index = Math.min(count - 1, Math.max(0, target));
			if (index !== current) set({selectedChildIndex: index});
		},
		childDetailOpened() {
			const state = get();
			const parentId = state.openId;
			const child = selectRateChildren(state, parentId).executions?.[state.selectedChildIndex ?? 0];
			if (!child || parentId === undefined) return;
			// The child may not be on the list (filtered, or older than the listing): make it known so the detail can show it.
			if (!state.executions[child.id]) set({executions: {...state.executions, [child.id]: child}});
			get().actions.screenOpened('detail', child.id);
			set({childrenOf: parentId});
		},
		rateChildrenLoaded(parentId, result, at) {
			update(parentId, current => {
				const executions = ordered(result.executions);
				const same = current.executions !== undefined && JSON.stringify(current.executions) === JSON.stringify(executions);
				return {executions: same ? current.executions : executions, truncated: result.truncated, loadedAt: at};
			});
		},
		rateChildrenFailed(parentId, message) {
			update(parentId, current => (current.error === message ? current : {...current, error: message}));
		},
	};
}
