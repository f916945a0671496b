/**
 * The arithmetic of the memory soak (measure-soak.ts), apart so that it can be tested: a
 * least-squares line through the samples taken after the warm-up, not the difference of two
 * endpoints (one sample taken just before a collection of the SDK's or Ink's caches would move
 * an endpoint by megabytes).
 */

/**
 * Standard error of the least-squares slope (from the residuals; 0 for fewer than three points):
 * with a heap that moves by a megabyte or so from one sample to the next, what a slope is worth.
 */
export function slopeStandardError(points: ReadonlyArray<readonly [number, number]>): number {
	const count = points.length;
	if (count < 3) return 0;
	const meanX = points.reduce((sum, [x]) => sum + x, 0) / count;
	const meanY = points.reduce((sum, [, y]) => sum + y, 0) / count;
	const fitted = slope(points);
	const spread = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
	if (spread === 0) return 0;
	const residuals = points.reduce((sum, [x, y]) => sum + (y - meanY - fitted * (x - meanX)) ** 2, 0);
	return Math.sqrt(residuals / (count - 2) / spread);
}

/** Least-squares slope of y over x (0 for fewer than two distinct x). */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
	const count = points.length;
	if (count < 2) return 0;
	const meanX = points.reduce((sum, [x]) => sum + x, 0) / count;
	const meanY = points.reduce((sum, [, y]) => sum + y, 0) / count;
	let numerator = 0;
	let denominator = 0;
	for (const [x, y] of points) {
		numerator += (x - meanX) * (y - meanY);
		denominator += (x - meanX) ** 2;
	}

	return denominator === 0 ? 0 : numerator / denominator;
}

/** The warm-up: a fifth of the soak, at most two minutes (module caches, the first history, V8's heap sizing settle). */
export function warmUpFor(seconds: number): number {
	return Math.min(120, Math.round(seconds / 5));
}

export interface Fit {
	/** MB per hour of wall time. */
	readonly slopeMbPerHour: number;
	/** The slope over the whole soak, warm-up included: what a soak of that length grows by. */
	readonly growthMb: number;
	/** The standard error of {@link growthMb}. */
	readonly growthErrorMb: number;
	/** Samples the line went through (those at or after the warm-up). */
	readonly samples: number;
}

/** The line through the samples at or after `warmUpSeconds`; `at` in seconds, `value` in MB. */
export function fitGrowth(samples: ReadonlyArray<{readonly at: number; readonly value: number}>, warmUpSeconds: number, soakSeconds: number): Fit {
	const measured = samples.filter(sample => sample.at >= warmUpSeconds);
	const points = measured.map(sample => [sample.at / 3600, sample.value] as const);
	const perHour = slope(points);
	const round = (value: number): number => Math.round(value * 100) / 100;
	return {
		slopeMbPerHour: round(perHour),
		growthMb: round((perHour * soakSeconds) / 3600),
		growthErrorMb: round((slopeStandardError(points) * soakSeconds) / 3600),
		samples: measured.length,
	};
}
