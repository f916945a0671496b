/**
 * Selectors over what AWS told us: region health for the header, the open
 * execution's progress counters, and the state of the location under the grid
 * cursor. Each returns a primitive or a reference that stays the same while its
 * inputs do, so `useStore` re-renders only on real change.
 */
import {EVENTS_STALE_AFTER_MS} from './event-actions.js';
import {countersFromSteps} from '../core/progress.js';
import type {ErrorKind, ProgressCounters, RegionState, StepExecution} from '../core/types.js';
import {isFinal} from '../core/status.js';
import type {GridCell} from '../core/grid.js';
import type {AppState} from './app-store.js';
import {contextLocations} from '../core/location.js';
import {childErrorKey} from './data-actions.js';
import {canReadAccount, selectGridCursorCell, selectOpenDetail} from './selectors.js';
import {BACKGROUND_INTERVALS, selectRefreshPlan} from './refresh-plan.js';

export type RegionHealthState = 'loading' | 'ok' | 'throttled' | 'error' | 'paused';

export interface RegionHealth {
	readonly region: string;
	/** The location's account, when several accounts are watched. */
	readonly account?: string;
	/** Its key in the store (the region, or `ACCOUNT/REGION`). */
	readonly key?: string;
	readonly state: RegionHealthState;
	readonly lastSuccessAt?: number;
	readonly errorKind?: ErrorKind;
	readonly message?: string;
	readonly backoffUntil?: number;
	readonly calls: number;
	readonly inFlight: boolean;
	readonly truncated: boolean;
}

export function regionHealth(region: RegionState, paused: boolean): RegionHealth {
	// A region's error outlasts a pause: often it is why polling paused (refused credentials).
	const state: RegionHealthState = region.throttled
		? 'throttled'
		: region.lastError && (region.lastSuccessAt === undefined || region.lastError.at >= region.lastSuccessAt)
			? 'error'
			: paused
				? 'paused'
				: region.lastSuccessAt === undefined
					? 'loading'
					: 'ok';
	return {
		region: region.region,
		...(region.account === undefined ? {} : {account: region.account}),
		state,
		calls: region.calls,
		inFlight: region.inFlight,
		truncated: region.truncated,
		...(region.lastSuccessAt === undefined ? {} : {lastSuccessAt: region.lastSuccessAt}),
		...(region.lastError ? {errorKind: region.lastError.kind, message: region.lastError.message} : {}),
		...(region.backoffUntil === undefined ? {} : {backoffUntil: region.backoffUntil}),
	};
}

/** Refresh interval assumed when the context does not say (the poller's default). */
export const DEFAULT_REFRESH_INTERVAL_MS = 5000;

/**
 * How long a region may go without a successful refresh before the header calls its data stale:
 * three refresh intervals, so one slow or skipped call does not flag it, and an ordinary wait for
 * the next refresh never shows an age that would repaint the header every second. Behind a
 * screen that covers the list the regions refresh every BACKGROUND_INTERVALS intervals, so one
 * interval more than that; back on the list the overdue regions refresh at once, and a region
 * whose refresh is in flight is not called stale (region-summary.ts). The interval is the one the
 * request budget stretched it to, when it did.
 */
export function selectStaleAfterMs(state: AppState): number {
	const intervals = selectRefreshPlan(state).list === 'background' ? BACKGROUND_INTERVALS + 1 : 3;
	// When the request budget stretches the interval (header: "interval stretched to …"), the
	// locations come round at that pace: measured from it, so waiting one's turn is not "stale".
	const interval = Math.max(state.context.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS, state.budget?.stretchedIntervalMs ?? 0);
	const polling = intervals * interval;
	// With events flowing, data is current as of the queue's last answer, which a quiet queue gives once a long poll.
	return state.eventsFeed?.mode === 'events' ? Math.max(polling, EVENTS_STALE_AFTER_MS) : polling;
}

const healthMemo = new WeakMap<object, {paused: boolean; order: readonly unknown[]; health: readonly RegionHealth[]}>();

const locationHealthMemo = new WeakMap<RegionState, {readonly paused: boolean; readonly key: string; readonly health: RegionHealth}>();
let latest: {readonly paused: boolean; readonly order: readonly unknown[]; readonly health: readonly RegionHealth[]} | undefined;

/** The list last built for this order, whatever regions map it was built from. */
function lastHealth(order: readonly unknown[], paused: boolean): readonly RegionHealth[] | undefined {
	return latest && latest.order === order && latest.paused === paused ? latest.health : undefined;
}

