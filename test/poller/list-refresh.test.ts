import {describe, expect, it} from 'vitest';
import {createPoller} from '../../source/poller/create-poller.js';
import {createFakeApi, createFakeClock, createTestStore, row} from './fakes.js';

const T0 = 1_700_000_000_000;

function manyRows(region: string, count: number, status = 'Success') {
	return Array.from({length: count}, (_, index) => row(`${region}-${String(index).padStart(5, '0')}`, region, status, T0 - index * 60_000));
}

describe('list refresh', () => {
	it('follows NextToken up to the page cap, marks the region truncated, and loads older pages on demand', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': manyRows('us-east-1', 230)});
		api.pageSize = 50;
		const poller = createPoller({store, api, clock: createFakeClock(), pageCap: 3});
		await poller.tick();
		expect(api.calls.filter(call => call.op === 'list')).toHaveLength(3);
		expect(Object.keys(store.getState().executions)).toHaveLength(150);
		expect(store.getState().regions['us-east-1']).toMatchObject({truncated: true, calls: 3});

		await poller.loadOlder('us-east-1');
		expect(Object.keys(store.getState().executions)).toHaveLength(230);
		expect(store.getState().regions['us-east-1']).toMatchObject({truncated: false, calls: 5});
	});

	it('at steady state makes one call per region and leaves the executions object untouched', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('run-1', 'us-east-1', 'InProgress', T0 + 60_000), ...manyRows('us-east-1', 500)]});
		const poller = createPoller({store, api, clock: createFakeClock(), pageCap: 20});
		await poller.tick();
		const afterFirst = api.calls.length;
		expect(afterFirst).toBe(11); // 501 rows, 50 per page
		const executions = store.getState().executions;

		await poller.tick();
		const steady = api.calls.slice(afterFirst);
		expect(steady).toEqual([expect.objectContaining({filters: [{key: 'StartTimeAfter', values: ['2023-11-14T22:14:15Z']}]})]);
		expect(store.getState().executions).toBe(executions);
		// A naive loop would have listed all 11 pages again.
		expect(steady.length * 5).toBeLessThanOrEqual(11);
	});

	it('with a long-running execution in a busy region, asks for non-final and new executions instead of a wide window', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [...manyRows('us-east-1', 500), row('long', 'us-east-1', 'InProgress', T0 - 600 * 60_000)]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		const before = api.calls.length;
		await poller.tick();
		expect(api.calls.slice(before).map(call => call.filters?.[0]?.key)).toEqual(['ExecutionStatus', 'StartTimeAfter']);
	});

	it('fetches by id an execution that left the non-final set, then stops asking for it', async () => {
		const store = createTestStore(['us-east-1']);
		const old = row('old', 'us-east-1', 'InProgress', T0 - 600 * 60_000);
		const finals = manyRows('us-east-1', 120);
		const api = createFakeApi({'us-east-1': [old, ...finals]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		const untouched = store.getState().executions[finals[0]!.id];

		api.executions.set('us-east-1', [{...old, status: 'Success', endTime: T0}, ...finals]);
		const before = api.calls.length;
		await poller.tick();
		const byId = api.calls.slice(before).filter(call => call.filters?.[0]?.key === 'ExecutionId');
		expect(byId).toEqual([expect.objectContaining({filters: [{key: 'ExecutionId', values: ['old']}]})]);
		expect(store.getState().executions['old']?.status).toBe('Success');
		expect(store.getState().executions[finals[0]!.id]).toBe(untouched);

		const again = api.calls.length;
		await poller.tick();
		expect(api.calls.slice(again).some(call => call.filters?.[0]?.key === 'ExecutionId')).toBe(false);
	});

	it('sees an execution finish through the start-time window', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('old', 'us-east-1', 'InProgress', T0 - 3_600_000), row('new', 'us-east-1', 'Success', T0)]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		api.executions.set('us-east-1', [row('old', 'us-east-1', 'Success', T0 - 3_600_000, {endTime: T0}), row('new', 'us-east-1', 'Success', T0)]);
		const before = api.calls.length;
		await poller.tick();
		expect(api.calls.length - before).toBe(1);
		expect(store.getState().executions['old']?.status).toBe('Success');
	});

	it('catches a run that started and finished between two polls', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'Success', T0)]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		api.executions.get('us-east-1')!.push(row('quick', 'us-east-1', 'Failed', T0 + 30_000));
		await poller.tick();
		expect(store.getState().executions['quick']?.status).toBe('Failed');
	});

	it('falls back to plain listing when the service refuses the filters', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0)]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		api.refuseFilters = true;
		api.executions.set('us-east-1', [row('a', 'us-east-1', 'Success', T0)]);
		await poller.tick();
		expect(store.getState().executions['a']?.status).toBe('Success');
		expect(store.getState().regions['us-east-1']?.lastError).toBeUndefined();
		const before = api.calls.length;
		await poller.tick();
		expect(api.calls.slice(before).every(call => call.filters === undefined)).toBe(true);
	});
});
