/**
 * What the store is told of the request budget: the calls per minute as measured, per location
 * too (the locations screen), and, when the budget's queue holds list refreshes back, the
 * interval they actually come at.
 */
import type {BudgetState} from '../store/state.js';
import {CALLS_WINDOW_MS, type RequestGate} from './request-gate.js';

/** One list refresh: when it ended and how long its calls waited for their turn. */
export interface WaitSample {
	readonly at: number;
	readonly waitMs: number;
}

/**
 * A stretch worth saying: the refreshes waited on average at least this long, and at least a tenth
 * of the interval (a busy second now and then is not a stretched interval).
 */
export const STRETCH_SHOWN_FROM_MS = 1000;

/** The mean wait of the list refreshes of the last minute (`samples` is pruned in place, oldest first). */
export function meanWait(samples: WaitSample[], now: number): number {
	let drop = 0;
	while (drop < samples.length && samples[drop]!.at <= now - CALLS_WINDOW_MS) drop++;
	if (drop > 0) samples.splice(0, drop);
	if (samples.length === 0) return 0;
	return samples.reduce((sum, sample) => sum + sample.waitMs, 0) / samples.length;
}

/** The interval as the budget stretches it, to the second; undefined while it keeps up. */
export function stretchedInterval(intervalMs: number, waitMs: number): number | undefined {
	if (waitMs < Math.max(STRETCH_SHOWN_FROM_MS, intervalMs / 10)) return undefined;
	return Math.round((intervalMs + waitMs) / 1000) * 1000;
}

export function budgetReport(gate: RequestGate, samples: WaitSample[], intervalMs: number, now: number): BudgetState {
	const stats = gate.stats();
	const stretched = stretchedInterval(intervalMs, meanWait(samples, now));
	return {
		callsPerSecond: gate.limits.callsPerSecond,
		maxConcurrent: gate.limits.maxConcurrent,
		callsPerMinute: stats.callsPerMinute,
		perLocation: Object.fromEntries(stats.perLocation),
		...(stretched === undefined ? {} : {stretchedIntervalMs: stretched}),
		at: now,
	};
}

/** Whether two per-location counts say the same (so the store keeps its object). */
export function samePerLocation(a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>): boolean {
	const keys = Object.keys(a);
	if (keys.length !== Object.keys(b).length) return false;
	return keys.every(key => a[key] === b[key]);
}
