import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {execution, executionId, NOW, step, storeWith} from './fixtures.js';
import {formatZonedTimestamp, UTC_ZONE} from '../../source/core/time-zone.js';
import type {ExecutionDetail} from '../../source/core/types.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('the target children of a rate-control parent', () => {
	it('Enter on its detail lists the children (target, status, duration); Enter opens one; Esc back to the children, then the parent', async () => {
		const parent: ExecutionDetail = {
			...execution(1, {status: 'InProgress', endTime: undefined, documentName: 'Ops-RotateInstanceLogs', targetParameterName: 'InstanceId'}),
			targets: [{key: 'ParameterValues', values: ['i-0aaaaaaaaaaaaaaaa', 'i-0bbbbbbbbbbbbbbbb']}],
			steps: [
				step('i-0aaaaaaaaaaaaaaaa', {action: 'aws:executeAutomation'}),
				step('i-0bbbbbbbbbbbbbbbb', {action: 'aws:executeAutomation', status: 'InProgress'}),
			],
		};
		const children = [
			execution(50, {parentId: parent.id, target: 'i-0aaaaaaaaaaaaaaaa', status: 'Failed', startTime: NOW - 90_000, endTime: NOW - 45_000}),
			execution(51, {parentId: parent.id, target: 'i-0bbbbbbbbbbbbbbbb', status: 'InProgress', startTime: NOW - 30_000, endTime: undefined}),
		];
		const store = storeWith({rows: [parent], details: [parent]});
		app = await renderApp(store);
		await app.press('enter');
		await app.waitFor('Enter: target children');
		await app.press('enter');
		await app.waitFor('Target children · InstanceId');
		expect(store.getState().screen).toBe('children');
		store.getState().actions.rateChildrenLoaded(parent.id, {executions: children, truncated: false}, NOW);
		const frame = await app.waitFor(executionId(51));
		const lines = frame.split('\n');
		expect(lines.find(line => line.startsWith('i-0aaaaaaaaaaaaaaaa'))).toMatch(new RegExp(`Failed\\s+45s ${executionId(50)}`));
		expect(lines.find(line => line.startsWith('i-0bbbbbbbbbbbbbbbb'))).toMatch(new RegExp(`InProgress\\s+30s ${executionId(51)}`));

		store.getState().actions.rateChildrenFailed(parent.id, 'AWS is throttling requests in us-east-1; backing off.');
		expect(await app.waitFor('(showing the last list read)')).toContain(executionId(50));

		await app.press('down', 'enter');
		await app.waitFor(() => store.getState().screen === 'detail' && store.getState().openId === executionId(51));
		await app.press('escape');
		await app.waitFor('Target children · InstanceId');
		expect(store.getState().selectedChildIndex).toBe(1);
		await app.press('escape');
		await app.waitFor('Enter: target children');
		expect(store.getState()).toMatchObject({screen: 'detail', openId: parent.id});
	});

	it('from 130 columns a STARTED column gives each child its absolute start time with the zone', async () => {
		const parent: ExecutionDetail = {
			...execution(1, {status: 'InProgress', endTime: undefined, documentName: 'Ops-RotateInstanceLogs', targetParameterName: 'InstanceId'}),
			steps: [step('i-0aaaaaaaaaaaaaaaa', {action: 'aws:executeAutomation'})],
		};
		const child = execution(50, {parentId: parent.id, target: 'i-0aaaaaaaaaaaaaaaa', status: 'Success', startTime: NOW - 90_000, endTime: NOW - 45_000});
		for (const columns of [100, 140]) {
			const store = storeWith({rows: [parent], details: [parent], viewport: {columns, rows: 30}});
			app = await renderApp(store);
			await app.press('enter');
			await app.waitFor('Enter: target children');
			await app.press('enter');
			await app.waitFor('Target children · InstanceId');
			store.getState().actions.rateChildrenLoaded(parent.id, {executions: [child], truncated: false}, NOW);
			const row = (await app.waitFor(executionId(50))).split('\n').find(line => line.startsWith('i-0aaaaaaaaaaaaaaaa'));
			if (columns < 130) expect(row).not.toContain('UTC');
			else expect(row).toMatch(new RegExp(`45s ${formatZonedTimestamp(NOW - 90_000, UTC_ZONE)}\\s+${executionId(50)}`));
			app.unmount();
			app = undefined;
		}
	});
});
