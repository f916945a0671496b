/**
 * Where a MonitorApi's calls go, per region and per purpose: the poller's list calls (full
 * listings, incremental windows, the non-final-status listing, id lookups) and the open
 * execution's reads (GetAutomationExecution and the step pages it took). The benchmark wraps the
 * poller's api with it to show what each saving saved; the emulator's own counters stay the
 * ground truth for the totals.
 */
import type {ChildLocation, DetailResult, ExecutionPageRequest, HeldSteps, MonitorApi} from '../core/monitor-api.js';

export type CallPurpose = 'list-all' | 'list-window' | 'list-non-final' | 'list-ids' | 'list-other' | 'get' | 'steps' | 'child';

export type CallLedgerCounts = Record<string, Partial<Record<CallPurpose, number>>>;

export interface CallLedger {
	readonly api: MonitorApi;
	/** Calls so far, by region and purpose. */
	counts(): CallLedgerCounts;
}

/** What a DescribeAutomationExecutions call was for, from its filters. */
export function listPurpose(request: ExecutionPageRequest | undefined): CallPurpose {
	const keys = (request?.filters ?? []).map(filter => filter.key);
	if (keys.length === 0) return 'list-all';
	if (keys.length === 1 && keys[0] === 'StartTimeAfter') return 'list-window';
	if (keys.length === 1 && keys[0] === 'ExecutionStatus') return 'list-non-final';
	if (keys.length === 1 && keys[0] === 'ExecutionId') return 'list-ids';
	return 'list-other';
}

export function createCallLedger(api: MonitorApi): CallLedger {
	const counts: CallLedgerCounts = {};
	const count = (region: string, purpose: CallPurpose, calls = 1): void => {
		if (calls <= 0) return;
		const row = (counts[region] ??= {});
		row[purpose] = (row[purpose] ?? 0) + calls;
	};

	const wrapped: MonitorApi = {
		async listExecutionPage(region, request) {
			// Counted before the answer: a failed call was made all the same.
			count(region, listPurpose(request));
			return api.listExecutionPage(region, request);
		},
		async getExecution(region: string, executionId: string, options?: {signal?: AbortSignal; heldSteps?: HeldSteps}): Promise<DetailResult> {
			let result: DetailResult;
			try {
				result = await api.getExecution(region, executionId, options);
			} finally {
				count(region, 'get');
			}

			count(region, 'steps', result.calls - 1);
			return result;
		},
		async getChildExecution(location: ChildLocation, options?: {signal?: AbortSignal}) {
			const result = await api.getChildExecution(location, options);
			count(location.region, 'child', result?.calls ?? 0);
			return result;
		},
		...(api.resetCredentials ? {resetCredentials: () => api.resetCredentials?.()} : {}),
	};
	return {api: wrapped, counts: () => structuredClone(counts)};
}

/** Per-region, per-purpose difference between two ledger snapshots. */
export function ledgerBetween(before: CallLedgerCounts, after: CallLedgerCounts): CallLedgerCounts {
	const difference: CallLedgerCounts = {};
	for (const [region, row] of Object.entries(after)) {
		for (const [purpose, value] of Object.entries(row) as Array<[CallPurpose, number]>) {
			const delta = value - (before[region]?.[purpose] ?? 0);
			if (delta !== 0) (difference[region] ??= {})[purpose] = delta;
		}
	}

	return difference;
}
