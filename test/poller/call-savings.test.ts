/**
 * Each call the poller saves against a fair naive loop (bench/naive-calls.ts), counted on the fake
 * api, with the freshness it must keep all the same.
 */
import {describe, expect, it} from 'vitest';
import {createPoller} from '../../source/poller/create-poller.js';
import {createFakeApi, createFakeClock, createTestStore, row} from './fakes.js';

const T0 = 1_700_000_000_000;

describe('call savings: a region with no executions', () => {
	it('costs one listing per refresh, not a non-final listing and a plain one', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': []});
		const tester = createPoller({store, api, clock: createFakeClock()});
		await tester.tick();
		const before = api.calls.length;
		await tester.tick();
		expect(api.calls.slice(before)).toEqual([{op: 'list', region: 'us-east-1'}]);
	});

	it('still sees a run that appears there, running or already finished', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': []});
		const tester = createPoller({store, api, clock: createFakeClock()});
		await tester.tick();
		await tester.tick();
		api.executions.set('us-east-1', [row('quick', 'us-east-1', 'Failed', T0), row('slow', 'us-east-1', 'InProgress', T0 - 1000)]);
		await tester.tick();
		expect(store.getState().executions['quick']?.status).toBe('Failed');
		expect(store.getState().executions['slow']?.status).toBe('InProgress');
		// From then on, the region's usual window.
		const before = api.calls.length;
		await tester.tick();
		expect(api.calls.slice(before).map(call => call.filters?.[0]?.key)).toEqual(['StartTimeAfter']);
	});

	it('when more new runs appeared than one listing takes, also asks for the non-final ones', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': []});
		const tester = createPoller({store, api, clock: createFakeClock(), pageCap: 1});
		await tester.tick();
		await tester.tick();
		const burst = Array.from({length: 60}, (_, index) => row(`r${index}`, 'us-east-1', 'Success', T0 - index * 1000));
		api.executions.set('us-east-1', [...burst, row('old-running', 'us-east-1', 'InProgress', T0 - 3_600_000)]);
		const before = api.calls.length;
		await tester.tick();
		expect(api.calls.slice(before).map(call => call.filters?.[0]?.key)).toEqual([undefined, 'ExecutionStatus']);
		expect(store.getState().executions['old-running']?.status).toBe('InProgress');
	});
});
