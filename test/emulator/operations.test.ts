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
import {parse as parseYaml} from 'yaml';
import {describe, expect, it} from 'vitest';
import {T0, withEmulator} from './support.js';

describe('operation success shapes', () => {
	const env = withEmulator('all');

	it('StartAutomationExecution returns a 36-character id; GetAutomationExecution echoes parameters with defaults', async () => {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
		);
		expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		const {AutomationExecution: execution} = await env.client.send(new GetAutomationExecutionCommand({AutomationExecutionId: id}));
		expect(execution).toMatchObject({
			AutomationExecutionId: id,
			DocumentName: 'AWS-RestartEC2Instance',
			DocumentVersion: '2',
			AutomationExecutionStatus: 'Pending',
			Mode: 'Auto',
			Parameters: {InstanceId: ['i-0123456789abcdef0'], AutomationAssumeRole: ['']},
			Targets: [],
			ResolvedTargets: {ParameterValues: [], Truncated: false},
			StepExecutionsTruncated: false,
		});
		expect(execution?.ExecutionStartTime?.getTime()).toBe(T0);
		expect(execution?.ExecutionEndTime).toBeUndefined();
		expect(execution?.StepExecutions?.map(step => [step.StepName, step.StepStatus])).toEqual([
			['stopInstances', 'Pending'],
			['startInstances', 'Pending'],
		]);
		expect(execution?.ProgressCounters).toBeUndefined();

		env.running.control.advance(60_000);
		const {AutomationExecution: done} = await env.client.send(new GetAutomationExecutionCommand({AutomationExecutionId: id}));
		expect(done?.AutomationExecutionStatus).toBe('Success');
		expect(done?.ExecutionEndTime!.getTime()).toBeGreaterThan(T0);
		const stop = done?.StepExecutions?.[0];
		expect(stop).toMatchObject({
			StepStatus: 'Success',
			Action: 'aws:changeInstanceState',
			Inputs: {InstanceIds: '["i-0123456789abcdef0"]', DesiredState: '"stopped"'},
		});
		expect(stop?.ExecutionStartTime!.getTime()).toBeLessThan(stop!.ExecutionEndTime!.getTime());
	});

	it('DescribeAutomationExecutions returns metadata with LogFile and AutomationType, newest first', async () => {
		await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0aaaaaaaaaaaaaaa1']}}));
		const {AutomationExecutionMetadataList: list, NextToken} = await env.client.send(new DescribeAutomationExecutionsCommand({}));
		expect(NextToken).toBeUndefined();
		expect(list?.map(item => item.DocumentName)).toEqual(['AWS-StopEC2Instance', 'AWS-RestartEC2Instance']);
		expect(list?.[0]).toMatchObject({LogFile: '', AutomationType: 'Local', Mode: 'Auto', Outputs: {}});
		expect(list?.[0]).not.toHaveProperty('StepExecutions');
		expect(list?.[0]).not.toHaveProperty('Parameters');
	});

	it('DescribeAutomationStepExecutions lists steps in start order and reversed on request', async () => {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'Ops-RestartServiceWithRollback', Parameters: {InstanceId: ['i-0bbbbbbbbbbbbbbb2']}}),
		);
		env.running.control.advance(10 * 60_000);
		const forward = await env.client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: id}));
		expect(forward.StepExecutions?.map(step => step.StepName)).toEqual(['snapshotConfig', 'restartService', 'healthCheck', 'rollbackConfig', 'notifyOnCall']);
		expect(forward.StepExecutions?.map(step => step.StepStatus)).toEqual(['Success', 'Success', 'Success', 'Pending', 'Pending']);
		const reversed = await env.client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: id, ReverseOrder: true, MaxResults: 2}));
		expect(reversed.StepExecutions?.map(step => step.StepName)).toEqual(['notifyOnCall', 'rollbackConfig']);
		expect(reversed.NextToken).toBeTruthy();
	});

	it('StopAutomationExecution and SendAutomationSignal answer with an empty output', async () => {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'Ops-PatchFleetWithApproval', Parameters: {InstanceIds: ['i-0ccccccccccccccc3']}}),
		);
		env.running.control.advance(2000);
		const signal = await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: 'Approve', Payload: {Comment: ['ok']}}));
		expect(signal.$metadata.httpStatusCode).toBe(200);
		const stop = await env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id}));
		expect(stop.$metadata.httpStatusCode).toBe(200);
		expect(Object.keys(stop).filter(key => key !== '$metadata')).toEqual([]);
	});

	it('ListDocuments filters Automation runbooks, by owner and by name prefix, and pages', async () => {
		const all = await env.client.send(new ListDocumentsCommand({Filters: [{Key: 'DocumentType', Values: ['Automation']}]}));
		const names = all.DocumentIdentifiers?.map(document => document.Name) ?? [];
		expect(names.length).toBeGreaterThanOrEqual(6);
		expect(names).not.toContain('AWS-RunShellScript');
		expect(all.DocumentIdentifiers?.[0]).toMatchObject({DocumentType: 'Automation', SchemaVersion: '0.3', DocumentFormat: 'JSON'});
		const amazon = await env.client.send(
			new ListDocumentsCommand({
				Filters: [
					{Key: 'Owner', Values: ['Amazon']},
					{Key: 'DocumentType', Values: ['Automation']},
				],
			}),
		);
		expect(amazon.DocumentIdentifiers?.every(document => document.Owner === 'Amazon' && document.Name?.startsWith('AWS-'))).toBe(true);
		const self = await env.client.send(new ListDocumentsCommand({Filters: [{Key: 'Owner', Values: ['Self']}]}));
		expect(self.DocumentIdentifiers?.every(document => document.Owner === env.running.homeAccount)).toBe(true);
		const prefixed = await env.client.send(new ListDocumentsCommand({Filters: [{Key: 'Name', Values: ['Ops-R']}]}));
		expect(prefixed.DocumentIdentifiers?.map(document => document.Name)).toEqual(['Ops-RestartServiceWithRollback', 'Ops-RotateInstanceLogs']);
		const legacy = await env.client.send(new ListDocumentsCommand({DocumentFilterList: [{key: 'Owner', value: 'Amazon'}]}));
		expect(legacy.DocumentIdentifiers?.every(document => document.Owner === 'Amazon')).toBe(true);
		const first = await env.client.send(new ListDocumentsCommand({MaxResults: 3}));
		const second = await env.client.send(new ListDocumentsCommand({MaxResults: 3, NextToken: first.NextToken}));
		expect(second.DocumentIdentifiers?.[0]?.Name).not.toBe(first.DocumentIdentifiers?.[0]?.Name);
	});

	it('DescribeDocument lists parameters with their runbook types and text defaults; versions resolve', async () => {
		const {Document: document} = await env.client.send(new DescribeDocumentCommand({Name: 'Ops-DeployServiceConfig'}));
		const parameters = Object.fromEntries((document?.Parameters ?? []).map(parameter => [parameter.Name, parameter]));
		expect(parameters['Environment']).toEqual({Name: 'Environment', Type: 'String', Description: '(Required) Target environment.'});
		expect(parameters['BatchSize']).toMatchObject({Type: 'Integer', DefaultValue: '5'});
		expect(parameters['DryRun']).toMatchObject({Type: 'Boolean', DefaultValue: 'false'});
		expect(parameters['Settings']).toMatchObject({Type: 'StringMap', DefaultValue: '{"logLevel":"info","featureFlags":"default"}'});
		expect(parameters['Listeners']?.Type).toBe('MapList');
		expect(document).toMatchObject({Status: 'Active', DocumentType: 'Automation', SchemaVersion: '0.3', HashType: 'Sha256'});
		const versioned = await env.client.send(new DescribeDocumentCommand({Name: 'Ops-PatchFleetWithApproval'}));
		expect(versioned.Document).toMatchObject({DocumentVersion: '2', DefaultVersion: '2', LatestVersion: '3'});
		const latest = await env.client.send(new DescribeDocumentCommand({Name: 'Ops-PatchFleetWithApproval', DocumentVersion: '$LATEST'}));
		expect(latest.Document?.DocumentVersion).toBe('3');
		const byArn = await env.client.send(new DescribeDocumentCommand({Name: 'arn:aws:ssm:us-east-1:123456789012:document/Ops-IncidentTriage'}));
		expect(byArn.Document?.Name).toBe('Ops-IncidentTriage');
	});

	it('GetDocument returns schemaVersion 0.3 content as JSON by default and as YAML on request', async () => {
		const json = await env.client.send(new GetDocumentCommand({Name: 'Ops-RestartServiceWithRollback'}));
		expect(json.DocumentFormat).toBe('JSON');
		const content = JSON.parse(json.Content ?? '{}') as {
			schemaVersion: string;
			parameters: Record<string, {allowedValues?: string[]}>;
			mainSteps: Array<{onFailure?: string}>;
		};
		expect(content.schemaVersion).toBe('0.3');
		expect(content.parameters['ServiceName']?.allowedValues).toContain('nginx');
		expect(content.mainSteps.some(step => step.onFailure === 'step:rollbackConfig')).toBe(true);
		const yaml = await env.client.send(new GetDocumentCommand({Name: 'Ops-RestartServiceWithRollback', DocumentFormat: 'YAML'}));
		expect(yaml.DocumentFormat).toBe('YAML');
		expect(parseYaml(yaml.Content ?? '')).toEqual(content);
	});
});
