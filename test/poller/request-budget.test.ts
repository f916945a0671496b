// The poller under the process's request budget (poller/request-gate.ts): calls go out at the
// budget's rate, locations take turns, the open execution goes first, a throttled location backs
// off alone, and the store is told the calls per minute and how far the interval stretched.
import {afterEach, describe, expect, it} from 'vitest';
import {createPoller, type Poller} from '../../source/poller/create-poller.js';
import type {ExecutionDetail} from '../../source/core/types.js';
import {createAppStore} from '../../source/store/app-store.js';
import {selectRefreshPlan} from '../../source/store/refresh-plan.js';
import {createFakeApi, createFakeClock, createTestStore, flush, row} from './fakes.js';

const T0 = 1_700_000_000_000;
let poller: Poller | undefined;
afterEach(() => poller?.stop());

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2'];

/** Advances the fake clock a step at a time, letting the loops' promises settle in between. */
async function advance(clock: ReturnType<typeof createFakeClock>, ms: number, stepMs = 100): Promise<void> {
	for (let passed = 0; passed < ms; passed += stepMs) {
		clock.advance(Math.min(stepMs, ms - passed));
		await flush(5);
	}
}

describe('the poller under the request budget', () => {
	it('sends calls at the budget rate, every location in turn', async () => {
		const store = createTestStore(REGIONS);
		const api = createFakeApi();
		const clock = createFakeClock(T0);
		poller = createPoller({store, api, clock, intervalMs: 60_000, budget: {callsPerSecond: 2, maxConcurrent: 8, burst: 1}});
		poller.start();
		await flush();
		expect(api.calls).toHaveLength(1);
		await advance(clock, 2500);
		// One at once, then one every 500 ms.
		expect(api.calls).toHaveLength(6);
		expect(new Set(api.calls.map(call => call.region))).toEqual(new Set(REGIONS));
		expect(poller.budget).toEqual({callsPerSecond: 2, maxConcurrent: 8, burst: 1});
	});

	it('never has more requests in flight than the concurrency cap', async () => {
		const store = createTestStore(REGIONS);
		const api = createFakeApi();
		let release!: () => void;
		api.gate = new Promise(resolve => (release = resolve));
		const clock = createFakeClock(T0);
		poller = createPoller({store, api, clock, budget: {callsPerSecond: 100, maxConcurrent: 2}});
		poller.start();
		await advance(clock, 1000);
		expect(api.calls).toHaveLength(2);
		release();
		await advance(clock, 1000);
		expect(api.calls).toHaveLength(REGIONS.length);
	});

	it('drops what is queued on stop(): nothing goes out afterwards', async () => {
		const store = createTestStore(REGIONS);
		const api = createFakeApi();
		const clock = createFakeClock(T0);
		const started = createPoller({store, api, clock, intervalMs: 60_000, budget: {callsPerSecond: 1, maxConcurrent: 8, burst: 1}});
		started.start();
		await flush();
		expect(api.calls).toHaveLength(1);
		started.stop();
		await advance(clock, 10_000, 500);
		expect(api.calls).toHaveLength(1);
		expect(clock.pending()).toEqual([]);
	});

	it('reads the open execution ahead of the list refreshes queued before it', async () => {
		const store = createTestStore(REGIONS);
		const api = createFakeApi({'eu-west-2': [row('open-me', 'eu-west-2', 'InProgress', T0)]});
		const detail: ExecutionDetail = {...row('open-me', 'eu-west-2', 'InProgress', T0), steps: [], parameters: {}, outputs: {}} as unknown as ExecutionDetail;
		api.details.set('open-me', detail);
		const clock = createFakeClock(T0);
		poller = createPoller({store, api, clock, intervalMs: 60_000, budget: {callsPerSecond: 1, maxConcurrent: 8, burst: 1}});
		store.setState({
			executions: {'open-me': row('open-me', 'eu-west-2', 'InProgress', T0)},
			screen: 'detail',
			openId: 'open-me',
		});
		poller.start();
		await flush();
		// The first token went to a list; every other list refresh is queued when the detail asks.
		await advance(clock, 1000);
		expect(api.calls.slice(0, 2).map(call => call.op)).toEqual(['list', 'get']);
	});

	it('with several accounts, refreshes the locations of the rows on screen ahead of the others', async () => {
		const accounts = ['111111111111', '222222222222', '333333333333'].map(account => ({account, label: `a${account.slice(0, 1)}`}));
		const store = createAppStore({
			context: {label: 'org', regions: ['us-east-1'], readOnly: false, local: true, readableAccounts: 'all', accounts},
		});
		// A row of the last account is on the list: its location goes first once the first token is spent.
		store.setState({executions: {seen: row('seen', 'us-east-1', 'InProgress', T0, {account: '333333333333'})}});
		const api = createFakeApi();
		const accountsAsked: string[] = [];
		const list = api.listExecutionPage.bind(api);
		api.listExecutionPage = async (region, request) => {
			accountsAsked.push(request?.account ?? '');
			return list(region, request);
		};
		const clock = createFakeClock(T0);
		poller = createPoller({store, api, clock, intervalMs: 60_000, budget: {callsPerSecond: 1, maxConcurrent: 8, burst: 1}});
		expect(selectRefreshPlan(store.getState()).visibleLocations).toEqual(new Set(['333333333333/us-east-1']));
		poller.start();
		await flush();
		await advance(clock, 2000);
		expect(accountsAsked).toEqual(['111111111111', '333333333333', '222222222222']);
	});

	it('backs a throttled location off alone: the others keep their interval', async () => {
		const run = async (throttled: boolean) => {
			const store = createTestStore(['us-east-1', 'eu-west-1']);
			const api = createFakeApi();
			const clock = createFakeClock(T0);
			const started = createPoller({store, api, clock, intervalMs: 5000, random: () => 0.5, budget: {callsPerSecond: 50, maxConcurrent: 4}});
			poller = started;
			if (throttled) api.failNext('us-east-1', 'throttled', 100);
			started.start();
			await advance(clock, 60_000, 500);
			started.stop();
			const calls = (region: string) => api.calls.filter(call => call.region === region).length;
			return {east: calls('us-east-1'), west: calls('eu-west-1'), store};
		};

		const calm = await run(false);
		const stormy = await run(true);
		expect(stormy.west).toBe(calm.west);
		expect(stormy.east).toBeLessThan(calm.east);
		expect(stormy.store.getState().regions['eu-west-1']?.lastError).toBeUndefined();
		expect(stormy.store.getState().regions['us-east-1']?.throttled).toBe(true);
	});

	it('tells the store the calls per minute it measured, and the interval the budget stretched to', async () => {
		const regions = Array.from({length: 20}, (_value, index) => `us-east-${index + 1}`);
		const store = createTestStore(regions);
		const api = createFakeApi();
		const clock = createFakeClock(T0);
		// 20 locations, one call each, every 5 s: 4 a second asked, 1 a second given.
		poller = createPoller({store, api, clock, intervalMs: 5000, budget: {callsPerSecond: 1, maxConcurrent: 4, burst: 1}});
		poller.start();
		await advance(clock, 90_000, 500);
		const budget = store.getState().budget;
		expect(budget?.callsPerSecond).toBe(1);
		expect(budget?.callsPerMinute).toBeGreaterThanOrEqual(55);
		expect(budget?.callsPerMinute).toBeLessThanOrEqual(62);
		// Each location waits for the 19 others: about 20 s between refreshes instead of 5.
		expect(budget?.stretchedIntervalMs).toBeGreaterThanOrEqual(15_000);
		expect(budget?.stretchedIntervalMs).toBeLessThanOrEqual(25_000);
		expect(Object.keys(budget?.perLocation ?? {}).length).toBe(20);
	});

	it('says nothing of a stretch while the budget keeps up', async () => {
		const store = createTestStore(['us-east-1', 'eu-west-1']);
		const api = createFakeApi();
		const clock = createFakeClock(T0);
		poller = createPoller({store, api, clock, intervalMs: 5000});
		poller.start();
		await advance(clock, 20_000, 500);
		expect(store.getState().budget?.stretchedIntervalMs).toBeUndefined();
		expect(store.getState().budget?.callsPerMinute).toBeGreaterThan(0);
	});
});
