// Executions the service no longer lists (deleted, or expired from its history) must leave the
// store when a complete listing proves them gone, instead of staying on screen forever, some
// "Waiting". Rows outside every complete window (older history beyond the cap) stay.
import {describe, expect, it} from 'vitest';
import {createPoller} from '../../source/poller/create-poller.js';
import {selectRefreshPlan} from '../../source/store/refresh-plan.js';
import {selectOpenExecution} from '../../source/store/selectors.js';
import {createFakeApi, createFakeClock, createTestStore, row} from './fakes.js';

const T0 = 1_700_000_000_000;

function finals(count: number) {
	return Array.from({length: count}, (_, index) => row(`final-${String(index).padStart(4, '0')}`, 'us-east-1', 'Success', T0 - (index + 1) * 60_000));
}

const ids = (store: ReturnType<typeof createTestStore>) => Object.keys(store.getState().executions).sort();

describe('executions the service no longer lists', () => {
	it('a Waiting one inside the start-time window leaves the store; one before the window stays', async () => {
		const store = createTestStore(['us-east-1']);
		const waiting = row('waiting', 'us-east-1', 'Waiting', T0);
		const running = row('running', 'us-east-1', 'InProgress', T0 + 10_000);
		const older = row('older', 'us-east-1', 'Success', T0 - 3_600_000);
		const api = createFakeApi({'us-east-1': [running, waiting, older]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		expect(ids(store)).toEqual(['older', 'running', 'waiting']);

		api.executions.set('us-east-1', [running]);
		await poller.tick();
		// 'older' started before the window the incremental listing asked for: nothing says it is gone.
		expect(ids(store)).toEqual(['older', 'running']);
	});

	it('an open one: its detail goes too, so the view says it is no longer listed, and the poller stops reading it', async () => {
		const store = createTestStore(['us-east-1']);
		const waiting = row('waiting', 'us-east-1', 'Waiting', T0);
		const api = createFakeApi({'us-east-1': [waiting]});
		api.details.set('waiting', {...waiting, steps: [{stepName: 'approve', status: 'Waiting'}]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		store.getState().actions.screenOpened('detail', 'waiting');
		await poller.tick();
		expect(store.getState().details['waiting']).toBeDefined();

		// The service forgets it entirely: the listing no longer returns it, reading it fails.
		api.executions.set('us-east-1', []);
		api.details.delete('waiting');
		await poller.tick();
		const state = store.getState();
		expect(state.executions['waiting']).toBeUndefined();
		expect(state.details['waiting']).toBeUndefined();
		expect(selectOpenExecution(state)).toBeUndefined();
		expect(selectRefreshPlan(state).open).toBeUndefined();

		const gets = api.calls.filter(call => call.op === 'get').length;
		await poller.tick();
		expect(api.calls.filter(call => call.op === 'get').length).toBe(gets);
		// The failed read of the vanished execution does not outlast the next listing.
		expect(store.getState().regions['us-east-1']?.lastError).toBeUndefined();
	});

	it('in a busy region, a long-running one looked up by id and not returned leaves; old finished ones stay', async () => {
		const store = createTestStore(['us-east-1']);
		const long = row('long', 'us-east-1', 'InProgress', T0 - 600 * 60_000);
		const history = finals(120);
		const api = createFakeApi({'us-east-1': [...history, long]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();

		// The service forgets the long run and some old history.
		api.executions.set('us-east-1', history.slice(0, 100));
		const before = api.calls.length;
		await poller.tick();
		expect(api.calls.slice(before).map(call => call.filters?.[0]?.key)).toEqual(['ExecutionStatus', 'StartTimeAfter', 'ExecutionId']);
		expect(store.getState().executions['long']).toBeUndefined();
		expect(ids(store)).toHaveLength(120);
	});

	it('a listing cut at the page cap proves nothing in its window', async () => {
		const store = createTestStore(['us-east-1']);
		const rows = [row('new', 'us-east-1', 'InProgress', T0 + 2000), row('mid', 'us-east-1', 'Success', T0 + 1000), row('first', 'us-east-1', 'InProgress', T0)];
		const api = createFakeApi({'us-east-1': rows});
		const poller = createPoller({store, api, clock: createFakeClock(), pageCap: 1});
		await poller.tick();
		// One row a page: the start-time window takes more pages than the cap.
		api.pageSize = 1;
		api.executions.set('us-east-1', [rows[0]!, rows[2]!]);
		await poller.tick();
		expect(store.getState().executions['mid']).toBeDefined();
	});

	it('plain listing (filters refused): what a capped listing skipped inside its window leaves, older history loaded on demand stays', async () => {
		const store = createTestStore(['us-east-1']);
		// Newest first, as the service lists.
		const rows = Array.from({length: 7}, (_, index) => row(`row-${index}`, 'us-east-1', 'Success', T0 - index * 60_000));
		const api = createFakeApi({'us-east-1': rows});
		api.pageSize = 2;
		api.refuseFilters = true;
		const poller = createPoller({store, api, clock: createFakeClock(), pageCap: 2});
		await poller.tick();
		await poller.loadOlder('us-east-1');
		expect(ids(store)).toHaveLength(7);

		api.executions.set(
			'us-east-1',
			rows.filter(execution => execution.id !== 'row-1' && execution.id !== 'row-5'),
		);
		await poller.tick(); // refused filters: plain listing from now on
		await poller.tick();
		expect(store.getState().executions['row-1']).toBeUndefined();
		// row-5 is older than anything the capped listing returned.
		expect(store.getState().executions['row-5']).toBeDefined();
	});

	it('a listing that was not cut leaves nothing it did not return', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': finals(3)});
		api.refuseFilters = true;
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		api.executions.set('us-east-1', finals(3).slice(1));
		await poller.tick();
		expect(ids(store)).toEqual(['final-0001', 'final-0002']);
	});

	it('a run started (from ssmtop) while a listing is out survives that listing, which cannot have seen it', async () => {
		const store = createTestStore(['us-east-1']);
		const running = row('running', 'us-east-1', 'InProgress', T0);
		const api = createFakeApi({'us-east-1': [running]});
		const poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		let release!: () => void;
		api.gate = new Promise(resolve => {
			release = resolve;
		});
		const listing = poller.tick();
		// The listing is held at the gate: the dialog's outcome adds the new run's row meanwhile.
		store.setState({executions: {...store.getState().executions, started: row('started', 'us-east-1', 'Pending', T0 + 60_000)}});
		release();
		api.gate = undefined;
		await listing;
		expect(ids(store)).toEqual(['running', 'started']);
	});
});
