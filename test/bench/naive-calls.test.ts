import {describe, expect, it} from 'vitest';
import {naiveCallsPerMinute, naiveCallsPerTick, perMinute, requestsBetween, totalRequests} from '../../source/bench/naive-calls.js';

describe('the naive loop the benchmark compares with', () => {
	it('lists every page (at least one per region) and gets every execution, each tick', () => {
		expect(naiveCallsPerTick([10_000, 0, 0])).toBe(200 + 10_000 + 1 + 1);
		expect(naiveCallsPerTick([51])).toBe(2 + 51);
		expect(naiveCallsPerTick([50], 25)).toBe(2 + 50);
	});

	it('scales a tick to a minute by the interval', () => {
		expect(naiveCallsPerMinute([100], 5000)).toBe(12 * (2 + 100));
		expect(naiveCallsPerMinute([0], 2000)).toBe(30);
	});

	it('rejects intervals and page sizes that are not positive', () => {
		expect(() => naiveCallsPerMinute([1], 0)).toThrow(RangeError);
		expect(() => naiveCallsPerTick([1], 0)).toThrow(RangeError);
	});
});

describe('request counters', () => {
	it('takes the per-operation difference and drops unchanged operations', () => {
		const before = {DescribeAutomationExecutions: 10, GetAutomationExecution: 4};
		const after = {DescribeAutomationExecutions: 22, GetAutomationExecution: 4, DescribeAutomationStepExecutions: 3};
		expect(requestsBetween(before, after)).toEqual({DescribeAutomationExecutions: 12, DescribeAutomationStepExecutions: 3});
		expect(totalRequests(requestsBetween(before, after))).toBe(15);
	});

	it('scales a count over simulated time to a minute', () => {
		expect(perMinute(18, 30_000)).toBe(36);
		expect(() => perMinute(1, 0)).toThrow(RangeError);
	});
});
