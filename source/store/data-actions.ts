/**
 * Event-named actions for what the poller and the AWS adapter report. Each one
 * changes as little as it can: unchanged executions, details and steps keep their
 * object identity (core/merge.ts), so views re-render only where data changed.
 */
import {mergeDetail, mergeDetailIntoExecutions, mergeExecutions, mergeRow, mergeSteps, pruneExecutions, type ListingCoverage} from '../core/merge.js';
import type {ErrorKind, Execution, ExecutionDetail, RegionState, StepExecution} from '../core/types.js';
import type {GetState, SetState} from './app-store.js';
import type {Banner} from './state.js';
import {executionLocationKey, parseLocationKey} from '../core/location.js';

export interface PollSuccess {
	readonly at: number;
	/** Whether the listing was cut at the paging cap; omitted by incremental polls, which keep the previous value. */
	readonly truncated?: boolean;
	/** API calls this poll made. */
	readonly calls?: number;
	/**
	 * Where the listing was complete: the region's executions in that window that it did not
	 * return are gone and are dropped (with their detail). Omitted: an upsert only.
	 */
	readonly coverage?: ListingCoverage;
}

/** One location's list refresh, as `pollSucceeded` takes it. */
export interface ListedLocation {
	readonly region: string;
	readonly executions: readonly Execution[];
	readonly meta: PollSuccess;
}

export interface PollFailure {
	readonly kind: ErrorKind;
	readonly message: string;
	readonly at: number;
	/** Set when the region waits before its next attempt. */
	readonly backoffUntil?: number;
	readonly calls?: number;
}

export interface DataActions {
	// `region` in the poll actions is a location key (core/location.ts): the region's name, or
	// `ACCOUNT/REGION` when several accounts are watched.
	/** A region's list refresh began. */
	pollStarted(region: string): void;
	/** A region's list refresh returned these executions (an upsert; rows not in it are kept unless `meta.coverage` proves them gone). */
	pollSucceeded(region: string, executions: readonly Execution[], meta: PollSuccess): void;
	/**
	 * Rows of a location's first listing while its older pages still load (an upsert): the location
	 * stays loading, and its pollSucceeded, with every page, follows.
	 */
	firstPagesListed(region: string, executions: readonly Execution[]): void;
	/**
	 * Several locations' list refreshes at once, as `pollSucceeded` one after another would apply
	 * them, in one store update (an organisation's thousands of locations answer a few per
	 * millisecond: one update each made every listener's pass over every row run per location).
	 * Returns the locations whose rows changed.
	 */
	pollsSucceeded(batch: readonly ListedLocation[]): ReadonlySet<string>;
	/** A region's refresh failed; the last good data stays. */
	pollFailed(region: string, failure: PollFailure): void;
	/** API calls made outside a list poll (detail, child steps), counted for the header. */
	callsCounted(region: string, calls: number): void;
	/** The open execution could not be refreshed; shown as that region's error, its last data kept. */
	detailFailed(region: string, failure: PollFailure): void;
	/** GetAutomationExecution returned; the list row of the same execution is refreshed too. */
	detailLoaded(detail: ExecutionDetail, meta?: {readonly calls?: number}): void;
	/** A child execution's steps (location drill-down) were read in its own account. */
	childStepsLoaded(
		childId: string,
		steps: readonly StepExecution[],
		meta?: {readonly region?: string; readonly calls?: number; /** childErrors key to clear. */ readonly errorKey?: string},
	): void;
	/** A location could not be read; key `${parentId}/${account}/${region}`. */
	childFailed(key: string, message: string): void;
	/** The credentials were refused: say so in the banner and pause polling (data kept). */
	credentialsRejected(failure: {readonly message: string; readonly at: number}): void;
	bannerShown(banner: Banner): void;
	bannerCleared(): void;
}

/**
 * Details (GetAutomationExecution, every step) kept besides the open execution's: the last few
 * read, so going back to one is instant. Each is kept until then, and before this bound every
 * execution ever opened stayed in memory for as long as ssmtop ran (a 500-step run ≈ 1 MB).
 */
export const DETAILS_KEPT = 8;
/** Child executions' steps kept (location drill-down): the last cells read of a large grid. */
export const CHILD_STEPS_KEPT = 64;

/**
 * `record` with `key` set to `value` and moved last (keys keep insertion order: the last is the
 * most recently read), holding at most `limit` keys: the oldest go first, never `keep`.
 */
function withRecent<T>(record: Readonly<Record<string, T>>, key: string, value: T, limit: number, keep?: string): Readonly<Record<string, T>> {
	const next: Record<string, T> = {...record};
	delete next[key];
	next[key] = value;
	let excess = Object.keys(next).length - limit;
	for (const old of Object.keys(next)) {
		if (excess <= 0) break;
		if (old === key || old === keep) continue;
		delete next[old];
		excess--;
	}

	return next;
}

