// Issue 14's fidelity points as the AWS CLI v2 and boto3 see them (Debian's binaries by path): what
// real SSM would answer, against the emulator. Time moves on the emulator's manual clock between calls.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsCli, cliEnvironment, hasAws, hasBoto3, python, run} from './cli-clients.js';
import {emulator} from './support.js';

// Each case runs several AWS CLI or Python processes (≈1–2 s each to start, far more on a loaded machine).
vi.setConfig({testTimeout: 180_000});

const hasBoto3Here = await hasBoto3();

let running: RunningEmulator;

function environment(): NodeJS.ProcessEnv {
	return cliEnvironment({ssmEndpoint: running.url});
}

async function aws(...args: string[]): Promise<Record<string, unknown>> {
	const {stdout} = await run(awsCli, ['ssm', ...args, '--endpoint-url', running.url, '--output', 'json'], {env: environment()});
	return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

async function boto3(script: string): Promise<unknown> {
	const {stdout} = await run(
		python,
		['-c', `import json, boto3, botocore\nssm = boto3.client('ssm', region_name='us-east-1', endpoint_url='${running.url}')\n${script}`],
		{
			env: environment(),
		},
	);
	return JSON.parse(stdout);
}

const failingTargets = Array.from({length: 6}, (_, index) => `i-0fail${String(index + 1).padStart(9, '0')}`);

beforeAll(async () => {
	running = await emulator({seed: 'none'});
});
afterAll(async () => running.close());

describe('rate control ramps up (AWS CLI and boto3)', () => {
	it.skipIf(!hasAws)('the AWS CLI: MaxErrors 0 and MaxConcurrency 5 over a runbook that fails everywhere: one child, which fails', async () => {
		const started = await aws(
			'start-automation-execution',
			'--document-name',
			'Ops-RotateInstanceLogs',
			'--target-parameter-name',
			'InstanceId',
			'--targets',
			`Key=ParameterValues,Values=${failingTargets.join(',')}`,
			'--max-concurrency',
			'5',
			'--max-errors',
			'0',
		);
		const id = String(started['AutomationExecutionId']);
		running.control.advance(600_000);
		const parent = (await aws('get-automation-execution', '--automation-execution-id', id))['AutomationExecution'] as {
			AutomationExecutionStatus: string;
			StepExecutions: Array<{StepStatus: string}>;
		};
		expect(parent.AutomationExecutionStatus).toBe('Failed');
		expect(parent.StepExecutions.map(step => step.StepStatus)).toEqual(['Failed', 'Pending', 'Pending', 'Pending', 'Pending', 'Pending']);
		const children = await aws('describe-automation-executions', '--filters', `Key=ParentExecutionId,Values=${id}`);
		expect(children['AutomationExecutionMetadataList']).toHaveLength(1);
	});

	it.skipIf(!hasBoto3Here)('boto3: the first target runs alone, then the window doubles with each success', async () => {
		// One script: it moves the emulator's clock through the control API between its calls.
		const seen = (await boto3(`
import urllib.request
def advance(ms):
    urllib.request.urlopen(urllib.request.Request('${running.url}/_emulator/clock/advance', data=json.dumps({'ms': ms}).encode(), headers={'Content-Type': 'application/json'}, method='POST')).read()
targets = ['i-0%013d' % n for n in range(1, 6)]
run = ssm.start_automation_execution(DocumentName='Ops-RotateInstanceLogs', TargetParameterName='InstanceId', Targets=[{'Key': 'ParameterValues', 'Values': targets}], MaxConcurrency='4')['AutomationExecutionId']
seen = []
for _ in range(20):
    steps = ssm.get_automation_execution(AutomationExecutionId=run)['AutomationExecution']['StepExecutions']
    seen.append(sum(1 for s in steps if s['StepStatus'] == 'InProgress'))
    advance(20000)
print(json.dumps(seen))`)) as number[];
		expect(seen[0]).toBe(1);
		expect(Math.max(...seen)).toBeLessThanOrEqual(4);
		expect(seen.some(value => value >= 2)).toBe(true);
	});
});

describe('tagging (AWS CLI and boto3)', () => {
	it.skipIf(!hasAws)('the AWS CLI: add, list and remove tags of a document this account owns, seen by describe-document', async () => {
		await aws('add-tags-to-resource', '--resource-type', 'Document', '--resource-id', 'Ops-DeployServiceConfig', '--tags', 'Key=tier,Value=gold');
		const listed = await aws('list-tags-for-resource', '--resource-type', 'Document', '--resource-id', 'Ops-DeployServiceConfig');
		expect(listed['TagList']).toEqual(expect.arrayContaining([{Key: 'tier', Value: 'gold'}]));
		const described = (await aws('describe-document', '--name', 'Ops-DeployServiceConfig'))['Document'] as {Tags: unknown[]};
		expect(described.Tags).toEqual(expect.arrayContaining([{Key: 'tier', Value: 'gold'}]));
		await aws('remove-tags-from-resource', '--resource-type', 'Document', '--resource-id', 'Ops-DeployServiceConfig', '--tag-keys', 'tier');
		const after = await aws('list-tags-for-resource', '--resource-type', 'Document', '--resource-id', 'Ops-DeployServiceConfig');
		expect(after['TagList']).not.toEqual(expect.arrayContaining([{Key: 'tier', Value: 'gold'}]));
	});

	it.skipIf(!hasBoto3Here)('boto3: RemoveTagsFromResource on an automation, and the error for an Amazon document', async () => {
		const result = (await boto3(`
run = ssm.start_automation_execution(DocumentName='AWS-StopEC2Instance', Parameters={'InstanceId': ['i-0123456789abcdef0']}, Tags=[{'Key': 'a', 'Value': '1'}, {'Key': 'b', 'Value': '2'}])['AutomationExecutionId']
ssm.remove_tags_from_resource(ResourceType='Automation', ResourceId=run, TagKeys=['a'])
tags = ssm.list_tags_for_resource(ResourceType='Automation', ResourceId=run)['TagList']
try:
    ssm.add_tags_to_resource(ResourceType='Document', ResourceId='AWS-RestartEC2Instance', Tags=[{'Key': 'x', 'Value': 'y'}])
    code = None
except botocore.exceptions.ClientError as error:
    code = error.response['Error']['Code']
print(json.dumps({'tags': tags, 'code': code}))`)) as {tags: unknown[]; code: string};
		expect(result).toEqual({tags: [{Key: 'b', Value: '2'}], code: 'InvalidResourceId'});
	});
});

describe('ClientToken compares requests canonically (boto3)', () => {
	it.skipIf(!hasBoto3Here)('the same request with its members in another order returns the original execution', async () => {
		const result = (await boto3(`
token = 'D4E5F6A7-1111-4222-8333-444455556666'
first = ssm.start_automation_execution(DocumentName='AWS-StopEC2Instance', Parameters={'InstanceId': ['i-0123456789abcdef0']}, Mode='Auto', ClientToken=token)['AutomationExecutionId']
again = ssm.start_automation_execution(ClientToken=token, Mode='Auto', Parameters={'InstanceId': ['i-0123456789abcdef0']}, DocumentName='AWS-StopEC2Instance')['AutomationExecutionId']
try:
    ssm.start_automation_execution(DocumentName='AWS-StopEC2Instance', Parameters={'InstanceId': ['i-0fedcba987654321f']}, ClientToken=token)
    code = None
except botocore.exceptions.ClientError as error:
    code = error.response['Error']['Code']
print(json.dumps({'same': first == again, 'code': code}))`)) as {same: boolean; code: string};
		expect(result).toEqual({same: true, code: 'IdempotentParameterMismatch'});
	});
});

describe('Run Command output of an aws:runCommand step (boto3)', () => {
	it.skipIf(!hasBoto3Here)('list_command_invocations and get_command_invocation for a failed step: Failed, a non-zero code, stderr', async () => {
		const result = (await boto3(`
import urllib.request
def advance(ms):
    urllib.request.urlopen(urllib.request.Request('${running.url}/_emulator/clock/advance', data=json.dumps({'ms': ms}).encode(), headers={'Content-Type': 'application/json'}, method='POST')).read()
run = ssm.start_automation_execution(DocumentName='Ops-RotateInstanceLogs', Parameters={'InstanceId': ['i-0fail000000000007']})['AutomationExecutionId']
advance(60000)
step = [s for s in ssm.get_automation_execution(AutomationExecutionId=run)['AutomationExecution']['StepExecutions'] if s['Action'] == 'aws:runCommand'][0]
command = step['Outputs']['CommandId'][0]
listed = [i for page in ssm.get_paginator('list_command_invocations').paginate(CommandId=command, Details=True) for i in page['CommandInvocations']]
one = ssm.get_command_invocation(CommandId=command, InstanceId='i-0fail000000000007')
try:
    ssm.get_command_invocation(CommandId=command, InstanceId='i-0123456789abcdef0')
    code = None
except botocore.exceptions.ClientError as error:
    code = error.response['Error']['Code']
print(json.dumps({'step': step['StepStatus'], 'listed': [(i['InstanceId'], i['Status'], i['CommandPlugins'][0]['ResponseCode']) for i in listed], 'status': one['Status'], 'code': one['ResponseCode'], 'stderr': one['StandardErrorContent'], 'missing': code}))`)) as {
			step: string;
			listed: Array<[string, string, number]>;
			status: string;
			code: number;
			stderr: string;
			missing: string;
		};
		expect(result.step).toBe('Failed');
		expect(result.listed).toEqual([['i-0fail000000000007', 'Failed', result.code]]);
		expect(result.status).toBe('Failed');
		expect(result.code).toBeGreaterThan(0);
		expect(result.stderr).toContain('exit status');
		expect(result.missing).toBe('InvocationDoesNotExist');
	});
});
