/**
 * What a fair naive monitor costs, to compare the poller with: every list interval it lists every
 * page of every region (DescribeAutomationExecutions, 50 per page, from the newest), and every
 * detail interval it gets the execution the user has open (GetAutomationExecution, plus its step
 * pages when the steps come truncated, as ssmtop's detail does) while that execution runs. It keeps
 * the same freshness the poller promises, and nothing of what it read before.
 */
import type {MonitorApi} from '../core/monitor-api.js';
import {isFinal} from '../core/status.js';

export const NAIVE_PAGE_SIZE = 50;

export interface NaiveLoadOptions {
	readonly executionsPerRegion: readonly number[];
	/** The list interval (the poller's intervalMs). */
	readonly intervalMs: number;
	/** The open execution's cost per read (1 + its step pages) and how often it is read; absent when nothing is open. */
	readonly open?: {readonly callsPerRead: number; readonly detailIntervalMs: number};
	readonly pageSize?: number;
}

/** DescribeAutomationExecutions pages for one listing of every region (at least one, even for an empty region). */
export function naiveListCalls(executionsPerRegion: readonly number[], pageSize = NAIVE_PAGE_SIZE): number {
	if (!(pageSize > 0)) throw new RangeError('pageSize must be positive');
	return executionsPerRegion.reduce((total, count) => total + Math.max(1, Math.ceil(count / pageSize)), 0);
}

/** The fair naive loop's calls per minute, worked out (the benchmark counts them on the emulator; this checks it). */
export function naiveCallsPerMinute(options: NaiveLoadOptions): number {
	if (!(options.intervalMs > 0)) throw new RangeError('intervalMs must be positive');
	const lists = naiveListCalls(options.executionsPerRegion, options.pageSize) * (60_000 / options.intervalMs);
	if (!options.open) return lists;
	if (!(options.open.detailIntervalMs > 0)) throw new RangeError('detailIntervalMs must be positive');
	return lists + options.open.callsPerRead * (60_000 / options.open.detailIntervalMs);
}

export interface NaiveLoop {
	/** Lists every page of every region; returns the calls made. */
	listAll(): Promise<number>;
	/** Gets the open execution unless it was last seen final; returns the calls made. */
	readOpen(open: {readonly region: string; readonly executionId: string} | undefined): Promise<number>;
}

/** The naive loop over `api` (the benchmark gives it its own client, so its calls are its own). */
export function createNaiveLoop(api: MonitorApi, regions: readonly string[], pageSize = NAIVE_PAGE_SIZE): NaiveLoop {
	const finished = new Set<string>();
	return {
		async listAll() {
			let calls = 0;
			for (const region of regions) {
				let nextToken: string | undefined;
				do {
					calls++;
					const page = await api.listExecutionPage(region, {maxResults: pageSize, ...(nextToken ? {nextToken} : {})});
					nextToken = page.nextToken;
				} while (nextToken);
			}

			return calls;
		},
		async readOpen(open) {
			if (!open || finished.has(open.executionId)) return 0;
			const {detail, calls} = await api.getExecution(open.region, open.executionId);
			if (isFinal(detail.status)) finished.add(open.executionId);
			return calls;
		},
	};
}

/** Requests counted over `simulatedMs`, scaled to one minute. */
export function perMinute(count: number, simulatedMs: number): number {
	if (!(simulatedMs > 0)) throw new RangeError('simulatedMs must be positive');
	return (count * 60_000) / simulatedMs;
}

/** Sum of the per-operation request counters (the emulator's counts().requests). */
export function totalRequests(requests: Readonly<Record<string, number>>): number {
	return Object.values(requests).reduce((total, count) => total + count, 0);
}

/** Per-operation difference between two snapshots of the request counters. */
export function requestsBetween(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): Record<string, number> {
	const difference: Record<string, number> = {};
	for (const [operation, count] of Object.entries(after)) {
		const delta = count - (before[operation] ?? 0);
		if (delta !== 0) difference[operation] = delta;
	}

	return difference;
}

/** Adds per-operation counts into `total`. */
export function addRequests(total: Record<string, number>, more: Readonly<Record<string, number>>): void {
	for (const [operation, count] of Object.entries(more)) total[operation] = (total[operation] ?? 0) + count;
}
