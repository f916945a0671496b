/**
 * The pulse of each location (account and Region) over the last hour, from the executions already
 * polled — no extra calls: per time bucket, how many runs started, how many were running at its
 * end, how many ended well and how many ended badly. Drawn as sparklines (▁▂▃▅▇).
 */
import {isFinal, statusGroup} from './status.js';
import type {Execution} from './types.js';

export interface PulseSeries {
	readonly started: readonly number[];
	readonly running: readonly number[];
	readonly succeeded: readonly number[];
	readonly failed: readonly number[];
}

export interface LocationPulse {
	/** "111122223333/eu-west-1", or the Region alone when the account is not known. */
	readonly location: string;
	readonly series: PulseSeries;
	/** Totals over the whole window. */
	readonly totals: {readonly started: number; readonly succeeded: number; readonly failed: number; readonly runningNow: number};
}

export interface PulseOptions {
	readonly windowMs?: number;
	readonly buckets?: number;
}

function locationOf(execution: Execution): string {
	return execution.account ? `${execution.account}/${execution.region}` : execution.region;
}

/** Per location, newest bucket last; locations sorted by name. */
export function pulse(executions: Iterable<Execution>, now: number, options: PulseOptions = {}): LocationPulse[] {
	const windowMs = options.windowMs ?? 3_600_000;
	const buckets = options.buckets ?? 12;
	const size = windowMs / buckets;
	const from = now - windowMs;
	const bucketOf = (time: number): number => Math.min(buckets - 1, Math.floor((time - from) / size));
	const byLocation = new Map<string, {started: number[]; running: number[]; succeeded: number[]; failed: number[]}>();
	const series = (location: string) => {
		let found = byLocation.get(location);
		if (!found) {
			const zeros = () => Array.from({length: buckets}, () => 0);
			found = {started: zeros(), running: zeros(), succeeded: zeros(), failed: zeros()};
			byLocation.set(location, found);
		}
		return found;
	};
	for (const execution of executions) {
		const start = execution.startTime;
		if (start === undefined || start > now) continue;
		const end = execution.endTime ?? (isFinal(execution.status) ? start : undefined);
		if (end !== undefined && end < from) continue;
		const line = series(locationOf(execution));
		if (start >= from) line.started[bucketOf(start)]!++;
		if (end !== undefined && end >= from && isFinal(execution.status)) {
			const group = statusGroup(execution.status);
			if (group === 'success') line.succeeded[bucketOf(end)]!++;
			else if (group === 'problem' || group === 'cancelled' || group === 'other') line.failed[bucketOf(end)]!++;
		}
		// Running at the end of each bucket it spans.
		for (let index = 0; index < buckets; index++) {
			const at = from + (index + 1) * size;
			if (start < at && (end === undefined || end > at)) line.running[index]!++;
		}
	}
	return [...byLocation.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([location, line]) => ({
			location,
			series: line,
			totals: {
				started: line.started.reduce((sum, value) => sum + value, 0),
				succeeded: line.succeeded.reduce((sum, value) => sum + value, 0),
				failed: line.failed.reduce((sum, value) => sum + value, 0),
				runningNow: line.running.at(-1) ?? 0,
			},
		}));
}

const BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII_BARS = ['_', '.', ':', '-', '=', '+', '*', '#'];

/** One character per value, scaled to the series' own maximum; a zero is the lowest bar's blank. */
export function sparkline(values: readonly number[], ascii = false): string {
	const bars = ascii ? ASCII_BARS : BARS;
	const max = Math.max(0, ...values);
	return values.map(value => (value === 0 || max === 0 ? ' ' : bars[Math.min(bars.length - 1, Math.ceil((value / max) * bars.length) - 1)]!)).join('');
}
