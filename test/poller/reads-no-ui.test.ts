// The poller is told what to watch by the refresh plan (store/refresh-plan.ts) and reads no UI
// field itself: here every field of the state other than the data fields throws (and is
// recorded, since the loops swallow errors) unless the read happens inside selectRefreshPlan.
import {afterEach, describe, expect, it, vi} from 'vitest';
import type {ExecutionDetail} from '../../source/core/types.js';
import {createPoller, type Poller} from '../../source/poller/create-poller.js';
import type {AppState, AppStore} from '../../source/store/app-store.js';
import type * as RefreshPlanModule from '../../source/store/refresh-plan.js';
import type {DataState} from '../../source/store/state.js';
import {createFakeApi, createFakeClock, createTestStore, flush, row, waitFor} from './fakes.js';

const guard = vi.hoisted(() => ({insidePlan: 0, reads: [] as string[]}));

vi.mock('../../source/store/refresh-plan.js', async importOriginal => {
	const actual = await importOriginal<typeof RefreshPlanModule>();
	return {
		...actual,
		selectRefreshPlan(state: AppState) {
			guard.insidePlan++;
			try {
				return actual.selectRefreshPlan(state);
			} finally {
				guard.insidePlan--;
			}
		},
	};
});

/** What the poller may read: what AWS told us (not `paused`: the plan says that), and the actions. */
const DATA_FIELDS: ReadonlySet<string> = new Set([
	'context',
	'executions',
	'details',
	'childSteps',
	'childErrors',
	'regions',
	'banner',
	'actions',
] satisfies ReadonlyArray<Exclude<keyof DataState, 'paused'> | 'actions'>);

function guarded(state: AppState): AppState {
	return new Proxy(state, {
		get(target, key, receiver) {
			if (guard.insidePlan === 0 && typeof key === 'string' && !DATA_FIELDS.has(key)) {
				guard.reads.push(key);
				throw new Error(`the poller read the UI field ${key}`);
			}

			return Reflect.get(target, key, receiver) as unknown;
		},
	});
}

/** The store as the poller sees it; the test itself changes the real one. */
function blindfold(store: AppStore): AppStore {
	return {
		...store,
		getState: () => guarded(store.getState()),
		subscribe: listener => store.subscribe((next, previous) => listener(guarded(next), guarded(previous))),
	};
}

const T0 = 1_700_000_000_000;
const PARENT = 'parent-0000-0000-0000-000000000000000';
const CHILD = 'child-00000-0000-0000-000000000000000';
const parentDetail: ExecutionDetail = {
	...row(PARENT, 'us-east-1', 'InProgress', T0, {automationType: 'CrossAccount'}),
	steps: [
		{
			stepName: 'loc-1',
			action: 'aws:executeAutomation',
			status: 'InProgress',
			targetLocation: {accounts: ['222222222222'], regions: ['us-west-2']},
			outputs: {AutomationExecutionId: [CHILD]},
		},
	],
};

let poller: Poller | undefined;
afterEach(() => poller?.stop());

describe('the poller', () => {
	it('reads no UI field: list, filter prompt, open execution, child, pause, r, refused credentials, older history', async () => {
		guard.reads = [];
		const store = createTestStore(['us-east-1']);
		const rows = [row(PARENT, 'us-east-1', 'InProgress', T0, {automationType: 'CrossAccount'}), row('old', 'us-east-1', 'Success', T0 - 60_000)];
		const api = createFakeApi({'us-east-1': rows});
		api.pageSize = 1;
		api.details.set(PARENT, parentDetail);
		api.children.set(CHILD, {...row(CHILD, 'us-west-2', 'InProgress', T0), steps: [{stepName: 'restart', status: 'InProgress'}]});
		const clock = createFakeClock(T0);
		poller = createPoller({store: blindfold(store), api, clock, intervalMs: 2000, pageCap: 1});
		const calls = () => api.calls.length;
		const {actions} = store.getState();

		poller.start();
		await waitFor(() => store.getState().executions[PARENT] !== undefined, 'first load');
		await poller.loadOlder('us-east-1');
		expect(store.getState().executions['old']).toBeDefined();

		actions.filterOpened();
		clock.advance(4000);
		actions.filterCancelled();
		actions.screenOpened('detail', PARENT);
		await waitFor(() => store.getState().details[PARENT] !== undefined, 'the open execution');
		actions.screenOpened('grid');
		actions.gridCursorMoved({account: '222222222222', region: 'us-west-2'});
		actions.screenOpened('location');
		await waitFor(() => store.getState().childSteps[CHILD] !== undefined, 'the child');

		actions.pauseToggled();
		const paused = calls();
		clock.advance(10_000);
		expect(calls()).toBe(paused);
		poller.refreshNow();
		await waitFor(() => calls() > paused, 'r while paused');
		actions.pauseToggled();
		await flush();

		api.failNext('us-east-1', 'credentials');
		// The next call: the open execution's read, which has changed nothing, comes after 3 s (open-refresh.ts createOpenBackoff).
		clock.advance(3000);
		await waitFor(() => store.getState().banner !== undefined, 'refused credentials');
		actions.pauseToggled();
		await waitFor(() => api.resets === 1 && store.getState().banner === undefined, 'resumed');
		await flush();

		// A timeout (of the list or of the open execution, whichever asks first).
		api.failNext('us-east-1', 'timeout');
		const beforeTimeout = calls();
		clock.advance(3000);
		await waitFor(() => calls() > beforeTimeout, 'the call that times out');
		await flush();
		await poller.tick();

		expect(guard.reads).toEqual([]);
	});

	it('the guard itself works: reading a UI field outside the plan is caught', () => {
		guard.reads = [];
		const state = blindfold(createTestStore(['us-east-1'])).getState();
		expect(() => state.screen).toThrow('the poller read the UI field screen');
		expect(() => state.paused).toThrow();
		expect(state.executions).toEqual({});
		expect(guard.reads).toEqual(['screen', 'paused']);
	});
});
