// The command screen's Run Command reads, with the real AWS facade through the SDK against the
// emulator: loaded only while the step is open, refreshed while the command runs, settled after.
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

const commandCalls = () => {
	const {requests} = emulator.control.counts();
	return (requests['ListCommandInvocations'] ?? 0) + (requests['GetCommandInvocation'] ?? 0);
};

describe('Run Command output on the command screen', () => {
	it('reads nothing until the step is open; then follows the running command to its end and stops', async () => {
		const store = createAppStore({
			context: {label: 'local emulator', regions: ['us-east-1'], readOnly: false, local: true, readableAccounts: 'all', account: emulator.homeAccount},
		});
		const started = await api
			.homeClient('us-east-1')
			.send(new StartAutomationExecutionCommand({DocumentName: 'Ops-RotateInstanceLogs', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
		const id = started.AutomationExecutionId!;
		emulator.control.advance(5000);
		const poller = createPoller({store, api, clock: createFakeClock(emulator.control.now()), intervalMs: 5000});
		await poller.tick();
		store.getState().actions.screenOpened('detail', id);
		await poller.tick();
		expect(commandCalls()).toBe(0);

		const steps = store.getState().details[id]!.steps;
		store.getState().actions.stepSelected({to: steps.findIndex(step => step.action === 'aws:runCommand')});
		expect(store.getState().actions.commandOpened()).toBe(true);
		const commandId = store.getState().openCommand!.commandId;
		await poller.tick();
		const running = store.getState().commands[commandId]!;
		expect(running.invocations?.map(invocation => [invocation.instanceId, invocation.status])).toEqual([['i-0123456789abcdef0', 'InProgress']]);
		expect(running.outputs['i-0123456789abcdef0']?.output?.stdout).toContain('rotateLogs on i-0123456789abcdef0');
		expect(selectRefreshPlan(store.getState()).command).toMatchObject({commandId, instanceId: 'i-0123456789abcdef0', refresh: 'live'});

		emulator.control.advance(60_000);
		await poller.tick();
		await poller.tick();
		const done = store.getState().commands[commandId]!;
		expect(done.invocations?.[0]).toMatchObject({status: 'Success', responseCode: 0});
		expect(done.outputs['i-0123456789abcdef0']?.output).toMatchObject({status: 'Success', responseCode: 0});
		// Settled: the plan drops the command, and a further refresh reads nothing more of it.
		expect(selectRefreshPlan(store.getState()).command).toBeUndefined();
		const calls = commandCalls();
		await poller.tick();
		expect(commandCalls()).toBe(calls);
		poller.stop();
	});
});