/**
 * Which locations a batch of list refreshes changed, per regions record it made: the record
 * before it and the keys written. Selectors over every location (the header's health) update
 * just those instead of looking every location up again (9,620 with an organisation).
 */
// `from` is held weakly: held strongly, each record would keep the one before it alive, and so every record ever made.
const regionsWritten = new WeakMap<object, {readonly from: WeakRef<Readonly<Record<string, RegionState>>>; readonly keys: readonly string[]}>();

/** The keys `next` wrote over `previous`, when `next` was made from it by one batch; else undefined. */
export function regionsChangedFrom(
	next: Readonly<Record<string, RegionState>>,
	previous: Readonly<Record<string, RegionState>>,
): readonly string[] | undefined {
	const written = regionsWritten.get(next);
	return written?.from.deref() === previous ? written.keys : undefined;
}

/**
 * The executions records made by firstPagesListed: rows of a first listing still arriving, for the
 * cursor's rule in app-store.ts (on the top row, it stays on the top row while first listings come in).
 */
export const FIRST_PAGES = new WeakSet<Readonly<Record<string, Execution>>>();

export function childErrorKey(parentId: string, account: string, region: string): string {
	return `${parentId}/${account}/${region}`;
}

/** A location not refreshed yet: no calls, no error, nothing in flight. */
export function unrefreshedLocation(region: string, account: string | undefined): RegionState {
	return {region, ...(account === undefined ? {} : {account}), throttled: false, calls: 0, inFlight: false, truncated: false};
}

function regionOf(regions: Readonly<Record<string, RegionState>>, key: string): RegionState {
	const existing = regions[key];
	if (existing) return existing;
	const {region, account} = parseLocationKey(key);
	return unrefreshedLocation(region, account);
}

function withRegion(
	regions: Readonly<Record<string, RegionState>>,
	region: string,
	update: (current: RegionState) => RegionState,
): Readonly<Record<string, RegionState>> {
	return {...regions, [region]: update(regionOf(regions, region))};
}

function withoutKey<T>(record: Readonly<Record<string, T>>, key: string): Readonly<Record<string, T>> {
	const {[key]: _removed, ...rest} = record;
	return rest;
}

function withoutKeys<T>(record: Readonly<Record<string, T>>, keys: readonly string[]): Readonly<Record<string, T>> {
	const rest = {...record};
	for (const key of keys) delete rest[key];
	return rest;
}

/** Prunes one location: `key` is a region, or `ACCOUNT/REGION` when several accounts are watched. */
function pruneLocation(current: Readonly<Record<string, Execution>>, key: string, returned: readonly Execution[], coverage: ListingCoverage) {
	const {region, account} = parseLocationKey(key);
	return pruneExecutions(current, region, returned, coverage, account);
}

/** The location after a good list refresh: its error and back-off cleared, its calls counted. */
function succeededRegion(current: RegionState, meta: PollSuccess): RegionState {
	const {lastError: _lastError, backoffUntil: _backoffUntil, ...rest} = current;
	return {
		...rest,
		lastSuccessAt: meta.at,
		throttled: false,
		inFlight: false,
		calls: current.calls + (meta.calls ?? 0),
		truncated: meta.truncated ?? current.truncated,
	};
}

