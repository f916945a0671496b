import {afterEach, describe, expect, it} from 'vitest';
import {createPoller, type Poller} from '../../source/poller/create-poller.js';
import {createFakeApi, createFakeClock, createTestStore, flush, row, waitFor} from './fakes.js';

const T0 = 1_700_000_000_000;
let poller: Poller | undefined;
afterEach(() => poller?.stop());

describe('poller errors', () => {
	it('keeps the last data and records an error for the failing region only', async () => {
		const store = createTestStore(['us-east-1', 'eu-west-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0)], 'eu-west-1': [row('b', 'eu-west-1', 'InProgress', T0)]});
		poller = createPoller({store, api, clock: createFakeClock(), random: () => 0});
		await poller.tick();
		const executions = store.getState().executions;

		api.failNext('us-east-1', 'server');
		await poller.tick();
		const state = store.getState();
		expect(state.executions).toBe(executions);
		expect(state.regions['us-east-1']?.lastError).toMatchObject({kind: 'server', message: 'fake server in us-east-1'});
		expect(state.regions['us-east-1']?.throttled).toBe(false);
		expect(state.regions['eu-west-1']?.lastError).toBeUndefined();
		expect(state.banner).toBeUndefined();

		await poller.tick();
		expect(store.getState().regions['us-east-1']?.lastError).toBeUndefined();
	});

	it('backs off a throttled region exponentially with jitter and resets on success', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0)]});
		const clock = createFakeClock(T0);
		poller = createPoller({store, api, clock, random: () => 1, intervalMs: 2000, backoff: {baseMs: 4000, capMs: 60_000, floorMs: 2000}});
		api.failNext('us-east-1', 'throttled', 2);
		poller.start();
		await waitFor(() => store.getState().regions['us-east-1']?.throttled === true);
		expect(store.getState().regions['us-east-1']?.backoffUntil).toBe(T0 + 4000);
		expect(clock.pending()).toEqual([2000, 2000, 4000]); // open and child loops, throttled region

		clock.advance(4000);
		await waitFor(() => store.getState().regions['us-east-1']?.backoffUntil === T0 + 4000 + 8000, 'second, longer back-off');
		const calls = api.calls.length;
		clock.advance(7999);
		await flush();
		expect(api.calls.length).toBe(calls);
		clock.advance(1);
		await waitFor(() => store.getState().regions['us-east-1']?.lastSuccessAt !== undefined, 'recovery');
		expect(store.getState().regions['us-east-1']).toMatchObject({throttled: false});
		expect(store.getState().regions['us-east-1']?.backoffUntil).toBeUndefined();
		expect(clock.pending().at(-1)).toBe(2000);
	});

	it('counts calls made before a failure', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0)]});
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		api.failNext('us-east-1', 'server');
		await poller.tick();
		expect(store.getState().regions['us-east-1']?.calls).toBe(2);
	});

	it('on refused credentials shows the banner, pauses with data kept, and resumes when the user does', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0)]});
		const clock = createFakeClock();
		poller = createPoller({store, api, clock, intervalMs: 2000});
		await poller.tick();
		api.failNext('us-east-1', 'credentials');
		poller.start();
		await waitFor(() => store.getState().banner !== undefined);
		expect(store.getState()).toMatchObject({
			paused: true,
			banner: {level: 'error', message: 'fake credentials in us-east-1 Polling is paused until you resume it.'},
		});
		expect(store.getState().executions['a']).toBeDefined();

		const calls = api.calls.length;
		clock.advance(20_000);
		await flush();
		expect(api.calls.length).toBe(calls);

		store.setState({paused: false});
		await waitFor(() => api.calls.length > calls, 'resumed polling');
		expect(store.getState().banner).toBeUndefined();
		expect(api.resets).toBe(1);
	});

	it('does nothing while paused, but a manual refresh still fetches', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0)]});
		poller = createPoller({store, api, clock: createFakeClock()});
		store.setState({paused: true});
		await poller.tick();
		expect(api.calls).toHaveLength(0);
		poller.refreshNow();
		await waitFor(() => store.getState().executions['a'] !== undefined, 'manual refresh');
	});
});
