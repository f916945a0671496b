import {afterEach, describe, expect, it} from 'vitest';
import type {Execution} from '../../source/core/types.js';
import {createPoller, IN_FLIGHT_MARKED_UP_TO, type Poller} from '../../source/poller/create-poller.js';
import {createAppStore} from '../../source/store/app-store.js';
import type {ListedLocation} from '../../source/store/data-actions.js';
import {createFakeApi, createFakeClock, createTestStore, row, waitFor} from './fakes.js';

const T0 = 1_700_000_000_000;

describe('list refreshes of many locations (issue 11)', () => {
	let poller: Poller | undefined;
	afterEach(() => {
		poller?.stop();
		poller = undefined;
	});

	it('pollsSucceeded applies a batch as pollSucceeded one after another would, in one store update', () => {
		const regions = ['us-east-1', 'eu-west-1', 'ap-south-1'];
		const gone = row('gone', 'us-east-1', 'Success', T0 + 10);
		const batch: ListedLocation[] = [
			{region: 'us-east-1', executions: [row('a', 'us-east-1', 'InProgress', T0 + 20)], meta: {at: T0 + 1, calls: 1, coverage: {startedAfter: 'all'}}},
			{region: 'eu-west-1', executions: [row('b', 'eu-west-1', 'Success', T0 + 5)], meta: {at: T0 + 2, calls: 2, truncated: true}},
			{region: 'ap-south-1', executions: [row('c', 'ap-south-1', 'Success', T0 + 3)], meta: {at: T0 + 3, calls: 1}},
		];
		const one = createTestStore(regions);
		const many = createTestStore(regions);
		for (const app of [one, many]) {
			app.getState().actions.pollSucceeded('us-east-1', [gone], {at: T0, calls: 1});
			app.getState().actions.pollSucceeded('ap-south-1', [row('c', 'ap-south-1', 'Success', T0 + 3)], {at: T0, calls: 1});
		}

		for (const {region, executions, meta} of batch) one.getState().actions.pollSucceeded(region, executions, meta);
		let updates = 0;
		// The cursor's subscription may follow with an update of its own (selectedId): counted are the data's.
		const unsubscribe = many.subscribe((state, previous) => {
			if (state.regions !== previous.regions) updates++;
		});
		const changed = many.getState().actions.pollsSucceeded(batch);
		unsubscribe();

		expect(updates).toBe(1);
		// ap-south-1 returned the row it held: its rows did not change.
		expect([...changed].sort()).toEqual(['eu-west-1', 'us-east-1']);
		expect(many.getState().executions).toEqual(one.getState().executions);
		expect(Object.keys(many.getState().executions).sort()).toEqual(['a', 'b', 'c']);
		expect(many.getState().regions).toEqual(one.getState().regions);
	});

	it('with more than IN_FLIGHT_MARKED_UP_TO locations, the listings that end together reach the store as one update', async () => {
		const locations = Array.from({length: IN_FLIGHT_MARKED_UP_TO * 2}, (_, index) => `test-${index}`);
		const initial: Record<string, Execution[]> = Object.fromEntries(
			locations.map((region, index) => [region, [row(`run-${index}`, region, 'Success', T0 - index)]]),
		);
		const api = createFakeApi(initial);
		const store = createAppStore({
			context: {label: 'test', regions: locations, readOnly: false, local: true, readableAccounts: 'all', account: '123456789012'},
		});
		let listUpdates = 0;
		store.subscribe((state, previous) => {
			if (state.regions !== previous.regions) listUpdates++;
		});
		poller = createPoller({
			store,
			api,
			clock: createFakeClock(T0),
			intervalMs: 60_000,
			budget: {callsPerSecond: 10_000, maxConcurrent: locations.length, burst: locations.length},
		});
		poller.start();
		await waitFor(() => Object.values(store.getState().regions).every(region => region.lastSuccessAt !== undefined), 'every location listed');

		expect(Object.keys(store.getState().executions)).toHaveLength(locations.length);
		// One update per location before: each one a pass over every row for every listener.
		expect(listUpdates).toBeLessThanOrEqual(4);
	});
});
