// A rate-control parent's target children, read with DescribeAutomationExecutions' ParentExecutionId
// filter (real SDK over HTTP against the emulator) only while its children screen is open.
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AwsApi} from '../../source/aws/index.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {createPoller} from '../../source/poller/create-poller.js';
import {createAppStore} from '../../source/store/app-store.js';
import {selectRefreshPlan} from '../../source/store/refresh-plan.js';
import {createFakeClock} from './fakes.js';
import {startEmulatorApi, stopEmulatorApi} from '../helpers/emulator-api.js';

let emulator: RunningEmulator;
let api: AwsApi;

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('none', ['us-east-1']));
});

afterAll(async () => stopEmulatorApi(emulator, api));

const targets = ['i-00000000000000001', 'i-00000000000000002', 'i-0fail000000000003'];

describe('target children of a rate-control parent', () => {
	it('lists them (target, status) on the children screen, follows them to the end, opens one, and Esc comes back', async () => {
		const store = createAppStore({
			context: {label: 'local emulator', regions: ['us-east-1'], readOnly: false, local: true, readableAccounts: 'all', account: emulator.homeAccount},
		});
		const started = await api.homeClient('us-east-1').send(
			new StartAutomationExecutionCommand({
				DocumentName: 'Ops-RotateInstanceLogs',
				TargetParameterName: 'InstanceId',
				Targets: [{Key: 'ParameterValues', Values: targets}],
				MaxConcurrency: '3',
				MaxErrors: '3',
			}),
		);
		const parentId = started.AutomationExecutionId!;
		emulator.control.advance(5000);
		const poller = createPoller({store, api, clock: createFakeClock(emulator.control.now()), intervalMs: 5000});
		await poller.tick();
		store.getState().actions.screenOpened('detail', parentId);
		await poller.tick();
		expect(selectRefreshPlan(store.getState()).children).toBeUndefined();
		expect(store.getState().actions.childrenOpened()).toBe(true);
		await poller.tick();
		const first = store.getState().rateChildren?.[parentId]?.executions ?? [];
		expect(first.length).toBeGreaterThan(0);
		expect(first.every(child => child.parentId === parentId && targets.includes(child.target ?? ''))).toBe(true);

		emulator.control.advance(600_000);
		await poller.tick();
		await poller.tick();
		const done = store.getState().rateChildren![parentId]!.executions!;
		expect(done.map(child => [child.target, child.status])).toEqual([
			['i-00000000000000001', 'Success'],
			['i-00000000000000002', 'Success'],
			['i-0fail000000000003', 'Failed'],
		]);
		expect(selectRefreshPlan(store.getState()).children).toBeUndefined();

		store.getState().actions.childSelected(2);
		store.getState().actions.childDetailOpened();
		expect(store.getState()).toMatchObject({screen: 'detail', openId: done[2]!.id, childrenOf: parentId});
		await poller.tick();
		expect(store.getState().details[done[2]!.id]?.status).toBe('Failed');
		store.getState().actions.back();
		expect(store.getState()).toMatchObject({screen: 'children', openId: parentId, selectedChildIndex: 2});
		store.getState().actions.back();
		expect(store.getState()).toMatchObject({screen: 'detail', openId: parentId});
		poller.stop();
	});
});
