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
import {childErrorKey, regionsChangedFrom, unrefreshedLocation} from './data-actions.js';
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

/**
 * Per order of locations (contextLocations: one per context), the health list last built and the
 * store records it was built from, index by index. Thousands of locations, a batch of them
 * changed: each unchanged location keeps its health object (one reference compared), and when
 * none changed the list itself is kept, so what is drawn from it is too.
 */
interface HealthBuilt {
	readonly regions: AppState['regions'];
	readonly paused: boolean;
	readonly from: ReadonlyArray<RegionState | undefined>;
	readonly health: readonly RegionHealth[];
}

const healthBuilt = new WeakMap<readonly unknown[], HealthBuilt>();
/** Per order, each location key's index in it. */
const orderIndex = new WeakMap<readonly unknown[], ReadonlyMap<string, number>>();

/** The health of one location of the order, from its record (or, not in the store yet, an unrefreshed one). */
function locationHealth(
	{key, region, account}: {readonly key: string; readonly region: string; readonly account?: string | undefined},
	current: RegionState | undefined,
	paused: boolean,
): RegionHealth {
	const health = regionHealth(current ?? unrefreshedLocation(region, account), paused);
	return account === undefined ? health : {...health, key};
}

/** Health of each location of the context (each region, or each account's regions), in the context's order. */
export function selectRegionHealth(state: AppState): readonly RegionHealth[] {
	const order = contextLocations(state.context);
	const built = healthBuilt.get(order);
	if (built && built.regions === state.regions && built.paused === state.paused) return built.health;
	const kept = built?.paused === state.paused ? built : undefined;
	// One batch of list refreshes since the last list: only the locations it wrote are looked at.
	const written = kept ? regionsChangedFrom(state.regions, kept.regions) : undefined;
	if (kept && written) {
		let indexOf = orderIndex.get(order);
		if (!indexOf) {
			indexOf = new Map(order.map(({key}, index) => [key, index]));
			orderIndex.set(order, indexOf);
		}

		let health: RegionHealth[] | undefined;
		let from: Array<RegionState | undefined> | undefined;
		for (const key of written) {
			const index = indexOf.get(key);
			const current = state.regions[key];
			if (index === undefined || kept.from[index] === current) continue;
			health ??= [...kept.health];
			from ??= [...kept.from];
			from[index] = current;
			health[index] = locationHealth(order[index]!, current, state.paused);
		}

		const result = health ?? kept.health;
		healthBuilt.set(order, {regions: state.regions, paused: state.paused, from: from ?? kept.from, health: result});
		return result;
	}

	let changed = kept === undefined;
	const from: Array<RegionState | undefined> = [];
	const health = order.map((location, index) => {
		const current = state.regions[location.key];
		from.push(current);
		// Not yet in the store is the same health too (its place in the order says it all).
		if (kept && kept.from[index] === current) return kept.health[index]!;
		changed = true;
		return locationHealth(location, current, state.paused);
	});
	const result = changed ? health : kept!.health;
	healthBuilt.set(order, {regions: state.regions, paused: state.paused, from, health: result});
	return result;
}

const truncatedMemo = new WeakMap<readonly RegionHealth[], readonly string[]>();

/** Locations (region names, or `ACCOUNT/REGION` keys) whose first listing stopped at the page cap: older history is still to load. */
export function selectTruncatedRegions(state: AppState): readonly string[] {
	// From the health list, which a batch of refreshes updates location by location: the list asks on every store change.
	const health = selectRegionHealth(state);
	let truncated = truncatedMemo.get(health);
	if (!truncated) {
		const keys: string[] = [];
		for (const location of health) if (location.truncated) keys.push(location.key ?? location.region);
		truncated = keys;
		truncatedMemo.set(health, truncated);
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
