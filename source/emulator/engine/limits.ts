/**
 * MaxConcurrency / MaxErrors as numbers for a given target count.
 * Percentages: concurrency rounds up (at least 1, so a run always makes progress);
 * errors round down (10% of 50 allows 5 errors and stops at the sixth, as the API model says).
 */
export function concurrencyLimit(value: string, total: number): number {
	if (value.endsWith('%')) {
		return Math.max(1, Math.ceil((Number.parseInt(value, 10) * total) / 100));
	}

	return Math.max(1, Number.parseInt(value, 10));
}

export function errorLimit(value: string, total: number): number {
	if (value.endsWith('%')) {
		return Math.floor((Number.parseInt(value, 10) * total) / 100);
	}

	return Number.parseInt(value, 10);
}

/** ISO-8601 duration (PT5M, PT1H30M, P1D, PT10S) in milliseconds; undefined when unparseable. */
export function isoDurationMs(text: string): number | undefined {
	const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
	if (!match || text === 'P' || text === 'PT') {
		return undefined;
	}

	const [, days, hours, minutes, seconds] = match;
	return ((Number(days ?? 0) * 24 + Number(hours ?? 0)) * 60 + Number(minutes ?? 0)) * 60_000 + Number(seconds ?? 0) * 1000;
}
