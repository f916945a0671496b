import {describe, expect, it} from 'vitest';
import {addRequests, createNaiveLoop, naiveCallsPerMinute, naiveListCalls, perMinute, requestsBetween, totalRequests} from '../../source/bench/naive-calls.js';
import {createFakeApi, row} from '../poller/fakes.js';

const T0 = 1_700_000_000_000;

describe('the fair naive loop the benchmark compares with', () => {
	it('lists every page of every region (at least one per region) each interval', () => {
		expect(naiveListCalls([10_000, 0, 0])).toBe(200 + 1 + 1);
		expect(naiveListCalls([51])).toBe(2);
		expect(naiveListCalls([50], 25)).toBe(2);
		expect(naiveCallsPerMinute({executionsPerRegion: [100], intervalMs: 5000})).toBe(12 * 2);
	});

	it('adds the open execution (Get plus its step pages) each detail interval', () => {
		// The demo seed: 237, 142 and 86 executions, and a run open in the detail.
		expect(naiveCallsPerMinute({executionsPerRegion: [237, 142, 86], intervalMs: 5000, open: {callsPerRead: 1, detailIntervalMs: 2000}})).toBe(12 * 10 + 30);
		expect(naiveCallsPerMinute({executionsPerRegion: [0], intervalMs: 2000, open: {callsPerRead: 4, detailIntervalMs: 2000}})).toBe(30 + 120);
	});

	it('rejects intervals and page sizes that are not positive', () => {
		expect(() => naiveCallsPerMinute({executionsPerRegion: [1], intervalMs: 0})).toThrow(RangeError);
		expect(() => naiveCallsPerMinute({executionsPerRegion: [1], intervalMs: 1000, open: {callsPerRead: 1, detailIntervalMs: 0}})).toThrow(RangeError);
		expect(() => naiveListCalls([1], 0)).toThrow(RangeError);
	});

	it('as a loop, follows every NextToken of every region, and reads the open execution until it is final', async () => {
		const api = createFakeApi({
			'us-east-1': Array.from({length: 120}, (_, index) => row(`u${index}`, 'us-east-1', 'Success', T0 - index)),
			'eu-west-1': [],
		});
		api.details.set('open', {...row('open', 'us-east-1', 'InProgress', T0), steps: []});
		const loop = createNaiveLoop(api, ['us-east-1', 'eu-west-1']);
		expect(await loop.listAll()).toBe(3 + 1);
		expect(api.calls.filter(call => call.op === 'list')).toHaveLength(4);
		expect(api.calls.every(call => call.filters === undefined)).toBe(true);

		const open = {region: 'us-east-1', executionId: 'open'};
		expect(await loop.readOpen(open)).toBe(1);
		expect(await loop.readOpen(undefined)).toBe(0);
		api.details.set('open', {...row('open', 'us-east-1', 'Success', T0), steps: []});
		expect(await loop.readOpen(open)).toBe(1);
		// Final: like ssmtop's detail, it stops reading it.
		expect(await loop.readOpen(open)).toBe(0);
		expect(api.calls.filter(call => call.op === 'get')).toHaveLength(2);
	});
});

describe('request counters', () => {
	it('takes the per-operation difference and drops unchanged operations', () => {
		const before = {DescribeAutomationExecutions: 10, GetAutomationExecution: 4};
		const after = {DescribeAutomationExecutions: 22, GetAutomationExecution: 4, DescribeAutomationStepExecutions: 3};
		expect(requestsBetween(before, after)).toEqual({DescribeAutomationExecutions: 12, DescribeAutomationStepExecutions: 3});
		expect(totalRequests(requestsBetween(before, after))).toBe(15);
		const total = {DescribeAutomationExecutions: 1};
		addRequests(total, requestsBetween(before, after));
		expect(total).toEqual({DescribeAutomationExecutions: 13, DescribeAutomationStepExecutions: 3});
	});

	it('scales a count over simulated time to a minute', () => {
		expect(perMinute(18, 30_000)).toBe(36);
		expect(() => perMinute(1, 0)).toThrow(RangeError);
	});
});
