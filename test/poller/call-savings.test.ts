/**
 * Each call the poller saves against a fair naive loop (bench/naive-calls.ts), counted on the fake
 * api, with the freshness it must keep all the same.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {createPoller, QUIET_REFRESHES, type Poller} from '../../source/poller/create-poller.js';
import {FULL_STEPS_EVERY, MAX_FULL_STEPS_EVERY} from '../../source/poller/open-refresh.js';
import {selectStaleAfterMs} from '../../source/store/data-selectors.js';
import {createFakeApi, createFakeClock, createTestStore, flush, row, waitFor} from './fakes.js';

const T0 = 1_700_000_000_000;
let poller: Poller | undefined;
afterEach(() => poller?.stop());

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

/** The poller started on a fake clock, with the times each region's refreshes succeeded at. */
async function startWatched(initial: Record<string, ReturnType<typeof row>[]>, regions = Object.keys(initial)) {
	const store = createTestStore(regions);
	const api = createFakeApi(initial);
	const clock = createFakeClock(T0);
	const refreshedAt: Record<string, number[]> = Object.fromEntries(regions.map(region => [region, []]));
	store.subscribe((state, previous) => {
		for (const region of regions) {
			const at = state.regions[region]?.lastSuccessAt;
			if (at !== undefined && at !== previous.regions[region]?.lastSuccessAt) refreshedAt[region]!.push(at - T0);
		}
	});
	const started = createPoller({store, api, clock, intervalMs: 5000});
	poller = started;
	started.start();
	await waitFor(() => regions.every(region => refreshedAt[region]!.length === 1), 'the first listings');
	/** Moves the clock a second at a time, letting each refresh finish. */
	const run = async (ms: number): Promise<void> => {
		for (let elapsed = 0; elapsed < ms; elapsed += 1000) {
			clock.advance(1000);
			await flush();
		}
	};
	return {store, api, clock, refreshedAt, run, poller: started};
}

const gaps = (times: readonly number[]): number[] => times.slice(1).map((at, index) => at - times[index]!);

