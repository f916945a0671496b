// What a resync listing found that events should have brought (issue 12): the sign that a location's events are not arriving.
import {describe, expect, it} from 'vitest';
import {missedByEvents} from '../../source/core/automation-event.js';
import type {Execution} from '../../source/core/types.js';

const T = Date.UTC(2026, 10, 25, 12);
const run = (id: string, overrides: Partial<Execution> = {}): Execution => ({
	id,
	region: 'us-east-1',
	documentName: 'Doc',
	status: 'InProgress',
	startTime: T,
	...overrides,
});
const window = {from: T - 60_000, to: T + 60_000};

describe('missedByEvents', () => {
	it('counts runs started in the window that were not held, and held runs it shows ended in it', () => {
		const held = [run('a'), run('b')];
		const listed = [run('a', {status: 'Success', endTime: T + 1000}), run('b'), run('c', {startTime: T + 2000})];
		expect(missedByEvents(held, listed, window)).toBe(2);
	});

	it('counts nothing the events did bring, nor what started before events or within the grace before the listing', () => {
		const held = [run('a', {status: 'Success', endTime: T + 1000})];
		const listed = [
			run('a', {status: 'Success', endTime: T + 1000}),
			run('old', {startTime: T - 120_000, status: 'Success', endTime: T - 100_000}),
			run('late', {startTime: T + 61_000}),
			run('no-start', {startTime: undefined}),
		];
		expect(missedByEvents(held, listed, window)).toBe(0);
	});

	it('an empty window (events flowing for less than the grace) counts nothing', () => {
		expect(missedByEvents([], [run('c')], {from: T, to: T - 1})).toBe(0);
	});
});
