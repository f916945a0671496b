// A hung endpoint, as the poller sees it: requests the api cuts at its request timeout (kind
// 'timeout'). The scheduling runs on the fake clock; a gate holds a request "in flight".
import {afterEach, describe, expect, it} from 'vitest';
import {backoffDelay, requestTimeoutFor, timeoutBackoff} from '../../source/core/backoff.js';
import {createPoller, type Poller} from '../../source/poller/create-poller.js';
import {regionHealth} from '../../source/store/data-selectors.js';
import {regionSummary} from '../../source/ui/shell/region-summary.js';
import {createFakeApi, createFakeClock, createTestStore, flush, row, waitFor, type FakeApi} from './fakes.js';

const T0 = 1_700_000_000_000;
const INTERVAL = 5000;
const TIMEOUT = 2000;
let poller: Poller | undefined;
afterEach(() => poller?.stop());

/** Holds the api's next answers until the returned function is called. */
function hang(api: FakeApi): () => void {
	let release!: () => void;
	api.gate = new Promise(resolve => (release = resolve));
	return () => {
		api.gate = undefined;
		release();
	};
}

async function loadedPoller() {
	const store = createTestStore(['us-east-1']);
	const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'Success', T0)]});
	const clock = createFakeClock(T0);
	// random 1: the longest pause the jitter allows, the worst case for recovery.
	poller = createPoller({store, api, clock, random: () => 1, intervalMs: INTERVAL, requestTimeoutMs: TIMEOUT});
	poller.start();
	await waitFor(() => store.getState().regions['us-east-1']?.lastSuccessAt === T0, 'first load');
	const region = () => store.getState().regions['us-east-1']!;
	const lists = () => api.calls.filter(call => call.op === 'list').length;
	return {store, api, clock, region, lists, poller};
}

describe('a hung endpoint', () => {
	it('shows within two intervals of hanging, and is ok within one interval of answering again', async () => {
		const {api, clock, region, lists} = await loadedPoller();
		// Worst case for noticing: the endpoint hangs right after a successful refresh.
		const release = hang(api);
		clock.advance(INTERVAL);
		await waitFor(() => lists() === 2, 'the refresh that hangs');
		const sent = clock.now();
		// Worst case for recovery: the endpoint answers again right after that request went out.
		clock.advance(TIMEOUT);
		api.failNext('us-east-1', 'timeout');
		release();
		await waitFor(() => region().lastError?.kind === 'timeout', 'the timeout recorded');
		expect(region().lastError!.at - T0).toBeLessThanOrEqual(2 * INTERVAL);
		expect(region().backoffUntil).toBe(clock.now() + INTERVAL / 2);

		clock.advance(INTERVAL / 2);
		await waitFor(() => region().lastError === undefined, 'recovery');
		expect(region().lastSuccessAt! - sent).toBeLessThanOrEqual(INTERVAL);
		expect(region().backoffUntil).toBeUndefined();
	});

	it('keeps retrying within half an interval however often it times out (no exponential back-off to 30 s and more)', async () => {
		const {api, clock, region, lists} = await loadedPoller();
		api.failNext('us-east-1', 'timeout', 8);
		clock.advance(INTERVAL);
		for (let failure = 1; failure <= 8; failure++) {
			await waitFor(() => lists() === 1 + failure && !region().inFlight, `timeout ${failure}`);
			expect(region().lastError?.kind).toBe('timeout');
			expect(region().backoffUntil! - clock.now()).toBeLessThanOrEqual(INTERVAL / 2);
			clock.advance(INTERVAL / 2);
		}

		await waitFor(() => region().lastError === undefined && !region().inFlight, 'recovery');
		// Back to the ordinary schedule (the other timer is the open-execution loop's).
		expect(clock.pending()).toContain(INTERVAL);
	});

	it('r while a request hangs: the refresh after it goes out as soon as the hung one is cut', async () => {
		const {store, api, clock, region, lists, poller} = await loadedPoller();
		const release = hang(api);
		clock.advance(INTERVAL);
		await waitFor(() => lists() === 2, 'the refresh that hangs');
		poller.refreshNow();
		await flush();
		expect(lists()).toBe(2); // never two requests of one region at once

		api.executions.get('us-east-1')!.push(row('b', 'us-east-1', 'InProgress', T0 + 6000));
		api.failNext('us-east-1', 'timeout');
		release();
		// No time passes on the clock: the follow-up does not wait for the back-off.
		await waitFor(() => store.getState().executions['b'] !== undefined, 'the follow-up refresh');
		expect(lists()).toBe(3);
		expect(region().lastError).toBeUndefined();
	});

	it('throttling keeps its exponential back-off', async () => {
		const {api, clock, region} = await loadedPoller();
		api.failNext('us-east-1', 'throttled', 3);
		clock.advance(INTERVAL);
		const waits: number[] = [];
		let until: number | undefined;
		for (let failure = 1; failure <= 3; failure++) {
			await waitFor(() => region().throttled && region().backoffUntil !== until, `throttled ${failure}`);
			until = region().backoffUntil!;
			waits.push(until - clock.now());
			clock.advance(until - clock.now());
		}

		expect(waits).toEqual([5000, 10_000, 20_000]);
	});
});

describe('the request timeout and the pause after one, per refresh interval', () => {
	it('cuts a request after 40 % of the interval, from 2 s to 10 s', () => {
		expect(requestTimeoutFor()).toBe(2000);
		expect(requestTimeoutFor(5000)).toBe(2000);
		expect(requestTimeoutFor(10_000)).toBe(4000);
		expect(requestTimeoutFor(60_000)).toBe(10_000);
		expect(requestTimeoutFor(2000)).toBe(2000);
	});

	it('timeout plus the longest pause never exceeds the interval (from 4 s up), so recovery takes at most one interval', () => {
		for (const interval of [4000, 5000, 7000, 10_000, 30_000, 60_000, 300_000]) {
			const timeout = requestTimeoutFor(interval);
			const longest = backoffDelay(99, timeoutBackoff(interval, timeout), () => 1);
			expect(timeout + longest, `interval ${interval}`).toBeLessThanOrEqual(interval);
			expect(
				backoffDelay(1, timeoutBackoff(interval, timeout), () => 0),
				`interval ${interval}`,
			).toBeGreaterThan(0);
		}

		// At the 2 s minimum the timeout is the whole interval: the retry goes out right after it.
		expect(backoffDelay(1, timeoutBackoff(2000, requestTimeoutFor(2000)), () => 1)).toBe(0);
	});
});

describe('in the header', () => {
	it('says a timed-out region in words, or in a few when the sentence does not fit', () => {
		const message = 'SSM in us-east-1 (profile prod) did not answer within 2 s.';
		const region = {region: 'us-east-1', throttled: false, calls: 1, inFlight: true, truncated: false, lastError: {kind: 'timeout' as const, message, at: T0}};
		const health = regionHealth({...region, backoffUntil: T0 + 2000}, false);
		expect(regionSummary(health, T0, 15_000).text).toBe(`error: ${message} · retry 2s`);
		expect(regionSummary(health, T0, 15_000, 30)).toEqual({text: 'error: timed out · retry 2s', level: 'error'});
	});
});