describe('call savings: a region that has not changed in a while', () => {
	it(`after ${QUIET_REFRESHES} refreshes that changed nothing, refreshes every two intervals, short of the header's "stale" (three)`, async () => {
		const {refreshedAt, api, run} = await startWatched({'us-east-1': [row('a', 'us-east-1', 'Success', T0 - 60_000)]});
		await run(60_000);
		expect(refreshedAt['us-east-1']).toEqual([0, 5000, 10_000, 15_000, 25_000, 35_000, 45_000, 55_000]);
		expect(api.calls).toHaveLength(8); // 13 at a steady 5 s
	});

	it('a change brings it back to the interval at once, and it slows down again only after as many quiet refreshes', async () => {
		const {refreshedAt, api, store, run} = await startWatched({'us-east-1': [row('a', 'us-east-1', 'InProgress', T0 - 60_000)]});
		await run(30_000); // refreshed at 0, 5, 10, 15, 25 s
		api.executions.set('us-east-1', [row('a', 'us-east-1', 'Success', T0 - 60_000, {endTime: T0 + 30_000})]);
		await run(30_000);
		expect(store.getState().executions['a']?.status).toBe('Success');
		expect(refreshedAt['us-east-1']).toEqual([0, 5000, 10_000, 15_000, 25_000, 35_000, 40_000, 45_000, 50_000, 60_000]);
	});

	it('each region on its own: a busy one keeps the interval while a quiet one slows down', async () => {
		const {refreshedAt, api, run} = await startWatched({'us-east-1': [row('a', 'us-east-1', 'Success', T0 - 60_000)], 'eu-west-1': []});
		for (let second = 0; second < 40; second++) {
			// A new run in us-east-1 every 5 s.
			if (second % 5 === 4) api.executions.get('us-east-1')!.unshift(row(`new-${second}`, 'us-east-1', 'Success', T0 + second * 1000));
			await run(1000);
		}

		expect(gaps(refreshedAt['us-east-1']!).every(gap => gap === 5000)).toBe(true);
		// Empty, even its first listing changed nothing.
		expect(refreshedAt['eu-west-1']).toEqual([0, 5000, 10_000, 20_000, 30_000, 40_000]);
	});

	it('a manual refresh (r) runs every region now and puts each back on the interval', async () => {
		const {refreshedAt, run, poller: started} = await startWatched({'us-east-1': [row('a', 'us-east-1', 'Success', T0 - 60_000)]});
		await run(30_000); // 0, 5, 10, 15, 25 s: now on the quiet schedule
		started.refreshNow();
		await flush();
		await run(10_000);
		expect(refreshedAt['us-east-1']).toEqual([0, 5000, 10_000, 15_000, 25_000, 30_000, 35_000, 40_000]);
	});

	it('the header never calls a quiet region stale: no gap between refreshes reaches three intervals', async () => {
		const {refreshedAt, store, run} = await startWatched({'us-east-1': [row('a', 'us-east-1', 'Success', T0 - 60_000)]});
		await run(300_000);
		const times = refreshedAt['us-east-1']!;
		expect(times.length).toBeGreaterThan(25);
		expect(Math.max(...gaps(times))).toBeLessThan(selectStaleAfterMs(store.getState()));
	});

	it('the open execution, while its reads change nothing, is read less and less often: 2 s growing by half, up to four list intervals', async () => {
		const running = row('open', 'eu-west-1', 'InProgress', T0 - 60_000);
		const {api, store, run} = await startWatched({'eu-west-1': [running]});
		api.details.set('open', {...running, steps: [{stepName: 'copy', status: 'InProgress'}]});
		store.getState().actions.screenOpened('detail', 'open');
		await waitFor(() => store.getState().details['open'] !== undefined, 'the detail');
		const gets = () => api.calls.filter(call => call.op === 'get').length;
		const readAt: number[] = [];
		for (let second = 1; second <= 120; second++) {
			const before = gets();
			await run(1000);
			if (gets() > before) readAt.push(second * 1000);
		}

		// Each gap is the last one × 1.5 (rounded up to the test's 1 s steps), then 20 s: 9 reads where 60 were.
		expect(gaps([0, ...readAt])).toEqual([2000, 3000, 5000, 7000, 11_000, 16_000, 20_000, 20_000, 20_000, 20_000].slice(0, readAt.length));
		expect(readAt.length).toBeLessThanOrEqual(10);
	});

	it('a read that finds the detail changed brings the open execution back to 2 s', async () => {
		const running = row('open', 'eu-west-1', 'InProgress', T0 - 60_000);
		const {api, store, run} = await startWatched({'eu-west-1': [running]});
		api.details.set('open', {...running, steps: [{stepName: 'copy', status: 'InProgress'}]});
		store.getState().actions.screenOpened('detail', 'open');
		await waitFor(() => store.getState().details['open'] !== undefined, 'the detail');
		await run(60_000); // now at its longest gap
		api.details.set('open', {...running, steps: [{stepName: 'copy', status: 'InProgress', outputs: {copied: ['40%']}}]});
		for (let second = 0; second < 21 && store.getState().details['open']?.steps[0]?.outputs === undefined; second++) await run(1000);
		expect(store.getState().details['open']?.steps[0]?.outputs).toEqual({copied: ['40%']});
		const before = api.calls.filter(call => call.op === 'get').length;
		await run(2000);
		expect(api.calls.filter(call => call.op === 'get').length - before).toBe(1);
	});

	it("the open execution's row moving in its region's listing (a step change) reads its detail at once", async () => {
		const running = row('open', 'eu-west-1', 'InProgress', T0 - 60_000, {currentStepName: 'copy'});
		const {api, store, run} = await startWatched({'eu-west-1': [running]});
		api.details.set('open', {...running, steps: [{stepName: 'copy', status: 'InProgress'}]});
		store.getState().actions.screenOpened('detail', 'open');
		await waitFor(() => store.getState().details['open'] !== undefined, 'the detail');
		const gets = () => api.calls.filter(call => call.op === 'get').length;
		await run(120_000); // the detail is read every 20 s by now
		for (let read = gets(); gets() === read;) await run(1000);
		// Just after a read of the detail, its next one is 20 s away.
		const moved = row('open', 'eu-west-1', 'InProgress', T0 - 60_000, {currentStepName: 'verify'});
		api.executions.set('eu-west-1', [moved]);
		api.details.set('open', {
			...moved,
			steps: [
				{stepName: 'copy', status: 'Success'},
				{stepName: 'verify', status: 'InProgress'},
			],
		});
		const readAfterMove = gets();
		const listedAt = store.getState().regions['eu-west-1']?.lastSuccessAt;
		let waited = 0;
		while (store.getState().regions['eu-west-1']?.lastSuccessAt === listedAt) {
			await run(1000);
			waited += 1000;
		}

		// The list refresh that saw the row move read the detail in the same second, before its own next read.
		expect(waited).toBeLessThan(20_000);
		expect(gets()).toBe(readAfterMove + 1);
		expect(store.getState().details['open']?.steps.length).toBe(2);
	});
});

