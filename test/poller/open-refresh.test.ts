import {afterEach, describe, expect, it} from 'vitest';
import type {ExecutionDetail} from '../../source/core/types.js';
import {createPoller, type Poller} from '../../source/poller/create-poller.js';
import {FULL_STEPS_EVERY, MIN_REFRESHES_BETWEEN_READS} from '../../source/poller/open-refresh.js';
import {childErrorKey} from '../../source/store/data-actions.js';
import {createFakeApi, createFakeClock, createTestStore, flush, row, waitFor} from './fakes.js';

const T0 = 1_700_000_000_000;
const PARENT = 'parent-0000-0000-0000-000000000000000';
const CHILD = 'child-00000-0000-0000-000000000000000';
let poller: Poller | undefined;
afterEach(() => poller?.stop());

function parentDetail(status: string, childStatus: string): ExecutionDetail {
	return {
		...row(PARENT, 'us-east-1', status, T0, {automationType: 'CrossAccount'}),
		automationType: 'CrossAccount',
		steps: [
			{
				stepName: 'loc-1',
				action: 'aws:executeAutomation',
				status: childStatus,
				targetLocation: {accounts: ['222222222222'], regions: ['us-west-2']},
				outputs: {AutomationExecutionId: [CHILD]},
			},
		],
	};
}

/** One region whose list holds PARENT (InProgress), whose detail reads as `detail`. */
function listedParent(detail: ExecutionDetail) {
	const store = createTestStore(['us-east-1']);
	const api = createFakeApi({'us-east-1': [row(PARENT, 'us-east-1', 'InProgress', T0)]});
	api.details.set(PARENT, detail);
	return {store, api};
}

