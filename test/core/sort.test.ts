import {describe, expect, it} from 'vitest';
import {nextSortKey, SORT_KEYS, sortExecutions, type SortKey} from '../../source/core/sort.js';
import type {Execution} from '../../source/core/types.js';

const now = 1_000_000;
const rows: Execution[] = [
	{
		id: 'a',
		region: 'us-east-1',
		documentName: 'Beta',
		documentVersion: '2',
		status: 'Success',
		mode: 'Auto',
		automationType: 'Local',
		startTime: now - 50_000,
		endTime: now - 40_000,
		currentStepName: 'b',
		executedBy: 'zed',
	},
	{
		id: 'b',
		region: 'eu-west-1',
		documentName: 'alpha',
		documentVersion: '10',
		status: 'Failed',
		mode: 'Interactive',
		automationType: 'CrossAccount',
		startTime: now - 30_000,
		endTime: now - 29_000,
		currentStepName: 'a',
		executedBy: 'amy',
	},
	{id: 'c', region: 'ap-south-1', documentName: 'Beta', documentVersion: '1', status: 'InProgress', mode: 'Auto', startTime: now - 100_000, executedBy: 'max'},
	{id: 'd', region: 'us-east-1', documentName: 'gamma', status: 'Waiting', startTime: now - 20_000},
];

const order = (column: SortKey, descending = false): string =>
	sortExecutions(rows, {column, descending}, now)
		.map(row => row.id)
		.join('');

describe('sortExecutions', () => {
	it.each<[SortKey, string]>([
		['status', 'bdca'],
		['id', 'abcd'],
		['document', 'bcad'],
		['mode', 'dacb'],
		['type', 'bdac'],
		['region', 'cbda'],
		['started', 'cabd'],
		['duration', 'badc'],
		['step', 'dcba'],
		['executedBy', 'dbca'],
	])('by %s ascending → %s', (column, expected) => {
		expect(order(column)).toBe(expected);
	});

	it('reverses the primary order but keeps ties by newest start, then id', () => {
		expect(order('started', true)).toBe('dbac');
		const tied: Execution[] = [
			{id: 'y', region: 'r', documentName: 'D', status: 'Success', startTime: 5},
			{id: 'x', region: 'r', documentName: 'D', status: 'Success', startTime: 5},
			{id: 'z', region: 'r', documentName: 'D', status: 'Success', startTime: 9},
		];
		expect(sortExecutions(tied, {column: 'document', descending: false}, now).map(row => row.id)).toEqual(['z', 'x', 'y']);
		expect(sortExecutions(tied, {column: 'document', descending: true}, now).map(row => row.id)).toEqual(['z', 'x', 'y']);
	});

	it('does not modify its input', () => {
		const copy = [...rows];
		sortExecutions(rows, {column: 'id', descending: true}, now);
		expect(rows).toEqual(copy);
	});

	it('cycles through every column (with several accounts watched)', () => {
		const seen = new Set<SortKey>();
		let key: SortKey = 'started';
		for (let i = 0; i < SORT_KEYS.length; i++) {
			seen.add(key);
			key = nextSortKey(key, true);
		}
		expect(seen.size).toBe(SORT_KEYS.length);
		expect(key).toBe('started');
	});

	it('with one account, passes ACCOUNT by (the list does not show it)', () => {
		const seen = new Set<SortKey>();
		let key: SortKey = 'started';
		for (let i = 0; i < SORT_KEYS.length - 1; i++) {
			seen.add(key);
			key = nextSortKey(key);
		}
		expect(seen.has('account')).toBe(false);
		expect(seen.size).toBe(SORT_KEYS.length - 1);
		expect(key).toBe('started');
	});
});