export function createDataActions(set: SetState, get: GetState): DataActions {
	return {
		pollStarted(region) {
			if (get().regions[region]?.inFlight) return;
			set(state => ({regions: withRegion(state.regions, region, current => ({...current, inFlight: true}))}));
		},
		pollSucceeded(region, executions, meta) {
			set(state => {
				const upserted = mergeExecutions(state.executions, executions);
				const {executions: merged, removed} = meta.coverage ? pruneLocation(upserted, region, executions, meta.coverage) : {executions: upserted, removed: []};
				// The detail of a dropped execution goes too: an open view then says it is no longer listed.
				const details = removed.some(id => state.details[id] !== undefined) ? withoutKeys(state.details, removed) : state.details;
				const regions = withRegion(state.regions, region, current => succeededRegion(current, meta));
				return {
					regions,
					...(merged === state.executions ? {} : {executions: merged}),
					...(details === state.details ? {} : {details}),
				};
			});
		},
		firstPagesListed(_region, executions) {
			set(state => {
				const merged = mergeExecutions(state.executions, executions);
				if (merged === state.executions) return {};
				FIRST_PAGES.add(merged);
				return {executions: merged};
			});
		},
		pollsSucceeded(batch) {
			const changed = new Set<string>();
			if (batch.length === 0) return changed;
			set(state => {
				// One copy of each record for the whole batch, written in place: N copies were the cost.
				let draft: Record<string, Execution> | undefined;
				const regions: Record<string, RegionState> = {...state.regions};
				const removedAll: string[] = [];
				for (const {region, executions, meta} of batch) {
					for (const execution of executions) {
						const existing = (draft ?? state.executions)[execution.id];
						const merged = mergeRow(existing, execution);
						if (merged === existing) continue;
						draft ??= {...state.executions};
						draft[execution.id] = merged;
						changed.add(region);
					}

					if (meta.coverage) {
						const {executions: pruned, removed} = pruneLocation(draft ?? state.executions, region, executions, meta.coverage);
						if (removed.length > 0) {
							// pruneExecutions returns a fresh record when it removed rows: it becomes the draft.
							draft = pruned as Record<string, Execution>;
							removedAll.push(...removed);
							changed.add(region);
						}
					}

					regions[region] = succeededRegion(regionOf(regions, region), meta);
				}

				const details = removedAll.some(id => state.details[id] !== undefined) ? withoutKeys(state.details, removedAll) : state.details;
				regionsWritten.set(regions, {from: new WeakRef(state.regions), keys: batch.map(listed => listed.region)});
				return {
					regions,
					...(draft === undefined ? {} : {executions: draft}),
					...(details === state.details ? {} : {details}),
				};
			});
			return changed;
		},
		pollFailed(region, failure) {
			set(state => ({
				regions: withRegion(state.regions, region, current => {
					const {backoffUntil: _backoffUntil, ...rest} = current;
					return {
						...rest,
						lastError: {kind: failure.kind, message: failure.message, at: failure.at},
						...(failure.backoffUntil === undefined ? {} : {backoffUntil: failure.backoffUntil}),
						throttled: failure.kind === 'throttled',
						inFlight: false,
						calls: current.calls + (failure.calls ?? 0),
					};
				}),
			}));
		},
		callsCounted(region, calls) {
			if (calls <= 0 || !get().regions[region]) return;
			set(state => ({regions: withRegion(state.regions, region, current => ({...current, calls: current.calls + calls}))}));
		},
		detailFailed(region, failure) {
			if (!get().regions[region]) return;
			set(state => ({
				regions: withRegion(state.regions, region, current => ({
					...current,
					lastError: {kind: failure.kind, message: failure.message, at: failure.at},
					calls: current.calls + (failure.calls ?? 0),
				})),
			}));
		},
		detailLoaded(detail, meta) {
			set(state => {
				const previous = state.details[detail.id];
				const merged = mergeDetail(previous, detail);
				const executions = mergeDetailIntoExecutions(state.executions, merged);
				const calls = meta?.calls ?? 0;
				const location = executionLocationKey(state.context, detail);
				const countRegion = calls > 0 && state.regions[location] !== undefined;
				// Returning the state itself tells zustand nothing changed: no listener runs.
				if (merged === previous && executions === state.executions && !countRegion) return state;
				return {
					...(merged === previous ? {} : {details: withRecent(state.details, detail.id, merged, DETAILS_KEPT, state.openId)}),
					...(executions === state.executions ? {} : {executions}),
					...(countRegion ? {regions: withRegion(state.regions, location, current => ({...current, calls: current.calls + calls}))} : {}),
				};
			});
		},
		childStepsLoaded(childId, steps, meta) {
			set(state => {
				const previous = state.childSteps[childId];
				const merged = mergeSteps(previous, steps);
				const region = meta?.region;
				const calls = meta?.calls ?? 0;
				const countRegion = region !== undefined && calls > 0 && state.regions[region] !== undefined;
				const errorKey = meta?.errorKey;
				const clearError = errorKey !== undefined && state.childErrors[errorKey] !== undefined;
				if (merged === previous && !countRegion && !clearError) return state;
				return {
					...(merged === previous ? {} : {childSteps: withRecent(state.childSteps, childId, merged, CHILD_STEPS_KEPT)}),
					...(clearError ? {childErrors: withoutKey(state.childErrors, errorKey)} : {}),
					...(countRegion ? {regions: withRegion(state.regions, region, current => ({...current, calls: current.calls + calls}))} : {}),
				};
			});
		},
		childFailed(key, message) {
			if (get().childErrors[key] === message) return;
			set(state => ({childErrors: {...state.childErrors, [key]: message}}));
		},
		credentialsRejected(failure) {
			set({paused: true, banner: {level: 'error', message: failure.message, at: failure.at}});
		},
		bannerShown(banner) {
			set({banner});
		},
		bannerCleared() {
			if (get().banner === undefined) return;
			set({banner: undefined});
		},
	};
}
