/**
 * What `npm run bench` is built from: statistics, timers, memory sampling, a fake terminal that
 * counts bytes, keys, and helpers to press a key and time the frame it causes.
 */
import type {FakeTerminal} from './fake-terminal.js';
import {startTimer} from './timing.js';

export {percentile, summarize, type Summary} from './stats.js';
export {nowNs, nsToMs, startTimer, timeAsync} from './timing.js';
export {collectGarbage, rssBytes, sampleRss, toMegabytes, type RssSampler} from './memory.js';
export {createFakeTerminal, FakeStderr, FakeTtyStdin, FakeTtyStdout, type FakeTerminal, type FakeTtyOptions, type WriteWaitOptions} from './fake-terminal.js';
export {KEY_BYTES as keys} from '../ui/input/key-bytes.js';

export type WaitOptions = {timeoutMs?: number; intervalMs?: number; what?: string};

/** Polls `condition` until it holds; throws after `timeoutMs` naming `what` was awaited. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, options: WaitOptions = {}): Promise<void> {
	const {timeoutMs = 5000, intervalMs = 5, what = 'condition'} = options;
	const elapsed = startTimer();
	for (;;) {
		if (await condition()) return;
		if (elapsed() > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
		await new Promise(resolve => setTimeout(resolve, intervalMs));
	}
}

export type KeyFrame = {
	/** Milliseconds from the keypress to the first write with content. */
	ms: number;
	/** Bytes written from the keypress until that frame was complete. */
	bytes: number;
};

/**
 * Presses `key` and times the frame it causes. Rejects if nothing is written within the timeout
 * (a key that changes nothing on screen writes nothing; don't time those).
 */
export async function pressAndTimeFrame(terminal: FakeTerminal, key: string, options: {timeoutMs?: number} = {}): Promise<KeyFrame> {
	terminal.stdout.mark();
	const frame = terminal.stdout.nextWrite({timeoutMs: options.timeoutMs ?? 2000});
	const elapsed = startTimer();
	terminal.stdin.press(key);
	await frame;
	const ms = elapsed();
	return {ms, bytes: terminal.stdout.bytesSinceMark()};
}

export type Figure = {
	name: string;
	value: number;
	unit: string;
	/** The goal, if any: the figure passes when `value <= max` / `value >= min`. */
	target?: {max?: number; min?: number};
};

export function meetsTarget(figure: Figure): boolean | undefined {
	if (!figure.target) return undefined;
	const {max, min} = figure.target;
	return (max === undefined || figure.value <= max) && (min === undefined || figure.value >= min);
}

function formatNumber(value: number): string {
	if (Number.isInteger(value)) return String(value);
	return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

/** A plain-text table of figures with their targets and whether each is met. */
export function formatFigures(figures: readonly Figure[]): string {
	const rows = figures.map(figure => {
		const met = meetsTarget(figure);
		const target = figure.target
			? [
					figure.target.max === undefined ? '' : `≤ ${formatNumber(figure.target.max)}`,
					figure.target.min === undefined ? '' : `≥ ${formatNumber(figure.target.min)}`,
				]
					.filter(Boolean)
					.join(', ') + ` ${figure.unit}`
			: '';
		return [figure.name, `${formatNumber(figure.value)} ${figure.unit}`, target, met === undefined ? '' : met ? 'ok' : 'MISSED'];
	});
	const widths = [0, 1, 2].map(column => Math.max(...rows.map(row => row[column]!.length), 0));
	return rows
		.map(row =>
			row
				.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}