function locationHealth(region: RegionState, key: string, account: string | undefined, paused: boolean): RegionHealth {
	return account === undefined ? regionHealth(region, paused) : {...regionHealth(region, paused), key};
}

/** Health of each location of the context (each region, or each account's regions), in the context's order. */
export function selectRegionHealth(state: AppState): readonly RegionHealth[] {
	const cached = healthMemo.get(state.regions);
	const order = contextLocations(state.context);
	if (cached && cached.paused === state.paused && cached.order === order) return cached.health;
	// Thousands of locations, a batch of them changed: each unchanged location keeps its health
	// object, and when none changed the list itself is kept, so what is drawn from it is too.
	const previous = lastHealth(order, state.paused);
	let same = previous !== undefined && previous.length === order.length;
	const health = order.map(({key, region, account}, index) => {
		const current = state.regions[key];
		const kept = current ? locationHealthMemo.get(current) : undefined;
		const next =
			kept && kept.paused === state.paused && kept.key === key
				? kept.health
				: locationHealth(
						current ?? {region, ...(account === undefined ? {} : {account}), throttled: false, calls: 0, inFlight: false, truncated: false},
						key,
						account,
						state.paused,
					);
		if (current && !kept) locationHealthMemo.set(current, {paused: state.paused, key, health: next});
		if (same && previous![index] !== next) same = false;
		return next;
	});
	const result = same ? previous! : health;
	healthMemo.set(state.regions, {paused: state.paused, order, health: result});
	latest = {paused: state.paused, order, health: result};
	return result;
}

const truncatedMemo = new WeakMap<object, readonly string[]>();

/** Locations (region names, or `ACCOUNT/REGION` keys) whose first listing stopped at the page cap: older history is still to load. */
export function selectTruncatedRegions(state: AppState): readonly string[] {
	let truncated = truncatedMemo.get(state.regions);
	if (!truncated) {
		truncated = Object.entries(state.regions)
			.filter(([, region]) => region.truncated)
			.map(([key]) => key);
		truncatedMemo.set(state.regions, truncated);
	}
	return truncated;
}

/** API calls made so far across regions (header / bench figure). */
export function selectTotalCalls(state: AppState): number {
	let total = 0;
	for (const region of Object.values(state.regions)) total += region.calls;
	return total;
}

/** True while any region is fetching (a quiet spinner in the header). */
export function selectAnyInFlight(state: AppState): boolean {
	return Object.values(state.regions).some(region => region.inFlight);
}

const progressMemo = new WeakMap<object, ProgressCounters>();

/**
 * ProgressCounters of the open execution: the service's own when it sent them,
 * otherwise counted from the parent's per-location steps. Undefined for an
 * execution that has no locations (nothing to show a bar for).
 */
export function selectOpenProgress(state: AppState): ProgressCounters | undefined {
	const detail = selectOpenDetail(state);
	if (!detail) return undefined;
	if (detail.progress) return detail.progress;
	const cached = progressMemo.get(detail.steps);
	if (cached) return cached;
	const located = detail.steps.filter(step => step.targetLocation !== undefined);
	if (located.length === 0) return undefined;
	const counters = countersFromSteps(located);
	progressMemo.set(detail.steps, counters);
	return counters;
}

/** Whether the open execution still changes (so the views can show "live"). */
export function selectOpenIsLive(state: AppState): boolean {
	if (state.openId === undefined) return false;
	const status = (state.details[state.openId] ?? state.executions[state.openId])?.status;
	return status !== undefined && !isFinal(status);
}

export interface CursorLocation {
	readonly cell: GridCell;
	/** Whether we hold credentials for the cell's account. */
	readonly readable: boolean;
	readonly steps?: readonly StepExecution[];
	/** Why the location's steps could not be shown (no credentials, access denied, …). */
	readonly error?: string;
}

const locationMemo = new WeakMap<object, CursorLocation>();

/** The location under the grid cursor, with its child's steps or the reason they are missing. */
export function selectCursorLocation(state: AppState): CursorLocation | undefined {
	const cell = selectGridCursorCell(state);
	if (!cell || state.openId === undefined) return undefined;
	const readable = canReadAccount(state, cell.account);
	const steps = cell.childExecutionId === undefined ? undefined : state.childSteps[cell.childExecutionId];
	const error = state.childErrors[childErrorKey(state.openId, cell.account, cell.region)];
	const cached = locationMemo.get(cell);
	if (cached && cached.readable === readable && cached.steps === steps && cached.error === error) return cached;
	const location: CursorLocation = {
		cell,
		readable,
		...(steps === undefined ? {} : {steps}),
		...(error === undefined ? {} : {error}),
	};
	locationMemo.set(cell, location);
	return location;
}
