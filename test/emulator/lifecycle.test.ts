import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {
	DescribeAutomationExecutionsCommand,
	SendAutomationSignalCommand,
	StartAutomationExecutionCommand,
	StopAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {failure, getExecution, withEmulator} from './support.js';

describe('execution lifecycle', () => {
	const env = withEmulator('each');

	const start = async (input: ConstructorParameters<typeof StartAutomationExecutionCommand>[0]) =>
		(await env.client.send(new StartAutomationExecutionCommand(input))).AutomationExecutionId!;
	const get = async (id: string) => getExecution(env.client, id);
	const steps = async (id: string) => Object.fromEntries((await get(id)).StepExecutions!.map(step => [step.StepName, step.StepStatus]));

	it('moves Pending → InProgress → Success on the injected clock, with CurrentStepName while running', async () => {
		const id = await start({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}});
		expect((await get(id)).AutomationExecutionStatus).toBe('Pending');
		env.running.control.advance(1000);
		const first = await get(id);
		expect(first).toMatchObject({AutomationExecutionStatus: 'InProgress', CurrentStepName: 'stopInstances', CurrentAction: 'aws:changeInstanceState'});
		env.running.control.advance(60_000);
		const done = await get(id);
		expect(done.AutomationExecutionStatus).toBe('Success');
		expect(done.CurrentStepName).toBeUndefined();
		expect(await steps(id)).toEqual({stopInstances: 'Success', startInstances: 'Success'});
	});

	it('follows onFailure: step:… to the rollback branch and still ends Failed (the failed step is critical)', async () => {
		const id = await start({
			DocumentName: 'Ops-RestartServiceWithRollback',
			Parameters: {InstanceId: ['i-0123456789abcdef0'], ServiceName: ['worker'], AutomationAssumeRole: ['fail@restartService']},
		});
		env.running.control.advance(10 * 60_000);
		const execution = await get(id);
		expect(await steps(id)).toEqual({
			snapshotConfig: 'Success',
			restartService: 'Failed',
			healthCheck: 'Pending',
			rollbackConfig: 'Success',
			notifyOnCall: 'Success',
		});
		expect(execution.AutomationExecutionStatus).toBe('Failed');
		expect(execution.FailureMessage).toMatch(/runCommand/);
		const restart = execution.StepExecutions!.find(step => step.StepName === 'restartService')!;
		expect(restart).toMatchObject({OnFailure: 'step:rollbackConfig', MaxAttempts: 2, FailureDetails: {FailureStage: 'Invocation', FailureType: 'Action'}});
	});

	it('times out a step marked with hang, and the run ends TimedOut', async () => {
		const id = await start({DocumentName: 'Ops-RotateInstanceLogs', Parameters: {InstanceId: ['i-0123456789abcdef0'], LogPaths: ['/var/log/hang/app.log']}});
		env.running.control.advance(599_000);
		expect((await get(id)).AutomationExecutionStatus).toBe('InProgress');
		env.running.control.advance(10_000);
		expect((await get(id)).AutomationExecutionStatus).toBe('TimedOut');
		expect(await steps(id)).toEqual({rotateLogs: 'TimedOut', shipToS3: 'Pending'});
	});

	it('waits for approval, shows CurrentAction aws:approve, and continues when approved', async () => {
		const id = await start({DocumentName: 'Ops-PatchFleetWithApproval', Parameters: {InstanceIds: ['i-0123456789abcdef0']}});
		env.running.control.advance(5000);
		expect(await get(id)).toMatchObject({AutomationExecutionStatus: 'Waiting', CurrentAction: 'aws:approve'});
		const waiting = await env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'CurrentAction', Values: ['aws:approve']}]}));
		expect(waiting.AutomationExecutionMetadataList?.map(item => item.AutomationExecutionId)).toEqual([id]);
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'Approve', Payload: {Comment: ['go']}}));
		const approved = await get(id);
		expect(approved.AutomationExecutionStatus).toBe('InProgress');
		expect(approved.StepExecutions![0]).toMatchObject({StepStatus: 'Success', Outputs: {ApprovalStatus: ['Approved']}});
		env.running.control.advance(10 * 60_000);
		expect((await get(id)).AutomationExecutionStatus).toBe('Success');
	});

	it('a rejected approval fails the run', async () => {
		const id = await start({DocumentName: 'Ops-PatchFleetWithApproval', Parameters: {InstanceIds: ['i-0123456789abcdef0']}});
		env.running.control.advance(5000);
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'Reject'}));
		const rejected = await get(id);
		expect(rejected.AutomationExecutionStatus).toBe('Failed');
		expect(rejected.StepExecutions![0]).toMatchObject({StepStatus: 'Failed', Outputs: {ApprovalStatus: ['Rejected']}});
		expect(rejected.FailureMessage).toMatch(/rejected/);
	});

	it('an unanswered approval times out after the step timeout', async () => {
		const id = await start({DocumentName: 'Ops-PatchFleetWithApproval', Parameters: {InstanceIds: ['i-0123456789abcdef0']}});
		env.running.control.advance(86_400_000 + 5000);
		expect((await get(id)).AutomationExecutionStatus).toBe('TimedOut');
	});

	it('Interactive mode waits between steps, runs a step on StartStep, and finishes on Complete', async () => {
		const id = await start({
			DocumentName: 'Ops-IncidentTriage',
			Mode: 'Interactive',
			Parameters: {InstanceId: ['i-0123456789abcdef0'], IncidentId: ['INC-1234']},
		});
		const initial = await get(id);
		expect(initial.AutomationExecutionStatus).toBe('Waiting');
		expect(initial.StepExecutions![0]?.ValidNextSteps).toEqual(['collectDiagnostics']);
		env.running.control.advance(60_000);
		expect(await steps(id)).toEqual({collectDiagnostics: 'Pending', snapshotVolumes: 'Pending', waitForDecision: 'Pending', isolateInstance: 'Pending'});
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'StartStep', Payload: {StepName: ['collectDiagnostics']}}));
		expect((await get(id)).AutomationExecutionStatus).toBe('InProgress');
		await expect(env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id, Type: 'Complete'}))).rejects.toThrow(/running/);
		env.running.control.advance(60_000);
		const after = await get(id);
		expect(after.AutomationExecutionStatus).toBe('Waiting');
		expect(after.StepExecutions![0]).toMatchObject({StepStatus: 'Success', ValidNextSteps: ['snapshotVolumes']});
		await env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id, Type: 'Complete'}));
		const done = await get(id);
		expect(done.AutomationExecutionStatus).toBe('Success');
		expect(await steps(id)).toMatchObject({collectDiagnostics: 'Success', snapshotVolumes: 'Pending'});
	});

	it('StopStep cancels the running step of an Interactive run, which then waits again', async () => {
		const id = await start({
			DocumentName: 'Ops-IncidentTriage',
			Mode: 'Interactive',
			Parameters: {InstanceId: ['i-0123456789abcdef0'], IncidentId: ['INC-1234']},
		});
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'StartStep', Payload: {StepName: ['snapshotVolumes']}}));
		const stepId = (await get(id)).StepExecutions![1]!.StepExecutionId!;
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'StopStep', Payload: {StepExecutionId: [stepId]}}));
		expect((await get(id)).AutomationExecutionStatus).toBe('Waiting');
		expect((await steps(id))['snapshotVolumes']).toBe('Cancelled');
	});

	it('an aws:pause step waits for Resume', async () => {
		const id = await start({DocumentName: 'Ops-IncidentTriage', Parameters: {InstanceId: ['i-0123456789abcdef0'], IncidentId: ['INC-1234']}});
		env.running.control.advance(120_000);
		expect(await get(id)).toMatchObject({AutomationExecutionStatus: 'Waiting', CurrentStepName: 'waitForDecision'});
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'Resume', Payload: {StepName: ['waitForDecision']}}));
		env.running.control.advance(60_000);
		expect((await get(id)).AutomationExecutionStatus).toBe('Success');
	});

	it('Cancel goes through Cancelling to Cancelled; steps not reached stay Pending', async () => {
		const id = await start({DocumentName: 'Ops-MigrateDataInChunks', Parameters: {Tables: ['orders'], TargetCluster: ['orders-v2']}});
		env.running.control.advance(10_000);
		await env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id, Type: 'Cancel'}));
		expect((await get(id)).AutomationExecutionStatus).toBe('Cancelling');
		env.running.control.advance(2000);
		const cancelled = await get(id);
		expect(cancelled.AutomationExecutionStatus).toBe('Cancelled');
		expect(cancelled.ExecutionEndTime).toBeDefined();
		expect(await steps(id)).toMatchObject({prepareTarget: 'Success', copyChunk1: 'Cancelled', copyChunk2: 'Pending', switchReaders: 'Pending'});
		const error = await failure(env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id})));
		expect(error.name).toBe('InvalidAutomationStatusUpdateException');
	});

	it('the default stop type is Cancel', async () => {
		const id = await start({DocumentName: 'Ops-MigrateDataInChunks', Parameters: {Tables: ['orders'], TargetCluster: ['orders-v2']}});
		await env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id}));
		expect((await get(id)).AutomationExecutionStatus).toBe('Cancelling');
	});

	it('a reused ClientToken with the same request returns the original execution (case-insensitive)', async () => {
		const input = {DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}};
		const first = await start({...input, ClientToken: 'abcdef01-2345-4678-9abc-def012345678'});
		const again = await start({...input, ClientToken: 'ABCDEF01-2345-4678-9ABC-DEF012345678'});
		expect(again).toBe(first);
		expect(env.running.control.counts().executions).toBe(1);
	});

	it('an alarm going into ALARM stops the run and is named in TriggeredAlarms', async () => {
		const id = await start({
			DocumentName: 'Ops-MigrateDataInChunks',
			Parameters: {Tables: ['orders'], TargetCluster: ['orders-v2']},
			AlarmConfiguration: {Alarms: [{Name: 'orders-db-cpu'}]},
		});
		env.running.control.advance(30_000);
		env.running.control.setAlarm('unrelated-alarm', 'ALARM');
		expect((await get(id)).AutomationExecutionStatus).toBe('InProgress');
		env.running.control.setAlarm('orders-db-cpu', 'ALARM');
		env.running.control.advance(2000);
		const stopped = await get(id);
		expect(stopped).toMatchObject({
			AutomationExecutionStatus: 'Cancelled',
			TriggeredAlarms: [{Name: 'orders-db-cpu', State: 'ALARM'}],
			AlarmConfiguration: {Alarms: [{Name: 'orders-db-cpu'}]},
		});
		expect(stopped.FailureMessage).toMatch(/orders-db-cpu/);
	});

	it('a run started while its alarm is already in ALARM is stopped at once (alarm set over HTTP)', async () => {
		const response = await fetch(`${env.running.url}/_emulator/alarms`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({name: 'api-5xx', state: 'ALARM'}),
		});
		expect(response.status).toBe(200);
		const id = await start({
			DocumentName: 'AWS-StopEC2Instance',
			Parameters: {InstanceId: ['i-0123456789abcdef0']},
			AlarmConfiguration: {Alarms: [{Name: 'api-5xx'}]},
		});
		expect((await get(id)).AutomationExecutionStatus).toBe('Cancelling');
		env.running.control.advance(5000);
		expect((await get(id)).AutomationExecutionStatus).toBe('Cancelled');
	});

	it('Tags are kept and filterable with TagKey', async () => {
		const id = await start({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}, Tags: [{Key: 'ticket', Value: 'CHG-1'}]});
		await start({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}});
		const tagged = await env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'TagKey', Values: ['ticket']}]}));
		expect(tagged.AutomationExecutionMetadataList?.map(item => item.AutomationExecutionId)).toEqual([id]);
	});

	it('reads TargetLocations from TargetLocationsURL, and says clearly when it cannot', async () => {
		const server = createServer((request, response) => {
			if (request.url === '/locations.json') {
				response.end(JSON.stringify([{Accounts: ['111122223333'], Regions: ['us-east-1', 'eu-west-1']}]));
			} else {
				response.statusCode = 404;
				response.end();
			}
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		try {
			const id = await start({DocumentName: 'Ops-ApplySecurityBaseline', TargetLocationsURL: `${base}/locations.json`});
			const parent = await get(id);
			expect(parent.TargetLocationsURL).toBe(`${base}/locations.json`);
			expect(parent.StepExecutions?.map(step => step.TargetLocation?.Regions?.[0])).toEqual(['us-east-1', 'eu-west-1']);
			const missing = await failure(start({DocumentName: 'Ops-ApplySecurityBaseline', TargetLocationsURL: `${base}/missing.json`}));
			expect(missing.name).toBe('InvalidTarget');
			expect(missing.message).toMatch(/Unable to read TargetLocations from TargetLocationsURL: HTTP 404/);
			const foreign = await failure(start({DocumentName: 'Ops-ApplySecurityBaseline', TargetLocationsURL: 'https://example.com/x.json'}));
			expect(foreign.name).toBe('ValidationException');
		} finally {
			server.close();
		}
	});
});
