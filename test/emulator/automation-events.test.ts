// The EventBridge events the engine emits on every execution and step status change, in the shape
// of AWS's published examples, as they arrive on the ssmtop-events queue.
import {GetAutomationExecutionCommand, SendAutomationSignalCommand, StartAutomationExecutionCommand, StopAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {detailDate} from '../../source/emulator/events/automation-events.js';
import {drain, events, sqs} from './sqs-support.js';
import {T0, emulator, withEmulator} from './support.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Automation events', () => {
	const env = withEmulator('each');
	const received = async () => events(await drain(sqs(env.running), env.running.eventsQueueUrl));

	it('writes dates as the examples do ("Nov 29, 2024 7:43:25 PM", UTC)', () => {
		expect(detailDate(Date.UTC(2024, 10, 29, 19, 43, 25))).toBe('Nov 29, 2024 7:43:25 PM');
		expect(detailDate(Date.UTC(2026, 0, 5, 0, 4, 9))).toBe('Jan 5, 2026 12:04:09 AM');
		expect(detailDate(Date.UTC(2026, 0, 5, 12, 0, 0))).toBe('Jan 5, 2026 12:00:00 PM');
	});

	it('publishes each status change of a run and its steps, in order, with the envelope and detail of the examples', async () => {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
		);
		env.running.control.advance(5 * 60_000);
		const execution = (await env.client.send(new GetAutomationExecutionCommand({AutomationExecutionId: id}))).AutomationExecution!;
		expect(execution.AutomationExecutionStatus).toBe('Success');
		const seen = await received();
		expect(seen.map(event => [event['detail-type'].split(' ')[2], 'StepName' in event.detail ? event.detail.StepName : '-', event.detail.Status])).toEqual([
			['Execution', '-', 'Pending'],
			['Execution', '-', 'InProgress'],
			['Step', 'stopInstances', 'InProgress'],
			['Step', 'stopInstances', 'Success'],
			['Step', 'startInstances', 'InProgress'],
			['Step', 'startInstances', 'Success'],
			['Execution', '-', 'Success'],
		]);
		const version = execution.DocumentVersion!;
		const resources = [
			`arn:aws:ssm:us-east-1:123456789012:automation-execution/${id}`,
			`arn:aws:ssm:us-east-1:123456789012:automation-definition/AWS-RestartEC2Instance:${version}`,
		];
		const end = execution.ExecutionEndTime!.getTime();
		expect(seen.at(-1)).toEqual({
			version: '0',
			id: expect.stringMatching(uuid),
			'detail-type': 'EC2 Automation Execution Status-change Notification',
			source: 'aws.ssm',
			account: '123456789012',
			time: new Date(end).toISOString().replace(/\.\d{3}Z$/, 'Z'),
			region: 'us-east-1',
			resources,
			detail: {
				ExecutionId: id,
				Definition: 'AWS-RestartEC2Instance',
				DefinitionVersion: Number(version),
				Status: 'Success',
				StartTime: detailDate(T0),
				EndTime: detailDate(end),
				Time: end - T0,
				ExecutedBy: execution.ExecutedBy,
			},
		});
		const step = execution.StepExecutions![0]!;
		expect(seen[3]).toEqual({
			version: '0',
			id: expect.stringMatching(uuid),
			'detail-type': 'EC2 Automation Step Status-change Notification',
			source: 'aws.ssm',
			account: '123456789012',
			time: step.ExecutionEndTime!.toISOString().replace(/\.\d{3}Z$/, 'Z'),
			region: 'us-east-1',
			resources,
			detail: {
				ExecutionId: id,
				Definition: 'AWS-RestartEC2Instance',
				DefinitionVersion: Number(version),
				Status: 'Success',
				StartTime: detailDate(step.ExecutionStartTime!.getTime()),
				EndTime: detailDate(step.ExecutionEndTime!.getTime()),
				Time: step.ExecutionEndTime!.getTime() - step.ExecutionStartTime!.getTime(),
				StepName: 'stopInstances',
				Action: 'aws:changeInstanceState',
			},
		});
		// Still running: no EndTime, Time so far.
		expect(seen[2]!.detail).not.toHaveProperty('EndTime');
		expect(seen[1]!.detail).toMatchObject({Status: 'InProgress', Time: 1000});
		expect(new Set(seen.map(event => event.id)).size).toBe(seen.length);
	});

	it('publishes the children of a cross-account run in their own account and Region, and the parent per location', async () => {
		const members = ['210987654321', '345678901234'];
		const {AutomationExecutionId: parentId} = await env.client.send(
			new StartAutomationExecutionCommand({
				DocumentName: 'AWS-StopEC2Instance',
				Parameters: {InstanceId: ['i-0123456789abcdef0']},
				TargetLocations: [{Accounts: members, Regions: ['eu-west-1', 'ap-southeast-2'], TargetLocationMaxConcurrency: '4'}],
			}),
		);
		env.running.control.advance(10 * 60_000);
		const seen = await received();
		const children = seen.filter(event => event.account !== '123456789012');
		expect(new Set(children.map(event => `${event.account}/${event.region}`))).toEqual(
			new Set(members.flatMap(account => [`${account}/eu-west-1`, `${account}/ap-southeast-2`])),
		);
		for (const event of children) {
			expect(event.resources[0]).toBe(`arn:aws:ssm:${event.region}:${event.account}:automation-execution/${event.detail.ExecutionId}`);
		}

		const childEnds = children.filter(event => event['detail-type'].includes('Execution') && event.detail.Status === 'Success');
		expect(childEnds).toHaveLength(4);
		const locationSteps = seen.filter(event => event.detail.ExecutionId === parentId && 'StepName' in event.detail);
		expect(
			locationSteps
				.filter(event => event.detail.Status === 'Success')
				.map(event => ('StepName' in event.detail ? event.detail.StepName : ''))
				.sort(),
		).toEqual(members.flatMap(account => [`${account}/ap-southeast-2`, `${account}/eu-west-1`]).sort());
		expect(locationSteps.every(event => 'Action' in event.detail && event.detail.Action === 'aws:executeAutomation')).toBe(true);
		expect(seen.at(-1)!.detail).toMatchObject({ExecutionId: parentId, Status: 'Success'});
	});

	it('publishes an Interactive run: it waits, a StartStep signal runs the step, and it waits again', async () => {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}, Mode: 'Interactive'}),
		);
		expect((await received()).map(event => event.detail.Status)).toEqual(['Pending', 'Waiting']);
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'StartStep', Payload: {StepName: ['stopInstances']}}));
		env.running.control.advance(60_000);
		expect((await received()).map(event => [event.detail.Status, 'StepName' in event.detail])).toEqual([
			['InProgress', true],
			['InProgress', false],
			['Success', true],
			['Waiting', false],
		]);
	});
});

