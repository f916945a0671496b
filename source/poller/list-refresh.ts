/**
 * One region's list refresh. The first one lists everything (up to the page cap);
 * after that it is incremental, because final executions never change. It asks
 * for a window of start times that covers every execution we know to be still
 * running plus anything new: executions started since the oldest non-final one
 * (or, with none running, since the newest one we know; with none known at all, as in an
 * empty region, one plain listing, which costs one call too). When that window would
 * take more than a page (a long-running execution in a busy region), it asks
 * instead for
 *   1. executions in a non-final status, and
 *   2. executions started since the newest one we know,
 * and then, by id, for the ones we last saw non-final that neither returned (they
 * just reached a final status), ten ids per call.
 * At steady state that is one or two calls per region per interval, whatever the
 * history size, where a naive loop re-reads every execution. If the service
 * rejects a filter, the region falls back to plain listing.
 *
 * Each refresh also says where it was complete (core/merge.ts ListingCoverage), so
 * executions the service no longer lists leave the store instead of staying on
 * screen forever: a full listing covers everything when it was not cut, and starts
 * newer than the oldest one it returned when it was (the service lists newest
 * first); a StartTimeAfter listing that was not cut covers its window; an
 * ExecutionId lookup that did not return an id proves that id gone.
 */
import type {ListingCoverage} from '../core/merge.js';
import type {ExecutionFilter, MonitorApi} from '../core/monitor-api.js';
import {isFinal} from '../core/status.js';
import type {Execution} from '../core/types.js';

/** Non-final execution statuses (the filter takes at most ten values). */
export const NON_FINAL_STATUSES = [
	'Pending',
	'InProgress',
	'Waiting',
	'Cancelling',
	'PendingApproval',
	'Approved',
	'Scheduled',
	'RunbookInProgress',
	'PendingChangeCalendarOverride',
	'ChangeCalendarOverrideApproved',
] as const;

/** Look back this far before the newest known start, so a run started in the same second is not missed. */
export const START_TIME_MARGIN_MS = 5000;
const IDS_PER_FILTER = 10;
/** Rows per DescribeAutomationExecutions page (the most the service allows). */
const PAGE_SIZE = 50;

export interface RegionCursor {
	/** The first full listing has been done. */
	loaded: boolean;
	/** Where the capped full listing stopped: older pages load on demand. */
	olderToken?: string;
	/** The service refused our filters: list plainly from now on. */
	plainListing: boolean;
}

export interface RefreshResult {
	readonly executions: readonly Execution[];
	/** Set by full listings only. */
	readonly truncated?: boolean;
	/** Where the listing was complete; absent when it proves nothing gone (loading older history). */
	readonly coverage?: ListingCoverage;
}

/** Counts calls as they happen, so a failed refresh still reports the calls it made. */
export interface CallCounter {
	calls: number;
}

export interface ListContext {
	readonly api: MonitorApi;
	readonly region: string;
	/** The location's account, when several accounts are watched. */
	readonly account?: string;
	readonly pageCap: number;
	readonly signal: AbortSignal;
	readonly counter: CallCounter;
	/**
	 * The first listing's pages as they come, but the last: a location's newest rows can be shown
	 * while its older pages load (issue 10: a busy region's first listing is several calls).
	 */
	readonly onFirstPages?: (executions: readonly Execution[]) => void;
}

/** Lists with `filters`, following NextToken for at most `pageCap` pages. */
export async function listPages(
	context: ListContext,
	filters: readonly ExecutionFilter[] | undefined,
	startToken?: string,
	onPage?: (executions: readonly Execution[]) => void,
): Promise<{executions: Execution[]; nextToken?: string}> {
	const executions: Execution[] = [];
	let nextToken = startToken;
	let pages = 0;
	do {
		// A failed call still counts: it was made (and counts against the service's rate limits).
		context.counter.calls++;
		pages++;
		const page = await context.api.listExecutionPage(context.region, {
			...(filters ? {filters} : {}),
			...(nextToken ? {nextToken} : {}),
			...(context.account === undefined ? {} : {account: context.account}),
			signal: context.signal,
		});
		executions.push(...page.executions);
		nextToken = page.nextToken;
		if (onPage && nextToken && pages < context.pageCap) onPage(page.executions);
	} while (nextToken && pages < context.pageCap);
	return nextToken ? {executions, nextToken} : {executions};
}

/** ISO-8601 to the second, the form the StartTime filters document. */
export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Where an unfiltered listing, newest first, was complete: everywhere when it was not cut;
 * otherwise over the starts newer than the oldest it returned (one of the same second may be on
 * the next page).
 */
function unfilteredCoverage(executions: readonly Execution[], cut: boolean): ListingCoverage {
	if (!cut) return {startedAfter: 'all'};
	let oldest: number | undefined;
	for (const execution of executions) {
		if (execution.startTime !== undefined && (oldest === undefined || execution.startTime < oldest)) oldest = execution.startTime;
	}

	return oldest === undefined ? {} : {startedAfter: oldest};
}

async function fullListing(context: ListContext, cursor: RegionCursor): Promise<RefreshResult> {
	const {executions, nextToken} = await listPages(context, undefined, undefined, cursor.loaded ? undefined : context.onFirstPages);
	cursor.loaded = true;
	if (nextToken) cursor.olderToken = nextToken;
	else delete cursor.olderToken;
	return {executions, truncated: Boolean(nextToken), coverage: unfilteredCoverage(executions, Boolean(nextToken))};
}

