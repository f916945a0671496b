import {describe, expect, it} from 'vitest';
import {createFakeTerminal, formatFigures, meetsTarget, percentile, pressAndTimeFrame, startTimer, summarize, waitUntil} from '../../source/bench/harness.js';

describe('percentile', () => {
	it('uses the nearest rank, so the result is always one of the samples', () => {
		const samples = [15, 20, 35, 40, 50];
		expect(percentile(samples, 30)).toBe(20);
		expect(percentile(samples, 40)).toBe(20);
		expect(percentile(samples, 50)).toBe(35);
		expect(percentile(samples, 100)).toBe(50);
		expect(percentile(samples, 0)).toBe(15);
	});

	it('does not depend on the order of the samples and leaves them unsorted', () => {
		const samples = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
		expect(percentile(samples, 95)).toBe(10);
		expect(percentile(samples, 50)).toBe(5);
		expect(samples[0]).toBe(9);
	});

	it('finds p95 among 100 samples', () => {
		const samples = Array.from({length: 100}, (_, index) => 100 - index);
		expect(percentile(samples, 95)).toBe(95);
	});

	it('rejects empty samples and out-of-range percentiles', () => {
		expect(() => percentile([], 50)).toThrow(RangeError);
		expect(() => percentile([1], 101)).toThrow(RangeError);
		expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
	});
});

describe('summarize', () => {
	it('gives count, extremes, mean and percentiles', () => {
		expect(summarize([4, 1, 3, 2])).toEqual({count: 4, min: 1, max: 4, mean: 2.5, p50: 2, p95: 4, p99: 4});
	});
});

describe('FakeTtyStdout', () => {
	it('counts UTF-8 bytes and writes since the last mark', () => {
		const {stdout} = createFakeTerminal({columns: 100, rows: 30});
		expect(stdout.isTTY).toBe(true);
		expect([stdout.columns, stdout.rows]).toEqual([100, 30]);
		stdout.write('abc');
		stdout.write('─');
		expect(stdout.bytesSinceMark()).toBe(6);
		expect(stdout.outputSinceMark()).toBe('abc─');
		stdout.mark();
		expect(stdout.bytesSinceMark()).toBe(0);
		stdout.write(Buffer.from('xy'));
		expect(stdout.bytesSinceMark()).toBe(2);
		expect(stdout.writesSinceMark()).toBe(1);
		expect(stdout.totalBytes).toBe(8);
		expect(stdout.outputSinceMark()).toBe('xy');
	});

	it('keeps a live screen when asked, following erases and resizes', () => {
		const {stdout} = createFakeTerminal({columns: 10, rows: 3, screen: true});
		stdout.write('first\n');
		stdout.write('\u001B[2K\u001B[1A\u001B[2K\u001B[Gsecond\n');
		expect(stdout.screenText()).toBe('second\n\n');
		stdout.resize(4, 2);
		expect(stdout.screenText()).toBe('seco\n');
		expect(() => createFakeTerminal().stdout.screen()).toThrow(/screen: true/);
	});

	it('emits resize with the new size', () => {
		const {stdout} = createFakeTerminal();
		const seen: string[] = [];
		stdout.on('resize', () => seen.push(`${stdout.columns}x${stdout.rows}`));
		stdout.resize(120, 40);
		expect(seen).toEqual(['120x40']);
	});

	it('resolves nextWrite on the next write with content, skipping sync markers', async () => {
		const {stdout} = createFakeTerminal();
		const next = stdout.nextWrite();
		stdout.write('\u001B[?2026h');
		stdout.write('frame');
		await expect(next).resolves.toBe('frame');
		await expect(stdout.nextWrite({timeoutMs: 10})).rejects.toThrow(/no write/);
	});
});

describe('pressAndTimeFrame', () => {
	it('times the write that answers a keypress and counts its bytes', async () => {
		const terminal = createFakeTerminal();
		terminal.stdin.on('readable', () => {
			const key = terminal.stdin.read();
			setImmediate(() => terminal.stdout.write(`key:${key}`));
		});
		const result = await pressAndTimeFrame(terminal, 'j');
		expect(result.bytes).toBe(5);
		expect(result.ms).toBeGreaterThanOrEqual(0);
		expect(terminal.stdout.outputSinceMark()).toBe('key:j');
	});
});

describe('waitUntil', () => {
	it('returns once the condition holds and throws naming what timed out', async () => {
		let calls = 0;
		await waitUntil(() => ++calls >= 3, {intervalMs: 1});
		expect(calls).toBe(3);
		await expect(waitUntil(() => false, {timeoutMs: 20, intervalMs: 1, what: 'the first frame'})).rejects.toThrow('waiting for the first frame');
	});

	it('measures elapsed time with a monotonic timer', () => {
		const elapsed = startTimer();
		expect(elapsed()).toBeGreaterThanOrEqual(0);
	});
});

describe('formatFigures', () => {
	it('lines figures up with their targets and verdicts', () => {
		const figures = [
			{name: 'first frame', value: 312, unit: 'ms', target: {max: 500}},
			{name: 'key p95', value: 21.456, unit: 'ms', target: {max: 16}},
			{name: 'calls', value: 3, unit: '/min'},
		];
		expect(meetsTarget(figures[0]!)).toBe(true);
		expect(meetsTarget(figures[1]!)).toBe(false);
		expect(meetsTarget(figures[2]!)).toBeUndefined();
		expect(formatFigures(figures)).toBe(['first frame  312 ms   ≤ 500 ms  ok', 'key p95      21.5 ms  ≤ 16 ms   MISSED', 'calls        3 /min'].join('\n'));
	});
});
