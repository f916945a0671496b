import {describe, expect, it} from 'vitest';
import {pruneExecutions} from '../../source/core/merge.js';
import type {Execution} from '../../source/core/types.js';

function execution(id: string, startTime: number | undefined, region = 'us-east-1'): Execution {
	return {id, region, documentName: 'Doc', status: 'Waiting', ...(startTime === undefined ? {} : {startTime})};
}

const current = {
	old: execution('old', 1000),
	edge: execution('edge', 5000),
	recent: execution('recent', 9000),
	unstarted: execution('unstarted', undefined),
	elsewhere: execution('elsewhere', 9000, 'eu-west-1'),
};

describe('pruneExecutions', () => {
	it('drops what a window listing did not return inside its window, and nothing outside it or in another region', () => {
		const {executions, removed} = pruneExecutions(current, 'us-east-1', [], {startedAfter: 5000});
		expect(removed).toEqual(['recent']);
		expect(Object.keys(executions).sort()).toEqual(['edge', 'elsewhere', 'old', 'unstarted']);
		// The other rows keep their identity.
		expect(executions['old']).toBe(current.old);
	});

	it('keeps what the listing returned', () => {
		expect(pruneExecutions(current, 'us-east-1', [execution('recent', 9000)], {startedAfter: 5000})).toEqual({executions: current, removed: []});
	});

	it("'all': a listing that was not cut leaves nothing of the region it did not return", () => {
		const {executions, removed} = pruneExecutions(current, 'us-east-1', [execution('edge', 5000)], {startedAfter: 'all'});
		expect([...removed].sort()).toEqual(['old', 'recent', 'unstarted']);
		expect(Object.keys(executions).sort()).toEqual(['edge', 'elsewhere']);
	});

	it('drops ids looked up and not returned, whatever their start', () => {
		const {removed} = pruneExecutions(current, 'us-east-1', [], {missingIds: ['old', 'unstarted', 'elsewhere']});
		expect([...removed].sort()).toEqual(['old', 'unstarted']);
	});

	it('returns the same record when nothing is proven gone', () => {
		expect(pruneExecutions(current, 'us-east-1', [], {}).executions).toBe(current);
		expect(pruneExecutions(current, 'us-east-1', [], {startedAfter: 10_000}).executions).toBe(current);
	});

	it('proves gone only what was held when the listing began: a row added meanwhile stays', () => {
		const {removed} = pruneExecutions(current, 'us-east-1', [], {startedAfter: 'all', heldBefore: new Set(['old', 'edge'])});
		expect([...removed].sort()).toEqual(['edge', 'old']);
	});
});
