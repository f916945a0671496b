import {afterEach, describe, expect, it} from 'vitest';
import {createPoller, type Poller} from '../../source/poller/create-poller.js';
import {createFakeApi, createFakeClock, createTestStore, flush, row, waitFor} from './fakes.js';

const T0 = 1_700_000_000_000;
let poller: Poller | undefined;
afterEach(() => poller?.stop());

/** One region with one finished run, the API's answers held until release(), and the poller started on a fake clock. */
async function startGatedPoller(options: {intervalMs?: number}) {
	const store = createTestStore(['us-east-1']);
	const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'Success', T0)]});
	let release!: () => void;
	api.gate = new Promise(resolve => (release = resolve));
	const clock = createFakeClock();
	const started = createPoller({store, api, clock, ...options});
	poller = started; // for afterEach
	started.start();
	await flush();
	return {store, api, clock, release: () => release(), poller: started};
}

describe('poller scheduling', () => {
	it('refreshes each region at start, then every interval', async () => {
		const store = createTestStore(['us-east-1', 'eu-west-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0)]});
		const clock = createFakeClock();
		poller = createPoller({store, api, clock, intervalMs: 5000});
		poller.start();
		await waitFor(
			() => store.getState().regions['us-east-1']?.lastSuccessAt !== undefined && store.getState().regions['eu-west-1']?.lastSuccessAt !== undefined,
		);
		const first = api.calls.length;
		expect(first).toBe(2);

		clock.advance(4999);
		await flush();
		expect(api.calls.length).toBe(first);
		clock.advance(1);
		await waitFor(() => api.calls.length > first, 'second round');
		expect(api.calls.filter(call => call.region === 'us-east-1').length).toBeGreaterThan(1);
	});

	it('clamps an interval below 2 s to 2 s', () => {
		const store = createTestStore(['us-east-1']);
		expect(createPoller({store, api: createFakeApi(), intervalMs: 500}).intervalMs).toBe(2000);
		expect(createPoller({store, api: createFakeApi(), detailIntervalMs: 10}).detailIntervalMs).toBe(2000);
		expect(createPoller({store, api: createFakeApi()}).intervalMs).toBe(5000);
	});

	it('schedules the next run only after the previous one finished', async () => {
		const {store, api, clock, release, poller} = await startGatedPoller({intervalMs: 2000});
		expect(api.calls).toHaveLength(1);
		expect(store.getState().regions['us-east-1']?.inFlight).toBe(true);

		clock.advance(60_000);
		poller.refreshNow();
		await flush();
		expect(api.calls).toHaveLength(1); // nothing overlaps the call in flight

		api.gate = undefined;
		release();
		// The refresh asked for meanwhile runs once, right after.
		await waitFor(() => api.calls.length === 2 && !store.getState().regions['us-east-1']!.inFlight, 'follow-up run');
		expect(clock.pending()).toEqual([2000, 2000, 2000]); // the region, the open execution and the child loops
	});

	it('stop() aborts the requests in flight and writes nothing more', async () => {
		const {store, api, clock, release, poller} = await startGatedPoller({});
		poller.stop();
		expect(api.signals[0]?.aborted).toBe(true);
		release();
		await flush();
		expect(store.getState().executions).toEqual({});
		expect(store.getState().regions['us-east-1']?.lastError).toBeUndefined();
		expect(clock.pending()).toEqual([]);
	});

	it('holds list refreshes while the filter prompt is open and refreshes when it closes', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'Success', T0)]});
		const clock = createFakeClock();
		poller = createPoller({store, api, clock, intervalMs: 2000});
		poller.start();
		await waitFor(() => api.calls.length === 1);
		store.setState({filterDraft: 'sta'});
		api.executions.get('us-east-1')!.push(row('b', 'us-east-1', 'Success', T0 + 1000));
		clock.advance(10_000);
		await flush();
		expect(api.calls).toHaveLength(1);
		expect(store.getState().executions['b']).toBeUndefined();

		store.setState({filterDraft: undefined});
		await waitFor(() => store.getState().executions['b'] !== undefined, 'refresh after the prompt closed');
	});

	it('a restart while a request is in flight keeps polling with the new signal', async () => {
		const {store, api, clock, release, poller} = await startGatedPoller({intervalMs: 2000});
		poller.stop();
		poller.start();
		api.gate = undefined;
		release();
		await waitFor(() => store.getState().executions['a'] !== undefined, 'a fresh run after the restart');
		expect(api.signals.at(-1)?.aborted).toBe(false);
		expect(clock.pending()).toContain(2000);
	});
});