describe('call savings: the list covered by a detail, grid or location screen', () => {
	/** One region with a run that moves on every second (so the region is never quiet), open-able in the detail. */
	async function startBusy() {
		const running = (second: number) => row('a', 'us-east-1', 'InProgress', T0 - 60_000, {currentStepName: `step-${second}`});
		const watched = await startWatched({'us-east-1': [running(0)]});
		watched.api.details.set('a', {...running(0), steps: []});
		let second = 0;
		const tick = async (seconds: number): Promise<void> => {
			for (let index = 0; index < seconds; index++) {
				second++;
				watched.api.executions.set('us-east-1', [running(second)]);
				await watched.run(1000);
			}
		};

		return {...watched, tick};
	}

	it('refreshes the regions every four intervals, and back on the list the interval resumes from the last refresh', async () => {
		const {refreshedAt, store, tick} = await startBusy();
		await tick(1);
		store.getState().actions.screenOpened('detail', 'a');
		await tick(26); // the list refreshed at 5 s (due before), then 25 s
		store.getState().actions.back();
		await flush();
		await tick(13);
		expect(refreshedAt['us-east-1']).toEqual([0, 5000, 25_000, 30_000, 35_000, 40_000]);
	});

	it('behind the detail the header never calls a region stale: no gap between refreshes reaches its threshold there', async () => {
		const {refreshedAt, store, tick} = await startBusy();
		store.getState().actions.screenOpened('detail', 'a');
		await tick(120);
		const times = refreshedAt['us-east-1']!;
		expect(times.length).toBeGreaterThan(5);
		expect(Math.max(...gaps(times))).toBeLessThan(selectStaleAfterMs(store.getState()));
		store.getState().actions.back();
		expect(selectStaleAfterMs(store.getState())).toBe(15_000);
	});

	it('a region overdue for the list is refreshed as soon as the list is back', async () => {
		const {refreshedAt, store, tick} = await startBusy();
		await tick(1);
		store.getState().actions.screenOpened('detail', 'a');
		await tick(13); // refreshed at 5 s, next at 15 s
		store.getState().actions.back();
		await flush();
		expect(refreshedAt['us-east-1']).toEqual([0, 5000, 14_000]);
		await tick(11);
		expect(refreshedAt['us-east-1']).toEqual([0, 5000, 14_000, 19_000, 24_000]);
	});
});

describe('call savings: the steps of a large run whose counters stand still', () => {
	const progress = {total: 500, success: 120, failed: 0, cancelled: 0, timedOut: 0};
	const location = (index: number, status: string) => ({
		stepName: `loc-${index}`,
		status,
		targetLocation: {accounts: [String(100_000_000_000 + index)], regions: ['us-east-1']},
	});
	const parent = (running: number) => ({
		...row('big', 'us-east-1', 'InProgress', T0 - 60_000, {automationType: 'CrossAccount'}),
		progress,
		steps: Array.from({length: 500}, (_, index) => location(index, index < 120 ? 'Success' : index < running ? 'InProgress' : 'Pending')),
	});

	/** The poller on the grid of a 500-location run (ten step pages per full read), ticked once per detail interval. */
	async function openBig() {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row('big', 'us-east-1', 'InProgress', T0 - 60_000, {automationType: 'CrossAccount'})]});
		api.stepPages = 10;
		api.details.set('big', parent(130));
		const tester = createPoller({store, api, clock: createFakeClock()});
		await tester.tick();
		store.setState({openId: 'big', screen: 'grid'});
		const fullReads = () => api.calls.filter(call => call.op === 'get' && call.heldSteps === undefined).length;
		return {store, api, tester, fullReads};
	}

	it(`re-reads them every ${FULL_STEPS_EVERY} refreshes, then, while those reads find nothing new, every ${MAX_FULL_STEPS_EVERY}`, async () => {
		const {tester, fullReads} = await openBig();
		for (let refresh = 0; refresh < 30; refresh++) await tester.tick();
		// Refreshes 0 (the first load), 5, then every 10: 15 and 25. At a steady 5: 0, 5, …, 25 (6 reads).
		expect(fullReads()).toBe(4);
	});

	it(`a re-read that finds a location started goes back to every ${FULL_STEPS_EVERY}`, async () => {
		const {api, store, tester, fullReads} = await openBig();
		for (let refresh = 0; refresh < 6; refresh++) await tester.tick(); // full reads at 0 and 5 (nothing new)
		api.details.set('big', parent(131)); // a location starts: the counters do not move
		for (let refresh = 6; refresh < 16; refresh++) await tester.tick(); // the read at 15 sees it
		expect(store.getState().details['big']?.steps[130]?.status).toBe('InProgress');
		expect(fullReads()).toBe(3);
		for (let refresh = 16; refresh < 21; refresh++) await tester.tick(); // and reads again at 20
		expect(fullReads()).toBe(4);
	});
});
