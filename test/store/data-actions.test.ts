import {describe, expect, it} from 'vitest';
import type {Execution, ExecutionDetail} from '../../source/core/types.js';
import {createAppStore} from '../../source/store/app-store.js';
import {CHILD_STEPS_KEPT, DETAILS_KEPT} from '../../source/store/data-actions.js';

function store() {
	return createAppStore({context: {label: 'test', regions: ['us-east-1', 'eu-west-1'], readOnly: false, local: false, readableAccounts: []}});
}

const row = (id: string, status = 'InProgress', region = 'us-east-1'): Execution => ({id, region, documentName: 'Doc', status, startTime: 1});

describe('data actions', () => {
	it('pollSucceeded merges rows, updates the region, and keeps the executions object when nothing changed', () => {
		const app = store();
		const {actions} = app.getState();
		actions.pollStarted('us-east-1');
		expect(app.getState().regions['us-east-1']?.inFlight).toBe(true);
		actions.pollSucceeded('us-east-1', [row('a'), row('b')], {at: 100, calls: 2, truncated: true});
		const first = app.getState().executions;
		expect(Object.keys(first)).toEqual(['a', 'b']);
		expect(app.getState().regions['us-east-1']).toMatchObject({lastSuccessAt: 100, calls: 2, truncated: true, inFlight: false});

		actions.pollSucceeded('us-east-1', [row('a'), row('b')], {at: 200, calls: 2});
		expect(app.getState().executions).toBe(first);
		expect(app.getState().regions['us-east-1']).toMatchObject({lastSuccessAt: 200, calls: 4, truncated: true});
	});

	it('pollSucceeded with a coverage drops the region’s rows it proves gone, with their detail, and keeps the rest', () => {
		const app = store();
		const {actions} = app.getState();
		const at = (id: string, startTime: number, region = 'us-east-1'): Execution => ({...row(id, 'Waiting', region), startTime});
		actions.pollSucceeded('us-east-1', [at('ghost', 9000), at('kept', 9500), at('older', 1000)], {at: 1});
		actions.pollSucceeded('eu-west-1', [at('far', 9000, 'eu-west-1')], {at: 1});
		actions.detailLoaded({...at('ghost', 9000), steps: []});
		actions.detailLoaded({...at('kept', 9500), steps: []});
		const keptDetail = app.getState().details['kept'];

		actions.pollSucceeded('us-east-1', [at('kept', 9500)], {at: 2, coverage: {startedAfter: 5000}});
		const state = app.getState();
		expect(Object.keys(state.executions).sort()).toEqual(['far', 'kept', 'older']);
		expect(state.details['ghost']).toBeUndefined();
		expect(state.details['kept']).toBe(keptDetail);
		expect(state.regions['us-east-1']?.lastSuccessAt).toBe(2);

		// Nothing proven gone: the same objects.
		const executions = state.executions;
		const details = state.details;
		actions.pollSucceeded('us-east-1', [at('kept', 9500)], {at: 3, coverage: {startedAfter: 5000}});
		expect(app.getState().executions).toBe(executions);
		expect(app.getState().details).toBe(details);
		// Without a coverage, an upsert only.
		actions.pollSucceeded('us-east-1', [], {at: 4});
		expect(app.getState().executions).toBe(executions);
	});

	it('pollFailed records the error and back-off for that region only; success clears them', () => {
		const app = store();
		const {actions} = app.getState();
		actions.pollSucceeded('us-east-1', [row('a')], {at: 1});
		const executions = app.getState().executions;
		actions.pollFailed('us-east-1', {kind: 'throttled', message: 'slow down', at: 5, backoffUntil: 9, calls: 1});
		expect(app.getState().executions).toBe(executions);
		expect(app.getState().regions['us-east-1']).toMatchObject({
			throttled: true,
			backoffUntil: 9,
			lastError: {kind: 'throttled', message: 'slow down', at: 5},
			calls: 1,
		});
		expect(app.getState().regions['eu-west-1']?.lastError).toBeUndefined();
		actions.pollSucceeded('us-east-1', [], {at: 10});
		const region = app.getState().regions['us-east-1']!;
		expect(region.throttled).toBe(false);
		expect(region.lastError).toBeUndefined();
		expect(region.backoffUntil).toBeUndefined();
	});

	it('detailLoaded stores the detail, refreshes the list row, and is a no-op when unchanged', () => {
		const app = store();
		const {actions} = app.getState();
		actions.pollSucceeded('us-east-1', [{...row('a'), automationType: 'Local'}], {at: 1});
		const detail: ExecutionDetail = {...row('a', 'Success'), steps: [{stepName: 's', status: 'Success'}]};
		actions.detailLoaded(detail, {calls: 1});
		const state = app.getState();
		expect(state.details['a']?.status).toBe('Success');
		expect(state.executions['a']).toMatchObject({status: 'Success', automationType: 'Local'});
		expect(state.regions['us-east-1']?.calls).toBe(1);
		actions.detailLoaded(structuredClone(detail));
		expect(app.getState()).toBe(state);
	});

	it('child steps and child errors: loading steps clears the cell error', () => {
		const app = store();
		const {actions} = app.getState();
		actions.childFailed('p/1/r', 'No credentials');
		expect(app.getState().childErrors).toEqual({'p/1/r': 'No credentials'});
		const errors = app.getState().childErrors;
		actions.childFailed('p/1/r', 'No credentials');
		expect(app.getState().childErrors).toBe(errors);
		actions.childStepsLoaded('c', [{stepName: 's', status: 'InProgress'}], {errorKey: 'p/1/r'});
		expect(app.getState().childSteps['c']).toHaveLength(1);
		expect(app.getState().childErrors).toEqual({});
	});

	it('keeps the details of the last few executions read and the open one, not of every execution ever opened', () => {
		const app = store();
		const {actions} = app.getState();
		const ids = Array.from({length: DETAILS_KEPT + 5}, (_, index) => `e${index}`);
		actions.pollSucceeded(
			'us-east-1',
			ids.map(id => row(id)),
			{at: 1},
		);
		actions.screenOpened('detail', 'e0');
		for (const id of ids) actions.detailLoaded({...row(id), steps: []});
		const kept = Object.keys(app.getState().details);
		expect(kept).toHaveLength(DETAILS_KEPT);
		// The open one stays however old; the others are the most recent.
		expect(kept).toContain('e0');
		expect(kept).toContain(ids.at(-1));
		expect(kept).not.toContain('e1');
		// A detail read again counts as recent.
		actions.detailLoaded({...row('e0', 'Success'), steps: []});
		actions.screenOpened('list');
		for (const id of ['x1', 'x2']) actions.detailLoaded({...row(id), steps: []});
		expect(Object.keys(app.getState().details)).toContain('e0');
	});

	it('keeps the child steps of the last cells read, not of every location ever visited', () => {
		const app = store();
		const {actions} = app.getState();
		for (let index = 0; index < CHILD_STEPS_KEPT + 10; index++) actions.childStepsLoaded(`child${index}`, []);
		const kept = Object.keys(app.getState().childSteps);
		expect(kept).toHaveLength(CHILD_STEPS_KEPT);
		expect(kept).not.toContain('child0');
		expect(kept).toContain(`child${CHILD_STEPS_KEPT + 9}`);
	});

	it('credentialsRejected pauses with a banner; bannerCleared removes it', () => {
		const app = store();
		const {actions} = app.getState();
		actions.pollSucceeded('us-east-1', [row('a')], {at: 1});
		actions.credentialsRejected({message: 'expired', at: 3});
		expect(app.getState()).toMatchObject({paused: true, banner: {level: 'error', message: 'expired', at: 3}});
		expect(app.getState().executions['a']).toBeDefined();
		actions.bannerCleared();
		expect(app.getState().banner).toBeUndefined();
	});
});
