import {describe, expect, it} from 'vitest';
import {countersFromSteps, progressCounts, progressSegments} from '../../source/core/progress.js';

const sumWidths = (segments: ReadonlyArray<{width: number}>) => segments.reduce((total, segment) => total + segment.width, 0);

describe('progressSegments', () => {
	it('splits the bar proportionally with remaining = total − finals', () => {
		const segments = progressSegments({total: 10, success: 5, failed: 2, cancelled: 1, timedOut: 0}, 20);
		expect(segments.map(segment => [segment.kind, segment.count, segment.width])).toEqual([
			['success', 5, 10],
			['failed', 2, 4],
			['cancelled', 1, 2],
			['timedOut', 0, 0],
			['remaining', 2, 4],
		]);
	});

	it('always sums exactly to the width', () => {
		for (const width of [0, 1, 7, 33, 80, 101]) {
			for (const counters of [
				{total: 3, success: 1, failed: 1, cancelled: 0, timedOut: 0},
				{total: 500, success: 333, failed: 7, cancelled: 1, timedOut: 2},
				{total: 7, success: 1, failed: 1, cancelled: 1, timedOut: 1},
			]) {
				expect(sumWidths(progressSegments(counters, width))).toBe(width);
			}
		}
	});

	it('keeps a single failure visible in a wide bar', () => {
		const segments = progressSegments({total: 500, success: 499, failed: 1, cancelled: 0, timedOut: 0}, 40);
		expect(segments.find(segment => segment.kind === 'failed')?.width).toBe(1);
		expect(sumWidths(segments)).toBe(40);
	});

	it('shows an empty run as all remaining and clamps inconsistent counters', () => {
		expect(progressSegments({total: 0, success: 0, failed: 0, cancelled: 0, timedOut: 0}, 10).at(-1)).toEqual({kind: 'remaining', count: 0, width: 10});
		expect(progressCounts({total: 2, success: 3, failed: -1, cancelled: 0, timedOut: 0})).toEqual({
			success: 3,
			failed: 0,
			cancelled: 0,
			timedOut: 0,
			remaining: 0,
		});
	});
});

describe('countersFromSteps', () => {
	it('counts final statuses and the total', () => {
		expect(
			countersFromSteps([
				{stepName: 'a', status: 'Success'},
				{stepName: 'b', status: 'Failed'},
				{stepName: 'c', status: 'InProgress'},
				{stepName: 'd', status: 'TimedOut'},
			]),
		).toEqual({total: 4, success: 1, failed: 1, cancelled: 0, timedOut: 1});
	});
});
