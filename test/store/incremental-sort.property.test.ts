// The list's rows after a batch of changes are merged into the last order (selectors.ts
// sortedRows): whatever the changes, the rows equal a full sort of the new data.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {Execution} from '../../source/core/types.js';
import {sortExecutions, SORT_KEYS} from '../../source/core/sort.js';
import {selectVisibleRows} from '../../source/store/selectors.js';
import {execution, NOW, storeWith} from '../ui/fixtures.js';

const STATUSES = ['Success', 'Failed', 'InProgress', 'Pending', 'Cancelled'] as const;

const rowArb = fc.record({
	n: fc.integer({min: 0, max: 300}),
	status: fc.constantFrom(...STATUSES),
	start: fc.integer({min: 0, max: 50}),
	doc: fc.constantFrom('AWS-RestartEC2Instance', 'AWS-StopEC2Instance', 'Ops-Patch'),
	region: fc.constantFrom('us-east-1', 'eu-west-1'),
});

type Row = {n: number; status: (typeof STATUSES)[number]; start: number; doc: string; region: string};

const toExecution = (row: Row): Execution =>
	execution(row.n, {status: row.status, startTime: NOW - row.start * 60_000, documentName: row.doc, region: row.region});

describe('merging a batch of changed rows into the last order', () => {
	it('gives what a full sort gives, for every column, filter and batch', () => {
		fc.assert(
			fc.property(
				fc.array(rowArb, {maxLength: 200}),
				fc.array(
					fc.array(
						fc.oneof(
							rowArb.map(row => ({kind: 'set' as const, row})),
							fc.integer({min: 0, max: 300}).map(n => ({kind: 'drop' as const, n})),
						),
						{maxLength: 30},
					),
					{
						minLength: 1,
						maxLength: 4,
					},
				),
				fc.constantFrom(...SORT_KEYS.filter(key => key !== 'duration')),
				fc.boolean(),
				fc.constantFrom('', 'Stop', 'status:failed', 'region:eu-west-1'),
				(initial, batches, column, descending, filter) => {
					const store = storeWith({filter});
					store.setState({sort: {column, descending}, executions: Object.fromEntries(initial.map(toExecution).map(row => [row.id, row]))});
					selectVisibleRows(store.getState());
					for (const batch of batches) {
						const next = {...store.getState().executions};
						for (const change of batch) {
							if (change.kind === 'set') next[toExecution(change.row).id] = toExecution(change.row);
							else delete next[execution(change.n).id];
						}

						store.setState({executions: next});
						const rows = selectVisibleRows(store.getState());
						// The same filter, applied to the whole new data and sorted from scratch.
						const fresh = storeWith({filter});
						fresh.setState({sort: {column, descending}, executions: next});
						const expected = selectVisibleRows(fresh.getState());
						expect(rows.map(row => row.id)).toEqual(expected.map(row => row.id));
						expect(expected.map(row => row.id)).toEqual(sortExecutions(expected, {column, descending}, NOW).map(row => row.id));
					}
				},
			),
			{numRuns: 150},
		);
	});
});
