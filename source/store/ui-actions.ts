/** Event-named actions for what the user does (selection, sort, filter, screens, modals). */
import {withStatusGroup} from '../core/filter.js';
import {nextSortKey} from '../core/sort.js';
import {watchesManyAccounts} from '../core/location.js';
import type {StatusGroup} from '../core/status.js';
import type {GetState, SetState} from './app-store.js';
import type {AppData, Screen, SortState} from './state.js';
import {listBodyRows, selectGridCursorCell, selectScreenSteps, selectSelectedIndex, selectVisibleRows} from './selectors.js';

/** A cursor move: by a number of rows, to an end, by pages of the current viewport, or to an index. */
export type Move = number | 'top' | 'bottom' | {readonly pages: number} | {readonly to: number};

export interface UiActions {
	/** Move the list selection; the selection is kept as an execution id. */
	selectionMoved(move: Move): void;
	/** Select an execution by id (e.g. a run just started). */
	executionSelected(id: string): void;
	/** 'next' cycles the column (`s`), 'reverse' flips the direction (`S`), or set both. */
	sortChanged(change: 'next' | 'reverse' | SortState): void;
	filterOpened(): void;
	filterTyped(draft: string): void;
	filterApplied(): void;
	filterCancelled(): void;
	/** Replace the whole filter (e.g. clear it). */
	filterSet(expression: string): void;
	/** Toggle a `status:<group>` term; undefined removes any status term. */
	statusQuickFilter(group: StatusGroup | undefined): void;
	/** Open a screen; detail opens `executionId` or the selected row. */
	screenOpened(screen: Screen, executionId?: string): void;
	/** One screen up: location → grid → detail → list (a child's detail → the children or location screen it came from). */
	back(): void;
	paneToggled(): void;
	stepSelected(move: Move): void;
	gridCursorMoved(cell: {readonly account: string; readonly region: string}): void;
	/** `?`: the help overlay over the current screen. */
	helpOpened(): void;
	/** Close the help overlay or the dialog (the dialog's own Esc goes through its transition). */
	modalClosed(): void;
	viewportResized(viewport: {readonly columns: number; readonly rows: number}): void;
	pauseToggled(): void;
	flashShown(message: string | undefined): void;
}

function clampMove(current: number, move: Move, count: number, pageRows: number): number {
	if (count === 0) return 0;
	const target =
		move === 'top' ? 0 : move === 'bottom' ? count - 1 : typeof move === 'number' ? current + move : 'to' in move ? move.to : current + move.pages * pageRows;
	return Math.min(count - 1, Math.max(0, target));
}

