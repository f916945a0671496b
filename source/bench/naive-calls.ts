/**
 * What a naive monitor would cost: every tick it lists every page of every region and then calls
 * GetAutomationExecution once per execution. The benchmark compares the poller's counted calls with it.
 */

/** DescribeAutomationExecutions pages (at least one, even for an empty region) plus one Get per execution. */
export function naiveCallsPerTick(executionsPerRegion: readonly number[], pageSize = 50): number {
	if (!(pageSize > 0)) throw new RangeError('pageSize must be positive');
	return executionsPerRegion.reduce((total, count) => total + Math.max(1, Math.ceil(count / pageSize)) + count, 0);
}

/** Calls per minute of a loop that makes `callsPerTick` calls every `intervalMs`. */
export function naiveCallsPerMinute(executionsPerRegion: readonly number[], intervalMs: number, pageSize = 50): number {
	if (!(intervalMs > 0)) throw new RangeError('intervalMs must be positive');
	return naiveCallsPerTick(executionsPerRegion, pageSize) * (60_000 / intervalMs);
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
