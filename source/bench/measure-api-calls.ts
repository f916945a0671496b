/**
 * SSM requests per minute at steady state, counted by the emulator (the ground truth: every
 * request that reached it), over one simulated minute, against the naive loop's cost for the same
 * data: every page of every region plus one GetAutomationExecution per execution, each tick.
 */
import type {LocalSession} from './local-session.js';
import {naiveCallsPerMinute, perMinute, requestsBetween, totalRequests} from './naive-calls.js';

export interface ApiCallsResult {
	readonly executionsPerRegion: Readonly<Record<string, number>>;
	readonly perMinute: number;
	readonly byOperation: Readonly<Record<string, number>>;
	readonly naivePerMinute: number;
	/** Poller calls as a share of the naive loop's. */
	readonly ratio: number;
}

export async function measureApiCalls(session: LocalSession, options: {simulatedMs?: number; stepMs?: number} = {}): Promise<ApiCallsResult> {
	const simulatedMs = options.simulatedMs ?? 60_000;
	const stepMs = options.stepMs ?? 1000;
	// Start from a settled state: the first listing and any catch-up are not steady state.
	await session.advance(session.poller.intervalMs);
	const before = {...session.emulator.control.counts().requests};
	for (let elapsed = 0; elapsed < simulatedMs; elapsed += stepMs) await session.advance(stepMs);
	const byOperation = requestsBetween(before, session.emulator.control.counts().requests);
	const executionsPerRegion: Record<string, number> = Object.fromEntries(session.store.getState().context.regions.map(region => [region, 0]));
	for (const execution of Object.values(session.store.getState().executions)) {
		executionsPerRegion[execution.region] = (executionsPerRegion[execution.region] ?? 0) + 1;
	}

	const calls = perMinute(totalRequests(byOperation), simulatedMs);
	const naive = naiveCallsPerMinute(Object.values(executionsPerRegion), session.poller.intervalMs);
	return {executionsPerRegion, perMinute: calls, byOperation, naivePerMinute: naive, ratio: calls / naive};
}
