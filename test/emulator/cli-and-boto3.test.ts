import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsCli, cliEnvironment, hasAws, hasBoto3, python, run} from './cli-clients.js';
import {emulator} from './support.js';

// The AWS CLI and Python take ≈1–2 s to start each, far more on a loaded machine.
vi.setConfig({testTimeout: 180_000});

const hasBoto3Here = await hasBoto3();

function environment(running: RunningEmulator): NodeJS.ProcessEnv {
	return cliEnvironment({ssmEndpoint: running.url});
}

describe('real clients beyond the JS SDK', () => {
	let running: RunningEmulator;
	beforeAll(async () => {
		running = await emulator({seed: 'demo'});
	});
	afterAll(async () => running.close());

	it.skipIf(!hasAws)('the AWS CLI (Debian awscli) filters, starts, reads and gets modeled errors', async () => {
		const env = environment(running);
		const aws = async (...args: string[]) =>
			JSON.parse((await run(awsCli, ['ssm', ...args, '--endpoint-url', running.url, '--output', 'json'], {env})).stdout) as Record<string, unknown>;
		const listed = await aws('describe-automation-executions', '--filters', 'Key=ExecutionStatus,Values=Failed');
		const failed = listed['AutomationExecutionMetadataList'] as Array<{AutomationExecutionStatus: string}>;
		expect(failed.length).toBeGreaterThan(0);
		expect(failed.every(item => item.AutomationExecutionStatus === 'Failed')).toBe(true);
		const started = await aws('start-automation-execution', '--document-name', 'AWS-StopEC2Instance', '--parameters', 'InstanceId=i-0123456789abcdef0');
		const got = await aws('get-automation-execution', '--automation-execution-id', String(started['AutomationExecutionId']));
		expect(got['AutomationExecution']).toMatchObject({DocumentName: 'AWS-StopEC2Instance', AutomationExecutionStatus: 'Pending'});
		const error = await run(
			awsCli,
			['ssm', 'get-automation-execution', '--automation-execution-id', '00000000-0000-4000-8000-000000000000', '--endpoint-url', running.url],
			{env},
		).catch((failure: {stderr: string; code: number}) => failure);
		expect('stderr' in error && error.stderr).toMatch(/AutomationExecutionNotFoundException/);
	});

	it.skipIf(!hasBoto3Here)('boto3 pages through every execution and parses timestamps and errors', async () => {
		const script = `
import json, boto3, botocore
ssm = boto3.client('ssm', region_name='us-east-1', endpoint_url='${running.url}')
items = []
for page in ssm.get_paginator('describe_automation_executions').paginate(PaginationConfig={'PageSize': 50}):
    items.extend(page['AutomationExecutionMetadataList'])
first = ssm.get_automation_execution(AutomationExecutionId=items[0]['AutomationExecutionId'])['AutomationExecution']
try:
    ssm.stop_automation_execution(AutomationExecutionId='00000000-0000-4000-8000-000000000000')
    code = None
except botocore.exceptions.ClientError as error:
    code = error.response['Error']['Code']
print(json.dumps({'count': len(items), 'unique': len({i['AutomationExecutionId'] for i in items}), 'start': first['ExecutionStartTime'].isoformat(), 'code': code}))
`;
		const {stdout} = await run(python, ['-c', script], {env: environment(running)});
		const result = JSON.parse(stdout) as {count: number; unique: number; start: string; code: string};
		const expected = running.control.counts().byLocation['123456789012/us-east-1'];
		expect(result.count).toBe(expected);
		expect(result.unique).toBe(expected);
		expect(result.start).toMatch(/^2026-11-25T/);
		expect(result.code).toBe('AutomationExecutionNotFoundException');
	});

	it.skipIf(!hasBoto3Here)("boto3 pages document versions and reads and adds an automation's tags", async () => {
		const script = `
import json, boto3, botocore
ssm = boto3.client('ssm', region_name='us-east-1', endpoint_url='${running.url}')
versions = []
for page in ssm.get_paginator('list_document_versions').paginate(Name='Ops-PatchFleetWithApproval', PaginationConfig={'PageSize': 1}):
    versions.extend(v['DocumentVersion'] + ('*' if v['IsDefaultVersion'] else '') for v in page['DocumentVersions'])
run = ssm.start_automation_execution(DocumentName='AWS-StopEC2Instance', Parameters={'InstanceId': ['i-0123456789abcdef0']}, Tags=[{'Key': 'team', 'Value': 'ops'}])['AutomationExecutionId']
ssm.add_tags_to_resource(ResourceType='Automation', ResourceId=run, Tags=[{'Key': 'ticket', 'Value': 'CHG-1'}])
tags = ssm.list_tags_for_resource(ResourceType='Automation', ResourceId=run)['TagList']
try:
    ssm.list_tags_for_resource(ResourceType='Automation', ResourceId='00000000-0000-4000-8000-000000000000')
    code = None
except botocore.exceptions.ClientError as error:
    code = error.response['Error']['Code']
print(json.dumps({'versions': versions, 'tags': tags, 'code': code}))
`;
		const {stdout} = await run(python, ['-c', script], {env: environment(running)});
		expect(JSON.parse(stdout)).toEqual({
			versions: ['3', '2*', '1'],
			tags: [
				{Key: 'team', Value: 'ops'},
				{Key: 'ticket', Value: 'CHG-1'},
			],
			code: 'InvalidResourceId',
		});
	});
});
