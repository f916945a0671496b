/** Monotonic timing for benchmarks (process.hrtime.bigint: nanoseconds, immune to clock changes). */

export function nowNs(): bigint {
	return process.hrtime.bigint();
}

/** Milliseconds, with sub-millisecond precision, between two hrtime readings. */
export function nsToMs(from: bigint, to: bigint): number {
	return Number(to - from) / 1e6;
}

/** Starts a stopwatch; the returned function gives the milliseconds elapsed since. */
export function startTimer(): () => number {
	const start = nowNs();
	return () => nsToMs(start, nowNs());
}

/** Runs `work` and returns its result with how long it took. */
export async function timeAsync<T>(work: () => Promise<T> | T): Promise<{value: T; ms: number}> {
	const elapsed = startTimer();
	const value = await work();
	return {value, ms: elapsed()};
}
