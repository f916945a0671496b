/**
 * One region's list refresh. The first one lists everything (up to the page cap);
 * after that it is incremental, because final executions never change:
 *   1. executions in a non-final status (one filtered listing, usually one page);
 *   2. executions started since the newest one we know (catches runs that started
 *      and finished between two polls);
 *   3. by id, the ones we last saw non-final that neither query returned (they
 *      just reached a final status), ten ids per call.
 * At steady state that is two calls per region per interval, whatever the history
 * size, where a naive loop re-lists every page. If the service rejects a filter,
 * the region falls back to plain listing.
 */
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
}

/** Counts calls as they happen, so a failed refresh still reports the calls it made. */
export interface CallCounter {
	calls: number;
}

export interface ListContext {
	readonly api: MonitorApi;
	readonly region: string;
	readonly pageCap: number;
	readonly signal: AbortSignal;
	readonly counter: CallCounter;
}

/** Lists with `filters`, following NextToken for at most `pageCap` pages. */
export async function listPages(
	context: ListContext,
	filters: readonly ExecutionFilter[] | undefined,
	startToken?: string,
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
			signal: context.signal,
		});
		executions.push(...page.executions);
		nextToken = page.nextToken;
	} while (nextToken && pages < context.pageCap);
	return nextToken ? {executions, nextToken} : {executions};
}

/** ISO-8601 to the second, the form the StartTime filters document. */
export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

async function fullListing(context: ListContext, cursor: RegionCursor): Promise<RefreshResult> {
	const {executions, nextToken} = await listPages(context, undefined);
	cursor.loaded = true;
	if (nextToken) cursor.olderToken = nextToken;
	else delete cursor.olderToken;
	return {executions, truncated: Boolean(nextToken)};
}

async function incremental(context: ListContext, known: readonly Execution[]): Promise<RefreshResult> {
	const seen = new Map<string, Execution>();
	const add = (rows: readonly Execution[]) => {
		for (const row of rows) seen.set(row.id, row);
	};

	add((await listPages(context, [{key: 'ExecutionStatus', values: NON_FINAL_STATUSES}])).executions);

	let newest: number | undefined;
	for (const execution of known) {
		if (execution.startTime !== undefined && (newest === undefined || execution.startTime > newest)) newest = execution.startTime;
	}

	add((await listPages(context, newest === undefined ? undefined : [{key: 'StartTimeAfter', values: [isoSeconds(newest - START_TIME_MARGIN_MS)]}])).executions);

	const settled = known.filter(execution => !isFinal(execution.status) && !seen.has(execution.id)).map(execution => execution.id);
	for (let index = 0; index < settled.length; index += IDS_PER_FILTER) {
		add((await listPages(context, [{key: 'ExecutionId', values: settled.slice(index, index + IDS_PER_FILTER)}])).executions);
	}

	return {executions: [...seen.values()]};
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
