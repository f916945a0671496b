import {describe, expect, it} from 'vitest';
import {pulse, sparkline} from '../../source/core/pulse.js';
import type {Execution} from '../../source/core/types.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const MIN = 60_000;
const run = (id: string, overrides: Partial<Execution>): Execution => ({id, region: 'us-east-1', documentName: 'Doc', status: 'Success', ...overrides});

describe('pulse per location over the last hour', () => {
	it('counts starts, runs in progress at each bucket’s end, good and bad ends, per account/Region', () => {
		const rows = pulse(
			[
				run('a', {startTime: NOW - 50 * MIN, endTime: NOW - 49 * MIN, status: 'Success'}),
				run('b', {startTime: NOW - 12 * MIN, endTime: NOW - 2 * MIN, status: 'Failed'}),
				run('c', {startTime: NOW - 7 * MIN, status: 'InProgress'}),
				run('d', {startTime: NOW - 3 * MIN, status: 'Success', endTime: NOW - MIN, account: '111122223333', region: 'eu-west-1'}),
				// Before the window: not counted at all.
				run('old', {startTime: NOW - 3 * 3_600_000, endTime: NOW - 2 * 3_600_000}),
			],
			NOW,
		);
		expect(rows.map(row => row.location)).toEqual(['111122223333/eu-west-1', 'us-east-1']);
		const east = rows[1]!;
		expect(east.totals).toEqual({started: 3, succeeded: 1, failed: 1, runningNow: 1});
		// 12 buckets of 5 minutes, oldest first: a started in bucket 2, b in 9, c in 10.
		expect(east.series.started).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
		expect(east.series.running).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 1]);
		expect(east.series.failed[11]).toBe(1);
	});

	it('draws a series as bars scaled to its maximum, zeros blank', () => {
		expect(sparkline([0, 1, 2, 4, 8])).toBe(' ▁▂▄█');
		expect(sparkline([0, 0])).toBe('  ');
		expect(sparkline([3, 6], true)).toBe('-#');
	});
});
