// ListCommandInvocations / GetCommandInvocation for aws:runCommand steps, through the real SDK
// over HTTP: invocations per target instance, output that follows the step's outcome, paging and
// the model's errors.
import {
	GetCommandInvocationCommand,
	ListCommandInvocationsCommand,
	StartAutomationExecutionCommand,
	paginateListCommandInvocations,
	type CommandInvocation,
} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {failure, getExecution, ssm, withEmulator} from './support.js';

describe('Run Command invocations of aws:runCommand steps', () => {
	const env = withEmulator('each');

	async function runCommandStep(instanceId: string) {
		const started = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'Ops-RotateInstanceLogs', Parameters: {InstanceId: [instanceId]}}),
		);
		const id = started.AutomationExecutionId!;
		// Past Pending (1 s) and a little into the command.
		env.running.control.advance(5000);
		const step = (await getExecution(env.client, id)).StepExecutions!.find(candidate => candidate.Action === 'aws:runCommand')!;
		return {id, step, commandId: step.Outputs?.['CommandId']?.[0]};
	}

	it('a running step already names its CommandId; its invocation is InProgress with the output so far, and the same id ends Success with the whole stdout', async () => {
		const {id, step, commandId} = await runCommandStep('i-0123456789abcdef0');
		expect(step.StepStatus).toBe('InProgress');
		expect(commandId).toMatch(/^[0-9a-f-]{36}$/);
		const listed = await env.client.send(new ListCommandInvocationsCommand({CommandId: commandId, Details: true}));
		expect(listed.CommandInvocations).toHaveLength(1);
		expect(listed.CommandInvocations![0]).toMatchObject({
			CommandId: commandId,
			InstanceId: 'i-0123456789abcdef0',
			Status: 'InProgress',
			DocumentName: 'AWS-RunShellScript',
		});
		expect(listed.CommandInvocations![0]!.RequestedDateTime).toBeInstanceOf(Date);
		expect(listed.CommandInvocations![0]!.CommandPlugins![0]).toMatchObject({Name: 'aws:runShellScript', Status: 'InProgress', ResponseCode: -1});
		const running = await env.client.send(new GetCommandInvocationCommand({CommandId: commandId, InstanceId: 'i-0123456789abcdef0'}));
		expect(running).toMatchObject({Status: 'InProgress', ResponseCode: -1, StandardErrorContent: ''});
		expect(running.ExecutionEndDateTime).toBeUndefined();
		const soFar = running.StandardOutputContent!;

		env.running.control.advance(60_000);
		const after = (await getExecution(env.client, id)).StepExecutions!.find(candidate => candidate.StepName === step.StepName)!;
		expect(after.StepStatus).toBe('Success');
		expect(after.Outputs?.['CommandId']).toEqual([commandId]);
		const done = await env.client.send(new GetCommandInvocationCommand({CommandId: commandId, InstanceId: 'i-0123456789abcdef0'}));
		expect(done).toMatchObject({Status: 'Success', StatusDetails: 'Success', ResponseCode: 0, PluginName: 'aws:runShellScript'});
		expect(done.StandardOutputContent!.startsWith(soFar)).toBe(true);
		expect(done.StandardOutputContent!.length).toBeGreaterThan(soFar.length);
		expect(done.StandardOutputContent).toContain('rotateLogs on i-0123456789abcdef0');
		expect(done.ExecutionEndDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
		expect(done.ExecutionElapsedTime).toMatch(/^PT\d+\.\d{3}S$/);
	});

	it('a failed step: the invocation Failed with a non-zero ResponseCode and a stderr that says why', async () => {
		const {id, commandId} = await runCommandStep('i-0fail000000000001');
		env.running.control.advance(60_000);
		const step = (await getExecution(env.client, id)).StepExecutions!.find(candidate => candidate.Action === 'aws:runCommand')!;
		expect(step.StepStatus).toBe('Failed');
		const invocation = await env.client.send(new GetCommandInvocationCommand({CommandId: commandId, InstanceId: 'i-0fail000000000001'}));
		expect(invocation.Status).toBe('Failed');
		expect(invocation.ResponseCode).toBeGreaterThan(0);
		expect(invocation.StandardErrorContent).toMatch(/Permission denied[\s\S]*exit status \d/);
		const listed = await env.client.send(new ListCommandInvocationsCommand({CommandId: commandId, Details: true}));
		expect(listed.CommandInvocations![0]!.CommandPlugins![0]).toMatchObject({Status: 'Failed', ResponseCode: invocation.ResponseCode});
	});

	it('pages with MaxResults and NextToken; a token for other arguments is InvalidNextToken', async () => {
		for (const instance of ['i-0000000000000001a', 'i-0000000000000002a', 'i-0000000000000003a']) await runCommandStep(instance);
		const seen: CommandInvocation[] = [];
		let pages = 0;
		for await (const page of paginateListCommandInvocations({client: env.client, pageSize: 2}, {})) {
			pages++;
			seen.push(...(page.CommandInvocations ?? []));
		}

		expect(pages).toBe(2);
		expect(seen.map(invocation => invocation.InstanceId).sort()).toEqual(['i-0000000000000001a', 'i-0000000000000002a', 'i-0000000000000003a']);
		const first = await env.client.send(new ListCommandInvocationsCommand({MaxResults: 2}));
		expect(first.NextToken).toBeDefined();
		const error = await failure(env.client.send(new ListCommandInvocationsCommand({MaxResults: 2, Details: true, NextToken: first.NextToken})));
		expect(error.name).toBe('InvalidNextToken');
	});

	it('InvalidCommandId for a command never sent, InvocationDoesNotExist for an instance it did not go to, ValidationException for a malformed id', async () => {
		const {commandId} = await runCommandStep('i-0123456789abcdef0');
		const unknown = '11111111-2222-4333-8444-555555555555';
		expect((await failure(env.client.send(new ListCommandInvocationsCommand({CommandId: unknown})))).name).toBe('InvalidCommandId');
		expect((await failure(env.client.send(new GetCommandInvocationCommand({CommandId: unknown, InstanceId: 'i-0123456789abcdef0'})))).name).toBe(
			'InvalidCommandId',
		);
		expect((await failure(env.client.send(new GetCommandInvocationCommand({CommandId: commandId, InstanceId: 'i-0fedcba9876543210'})))).name).toBe(
			'InvocationDoesNotExist',
		);
		expect((await failure(env.client.send(new GetCommandInvocationCommand({CommandId: 'short', InstanceId: 'i-0123456789abcdef0'})))).name).toBe(
			'ValidationException',
		);
		// Another account does not see this account's commands.
		const other = await failure(ssm(env.running, {account: '222222222222'}).send(new ListCommandInvocationsCommand({CommandId: commandId})));
		expect(other.name).toBe('InvalidCommandId');
	});
});
