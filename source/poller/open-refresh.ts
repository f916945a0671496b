/**
 * Refresh of what the user has open, as the refresh plan (store/refresh-plan.ts) names it: the
 * execution on the detail, grid and location screens, and on the location screen the child
 * execution under the grid cursor, read in its own account.
 */
import type {HeldSteps, MonitorApi} from '../core/monitor-api.js';
import type {AppStore} from '../store/app-store.js';
import {childErrorKey} from '../store/data-actions.js';
import type {ChildTarget, OpenTarget} from '../store/refresh-plan.js';

/**
 * Every this many refreshes of the open execution, its steps are read in full even when its
 * counters did not move: a location that started (no counter changes until it ends) shows as
 * running, and gets its child's id for the drill-down, within this many refreshes.
 */
export const FULL_STEPS_EVERY = 5;

/**
 * While those periodic reads keep finding the steps as they were (every location running stays
 * running for a long while), they come every this many refreshes instead; a read that finds a
 * change, or counters that move, go back to FULL_STEPS_EVERY. The status and counters still
 * follow every refresh.
 */
export const MAX_FULL_STEPS_EVERY = 10;

/**
 * While a large run progresses its counters move on almost every refresh; reading its steps at
 * most every this many refreshes (unless its status changes, e.g. it ends) keeps the grid within
 * a few seconds and the memory down (each read is a dozen calls and their garbage). The counters,
 * and so the progress bar, follow every refresh.
 */
export const MIN_REFRESHES_BETWEEN_READS = 3;

/**
 * Decides when the open execution's held steps may stand in for reading them all again, from the
 * refreshes since their last full read (per execution id).
 */
export interface StepsReuse {
	heldSteps(store: AppStore, executionId: string, force: boolean): HeldSteps | undefined;
	/** After the refresh: `calls` > 1 means the steps were paged through again; `stepsChanged`, that the store's steps are new. */
	refreshed(executionId: string, offered: boolean, calls: number, stepsChanged: boolean): void;
}

export function createStepsReuse(): StepsReuse {
	let current: {id: string; sinceRead: number; fullEvery: number} | undefined;
	return {
		heldSteps(store, executionId, force) {
			const detail = store.getState().details[executionId];
			if (current?.id !== executionId) current = {id: executionId, sinceRead: 0, fullEvery: FULL_STEPS_EVERY};
			current.sinceRead++;
			// Only a parent with counters (a CrossAccount one, whose steps are its locations) gains anything.
			if (force || current.sinceRead >= current.fullEvery || !detail?.progress || detail.steps.length === 0) return undefined;
			return {
				status: detail.status,
				progress: detail.progress,
				steps: detail.steps,
				keepWhile: current.sinceRead < MIN_REFRESHES_BETWEEN_READS ? 'status-unchanged' : 'counters-unchanged',
			};
		},
		refreshed(executionId, offered, calls, stepsChanged) {
			if (current?.id !== executionId || (offered && calls === 1)) return;
			// A full read: the next is due in FULL_STEPS_EVERY refreshes, or later while such reads bring nothing.
			current.sinceRead = 0;
			current.fullEvery = stepsChanged ? FULL_STEPS_EVERY : Math.min(MAX_FULL_STEPS_EVERY, current.fullEvery * 2);
		},
	};
}

export async function refreshOpenExecution(
	store: AppStore,
	api: MonitorApi,
	target: OpenTarget,
	signal: AbortSignal,
	reuse?: {readonly steps: StepsReuse; readonly force: boolean},
): Promise<boolean> {
	const heldSteps = reuse?.steps.heldSteps(store, target.executionId, reuse.force);
	const {detail, calls} = await api.getExecution(target.region, target.executionId, {
		signal,
		...(heldSteps ? {heldSteps} : {}),
		...(target.account === undefined ? {} : {account: target.account}),
	});
	if (signal.aborted) return false;
	const before = store.getState().details[target.executionId];
	store.getState().actions.detailLoaded(detail, {calls});
	const after = store.getState().details[target.executionId];
	// The merge keeps the steps array when they did not change (core/merge.ts mergeSteps).
	reuse?.steps.refreshed(target.executionId, heldSteps !== undefined, calls, after?.steps !== before?.steps);
	// And the detail object itself when nothing in it did (core/merge.ts mergeDetail).
	return after !== before;
}

/**
 * The open execution's next read, from how the last ones went: the detail interval after a read
 * that changed something (or its first, or on `r`), then growing by half with each read that
 * changed nothing, up to `maxMs`. A long step (a copy, a wait for approval) is then read every
 * `maxMs` instead of every 2 s; its row in its region's listing still moves on every status or
 * step change, and that brings the read back at once (create-poller.ts).
 */
export const OPEN_BACKOFF_FACTOR = 1.5;

export interface OpenBackoff {
	/** The delay after a read of `executionId` that `changed` the detail (or was forced). */
	next(executionId: string, changed: boolean): number;
	/** Back to the detail interval (something outside the read saw it move). */
	reset(): void;
}

export function createOpenBackoff(intervalMs: number, maxMs: number): OpenBackoff {
	let current: {id: string; delay: number} | undefined;
	return {
		next(executionId, changed) {
			if (changed || current?.id !== executionId) current = {id: executionId, delay: intervalMs};
			else current.delay = Math.min(Math.max(intervalMs, maxMs), Math.round(current.delay * OPEN_BACKOFF_FACTOR));
			return current.delay;
		},
		reset() {
			current = undefined;
		},
	};
}

export function noCredentialsMessage(account: string): string {
	return `No credentials for account ${account}: map it to a profile with --account-profile ${account}=PROFILE to read this location's steps.`;
}

/** Loads the child's steps; a missing credential or a failure is recorded for the cell, not thrown. */
export async function refreshChild(store: AppStore, api: MonitorApi, target: ChildTarget, signal: AbortSignal): Promise<void> {
	const key = childErrorKey(target.parentId, target.account, target.region);
	const {actions} = store.getState();
	let result;
	try {
		result = await api.getChildExecution({account: target.account, region: target.region, executionId: target.executionId}, {signal});
	} catch (error) {
		if (signal.aborted) return;
		const kind = (error as {kind?: unknown}).kind;
		// Throttling is retried by the caller's back-off; anything else is this cell's problem only.
		if (kind === 'throttled') throw error;
		actions.childFailed(key, error instanceof Error ? error.message : String(error));
		return;
	}

	if (signal.aborted) return;
	if (!result) {
		actions.childFailed(key, noCredentialsMessage(target.account));
		return;
	}

	actions.childStepsLoaded(target.executionId, result.detail.steps, {region: target.region, calls: result.calls, errorKey: key});
}
