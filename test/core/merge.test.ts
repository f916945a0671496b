import {describe, expect, it} from 'vitest';
import {deepEqual, mergeDetail, mergeDetailIntoExecutions, mergeExecutions, mergeSteps} from '../../source/core/merge.js';
import type {Execution, ExecutionDetail, StepExecution} from '../../source/core/types.js';

function execution(id: string, overrides: Partial<Execution> = {}): Execution {
	return {id, region: 'us-east-1', documentName: 'AWS-RestartEC2Instance', status: 'InProgress', startTime: 1000, outputs: {a: ['1']}, ...overrides};
}

describe('deepEqual', () => {
	it('compares nested data and treats undefined members as absent', () => {
		expect(deepEqual({a: [1, {b: 'x'}]}, {a: [1, {b: 'x'}]})).toBe(true);
		expect(deepEqual({a: 1, b: undefined}, {a: 1})).toBe(true);
		expect(deepEqual({a: [1, 2]}, {a: [2, 1]})).toBe(false);
		expect(deepEqual({a: 1}, {a: '1'})).toBe(false);
		expect(deepEqual([1], {0: 1})).toBe(false);
	});
});

describe('mergeExecutions', () => {
	it('returns the same record when nothing changed, even from fresh objects', () => {
		const current = {a: execution('a'), b: execution('b')};
		const merged = mergeExecutions(current, [execution('a'), execution('b')]);
		expect(merged).toBe(current);
	});

	it('keeps unchanged rows by identity and replaces only the changed one', () => {
		const current = {a: execution('a'), b: execution('b')};
		const merged = mergeExecutions(current, [execution('a'), execution('b', {status: 'Success', endTime: 2000})]);
		expect(merged).not.toBe(current);
		expect(merged['a']).toBe(current.a);
		expect(merged['b']?.status).toBe('Success');
		expect(current.b.status).toBe('InProgress');
	});

	it('adds new rows and never removes rows missing from the page', () => {
		const current = {a: execution('a')};
		const merged = mergeExecutions(current, [execution('c')]);
		expect(Object.keys(merged).sort()).toEqual(['a', 'c']);
		expect(merged['a']).toBe(current.a);
	});

	it('does not let a detail erase the list-only automationType', () => {
		const current = {a: execution('a', {automationType: 'CrossAccount'})};
		const detail: ExecutionDetail = {...execution('a', {status: 'Success'}), steps: []};
		const merged = mergeDetailIntoExecutions(current, detail);
		expect(merged['a']?.automationType).toBe('CrossAccount');
		expect(merged['a']?.status).toBe('Success');
		expect(mergeDetailIntoExecutions(current, {...execution('a'), steps: []})).toBe(current);
		expect(mergeDetailIntoExecutions(current, {...execution('zz'), steps: []})).toBe(current);
	});
});

describe('mergeDetail and mergeSteps', () => {
	const step = (name: string, status = 'Success'): StepExecution => ({stepName: name, status, outputs: {x: ['y']}});

	it('returns the previous detail when equal', () => {
		const previous: ExecutionDetail = {...execution('a'), steps: [step('one')]};
		expect(mergeDetail(previous, {...execution('a'), steps: [step('one')]})).toBe(previous);
	});

	it('reuses unchanged steps when another step changed', () => {
		const previous: ExecutionDetail = {...execution('a'), steps: [step('one'), step('two', 'InProgress')]};
		const next = mergeDetail(previous, {...execution('a'), steps: [step('one'), step('two', 'Success')]});
		expect(next).not.toBe(previous);
		expect(next.steps[0]).toBe(previous.steps[0]);
		expect(next.steps[1]?.status).toBe('Success');
	});

	it('mergeSteps returns the previous array when nothing changed', () => {
		const previous = [step('one')];
		expect(mergeSteps(previous, [step('one')])).toBe(previous);
		expect(mergeSteps(undefined, previous)).toBe(previous);
	});
});
