/**
 * A child execution and its parent, linked both ways (issue 11): a child of a cross-account run
 * (in a member account) or of a rate-control run names its parent, with the parent's account, and
 * `u` opens the parent's detail when the parent is listed (in a watched account).
 */
import {accountLabel, watchedAccount} from '../core/location.js';
import type {Execution} from '../core/types.js';
import type {AppState} from './app-store.js';
import {selectGridCursorCell, selectOpenDetail, selectOpenExecution} from './selectors.js';

/** The parent of the open execution: its id, and the listed execution when there is one. */
export function openParent(state: AppState): {readonly id: string; readonly execution?: Execution} | undefined {
	const id = selectOpenDetail(state)?.parentId ?? selectOpenExecution(state)?.parentId;
	if (id === undefined) return undefined;
	const execution = state.details[id] ?? state.executions[id];
	return execution ? {id, execution} : {id};
}

/** Words for the parent's account: its label (the Organizations or profile name) or id, else undefined when it is not listed. */
function parentAccountText(state: AppState, parent: Execution | undefined): string | undefined {
	if (!parent) return undefined;
	const account = parent.account ?? state.context.account;
	return account === undefined ? undefined : accountLabel(state.context, account);
}

/**
 * "parent: 9cc139d2 (acme-management)" for the open execution's detail, or undefined when it has
 * no parent. A string, so the selector is stable by value.
 */
export function selectParentText(state: AppState): string | undefined {
	const parent = openParent(state);
	if (!parent) return undefined;
	const account = parentAccountText(state, parent.execution);
	return `parent: ${parent.id.slice(0, 8)} (${account ?? 'not listed'})`;
}

/** The full form for the info pane's field row: "9cc139d2-27d2-41… (acme-management, 123456789012)". */
export function parentFieldValue(state: AppState, parentId: string): string {
	const parent = state.details[parentId] ?? state.executions[parentId];
	if (!parent) return `${parentId} (not listed: its account is not watched, or it is older than the history read)`;
	const account = parent.account ?? state.context.account;
	if (account === undefined) return parentId;
	const label = accountLabel(state.context, account);
	return `${parentId} (${label === account ? account : `${label}, ${account}`} · ${parent.region})`;
}

/**
 * `u`: the parent's detail, when it is listed; else the reason it cannot be opened. Returns the
 * message to flash, or undefined when the parent was opened.
 */
export function parentOpened(state: AppState): string | undefined {
	const parent = openParent(state);
	if (!parent) return 'This execution has no parent (it is not the child of a cross-account or rate-control run)';
	if (!parent.execution) {
		return `The parent ${parent.id} is not listed: its account is not watched, or it is older than the history read`;
	}

	state.actions.screenOpened('detail', parent.id);
	return undefined;
}

/**
 * Enter on a location: the child execution's own detail, read in its member account, when the
 * child is listed (its account watched). Returns the message to flash when it cannot open.
 */
export function childOpened(state: AppState): string | undefined {
	const cell = selectGridCursorCell(state);
	if (!cell) return 'No location selected';
	const childId = cell.childExecutionId;
	if (childId === undefined) return 'The child execution has not started yet';
	if (!state.executions[childId] && !state.details[childId]) {
		return watchedAccount(state.context, cell.account)
			? `The child ${childId} is not listed in ${accountLabel(state.context, cell.account)} / ${cell.region} yet (or is older than the history read); its steps are shown here`
			: `The child is in account ${cell.account}, which is not watched: its steps are shown here; watch the account (--assume-role ROLE --accounts, or --profile) to open its detail`;
	}

	state.actions.screenOpened('detail', childId);
	return undefined;
}