describe('refresh of the open execution', () => {
	it('refreshes the open execution every detail interval until it is final', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': [row(PARENT, 'us-east-1', 'InProgress', T0, {automationType: 'CrossAccount'})]});
		api.details.set(PARENT, parentDetail('InProgress', 'InProgress'));
		const clock = createFakeClock();
		poller = createPoller({store, api, clock, intervalMs: 60_000, detailIntervalMs: 2000});
		poller.start();
		await waitFor(() => store.getState().executions[PARENT] !== undefined);
		store.setState({openId: PARENT, screen: 'detail'});
		await waitFor(() => store.getState().details[PARENT] !== undefined, 'detail loaded on open');
		const gets = () => api.calls.filter(call => call.op === 'get').length;
		expect(gets()).toBe(1);

		api.details.set(PARENT, parentDetail('Success', 'Success'));
		clock.advance(2000);
		await waitFor(() => store.getState().details[PARENT]?.status === 'Success', 'final status');
		// The list row follows the detail, and automationType survives.
		expect(store.getState().executions[PARENT]).toMatchObject({status: 'Success', automationType: 'CrossAccount'});

		clock.advance(10_000);
		await flush();
		expect(gets()).toBe(2);
		expect(store.getState().regions['us-east-1']?.calls).toBeGreaterThanOrEqual(3);
	});

	it('keeps the detail object when a refresh brings nothing new', async () => {
		const {store, api} = listedParent(parentDetail('InProgress', 'InProgress'));
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		store.setState({openId: PARENT, screen: 'detail'});
		await poller.tick();
		const detail = store.getState().details[PARENT];
		await poller.tick();
		expect(store.getState().details[PARENT]).toBe(detail);
	});

	it('offers the held steps of a parent with counters: kept on status alone right after a read, on counters later, read in full every few refreshes or on r', async () => {
		const progress = {total: 1, success: 0, failed: 0, cancelled: 0, timedOut: 0};
		const {store, api} = listedParent({...parentDetail('InProgress', 'InProgress'), progress});
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		store.setState({openId: PARENT, screen: 'grid'});
		for (let refresh = 0; refresh < 2 * FULL_STEPS_EVERY; refresh++) await poller.tick();
		const offered = () => api.calls.filter(call => call.op === 'get').map(call => call.heldSteps !== undefined);
		// The first read has nothing to offer; then one full read in every FULL_STEPS_EVERY.
		const expected = [false, ...Array.from({length: 2 * FULL_STEPS_EVERY - 1}, (_, index) => (index + 1) % FULL_STEPS_EVERY !== 0)];
		expect(offered()).toEqual(expected);
		const held = api.calls.at(-1)?.heldSteps;
		expect(held).toMatchObject({status: 'InProgress', progress, keepWhile: 'counters-unchanged'});
		// Right after a read, the steps stand unless the status changes, even if the counters moved.
		const gets = api.calls.filter(call => call.op === 'get');
		expect(gets.slice(1, MIN_REFRESHES_BETWEEN_READS).map(call => call.heldSteps?.keepWhile)).toEqual(
			Array.from({length: MIN_REFRESHES_BETWEEN_READS - 1}, () => 'status-unchanged'),
		);
		expect(gets[MIN_REFRESHES_BETWEEN_READS]?.heldSteps?.keepWhile).toBe('counters-unchanged');
		expect(held?.steps).toBe(store.getState().details[PARENT]?.steps);

		// A manual refresh reads everything.
		poller.refreshNow();
		await waitFor(() => offered().length === 2 * FULL_STEPS_EVERY + 1, 'the manual refresh');
		expect(offered().at(-1)).toBe(false);
	});

	it('offers no held steps for an execution without counters (one call brings its steps anyway)', async () => {
		const {store, api} = listedParent(parentDetail('InProgress', 'InProgress'));
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		store.setState({openId: PARENT, screen: 'detail'});
		for (let refresh = 0; refresh < 3; refresh++) await poller.tick();
		expect(api.calls.filter(call => call.op === 'get' && call.heldSteps !== undefined)).toEqual([]);
	});

	it('loads the steps of the child under the grid cursor in its own account', async () => {
		const {store, api} = listedParent(parentDetail('InProgress', 'InProgress'));
		api.children.set(CHILD, {...row(CHILD, 'us-west-2', 'InProgress', T0), steps: [{stepName: 'restart', status: 'InProgress'}]});
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		store.setState({openId: PARENT, screen: 'grid'});
		await poller.tick();
		store.setState({screen: 'location', gridCursor: {account: '222222222222', region: 'us-west-2'}});
		await poller.tick();
		expect(store.getState().childSteps[CHILD]).toEqual([{stepName: 'restart', status: 'InProgress'}]);
		expect(api.calls.find(call => call.op === 'child')).toMatchObject({region: 'us-west-2', id: CHILD});
	});

	it('says in the cell when there are no credentials for the account', async () => {
		const {store, api} = listedParent(parentDetail('InProgress', 'Failed'));
		api.unreadable.add('222222222222');
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		store.setState({openId: PARENT, screen: 'location', gridCursor: {account: '222222222222', region: 'us-west-2'}});
		await poller.tick();
		await poller.tick();
		const message = store.getState().childErrors[childErrorKey(PARENT, '222222222222', 'us-west-2')];
		expect(message).toContain('--account-profile 222222222222=PROFILE');
		expect(store.getState().banner).toBeUndefined();
	});

	it('records a child read failure for that cell only', async () => {
		const {store, api} = listedParent(parentDetail('InProgress', 'InProgress'));
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		store.setState({openId: PARENT, screen: 'location', gridCursor: {account: '222222222222', region: 'us-west-2'}});
		await poller.tick();
		await poller.tick();
		expect(store.getState().childErrors[childErrorKey(PARENT, '222222222222', 'us-west-2')]).toMatch(/Access denied/);
		expect(store.getState().regions['us-east-1']?.lastError).toBeUndefined();
	});

	describe('while paused (p)', () => {
		/** PARENT listed and read as running, the child readable; the poller started and paused after the first load. */
		async function pausedPoller() {
			const {store, api} = listedParent(parentDetail('InProgress', 'InProgress'));
			api.children.set(CHILD, {...row(CHILD, 'us-west-2', 'InProgress', T0), steps: [{stepName: 'restart', status: 'InProgress'}]});
			const clock = createFakeClock();
			const started = createPoller({store, api, clock, intervalMs: 5000, detailIntervalMs: 2000});
			poller = started; // for afterEach
			started.start();
			await waitFor(() => store.getState().executions[PARENT] !== undefined, 'first load');
			store.getState().actions.pauseToggled();
			await flush();
			const count = (op: 'get' | 'child' | 'list') => api.calls.filter(call => call.op === op).length;
			return {store, api, clock, count, poller: started};
		}

		it('opening an execution still loads it, once (it used to stay "Loading steps…" forever)', async () => {
			const {store, clock, count} = await pausedPoller();
			const lists = count('list');
			store.getState().actions.screenOpened('detail', PARENT);
			await waitFor(() => store.getState().details[PARENT] !== undefined, 'the opened execution');
			clock.advance(30_000);
			await flush();
			expect(count('get')).toBe(1);
			expect(count('list')).toBe(lists);
		});

		it('a load that fails is not retried by itself while paused; opening it again is a new request', async () => {
			const {store, api, clock, count} = await pausedPoller();
			api.failNext('us-east-1', 'server');
			store.getState().actions.screenOpened('detail', PARENT);
			await waitFor(() => store.getState().regions['us-east-1']?.lastError?.kind === 'server', 'the failed load');
			clock.advance(30_000);
			await flush();
			expect(count('get')).toBe(1);

			store.getState().actions.back();
			store.getState().actions.screenOpened('detail', PARENT);
			await waitFor(() => store.getState().details[PARENT] !== undefined, 'the second request');
			expect(count('get')).toBe(2);
		});

		it('a loaded execution is read again only on r', async () => {
			const {store, count, poller} = await pausedPoller();
			store.getState().actions.screenOpened('detail', PARENT);
			await waitFor(() => count('get') === 1 && store.getState().details[PARENT] !== undefined, 'loaded');
			store.getState().actions.screenOpened('grid');
			await flush();
			expect(count('get')).toBe(1);
			poller.refreshNow();
			await waitFor(() => count('get') === 2, 'r');
		});

		it('the child under the grid cursor on the location screen loads once too', async () => {
			const {store, clock, count} = await pausedPoller();
			store.getState().actions.screenOpened('detail', PARENT);
			await waitFor(() => store.getState().details[PARENT] !== undefined, 'the parent');
			store.getState().actions.screenOpened('grid');
			store.getState().actions.gridCursorMoved({account: '222222222222', region: 'us-west-2'});
			store.getState().actions.screenOpened('location');
			await waitFor(() => store.getState().childSteps[CHILD] !== undefined, 'the child');
			clock.advance(30_000);
			await flush();
			expect(count('child')).toBe(1);
			expect(count('get')).toBe(1);
		});
	});
});