/** The StartTimeAfter instant for a window from `ms`: a margin earlier, to the second. */
function startAfterInstant(ms: number): number {
	return Math.floor((ms - START_TIME_MARGIN_MS) / 1000) * 1000;
}

function startAfter(ms: number): ExecutionFilter[] {
	return [{key: 'StartTimeAfter', values: [isoSeconds(ms - START_TIME_MARGIN_MS)]}];
}

/**
 * Where a StartTimeAfter listing that was not cut is complete. The filter is to the second and the
 * service may compare whole seconds, so the window is taken to start a second later.
 */
function windowAfter(ms: number): number {
	return startAfterInstant(ms) + 1000;
}

/** Where the single-window plan would start, or undefined when it would take more than a page. */
export function windowStart(known: readonly Execution[]): number | undefined {
	let oldestRunning: number | undefined;
	let newest: number | undefined;
	for (const execution of known) {
		const start = execution.startTime;
		if (start === undefined) continue;
		if (newest === undefined || start > newest) newest = start;
		if (!isFinal(execution.status) && (oldestRunning === undefined || start < oldestRunning)) oldestRunning = start;
	}

	const from = oldestRunning ?? newest;
	if (from === undefined) return undefined;
	const inWindow = known.filter(execution => (execution.startTime ?? Number.POSITIVE_INFINITY) >= from - START_TIME_MARGIN_MS).length;
	return inWindow < PAGE_SIZE ? from : undefined;
}

/** What the incremental plan needs from the held rows, worked out once per rows array (the poller keeps it while nothing changed). */
interface HeldSummary {
	readonly from: number | undefined;
	readonly newest: number;
	readonly nonFinalIds: readonly string[];
}

const summaries = new WeakMap<readonly Execution[], HeldSummary>();

function summaryOf(known: readonly Execution[]): HeldSummary {
	let summary = summaries.get(known);
	if (!summary) {
		let newest = Number.NEGATIVE_INFINITY;
		const nonFinalIds: string[] = [];
		for (const execution of known) {
			if (execution.startTime !== undefined && execution.startTime > newest) newest = execution.startTime;
			if (!isFinal(execution.status)) nonFinalIds.push(execution.id);
		}

		summary = {from: windowStart(known), newest, nonFinalIds};
		summaries.set(known, summary);
	}

	return summary;
}

async function incremental(context: ListContext, known: readonly Execution[]): Promise<RefreshResult> {
	const seen = new Map<string, Execution>();
	const add = (rows: readonly Execution[]) => {
		for (const row of rows) seen.set(row.id, row);
	};

	let startedAfter: ListingCoverage['startedAfter'];
	const {from, newest, nonFinalIds} = summaryOf(known);
	if (from === undefined && !Number.isFinite(newest)) {
		// Nothing held with a start time (an empty region): one plain listing, newest first, brings
		// every run, running or not, unless it was cut; only then ask for the non-final ones too.
		const recent = await listPages(context, undefined);
		add(recent.executions);
		startedAfter = unfilteredCoverage(recent.executions, Boolean(recent.nextToken)).startedAfter;
		if (recent.nextToken) add((await listPages(context, [{key: 'ExecutionStatus', values: NON_FINAL_STATUSES}])).executions);
	} else if (from === undefined) {
		add((await listPages(context, [{key: 'ExecutionStatus', values: NON_FINAL_STATUSES}])).executions);
		const recent = await listPages(context, startAfter(newest));
		add(recent.executions);
		if (!recent.nextToken) startedAfter = windowAfter(newest);
	} else {
		const recent = await listPages(context, startAfter(from));
		add(recent.executions);
		if (!recent.nextToken) startedAfter = windowAfter(from);
	}

	const settled = nonFinalIds.filter(id => !seen.has(id));
	const missingIds: string[] = [];
	for (let index = 0; index < settled.length; index += IDS_PER_FILTER) {
		const ids = settled.slice(index, index + IDS_PER_FILTER);
		const found = await listPages(context, [{key: 'ExecutionId', values: ids}]);
		add(found.executions);
		if (!found.nextToken) missingIds.push(...ids.filter(id => !seen.has(id)));
	}

	return {
		executions: [...seen.values()],
		coverage: {...(startedAfter === undefined ? {} : {startedAfter}), ...(missingIds.length > 0 ? {missingIds} : {})},
	};
}

/**
 * Refreshes one region. `known` are the region's executions in the store.
 * Throws what the api throws (DataError or an abort); `cursor` is updated in place.
 */
export async function refreshRegion(context: ListContext, cursor: RegionCursor, known: readonly Execution[]): Promise<RefreshResult> {
	if (!cursor.loaded || cursor.plainListing) return fullListing(context, cursor);
	try {
		return await incremental(context, known);
	} catch (error) {
		if ((error as {kind?: unknown}).kind !== 'validation') throw error;
		// Filters refused (an older or partial implementation of the API): list plainly from now on.
		cursor.plainListing = true;
		return fullListing(context, cursor);
	}
}

/** The next `pageCap` pages of history beyond the first capped listing. */
export async function loadOlderPages(context: ListContext, cursor: RegionCursor): Promise<RefreshResult | undefined> {
	if (!cursor.olderToken) return undefined;
	const {executions, nextToken} = await listPages(context, undefined, cursor.olderToken);
	if (nextToken) cursor.olderToken = nextToken;
	else delete cursor.olderToken;
	return {executions, truncated: Boolean(nextToken)};
}
