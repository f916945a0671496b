/**
 * SSM requests per minute at steady state: the poller against the fair naive loop
 * (naive-calls.ts), both over the same simulated minute on the same emulator, both counted by
 * the emulator (the ground truth: every request that reached it). The naive loop runs with its
 * own client between the poller's steps, while the poller is settled and the clock stands, so
 * each request is told apart by when it came. The call ledger (call-ledger.ts), when the session
 * was started with it, says where the poller's calls went.
 */
import {createAwsApi, localModeOptions} from '../aws/index.js';
import {ledgerBetween, type CallLedger, type CallLedgerCounts} from './call-ledger.js';
import type {LocalSession} from './local-session.js';
import {addRequests, createNaiveLoop, perMinute, requestsBetween, totalRequests} from './naive-calls.js';

export interface CallsCount {
	readonly perMinute: number;
	/** Requests over the whole simulated time, by operation, as the emulator counted them. */
	readonly byOperation: Readonly<Record<string, number>>;
}

export interface ApiCallsResult {
	readonly simulatedMs: number;
	readonly intervalMs: number;
	readonly detailIntervalMs: number;
	readonly executionsPerRegion: Readonly<Record<string, number>>;
	/** The execution open in the detail during the measure, if any. */
	readonly openId?: string;
	readonly poller: CallsCount & {
		/** Where its calls went, by region and purpose (when the session has a ledger). */
		readonly byPurpose?: CallLedgerCounts;
	};
	readonly naive: CallsCount & {readonly listPerMinute: number; readonly openPerMinute: number};
	/** Poller calls as a share of the naive loop's. */
	readonly ratio: number;
}

export async function measureApiCalls(
	session: LocalSession,
	options: {simulatedMs?: number; stepMs?: number; ledger?: CallLedger} = {},
): Promise<ApiCallsResult> {
	const simulatedMs = options.simulatedMs ?? 60_000;
	const stepMs = options.stepMs ?? 1000;
	const {intervalMs, detailIntervalMs} = session.poller;
	if (intervalMs % stepMs !== 0 || detailIntervalMs % stepMs !== 0) throw new RangeError('stepMs must divide both refresh intervals');
	const {regions} = session.store.getState().context;
	const naiveApi = createAwsApi(localModeOptions(session.emulator, regions));
	const naive = createNaiveLoop(naiveApi, regions);
	const requests = (): Record<string, number> => ({...session.emulator.control.counts().requests});
	const pollerRequests: Record<string, number> = {};
	const naiveRequests: Record<string, number> = {};
	let naiveList = 0;
	let naiveOpen = 0;
	try {
		// Start from a settled state: the first listing and any catch-up are not steady state.
		await session.advance(intervalMs);
		const ledgerBefore = options.ledger?.counts();
		for (let elapsed = stepMs; elapsed <= simulatedMs; elapsed += stepMs) {
			const before = requests();
			await session.advance(stepMs);
			const afterPoller = requests();
			addRequests(pollerRequests, requestsBetween(before, afterPoller));
			// The naive loop reads what the user looks at: the open execution, as the plan names it.
			const openId = session.store.getState().openId;
			const openRegion = openId === undefined ? undefined : session.store.getState().executions[openId]?.region;
			if (elapsed % intervalMs === 0) naiveList += await naive.listAll();
			if (elapsed % detailIntervalMs === 0 && openId !== undefined && openRegion !== undefined) {
				naiveOpen += await naive.readOpen({region: openRegion, executionId: openId});
			}

			addRequests(naiveRequests, requestsBetween(afterPoller, requests()));
		}

		const byPurpose = options.ledger && ledgerBefore ? ledgerBetween(ledgerBefore, options.ledger.counts()) : undefined;
		const executionsPerRegion: Record<string, number> = Object.fromEntries(regions.map(region => [region, 0]));
		for (const execution of Object.values(session.store.getState().executions)) {
			executionsPerRegion[execution.region] = (executionsPerRegion[execution.region] ?? 0) + 1;
		}

		const pollerPerMinute = perMinute(totalRequests(pollerRequests), simulatedMs);
		const naivePerMinute = perMinute(totalRequests(naiveRequests), simulatedMs);
		const openId = session.store.getState().openId;
		return {
			simulatedMs,
			intervalMs,
			detailIntervalMs,
			executionsPerRegion,
			...(openId === undefined ? {} : {openId}),
			poller: {perMinute: pollerPerMinute, byOperation: pollerRequests, ...(byPurpose ? {byPurpose} : {})},
			naive: {
				perMinute: naivePerMinute,
				byOperation: naiveRequests,
				listPerMinute: perMinute(naiveList, simulatedMs),
				openPerMinute: perMinute(naiveOpen, simulatedMs),
			},
			ratio: pollerPerMinute / naivePerMinute,
		};
	} finally {
		naiveApi.destroy();
	}
}