describe('Automation events of stops and rate control', () => {
	const env = withEmulator('each');
	const received = async () => events(await drain(sqs(env.running), env.running.eventsQueueUrl));
	const summary = (seen: Awaited<ReturnType<typeof received>>) =>
		seen.map(event => `${'StepName' in event.detail ? `step ${event.detail.StepName}` : 'run'} ${event.detail.Status}`);

	it('publishes a cancel: Cancelling, the running step Cancelled, then the run Cancelled', async () => {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
		);
		env.running.control.advance(1500);
		await received();
		await env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id, Type: 'Cancel'}));
		env.running.control.advance(60_000);
		expect(summary(await received())).toEqual(['run Cancelling', 'step stopInstances Cancelled', 'run Cancelled']);
	});

	it('publishes a rate-control parent (one step per target) and each child in the same account', async () => {
		const targets = ['i-0000000000000000a', 'i-0000000000000000b'];
		const {AutomationExecutionId: parentId} = await env.client.send(
			new StartAutomationExecutionCommand({
				DocumentName: 'AWS-StopEC2Instance',
				TargetParameterName: 'InstanceId',
				Targets: [{Key: 'ParameterValues', Values: targets}],
				MaxConcurrency: '2',
			}),
		);
		env.running.control.advance(10 * 60_000);
		const seen = await received();
		const parent = seen.filter(event => event.detail.ExecutionId === parentId);
		expect(summary(parent)).toEqual([
			'run Pending',
			'run InProgress',
			`step ${targets[0]} InProgress`,
			`step ${targets[0]} Success`,
			`step ${targets[1]} InProgress`,
			`step ${targets[1]} Success`,
			'run Success',
		]);
		const children = new Set(seen.filter(event => event.detail.ExecutionId !== parentId).map(event => event.detail.ExecutionId));
		expect(children.size).toBe(2);
		expect(seen.every(event => event.account === '123456789012' && event.region === 'us-east-1')).toBe(true);
	});
});

describe('the demo seed', () => {
	it('publishes nothing of its replayed history: every event is from the start on', async () => {
		const running = await emulator({seed: 'demo'});
		try {
			running.control.advance(60_000);
			const seen = events(await drain(sqs(running), running.eventsQueueUrl));
			expect(seen.length).toBeGreaterThan(0);
			expect(seen.every(event => Date.parse(event.time) >= T0)).toBe(true);
			expect(running.control.counts().events['EC2 Automation Step Status-change Notification']).toBeGreaterThan(0);
		} finally {
			await running.close();
		}
	});
});
