/**
 * A location's first listing of several pages (issue 10): its newest rows reach the store as its
 * first page answers, while the location stays loading until every page is in; later listings
 * are applied whole, as before.
 */
import {afterEach, describe, expect, it} from 'vitest';
import {createPoller, type Poller} from '../../source/poller/create-poller.js';
import type {ExecutionPage, ExecutionPageRequest} from '../../source/core/monitor-api.js';
import {createFakeApi, createFakeClock, createTestStore, row, waitFor} from './fakes.js';

const T0 = 1_700_000_000_000;
let poller: Poller | undefined;
afterEach(() => poller?.stop());

describe('the first listing, page by page', () => {
	it('shows the first page while the older pages load, then the whole listing', async () => {
		const store = createTestStore(['us-east-1']);
		const rows = Array.from({length: 120}, (_, index) => row(`r${index}`, 'us-east-1', 'Success', T0 - index * 1000));
		const api = createFakeApi({'us-east-1': rows});
		// The second page waits until released.
		let release!: () => void;
		const held = new Promise<void>(resolve => {
			release = resolve;
		});
		const list = api.listExecutionPage.bind(api);
		api.listExecutionPage = async (region: string, request: ExecutionPageRequest = {}): Promise<ExecutionPage> => {
			if (request.nextToken === '50') await held;
			return list(region, request);
		};
		poller = createPoller({store, api, clock: createFakeClock()});
		const done = poller.tick();
		await waitFor(() => Object.keys(store.getState().executions).length > 0, 'the first page in the store');
		expect(Object.keys(store.getState().executions)).toHaveLength(50);
		expect(store.getState().executions['r0']).toBeDefined();
		// Still loading: no success yet, so the header does not call the location listed.
		expect(store.getState().regions['us-east-1']?.lastSuccessAt).toBeUndefined();
		release();
		await done;
		expect(Object.keys(store.getState().executions)).toHaveLength(120);
		expect(store.getState().regions['us-east-1']?.lastSuccessAt).toBeDefined();
	});

	it('applies a later listing whole (no page-by-page updates once the location is loaded)', async () => {
		const store = createTestStore(['us-east-1']);
		const api = createFakeApi({'us-east-1': Array.from({length: 120}, (_, index) => row(`r${index}`, 'us-east-1', 'Success', T0 - index * 1000))});
		poller = createPoller({store, api, clock: createFakeClock()});
		await poller.tick();
		const updates: number[] = [];
		const unsubscribe = store.subscribe(state => updates.push(Object.keys(state.executions).length));
		api.executions.set('us-east-1', [
			...Array.from({length: 60}, (_, index) => row(`new${index}`, 'us-east-1', 'Success', T0 + (index + 1) * 1000)),
			...api.executions.get('us-east-1')!,
		]);
		await poller.tick();
		unsubscribe();
		expect(new Set(updates.filter(count => count > 120))).toEqual(new Set([180]));
	});
});
