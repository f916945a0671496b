import {describe, expect, it} from 'vitest';
import type {ExecutionDetail} from '../../source/core/types.js';
import {createAppStore} from '../../source/store/app-store.js';
import {selectRefreshPlan} from '../../source/store/refresh-plan.js';

function store() {
	return createAppStore({context: {label: 'test', regions: ['us-east-1', 'eu-west-1'], readOnly: false, local: true, readableAccounts: 'all'}});
}

const row = {id: 'p', region: 'us-east-1', documentName: 'Doc', status: 'InProgress', startTime: 1000};

const parent: ExecutionDetail = {
	...row,
	automationType: 'CrossAccount',
	steps: [
		{stepName: 'a', status: 'Success', targetLocation: {accounts: ['111111111111'], regions: ['us-east-1']}, outputs: {AutomationExecutionId: ['c1']}},
		{stepName: 'b', status: 'InProgress', targetLocation: {accounts: ['222222222222'], regions: ['eu-west-1']}, outputs: {AutomationExecutionId: ['c2']}},
	],
};

describe('selectRefreshPlan', () => {
	it('on the list: the list is live, nothing is open', () => {
		const app = store();
		expect(selectRefreshPlan(app.getState())).toEqual({list: 'live'});
	});

	it('holds the list while the filter prompt is open, and pauses after p (pause wins)', () => {
		const app = store();
		app.getState().actions.filterOpened();
		expect(selectRefreshPlan(app.getState()).list).toBe('held');
		app.getState().actions.pauseToggled();
		expect(selectRefreshPlan(app.getState()).list).toBe('paused');
		app.getState().actions.filterCancelled();
		expect(selectRefreshPlan(app.getState()).list).toBe('paused');
		app.getState().actions.pauseToggled();
		expect(selectRefreshPlan(app.getState()).list).toBe('live');
	});

	it('returns the same object while its inputs are the same, whatever else changes', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [row], {at: 1});
		app.getState().actions.screenOpened('detail', 'p');
		const plan = selectRefreshPlan(app.getState());
		expect(selectRefreshPlan(app.getState())).toBe(plan);
		// UI and data that the plan does not depend on.
		app.getState().actions.flashShown('copied');
		app.getState().actions.viewportResized({columns: 120, rows: 40});
		app.getState().actions.sortChanged('next');
		app.getState().actions.pollSucceeded('eu-west-1', [{...row, id: 'q', region: 'eu-west-1'}], {at: 2});
		app.getState().actions.detailLoaded({...row, steps: []});
		expect(selectRefreshPlan(app.getState())).toBe(plan);
		// detail → grid of the same execution: the same target.
		app.getState().actions.screenOpened('grid');
		expect(selectRefreshPlan(app.getState())).toBe(plan);
	});

	it('names the open execution while it can change, and drops it once it is loaded and final', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [row, {...row, id: 'r'}], {at: 1});
		app.getState().actions.screenOpened('detail', 'p');
		const first = selectRefreshPlan(app.getState());
		expect(first.open).toEqual({executionId: 'p', region: 'us-east-1', refresh: 'live'});

		app.getState().actions.back();
		app.getState().actions.screenOpened('detail', 'r');
		const second = selectRefreshPlan(app.getState());
		expect(second).not.toBe(first);
		expect(second.open).toMatchObject({executionId: 'r'});

		app.getState().actions.detailLoaded({...row, id: 'r', status: 'Success', steps: []});
		expect(selectRefreshPlan(app.getState()).open).toBeUndefined();
	});

	it('while paused: an open execution not loaded yet is to load once; once loaded, only on r', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [row], {at: 1});
		app.getState().actions.pauseToggled();
		app.getState().actions.screenOpened('detail', 'p');
		expect(selectRefreshPlan(app.getState())).toEqual({list: 'paused', open: {executionId: 'p', region: 'us-east-1', refresh: 'once'}});
		app.getState().actions.detailLoaded({...row, steps: []});
		expect(selectRefreshPlan(app.getState()).open).toEqual({executionId: 'p', region: 'us-east-1', refresh: 'manual'});
		app.getState().actions.pauseToggled();
		expect(selectRefreshPlan(app.getState()).open?.refresh).toBe('live');
	});

	it('on the location screen names the child under the grid cursor, and a new child when the cursor moves', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [row], {at: 1});
		app.getState().actions.detailLoaded(parent);
		app.getState().actions.screenOpened('detail', 'p');
		app.getState().actions.screenOpened('grid');
		expect(selectRefreshPlan(app.getState()).child).toBeUndefined();

		app.getState().actions.gridCursorMoved({account: '222222222222', region: 'eu-west-1'});
		app.getState().actions.screenOpened('location');
		const onC2 = selectRefreshPlan(app.getState());
		expect(onC2.child).toEqual({parentId: 'p', account: '222222222222', region: 'eu-west-1', executionId: 'c2', refresh: 'live'});
		expect(selectRefreshPlan(app.getState())).toBe(onC2);

		app.getState().actions.gridCursorMoved({account: '111111111111', region: 'us-east-1'});
		const onC1 = selectRefreshPlan(app.getState());
		expect(onC1).not.toBe(onC2);
		expect(onC1.open).toBe(onC2.open);
		expect(onC1.child).toMatchObject({executionId: 'c1', refresh: 'live'});
		// c1's location is final: once its steps are loaded there is nothing more to read.
		app.getState().actions.childStepsLoaded('c1', [{stepName: 'x', status: 'Success'}]);
		expect(selectRefreshPlan(app.getState()).child).toBeUndefined();
	});

	it('while paused, the child not loaded yet is to load once', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [row], {at: 1});
		app.getState().actions.detailLoaded(parent);
		app.getState().actions.pauseToggled();
		app.getState().actions.screenOpened('detail', 'p');
		app.getState().actions.gridCursorMoved({account: '222222222222', region: 'eu-west-1'});
		app.getState().actions.screenOpened('location');
		expect(selectRefreshPlan(app.getState()).child?.refresh).toBe('once');
		app.getState().actions.childStepsLoaded('c2', [{stepName: 'x', status: 'InProgress'}]);
		expect(selectRefreshPlan(app.getState()).child?.refresh).toBe('manual');
	});

	it('keeps one memo per store', () => {
		const one = store();
		const two = store();
		const plan = selectRefreshPlan(one.getState());
		two.getState().actions.pauseToggled();
		expect(selectRefreshPlan(two.getState()).list).toBe('paused');
		expect(selectRefreshPlan(one.getState())).toBe(plan);
	});
});

describe('selectRefreshPlan: the list behind another screen', () => {
	it('is background while a detail, grid or location screen covers it; pause and the filter prompt still win', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [row], {at: 1});
		app.getState().actions.screenOpened('detail', 'p');
		expect(selectRefreshPlan(app.getState()).list).toBe('background');
		app.getState().actions.screenOpened('grid');
		expect(selectRefreshPlan(app.getState()).list).toBe('background');
		app.getState().actions.pauseToggled();
		expect(selectRefreshPlan(app.getState()).list).toBe('paused');
		app.getState().actions.pauseToggled();
		app.getState().actions.back();
		app.getState().actions.back();
		expect(app.getState().screen).toBe('list');
		expect(selectRefreshPlan(app.getState()).list).toBe('live');
	});
});
