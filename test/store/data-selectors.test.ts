import {describe, expect, it} from 'vitest';
import type {ExecutionDetail} from '../../source/core/types.js';
import {createAppStore} from '../../source/store/app-store.js';
import {childErrorKey} from '../../source/store/data-actions.js';
import {
	selectCursorLocation,
	selectOpenIsLive,
	selectOpenProgress,
	selectRegionHealth,
	selectTotalCalls,
	selectTruncatedRegions,
} from '../../source/store/data-selectors.js';

function store() {
	return createAppStore({context: {label: 'test', regions: ['us-east-1', 'eu-west-1'], readOnly: false, local: false, readableAccounts: ['111111111111']}});
}

const parent: ExecutionDetail = {
	id: 'p',
	region: 'us-east-1',
	documentName: 'Doc',
	status: 'InProgress',
	steps: [
		{stepName: 'a', status: 'Success', targetLocation: {accounts: ['111111111111'], regions: ['us-east-1']}, outputs: {AutomationExecutionId: ['c1']}},
		{stepName: 'b', status: 'Failed', targetLocation: {accounts: ['222222222222'], regions: ['us-east-1']}},
		{stepName: 'c', status: 'InProgress', targetLocation: {accounts: ['222222222222'], regions: ['eu-west-1']}},
	],
};

describe('data selectors', () => {
	it('selectTruncatedRegions names the regions whose listing stopped at the page cap', () => {
		const app = store();
		expect(selectTruncatedRegions(app.getState())).toEqual([]);
		app.getState().actions.pollSucceeded('eu-west-1', [], {at: 1, truncated: true});
		expect(selectTruncatedRegions(app.getState())).toEqual(['eu-west-1']);
	});

	it('region health: loading, ok, error, throttled, paused; stable while regions are', () => {
		const app = store();
		expect(selectRegionHealth(app.getState()).map(region => region.state)).toEqual(['loading', 'loading']);
		const {actions} = app.getState();
		actions.pollSucceeded('us-east-1', [], {at: 1, calls: 1});
		actions.pollFailed('eu-west-1', {kind: 'server', message: 'boom', at: 2, calls: 1});
		const health = selectRegionHealth(app.getState());
		expect(health.map(region => region.state)).toEqual(['ok', 'error']);
		expect(health[1]).toMatchObject({message: 'boom', errorKind: 'server'});
		expect(selectRegionHealth(app.getState())).toBe(health);
		actions.pollFailed('us-east-1', {kind: 'throttled', message: 'slow', at: 3, backoffUntil: 10});
		expect(selectRegionHealth(app.getState())[0]).toMatchObject({state: 'throttled', backoffUntil: 10});
		app.setState({paused: true});
		// A pause keeps a region's problem visible (refused credentials pause polling); a healthy region says "paused".
		expect(selectRegionHealth(app.getState()).map(region => region.state)).toEqual(['throttled', 'error']);
		actions.pollSucceeded('eu-west-1', [], {at: 4, calls: 1});
		expect(selectRegionHealth(app.getState())[1]?.state).toBe('paused');
		expect(selectTotalCalls(app.getState())).toBe(3);
	});

	it('progress: the service counters when sent, else counted from located steps', () => {
		const app = store();
		app.getState().actions.detailLoaded(parent);
		app.setState({openId: 'p', screen: 'grid'});
		const progress = selectOpenProgress(app.getState());
		expect(progress).toEqual({total: 3, success: 1, failed: 1, cancelled: 0, timedOut: 0});
		expect(selectOpenProgress(app.getState())).toBe(progress);
		expect(selectOpenIsLive(app.getState())).toBe(true);
		app.getState().actions.detailLoaded({...parent, progress: {total: 9, success: 9, failed: 0, cancelled: 0, timedOut: 0}, status: 'Success'});
		expect(selectOpenProgress(app.getState())?.total).toBe(9);
		expect(selectOpenIsLive(app.getState())).toBe(false);
	});

	it('cursor location: readability, steps and the cell error', () => {
		const app = store();
		app.getState().actions.detailLoaded(parent);
		app.setState({openId: 'p', screen: 'location', gridCursor: {account: '111111111111', region: 'us-east-1'}});
		expect(selectCursorLocation(app.getState())).toMatchObject({readable: true, cell: {childExecutionId: 'c1'}});
		app.getState().actions.childStepsLoaded('c1', [{stepName: 'x', status: 'Success'}]);
		const location = selectCursorLocation(app.getState());
		expect(location?.steps).toHaveLength(1);
		expect(selectCursorLocation(app.getState())).toBe(location);

		app.setState({gridCursor: {account: '222222222222', region: 'us-east-1'}});
		app.getState().actions.childFailed(childErrorKey('p', '222222222222', 'us-east-1'), 'No credentials');
		expect(selectCursorLocation(app.getState())).toMatchObject({readable: false, error: 'No credentials'});
	});
});