export function createUiActions(set: SetState, get: GetState): UiActions {
	/**
	 * A new filter keeps the execution under the cursor while it matches; when it does not, the
	 * cursor goes to the first row (as a new search does), not to whatever row took its place.
	 */
	const filtered = (change: Partial<AppData>): void => {
		const before = get().selectedId;
		set(change);
		const rows = selectVisibleRows(get());
		if (before !== undefined && rows[0] && !rows.some(row => row.id === before)) set({selectedId: rows[0].id});
	};
	return {
		selectionMoved(move) {
			const state = get();
			const rows = selectVisibleRows(state);
			const index = clampMove(Math.max(0, selectSelectedIndex(state)), move, rows.length, listBodyRows(state.viewport));
			const row = rows[index];
			if (row && row.id !== state.selectedId) set({selectedId: row.id});
			// Record where the row is now, so it can fall back to its neighbour if it vanishes before the next frame.
			selectSelectedIndex(get());
		},
		executionSelected(id) {
			set({selectedId: id});
		},
		sortChanged(change) {
			const {sort} = get();
			if (change === 'next') set({sort: {column: nextSortKey(sort.column, watchesManyAccounts(get().context)), descending: sort.descending}});
			else if (change === 'reverse') set({sort: {column: sort.column, descending: !sort.descending}});
			else set({sort: change});
		},
		filterOpened() {
			set({filterDraft: get().filter});
		},
		filterTyped(draft) {
			if (get().filterDraft !== undefined) filtered({filterDraft: draft});
		},
		filterApplied() {
			const {filterDraft} = get();
			if (filterDraft !== undefined) filtered({filter: filterDraft.trim(), filterDraft: undefined});
		},
		filterCancelled() {
			filtered({filterDraft: undefined});
		},
		filterSet(expression) {
			filtered({filter: expression, filterDraft: undefined});
		},
		statusQuickFilter(group) {
			filtered({filter: withStatusGroup(get().filter, group)});
		},
		screenOpened(screen, executionId) {
			const state = get();
			if (screen === 'list' || screen === 'pulse' || screen === 'locations') {
				set({screen});
				return;
			}

			if (screen === 'detail') {
				const id = executionId ?? selectVisibleRows(state)[selectSelectedIndex(state)]?.id;
				if (id === undefined) return;
				const sameExecution = id === state.openId;
				// A child's detail opened from its parent's location screen remembers that screen, for Esc.
				const cell = state.screen === 'location' && !sameExecution ? selectGridCursorCell(state) : undefined;
				const fromLocation =
					cell && state.openId !== undefined
						? {parentId: state.openId, cell: {account: cell.account, region: cell.region}, stepIndex: state.selectedStepIndex}
						: undefined;
				set({
					screen,
					openId: id,
					detailPane: 'steps',
					selectedStepIndex: sameExecution ? state.selectedStepIndex : 0,
					...(sameExecution ? {} : {gridCursor: undefined}),
					locationOf: fromLocation,
				});
				return;
			}

			const openId = executionId ?? state.openId;
			if (openId === undefined) return;
			set({screen, openId, ...(screen === 'location' ? {selectedStepIndex: 0} : {})});
		},
		back() {
			const {screen, childrenOf, locationOf} = get();
			// A child's detail opened from its parent's location screen goes back there (that location under the cursor).
			if (screen === 'detail' && locationOf !== undefined) {
				set({
					screen: 'location',
					openId: locationOf.parentId,
					gridCursor: locationOf.cell,
					locationOf: undefined,
					detailPane: 'steps',
					selectedStepIndex: locationOf.stepIndex,
				});
				return;
			}

			// A child's detail opened from its parent's children screen goes back there.
			if (screen === 'detail' && childrenOf !== undefined) {
				set({screen: 'children', openId: childrenOf, childrenOf: undefined, detailPane: 'steps', selectedStepIndex: 0});
				return;
			}

			const parent: Record<Screen, Screen> = {
				list: 'list',
				detail: 'list',
				grid: 'detail',
				location: 'grid',
				pulse: 'list',
				locations: 'list',
				command: 'detail',
				children: 'detail',
			};
			if (screen !== 'list') set({screen: parent[screen]});
		},
		paneToggled() {
			set({detailPane: get().detailPane === 'steps' ? 'info' : 'steps'});
		},
		stepSelected(move) {
			const state = get();
			const count = selectScreenSteps(state).length;
			const pageRows = Math.max(1, Math.floor(listBodyRows(state.viewport) / 2));
			set({selectedStepIndex: clampMove(state.selectedStepIndex, move, count, pageRows)});
		},
		gridCursorMoved(cell) {
			set({gridCursor: {account: cell.account, region: cell.region}});
		},
		helpOpened() {
			if (get().modal.kind === 'none') set({modal: {kind: 'help'}});
		},
		modalClosed() {
			set({modal: {kind: 'none'}});
		},
		viewportResized(viewport) {
			const current = get().viewport;
			if (current.columns !== viewport.columns || current.rows !== viewport.rows) {
				set({viewport: {columns: viewport.columns, rows: viewport.rows}});
			}
		},
		pauseToggled() {
			set({paused: !get().paused});
		},
		flashShown(message) {
			set({flash: message});
		},
	};
}
