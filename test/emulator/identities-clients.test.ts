// Identities, STS, Organizations and the approvers check as the AWS CLI v2 and boto3 see them
// (Debian's binaries by path; skipped where absent). Each client signs with the keys of users
// the test registers through the control API.
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator, UserCredentials} from '../../source/emulator/index.js';
import {awsCli, cliEnvironment, hasAws, hasBoto3, python, run} from './cli-clients.js';
import {emulator} from './support.js';

// Each case runs several AWS CLI or Python processes (≈1–2 s each to start, far more on a loaded machine).
vi.setConfig({testTimeout: 180_000});

const hasBoto3Here = await hasBoto3();

const HOME = '123456789012';
let running: RunningEmulator;

function environment(keys: {accessKeyId: string; secretAccessKey: string}): NodeJS.ProcessEnv {
	return cliEnvironment({keys});
}

async function aws(keys: UserCredentials, ...args: string[]): Promise<Record<string, unknown>> {
	const {stdout} = await run(awsCli, [...args, '--endpoint-url', running.url, '--output', 'json'], {env: environment(keys)});
	return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

/** The CLI's error code for a failing command (it prints "An error occurred (Code) when calling …"). */
async function awsError(keys: UserCredentials, ...args: string[]): Promise<string> {
	try {
		await aws(keys, ...args);
	} catch (error) {
		return /An error occurred \((\w+)\)/.exec(String((error as {stderr?: string}).stderr))?.[1] ?? String(error);
	}

	throw new Error('expected the command to fail');
}

async function boto3(keys: UserCredentials, script: string): Promise<unknown> {
	const prelude = `import json, boto3, botocore
def client(service, **keys):
    return boto3.client(service, region_name='us-east-1', endpoint_url='${running.url}', **keys)
def code(call):
    try:
        call()
        return None
    except botocore.exceptions.ClientError as error:
        return error.response['Error']['Code']
`;
	const {stdout} = await run(python, ['-c', `${prelude}${script}`], {env: environment(keys)});
	return JSON.parse(stdout);
}

async function waitingApproval(approvers: string[], minimum = 1): Promise<string> {
	// Started over the SSM wire protocol unsigned (the home account's default identity), so only the signals go through the clients.
	const response = await fetch(`${running.url}/`, {
		method: 'POST',
		headers: {'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.StartAutomationExecution'},
		body: JSON.stringify({
			DocumentName: 'Ops-PatchFleetWithApproval',
			Parameters: {InstanceIds: ['i-0123456789abcdef0'], Approvers: approvers, MinimumApprovals: [String(minimum)]},
		}),
	});
	const {AutomationExecutionId: id} = (await response.json()) as {AutomationExecutionId: string};
	running.control.advance(5000);
	return id;
}

let alice: UserCredentials;
let bob: UserCredentials;
let carol: UserCredentials;

beforeAll(async () => {
	running = await emulator({seed: 'none', identities: {users: [{account: HOME, userName: 'carol'}]}});
	[alice, bob, carol] = ['alice', 'bob', 'carol'].map(name => running.control.users().find(user => user.userName === name)!) as [
		UserCredentials,
		UserCredentials,
		UserCredentials,
	];
});
afterAll(async () => running.close());

describe('the AWS CLI', () => {
	it.skipIf(!hasAws)('sts get-caller-identity and assume-role; organizations list-accounts in pages of 3', async () => {
		expect(await aws(alice, 'sts', 'get-caller-identity')).toMatchObject({Account: HOME, Arn: `arn:aws:iam::${HOME}:user/alice`});
		const assumed = await aws(
			alice,
			'sts',
			'assume-role',
			'--role-arn',
			'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole',
			'--role-session-name',
			'cli',
		);
		expect(assumed['AssumedRoleUser']).toMatchObject({Arn: 'arn:aws:sts::111122223333:assumed-role/OrganizationAccountAccessRole/cli'});
		const before = running.control.counts().requests['ListAccounts'] ?? 0;
		const listed = await aws(alice, 'organizations', 'list-accounts', '--page-size', '3');
		expect((listed['Accounts'] as Array<{Id: string}>).map(account => account.Id)).toHaveLength(8);
		expect((running.control.counts().requests['ListAccounts'] ?? 0) - before).toBe(3);
	});

	it.skipIf(!hasAws)('send-automation-signal: a listed user approves, an unlisted one is refused, the same user twice counts once', async () => {
		const id = await waitingApproval([`arn:aws:iam::${HOME}:user/alice`, `arn:aws:iam::${HOME}:user/bob`], 2);
		const signal = ['ssm', 'send-automation-signal', '--automation-execution-id', id, '--signal-type', 'Approve'];
		expect(await awsError(carol, ...signal)).toBe('InvalidAutomationSignalException');
		await aws(alice, ...signal);
		await aws(alice, ...signal);
		const status = async () =>
			(
				(await aws(alice, 'ssm', 'get-automation-execution', '--automation-execution-id', id))['AutomationExecution'] as {
					StepExecutions: Array<{StepStatus: string}>;
				}
			).StepExecutions[0]!.StepStatus;
		expect(await status()).toBe('Waiting');
		await aws(bob, ...signal);
		expect(await status()).toBe('Success');
	});
});

describe('boto3', () => {
	it.skipIf(!hasBoto3Here)('GetCallerIdentity, AssumeRole, and a session of a listed role approving', async () => {
		const id = await waitingApproval([`arn:aws:iam::${HOME}:role/ChangeApprovers`]);
		const result = (await boto3(
			bob,
			`
me = client('sts').get_caller_identity()
creds = client('sts').assume_role(RoleArn='arn:aws:iam::${HOME}:role/ChangeApprovers', RoleSessionName='bob-boto3')['Credentials']
keys = dict(aws_access_key_id=creds['AccessKeyId'], aws_secret_access_key=creds['SecretAccessKey'], aws_session_token=creds['SessionToken'])
session = client('sts', **keys).get_caller_identity()
ssm = client('ssm')
refused = code(lambda: ssm.send_automation_signal(AutomationExecutionId='${id}', SignalType='Approve'))
client('ssm', **keys).send_automation_signal(AutomationExecutionId='${id}', SignalType='Approve', Payload={'Comment': ['from boto3']})
step = ssm.get_automation_execution(AutomationExecutionId='${id}')['AutomationExecution']['StepExecutions'][0]
print(json.dumps({'me': me['Arn'], 'session': session['Arn'], 'refused': refused, 'status': step['StepStatus'], 'decisions': step['Outputs']['ApproverDecisions']}))`,
		)) as {me: string; session: string; refused: string; status: string; decisions: string[]};
		expect(result.me).toBe(`arn:aws:iam::${HOME}:user/bob`);
		expect(result.session).toBe(`arn:aws:sts::${HOME}:assumed-role/ChangeApprovers/bob-boto3`);
		// bob himself is not listed: only his session of the listed role is.
		expect(result.refused).toBe('InvalidAutomationSignalException');
		expect(result.status).toBe('Success');
		expect(JSON.parse(result.decisions[0]!)).toMatchObject({approver: `arn:aws:iam::${HOME}:role/ChangeApprovers`, comment: 'from boto3'});
	});

	it.skipIf(!hasBoto3Here)('list_accounts pages for the management account, is denied to a member session', async () => {
		const result = (await boto3(
			alice,
			`
orgs = client('organizations')
pages = [len(page['Accounts']) for page in orgs.get_paginator('list_accounts').paginate(PaginationConfig={'PageSize': 3})]
creds = client('sts').assume_role(RoleArn='arn:aws:iam::210987654321:role/OrganizationAccountAccessRole', RoleSessionName='walk')['Credentials']
member = client('organizations', aws_access_key_id=creds['AccessKeyId'], aws_secret_access_key=creds['SecretAccessKey'], aws_session_token=creds['SessionToken'])
print(json.dumps({'pages': pages, 'member': code(lambda: member.list_accounts())}))`,
		)) as {pages: number[]; member: string};
		expect(result).toEqual({pages: [3, 3, 2], member: 'AccessDeniedException'});
	});
});
