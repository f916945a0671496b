// The organisation model and identities through the control API, seen through the real SDK:
// users and roles added over HTTP sign requests, a generated organisation pages ListAccounts,
// a member account's own runs appear when first asked for and can be approved by a session of
// the member's OrganizationAccountAccessRole.
import {ListAccountsCommand, OrganizationsClient, paginateListAccounts} from '@aws-sdk/client-organizations';
import {DescribeAutomationExecutionsCommand, SendAutomationSignalCommand, SSMClient} from '@aws-sdk/client-ssm';
import {AssumeRoleCommand, GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {RunningEmulator, UserCredentials} from '../../source/emulator/index.js';
import {emulator, failure} from './support.js';

const HOME = '123456789012';
let running: RunningEmulator;

type Credentials = {accessKeyId: string; secretAccessKey: string; sessionToken?: string};
const base = (credentials: Credentials) => ({region: 'us-east-1', endpoint: running.url, maxAttempts: 1, credentials});

async function control(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{status: number; json: Record<string, unknown>}> {
	const response = await fetch(`${running.url}/_emulator/${path}`, {
		method,
		headers: {'content-type': 'application/json'},
		...(body === undefined ? {} : {body: JSON.stringify(body)}),
	});
	return {status: response.status, json: (await response.json()) as Record<string, unknown>};
}

async function userKeys(account: string, userName: string): Promise<Credentials> {
	const {status, json} = await control('POST', 'users', {account, userName});
	expect(status).toBe(200);
	const user = json as unknown as UserCredentials;
	return {accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey};
}

async function assume(as: Credentials, roleArn: string, sessionName = 'ssmtop'): Promise<Credentials> {
	const {Credentials: issued} = await new STSClient(base(as)).send(new AssumeRoleCommand({RoleArn: roleArn, RoleSessionName: sessionName}));
	return {accessKeyId: issued!.AccessKeyId!, secretAccessKey: issued!.SecretAccessKey!, sessionToken: issued!.SessionToken!};
}

afterEach(async () => running.close());

describe('identities through the control API', () => {
	beforeEach(async () => {
		running = await emulator({seed: 'none'});
	});

	it('POST /_emulator/users gives keys whose caller is that user, the same on every run; GET lists them', async () => {
		const keys = await userKeys('444455556666', 'erin');
		expect(keys.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
		const identity = await new STSClient(base(keys)).send(new GetCallerIdentityCommand({}));
		expect(identity).toMatchObject({Account: '444455556666', Arn: 'arn:aws:iam::444455556666:user/erin'});
		const {json} = await control('GET', 'users');
		expect((json['users'] as UserCredentials[]).map(user => `${user.account}/${user.userName}`)).toEqual([`${HOME}/alice`, `${HOME}/bob`, '444455556666/erin']);
		expect((await userKeys('444455556666', 'erin')).accessKeyId).toBe(keys.accessKeyId);
		expect((await control('POST', 'users', {account: 'nope', userName: 'erin'})).status).toBe(400);
		expect((await control('POST', 'users', {account: HOME})).status).toBe(400);
	});

	it('POST /_emulator/roles adds a role AssumeRole honours (trust, ExternalId); GET lists it', async () => {
		const added = await control('POST', 'roles', {account: '210987654321', roleName: 'Auditor', trustedAccounts: [HOME], externalId: 'audit-2026'});
		expect(added.json).toMatchObject({arn: 'arn:aws:iam::210987654321:role/Auditor'});
		expect(((await control('GET', 'roles')).json['roles'] as Array<{arn: string}>).map(role => role.arn)).toEqual(['arn:aws:iam::210987654321:role/Auditor']);
		const alice = await userKeys(HOME, 'alice');
		const sts = new STSClient(base(alice));
		expect((await failure(sts.send(new AssumeRoleCommand({RoleArn: 'arn:aws:iam::210987654321:role/Auditor', RoleSessionName: 'audit'})))).name).toBe(
			'AccessDenied',
		);
		const {AssumedRoleUser} = await sts.send(
			new AssumeRoleCommand({RoleArn: 'arn:aws:iam::210987654321:role/Auditor', RoleSessionName: 'audit', ExternalId: 'audit-2026'}),
		);
		expect(AssumedRoleUser?.Arn).toBe('arn:aws:sts::210987654321:assumed-role/Auditor/audit');
		expect((await control('POST', 'roles', {account: HOME, roleName: 'Bad', trustedAccounts: 'everyone'})).status).toBe(400);
		expect((await control('POST', 'roles', {account: HOME, roleName: 'Bad', maxSessionDuration: 10})).status).toBe(400);
	});

	it('the identities option registers users and roles at start', async () => {
		await running.close();
		running = await emulator({
			seed: 'none',
			identities: {users: [{account: '777788889999', userName: 'frank'}], roles: [{account: HOME, roleName: 'Deployer', trustedAccounts: ['777788889999']}]},
		});
		const frank = running.control.users().find(user => user.userName === 'frank')!;
		const session = await assume({accessKeyId: frank.accessKeyId, secretAccessKey: frank.secretAccessKey}, `arn:aws:iam::${HOME}:role/Deployer`);
		expect((await new STSClient(base(session)).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${HOME}:assumed-role/Deployer/ssmtop`);
	});
});

describe('the organisation model', () => {
	beforeEach(async () => {
		running = await emulator({seed: 'none'});
	});

	it('a generated organisation of 45 members pages ListAccounts 20 at a time (the default page); GET /_emulator/organization agrees', async () => {
		expect((await control('POST', 'reset', {seed: 'none', organization: {accounts: 45, regions: 2}})).status).toBe(200);
		const summary = (await control('GET', 'organization')).json['organization'] as {managementAccount: string; accounts: unknown[]; regions: string[]};
		expect(summary).toMatchObject({managementAccount: HOME, regions: ['us-east-1', 'eu-west-1']});
		expect(summary.accounts).toHaveLength(46);
		const client = new OrganizationsClient(base(await userKeys(HOME, 'alice')));
		const sizes: number[] = [];
		for await (const page of paginateListAccounts({client}, {})) sizes.push(page.Accounts!.length);
		expect(sizes).toEqual([20, 20, 6]);
		expect((await failure(client.send(new ListAccountsCommand({MaxResults: 21})))).name).toBe('InvalidInputException');
		expect((await failure(client.send(new ListAccountsCommand({NextToken: 'garbage'})))).name).toBe('InvalidInputException');
	});

	it('home as a delegated administrator still lists; organization none answers AWSOrganizationsNotInUseException', async () => {
		await control('POST', 'reset', {seed: 'none', organization: {accounts: 3, home: 'delegated-administrator'}});
		const client = new OrganizationsClient(base(await userKeys(HOME, 'alice')));
		const listed = await client.send(new ListAccountsCommand({}));
		expect(listed.Accounts!.map(account => account.Id)).toEqual(['100000000000', HOME, '200000000001', '200000000002', '200000000003']);
		await control('POST', 'reset', {seed: 'none', organization: 'none'});
		expect((await control('GET', 'organization')).json['organization']).toBeNull();
		expect((await failure(client.send(new ListAccountsCommand({})))).name).toBe('AWSOrganizationsNotInUseException');
		expect((await control('POST', 'reset', {seed: 'none', organization: {accounts: 0}})).status).toBe(400);
	});

	it('a member’s own runs appear when first asked for, and its waiting approval takes its OrganizationAccountAccessRole session', async () => {
		await control('POST', 'reset', {seed: 'demo'});
		expect(running.control.counts().materializedLocations).toBe(0);
		const session = await assume(await userKeys(HOME, 'alice'), 'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole');
		const memberSsm = new SSMClient(base(session));
		const listed = await memberSsm.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'ExecutionStatus', Values: ['Waiting']}]}));
		expect(running.control.counts().materializedLocations).toBe(1);
		const waiting = listed.AutomationExecutionMetadataList?.find(item => item.DocumentName === 'Ops-PatchFleetWithApproval');
		expect(waiting).toBeDefined();
		const viaDefault = new SSMClient(base({accessKeyId: running.accessKeyFor('111122223333'), secretAccessKey: 'x'}));
		const signal = new SendAutomationSignalCommand({AutomationExecutionId: waiting!.AutomationExecutionId!, SignalType: 'Approve'});
		expect((await failure(viaDefault.send(signal))).name).toBe('InvalidAutomationSignalException');
		await memberSsm.send(signal);
		const after = await memberSsm.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'ExecutionId', Values: [waiting!.AutomationExecutionId!]}]}));
		expect(after.AutomationExecutionMetadataList?.[0]?.AutomationExecutionStatus).not.toBe('Waiting');
	});
});
