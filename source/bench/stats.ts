/** Summary statistics for benchmark samples (latencies in ms, sizes in bytes). */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest sample such that at least
 * p% of the samples are less than or equal to it. Always one of the samples, never interpolated.
 */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) throw new RangeError('percentile of no samples');
	if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0–100, got ${p}`);
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
	return sorted[rank - 1]!;
}

export type Summary = {count: number; min: number; max: number; mean: number; p50: number; p95: number; p99: number};

export function summarize(samples: readonly number[]): Summary {
	if (samples.length === 0) throw new RangeError('summary of no samples');
	const total = samples.reduce((sum, sample) => sum + sample, 0);
	return {
		count: samples.length,
		min: Math.min(...samples),
		max: Math.max(...samples),
		mean: total / samples.length,
		p50: percentile(samples, 50),
		p95: percentile(samples, 95),
		p99: percentile(samples, 99),
	};
}
