import {
	DescribeAutomationExecutionsCommand,
	DescribeAutomationStepExecutionsCommand,
	DescribeDocumentCommand,
	GetAutomationExecutionCommand,
	GetDocumentCommand,
	ListDocumentsCommand,
	SendAutomationSignalCommand,
	StartAutomationExecutionCommand,
	StopAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import {beforeAll, describe, expect, it} from 'vitest';
import {failure, rawPost, ssm, withEmulator} from './support.js';

const missingId = '00000000-0000-4000-8000-000000000000';

describe('declared errors', () => {
	let waitingId: string;
	let finishedId: string;
	const env = withEmulator('all', {executionQuota: {running: 50, queued: 1}});
	beforeAll(async () => {
		finishedId = (
			await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}))
		).AutomationExecutionId!;
		waitingId = (
			await env.client.send(
				new StartAutomationExecutionCommand({DocumentName: 'Ops-PatchFleetWithApproval', Parameters: {InstanceIds: ['i-0123456789abcdef0']}}),
			)
		).AutomationExecutionId!;
		env.running.control.advance(60_000);
	});

	async function expectError(promise: Promise<unknown>, name: string, message?: RegExp): Promise<void> {
		const error = await failure(promise);
		expect(`${error.name}: ${error.message}`).toMatch(new RegExp(`^${name}:`));
		expect(error.$metadata?.httpStatusCode).toBe(400);
		if (message) {
			expect(error.message).toMatch(message);
		}
	}

	it('ValidationException for required members, lengths, patterns, ranges and enums', async () => {
		await expectError(
			env.client.send(new GetAutomationExecutionCommand({} as never)),
			'ValidationException',
			/at 'automationExecutionId' failed to satisfy constraint: Member must not be null/,
		);
		await expectError(
			env.client.send(new GetAutomationExecutionCommand({AutomationExecutionId: 'short'})),
			'ValidationException',
			/length greater than or equal to 36/,
		);
		await expectError(
			env.client.send(new DescribeAutomationExecutionsCommand({MaxResults: 51})),
			'ValidationException',
			/Value '51' at 'maxResults'.*less than or equal to 50/,
		);
		await expectError(env.client.send(new DescribeAutomationExecutionsCommand({MaxResults: 0})), 'ValidationException', /greater than or equal to 1/);
		await expectError(env.client.send(new StartAutomationExecutionCommand({DocumentName: 'a b'})), 'ValidationException', /regular expression pattern/);
		await expectError(
			env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Mode: 'Bogus' as never})),
			'ValidationException',
			/enum value set: \[Auto, Interactive\]/,
		);
		await expectError(
			env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', MaxConcurrency: '0'})),
			'ValidationException',
			/maxConcurrency/,
		);
		await expectError(
			env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {}})),
			'ValidationException',
			/parameters/,
		);
		await expectError(
			env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', ClientToken: 'not-a-uuid'})),
			'ValidationException',
			/clientToken/,
		);
		await expectError(
			env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: missingId, Type: 'Later' as never})),
			'ValidationException',
			/enum value set: \[Complete, Cancel\]/,
		);
		await expectError(env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: missingId} as never)), 'ValidationException', /signalType/);
		await expectError(env.client.send(new DescribeDocumentCommand({Name: 'x'})), 'ValidationException');
		await expectError(env.client.send(new GetDocumentCommand({Name: 'AWS-StopEC2Instance', DocumentFormat: 'XML' as never})), 'ValidationException');
		await expectError(
			env.client.send(new DescribeAutomationExecutionsCommand({Filters: Array.from({length: 11}, () => ({Key: 'ExecutionStatus', Values: ['Success']}))})),
			'ValidationException',
			/filters/,
		);
	});

	it('reports several violations in one message', async () => {
		const error = await failure(env.client.send(new StartAutomationExecutionCommand({DocumentName: '!', MaxErrors: 'x', Mode: 'y' as never})));
		expect(error.message).toMatch(/^3 validation errors detected: /);
	});

	it('allows at most 5 tags on start', async () => {
		const tags = Array.from({length: 6}, (_, index) => ({Key: `k${index}`, Value: 'v'}));
		await expectError(
			env.client.send(
				new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}, Tags: tags}),
			),
			'ValidationException',
			/5 tags/,
		);
	});

	it('StartAutomationExecution: missing runbook, non-Automation document, missing version', async () => {
		await expectError(env.client.send(new StartAutomationExecutionCommand({DocumentName: 'No-Such-Runbook'})), 'AutomationDefinitionNotFoundException');
		await expectError(env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-RunShellScript'})), 'AutomationDefinitionNotFoundException');
		await expectError(
			env.client.send(
				new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', DocumentVersion: '9', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
			),
			'AutomationDefinitionVersionNotFoundException',
		);
	});

	it('InvalidAutomationExecutionParametersException for unknown, missing, mistyped and disallowed parameters', async () => {
		const start = (name: string, parameters: Record<string, string[]>, extra = {}) =>
			env.client.send(
				new StartAutomationExecutionCommand({DocumentName: name, ...(Object.keys(parameters).length > 0 ? {Parameters: parameters} : {}), ...extra}),
			);
		await expectError(
			start('AWS-StopEC2Instance', {InstanceId: ['i-0123456789abcdef0'], Bogus: ['1']}),
			'InvalidAutomationExecutionParametersException',
			/Bogus/,
		);
		await expectError(
			env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance'})),
			'InvalidAutomationExecutionParametersException',
			/InstanceId.*required/,
		);
		await expectError(
			start('Ops-RestartServiceWithRollback', {InstanceId: ['i-0123456789abcdef0'], ServiceName: ['postgres']}),
			'InvalidAutomationExecutionParametersException',
			/allowed values/,
		);
		await expectError(start('Ops-RestartServiceWithRollback', {InstanceId: ['server-1']}), 'InvalidAutomationExecutionParametersException', /allowed pattern/);
		await expectError(
			start('Ops-RestartServiceWithRollback', {InstanceId: ['i-0123456789abcdef0'], DrainSeconds: ['soon']}),
			'InvalidAutomationExecutionParametersException',
			/integer/,
		);
		await expectError(
			start('Ops-DeployServiceConfig', {Environment: ['dev'], ServiceName: ['api'], DryRun: ['yes']}),
			'InvalidAutomationExecutionParametersException',
			/true or false/,
		);
		await expectError(
			start('Ops-DeployServiceConfig', {Environment: ['dev', 'prod'], ServiceName: ['api']}),
			'InvalidAutomationExecutionParametersException',
			/exactly one/,
		);
		await expectError(
			start('Ops-DeployServiceConfig', {Environment: ['dev'], ServiceName: ['api'], Settings: ['not json']}),
			'InvalidAutomationExecutionParametersException',
			/JSON map/,
		);
		await expectError(
			start('Ops-RotateInstanceLogs', {}, {TargetParameterName: 'instanceid', Targets: [{Key: 'ParameterValues', Values: ['i-0123456789abcdef0']}]}),
			'InvalidAutomationExecutionParametersException',
			/case sensitive/,
		);
		await expectError(
			start('Ops-RotateInstanceLogs', {}, {Targets: [{Key: 'ParameterValues', Values: ['i-0123456789abcdef0']}]}),
			'InvalidAutomationExecutionParametersException',
		);
		await expectError(
			start(
				'Ops-RotateInstanceLogs',
				{},
				{TargetParameterName: 'InstanceId', Targets: [{Key: 'ParameterValues', Values: ['i-1']}], TargetMaps: [{InstanceId: ['i-2']}]},
			),
			'InvalidAutomationExecutionParametersException',
			/together/,
		);
	});

	it('InvalidTarget when targets resolve to nothing or name an organizational unit', async () => {
		await expectError(
			env.client.send(
				new StartAutomationExecutionCommand({
					DocumentName: 'Ops-RotateInstanceLogs',
					TargetParameterName: 'InstanceId',
					Targets: [{Key: 'tag:Environment', Values: ['nowhere']}],
				}),
			),
			'InvalidTarget',
		);
		await expectError(
			env.client.send(
				new StartAutomationExecutionCommand({
					DocumentName: 'Ops-ApplySecurityBaseline',
					TargetLocations: [{Accounts: ['ou-abcd-12345678'], Regions: ['us-east-1']}],
				}),
			),
			'InvalidTarget',
		);
	});

	it('IdempotentParameterMismatch when a ClientToken comes back with other parameters', async () => {
		const token = 'B2C3D4E5-1111-4222-8333-444455556666';
		const first = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}, ClientToken: token}),
		);
		await expectError(
			env.client.send(
				new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0fedcba987654321f']}, ClientToken: token}),
			),
			'IdempotentParameterMismatch',
		);
		expect(first.AutomationExecutionId).toHaveLength(36);
	});

	it('a ClientToken compares the request canonically: members in another order, or null for an absent one, are the same request', async () => {
		const token = 'C3D4E5F6-1111-4222-8333-444455556666';
		const target = 'AmazonSSM.StartAutomationExecution';
		const first = await rawPost(
			env.running,
			target,
			JSON.stringify({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}, ClientToken: token}),
		);
		expect(first.status).toBe(200);
		const reordered = await rawPost(
			env.running,
			target,
			JSON.stringify({ClientToken: token, Parameters: {InstanceId: ['i-0123456789abcdef0']}, DocumentName: 'AWS-StopEC2Instance', Mode: null, Tags: null}),
		);
		expect(reordered).toMatchObject({status: 200, json: {AutomationExecutionId: first.json['AutomationExecutionId']}});
		const different = await rawPost(
			env.running,
			target,
			JSON.stringify({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}, Mode: 'Interactive', ClientToken: token}),
		);
		expect(different.status).toBe(400);
		expect(different.json['__type']).toMatch(/IdempotentParameterMismatch/);
	});

	it('AutomationExecutionLimitExceededException once the running quota and the queue are full', async () => {
		const quotaClient = ssm(env.running, {region: 'sa-east-1'});
		const start = () =>
			quotaClient.send(new StartAutomationExecutionCommand({DocumentName: 'Ops-MigrateDataInChunks', Parameters: {Tables: ['t'], TargetCluster: ['c']}}));
		const started = [];
		for (let index = 0; index < 51; index++) {
			started.push((await start()).AutomationExecutionId!);
		}

		await expectError(start(), 'AutomationExecutionLimitExceededException');
		env.running.control.advance(2000);
		const queued = await quotaClient.send(new GetAutomationExecutionCommand({AutomationExecutionId: started[50]}));
		expect(queued.AutomationExecution?.AutomationExecutionStatus).toBe('Pending');
		await quotaClient.send(new StopAutomationExecutionCommand({AutomationExecutionId: started[0]}));
		// Cancelling takes 1.5 s, then the queued run is admitted and shows Pending for 1 s more.
		env.running.control.advance(5000);
		const admitted = await quotaClient.send(new GetAutomationExecutionCommand({AutomationExecutionId: started[50]}));
		expect(admitted.AutomationExecution?.AutomationExecutionStatus).toBe('InProgress');
	});

	it('AutomationExecutionNotFoundException on every execution operation', async () => {
		await expectError(env.client.send(new GetAutomationExecutionCommand({AutomationExecutionId: missingId})), 'AutomationExecutionNotFoundException');
		await expectError(env.client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: missingId})), 'AutomationExecutionNotFoundException');
		await expectError(env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: missingId})), 'AutomationExecutionNotFoundException');
		await expectError(
			env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: missingId, SignalType: 'Approve'})),
			'AutomationExecutionNotFoundException',
		);
	});

	it('InvalidFilterKey, InvalidFilterValue and InvalidNextToken', async () => {
		await expectError(env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'Colour' as never, Values: ['red']}]})), 'InvalidFilterKey');
		await expectError(
			env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'ExecutionStatus', Values: ['Sleeping']}]})),
			'InvalidFilterValue',
		);
		await expectError(
			env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'StartTimeAfter', Values: ['yesterday']}]})),
			'InvalidFilterValue',
		);
		await expectError(env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'AutomationType', Values: ['Remote']}]})), 'InvalidFilterValue');
		await expectError(env.client.send(new DescribeAutomationExecutionsCommand({NextToken: 'garbage'})), 'InvalidNextToken');
		await expectError(
			env.client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: finishedId, Filters: [{Key: 'Colour' as never, Values: ['x']}]})),
			'InvalidFilterKey',
		);
		await expectError(
			env.client.send(
				new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: finishedId, Filters: [{Key: 'StepExecutionStatus', Values: ['Nope']}]}),
			),
			'InvalidFilterValue',
		);
		await expectError(
			env.client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: finishedId, NextToken: 'garbage'})),
			'InvalidNextToken',
		);
		await expectError(env.client.send(new ListDocumentsCommand({Filters: [{Key: 'Colour', Values: ['x']}]})), 'InvalidFilterKey');
		await expectError(env.client.send(new ListDocumentsCommand({NextToken: 'garbage'})), 'InvalidNextToken');
	});

	it('a token is only good for the filters it was issued with', async () => {
		const page = await env.client.send(new ListDocumentsCommand({MaxResults: 1}));
		await expectError(
			env.client.send(new ListDocumentsCommand({MaxResults: 1, NextToken: page.NextToken, Filters: [{Key: 'Owner', Values: ['Amazon']}]})),
			'InvalidNextToken',
		);
	});

	it('InvalidAutomationStatusUpdateException: stopping a finished run, completing an Auto run', async () => {
		await expectError(env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: finishedId})), 'InvalidAutomationStatusUpdateException');
		await expectError(
			env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: waitingId, Type: 'Complete'})),
			'InvalidAutomationStatusUpdateException',
		);
	});

	it('InvalidAutomationSignalException and AutomationStepNotFoundException', async () => {
		await expectError(
			env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: finishedId, SignalType: 'Approve'})),
			'InvalidAutomationSignalException',
		);
		await expectError(
			env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: waitingId, SignalType: 'StartStep', Payload: {StepName: ['installPatches']}})),
			'InvalidAutomationSignalException',
		);
		await expectError(
			env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: waitingId, SignalType: 'Resume', Payload: {StepName: ['noSuchStep']}})),
			'AutomationStepNotFoundException',
		);
		await expectError(
			env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: waitingId, SignalType: 'Resume', Payload: {StepName: ['approvePatching']}})),
			'InvalidAutomationSignalException',
		);
		await expectError(
			env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: waitingId, SignalType: 'StopStep', Payload: {StepExecutionId: [missingId]}})),
			'AutomationStepNotFoundException',
		);
		await expectError(
			env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: waitingId, SignalType: 'Revoke'})),
			'InvalidAutomationSignalException',
		);
	});

	it('InvalidDocument and InvalidDocumentVersion', async () => {
		await expectError(env.client.send(new DescribeDocumentCommand({Name: 'No-Such-Document'})), 'InvalidDocument');
		await expectError(env.client.send(new GetDocumentCommand({Name: 'No-Such-Document'})), 'InvalidDocument');
		await expectError(env.client.send(new DescribeDocumentCommand({Name: 'AWS-StopEC2Instance', DocumentVersion: '7'})), 'InvalidDocumentVersion');
		await expectError(env.client.send(new GetDocumentCommand({Name: 'AWS-StopEC2Instance', VersionName: 'v9'})), 'InvalidDocumentVersion');
	});
});
