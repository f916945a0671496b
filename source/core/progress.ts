/**
 * The ProgressCounters bar of a cross-account run: success, failed, cancelled,
 * timed out and remaining (SSM has no in-progress counter: remaining is the total
 * minus the four final counts), as segments whose widths sum exactly to the bar.
 */
import type {ProgressCounters, StepExecution} from './types.js';

export type ProgressKind = 'success' | 'failed' | 'cancelled' | 'timedOut' | 'remaining';

export interface ProgressSegment {
	readonly kind: ProgressKind;
	readonly count: number;
	/** Columns of the bar given to this segment. */
	readonly width: number;
}

export const PROGRESS_ORDER: readonly ProgressKind[] = ['success', 'failed', 'cancelled', 'timedOut', 'remaining'];

/** Counts per kind; negative or inconsistent counters are clamped so the bar never breaks. */
export function progressCounts(counters: ProgressCounters): Record<ProgressKind, number> {
	const success = nonNegative(counters.success);
	const failed = nonNegative(counters.failed);
	const cancelled = nonNegative(counters.cancelled);
	const timedOut = nonNegative(counters.timedOut);
	const finals = success + failed + cancelled + timedOut;
	return {success, failed, cancelled, timedOut, remaining: Math.max(0, nonNegative(counters.total) - finals)};
}

/**
 * Segments in PROGRESS_ORDER with widths proportional to their counts (largest
 * remainder, so they sum exactly to `width`). A kind with a non-zero count gets at
 * least one column when the bar is wide enough, so a single failure stays visible.
 * With nothing to count, the whole bar is "remaining".
 */
export function progressSegments(counters: ProgressCounters, width: number): ProgressSegment[] {
	const columns = Math.max(0, Math.floor(width));
	const counts = progressCounts(counters);
	const sum = PROGRESS_ORDER.reduce((total, kind) => total + counts[kind], 0);
	if (sum === 0) {
		return PROGRESS_ORDER.map(kind => ({kind, count: 0, width: kind === 'remaining' ? columns : 0}));
	}

	const widths = largestRemainder(
		PROGRESS_ORDER.map(kind => counts[kind]),
		sum,
		columns,
	);
	ensureVisible(
		widths,
		PROGRESS_ORDER.map(kind => counts[kind]),
	);
	return PROGRESS_ORDER.map((kind, index) => ({kind, count: counts[kind], width: widths[index]!}));
}

function largestRemainder(counts: readonly number[], sum: number, columns: number): number[] {
	const exact = counts.map(count => (count / sum) * columns);
	const widths = exact.map(value => Math.floor(value));
	let left = columns - widths.reduce((total, value) => total + value, 0);
	const byRemainder = exact
		.map((value, index) => ({index, remainder: value - Math.floor(value)}))
		.sort((a, b) => b.remainder - a.remainder || a.index - b.index);
	for (const {index} of byRemainder) {
		if (left <= 0) break;
		widths[index]! += 1;
		left -= 1;
	}

	return widths;
}

/** Gives each non-empty kind one column, taken from the widest segment; keeps the total. */
function ensureVisible(widths: number[], counts: readonly number[]): void {
	for (let index = 0; index < widths.length; index++) {
		if (counts[index]! === 0 || widths[index]! > 0) continue;
		let widest = -1;
		for (let other = 0; other < widths.length; other++) {
			if (widths[other]! > 1 && (widest < 0 || widths[other]! > widths[widest]!)) widest = other;
		}

		if (widest < 0) return;
		widths[widest]! -= 1;
		widths[index] = 1;
	}
}

function nonNegative(value: number): number {
	return Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/**
 * Counters derived from a parent's per-location steps, for when the service did
 * not send ProgressCounters (or for a child's own steps).
 */
export function countersFromSteps(steps: readonly StepExecution[]): ProgressCounters {
	let success = 0;
	let failed = 0;
	let cancelled = 0;
	let timedOut = 0;
	for (const step of steps) {
		if (step.status === 'Success') success++;
		else if (step.status === 'Failed') failed++;
		else if (step.status === 'Cancelled') cancelled++;
		else if (step.status === 'TimedOut') timedOut++;
	}

	return {total: steps.length, success, failed, cancelled, timedOut};
}
