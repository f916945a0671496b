// Who signs a request, as the real SDK sees it: STS (Query protocol) answers with the caller and
// hands out role sessions; Organizations (JSON 1.1) lists the organisation to its management
// account; SSM checks an aws:approve step's Approvers against the caller.
import {ListAccountsCommand, OrganizationsClient, paginateListAccounts, type Account} from '@aws-sdk/client-organizations';
import {SendAutomationSignalCommand, SSMClient, StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {AssumeRoleCommand, GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {describe, expect, it} from 'vitest';
import type {RunningEmulator, UserCredentials} from '../../source/emulator/index.js';
import {failure, getExecution, withEmulator} from './support.js';

type Credentials = {accessKeyId: string; secretAccessKey: string; sessionToken?: string};

const HOME = '123456789012';
const keysOf = (user: UserCredentials): Credentials => ({accessKeyId: user.accessKeyId, secretAccessKey: user.secretAccessKey});
const base = (running: RunningEmulator, credentials: Credentials) => ({region: 'us-east-1', endpoint: running.url, maxAttempts: 1, credentials});
const sts = (running: RunningEmulator, credentials: Credentials) => new STSClient(base(running, credentials));
const ssmAs = (running: RunningEmulator, credentials: Credentials) => new SSMClient(base(running, credentials));
const orgs = (running: RunningEmulator, credentials: Credentials) => new OrganizationsClient(base(running, credentials));

function user(running: RunningEmulator, userName: string, account = HOME): Credentials {
	return keysOf(running.control.addUser(account, userName));
}

async function assume(running: RunningEmulator, as: Credentials, roleArn: string, sessionName: string): Promise<Credentials> {
	const {Credentials: issued} = await sts(running, as).send(new AssumeRoleCommand({RoleArn: roleArn, RoleSessionName: sessionName}));
	return {accessKeyId: issued!.AccessKeyId!, secretAccessKey: issued!.SecretAccessKey!, sessionToken: issued!.SessionToken!};
}

describe('STS: GetCallerIdentity and AssumeRole', () => {
	const env = withEmulator('all');

	it('answers with the user behind the key: a seeded user, a key that names no user, AKID + account', async () => {
		const alice = await sts(env.running, user(env.running, 'alice')).send(new GetCallerIdentityCommand({}));
		expect(alice).toMatchObject({Account: HOME, Arn: `arn:aws:iam::${HOME}:user/alice`});
		expect(alice.UserId).toMatch(/^AIDA[A-Z2-7]{17}$/);
		const anyKey = await sts(env.running, {accessKeyId: 'AKIAEXAMPLEHOME', secretAccessKey: 'x'}).send(new GetCallerIdentityCommand({}));
		expect(anyKey.Arn).toBe(`arn:aws:iam::${HOME}:user/ssmtop-emulator`);
		const member = await sts(env.running, {accessKeyId: env.running.accessKeyFor('111122223333'), secretAccessKey: 'x'}).send(new GetCallerIdentityCommand({}));
		expect(member).toMatchObject({Account: '111122223333', Arn: 'arn:aws:iam::111122223333:user/ssmtop-emulator'});
	});

	it('AssumeRole returns session credentials whose identity is the assumed-role session; they expire', async () => {
		const bob = user(env.running, 'bob');
		const {Credentials: issued, AssumedRoleUser} = await sts(env.running, bob).send(
			new AssumeRoleCommand({RoleArn: `arn:aws:iam::${HOME}:role/ChangeApprovers`, RoleSessionName: 'bob-approves', DurationSeconds: 900}),
		);
		expect(issued!.AccessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
		expect(AssumedRoleUser!.Arn).toBe(`arn:aws:sts::${HOME}:assumed-role/ChangeApprovers/bob-approves`);
		const session = {accessKeyId: issued!.AccessKeyId!, secretAccessKey: issued!.SecretAccessKey!, sessionToken: issued!.SessionToken!};
		const identity = await sts(env.running, session).send(new GetCallerIdentityCommand({}));
		expect(identity).toMatchObject({Account: HOME, Arn: AssumedRoleUser!.Arn, UserId: `${AssumedRoleUser!.AssumedRoleId}`});
		expect(identity.UserId).toMatch(/^AROA[A-Z2-7]{17}:bob-approves$/);
		env.running.control.advance(900_000);
		const expired = await failure(sts(env.running, session).send(new GetCallerIdentityCommand({})));
		expect(expired.name).toBe('ExpiredToken');
	});

	it('refuses a role that does not trust the caller, and a role that does not exist', async () => {
		const member = {accessKeyId: env.running.accessKeyFor('111122223333'), secretAccessKey: 'x'};
		const untrusted = await failure(assume(env.running, member, `arn:aws:iam::210987654321:role/OrganizationAccountAccessRole`, 'ssmtop'));
		expect(untrusted.name).toBe('AccessDenied');
		expect(untrusted.message).toContain('is not authorized to perform: sts:AssumeRole');
		const missing = await failure(assume(env.running, user(env.running, 'alice'), `arn:aws:iam::${HOME}:role/NoSuchRole`, 'ssmtop'));
		expect(missing.name).toBe('AccessDenied');
		// A session name of one character breaks the model's length constraint (2..64).
		const short = await failure(assume(env.running, user(env.running, 'alice'), `arn:aws:iam::${HOME}:role/ChangeApprovers`, 's'));
		expect(short.name).toBe('ValidationError');
	});
});

describe('Organizations: ListAccounts and walking the organisation', () => {
	const env = withEmulator('all');

	it('pages ListAccounts for the management account: every account once, MaxResults per page', async () => {
		const client = orgs(env.running, user(env.running, 'alice'));
		const first = await client.send(new ListAccountsCommand({MaxResults: 3}));
		expect(first.Accounts).toHaveLength(3);
		expect(first.NextToken).toBeDefined();
		const pages: Account[][] = [];
		for await (const page of paginateListAccounts({client, pageSize: 3}, {})) {
			pages.push(page.Accounts ?? []);
		}

		expect(pages.map(page => page.length)).toEqual([3, 3, 2]);
		const accounts = pages.flat();
		expect(new Set(accounts.map(account => account.Id)).size).toBe(8);
		expect(accounts[0]).toMatchObject({Id: HOME, Name: 'acme-management', Status: 'ACTIVE'});
		expect(accounts.find(account => account.Id === '606060606060')?.Status).toBe('SUSPENDED');
	});

	it('refuses a member account (AccessDeniedException) and an account outside any organisation (AWSOrganizationsNotInUseException)', async () => {
		const member = orgs(env.running, {accessKeyId: env.running.accessKeyFor('111122223333'), secretAccessKey: 'x'});
		expect((await failure(member.send(new ListAccountsCommand({})))).name).toBe('AccessDeniedException');
		const outsider = orgs(env.running, {accessKeyId: env.running.accessKeyFor('999999999999'), secretAccessKey: 'x'});
		expect((await failure(outsider.send(new ListAccountsCommand({})))).name).toBe('AWSOrganizationsNotInUseException');
	});

	it('walks the organisation: AssumeRole into each active member’s OrganizationAccountAccessRole, then SSM there as that session', async () => {
		const management = user(env.running, 'alice');
		const accounts: Account[] = [];
		for await (const page of paginateListAccounts({client: orgs(env.running, management)}, {})) {
			accounts.push(...(page.Accounts ?? []));
		}

		const members = accounts.filter(account => account.Id !== HOME);
		const reached: string[] = [];
		for (const account of members) {
			const roleArn = `arn:aws:iam::${account.Id}:role/OrganizationAccountAccessRole`;
			if (account.Status !== 'ACTIVE') {
				expect((await failure(assume(env.running, management, roleArn, 'ssmtop'))).name).toBe('AccessDenied');
				continue;
			}

			const session = await assume(env.running, management, roleArn, 'ssmtop');
			const identity = await sts(env.running, session).send(new GetCallerIdentityCommand({}));
			expect(identity.Arn).toBe(`arn:aws:sts::${account.Id}:assumed-role/OrganizationAccountAccessRole/ssmtop`);
			reached.push(identity.Account!);
		}

		expect(reached).toEqual(members.filter(account => account.Status === 'ACTIVE').map(account => account.Id));
		// SSM with a member session acts in that member account, as that session.
		const session = await assume(env.running, management, 'arn:aws:iam::111122223333:role/OrganizationAccountAccessRole', 'ssmtop');
		const {AutomationExecutionId: id} = await ssmAs(env.running, session).send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
		);
		const seenByMember = await getExecution(ssmAs(env.running, {accessKeyId: env.running.accessKeyFor('111122223333'), secretAccessKey: 'x'}), id!);
		expect(seenByMember.ExecutedBy).toBe('arn:aws:sts::111122223333:assumed-role/OrganizationAccountAccessRole/ssmtop');
	});
});

describe('SendAutomationSignal checks the approvers', () => {
	const env = withEmulator('each');

	async function waitingApproval(approvers: string[], minimum = 1): Promise<string> {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({
				DocumentName: 'Ops-PatchFleetWithApproval',
				Parameters: {InstanceIds: ['i-0123456789abcdef0'], Approvers: approvers, MinimumApprovals: [String(minimum)]},
			}),
		);
		env.running.control.advance(5000);
		expect((await getExecution(env.client, id!)).AutomationExecutionStatus).toBe('Waiting');
		return id!;
	}

	const approve = async (as: Credentials, id: string, type: 'Approve' | 'Reject' = 'Approve') =>
		ssmAs(env.running, as).send(new SendAutomationSignalCommand({AutomationExecutionId: id, SignalType: type, Payload: {Comment: [`by ${as.accessKeyId}`]}}));
	const approval = async (id: string) => (await getExecution(env.client, id)).StepExecutions![0]!;

	it('a listed user approves', async () => {
		const id = await waitingApproval([`arn:aws:iam::${HOME}:user/alice`]);
		await approve(user(env.running, 'alice'), id);
		const step = await approval(id);
		expect(step).toMatchObject({StepStatus: 'Success', Outputs: {ApprovalStatus: ['Approved']}});
		expect(JSON.parse(step.Outputs!['ApproverDecisions']![0]!)).toMatchObject({approver: `arn:aws:iam::${HOME}:user/alice`, decision: 'Approve'});
	});

	it('a session of a listed role approves; an unlisted principal is refused with InvalidAutomationSignalException', async () => {
		const id = await waitingApproval([`arn:aws:iam::${HOME}:role/ChangeApprovers`]);
		const carol = user(env.running, 'carol');
		const refused = await failure(approve(carol, id));
		expect(refused.name).toBe('InvalidAutomationSignalException');
		expect(refused.$metadata?.httpStatusCode).toBe(400);
		expect(refused.message).toContain(`arn:aws:iam::${HOME}:user/carol is not authorized to approve step approvePatching`);
		expect((await failure(approve(carol, id, 'Reject'))).name).toBe('InvalidAutomationSignalException');
		// The emulator's default identity is not listed here either.
		expect((await failure(approve({accessKeyId: 'AKIAEXAMPLEHOME', secretAccessKey: 'x'}, id))).name).toBe('InvalidAutomationSignalException');
		expect((await approval(id)).StepStatus).toBe('Waiting');
		const session = await assume(env.running, user(env.running, 'bob'), `arn:aws:iam::${HOME}:role/ChangeApprovers`, 'bob');
		await approve(session, id);
		expect((await approval(id)).StepStatus).toBe('Success');
	});

	it('each principal counts once toward MinRequiredApprovals: a user twice, two sessions of one role', async () => {
		const id = await waitingApproval([`arn:aws:iam::${HOME}:user/alice`, `arn:aws:iam::${HOME}:role/ChangeApprovers`], 2);
		const alice = user(env.running, 'alice');
		await approve(alice, id);
		await approve(alice, id);
		expect((await approval(id)).StepStatus).toBe('Waiting');
		const bob = user(env.running, 'bob');
		await approve(await assume(env.running, bob, `arn:aws:iam::${HOME}:role/ChangeApprovers`, 'one'), id);
		const step = await approval(id);
		expect(step.StepStatus).toBe('Success');
		expect(step.Outputs!['ApproverDecisions']!.map(text => (JSON.parse(text) as {approver: string}).approver)).toEqual([
			`arn:aws:iam::${HOME}:user/alice`,
			`arn:aws:iam::${HOME}:role/ChangeApprovers`,
		]);

		const roleOnly = await waitingApproval([`arn:aws:iam::${HOME}:role/ChangeApprovers`, `arn:aws:iam::${HOME}:user/alice`], 2);
		await approve(await assume(env.running, bob, `arn:aws:iam::${HOME}:role/ChangeApprovers`, 'one'), roleOnly);
		await approve(await assume(env.running, alice, `arn:aws:iam::${HOME}:role/ChangeApprovers`, 'two'), roleOnly);
		expect((await approval(roleOnly)).StepStatus).toBe('Waiting');
	});

	it('a listed principal’s Reject fails the step; an assumed-role session ARN and a bare user name are approvers too', async () => {
		const rejected = await waitingApproval([`arn:aws:iam::${HOME}:user/alice`]);
		await approve(user(env.running, 'alice'), rejected, 'Reject');
		expect((await approval(rejected)).StepStatus).toBe('Failed');

		const byName = await waitingApproval(['dave']);
		await approve(user(env.running, 'dave'), byName);
		expect((await approval(byName)).StepStatus).toBe('Success');

		const bySession = await waitingApproval([`arn:aws:sts::${HOME}:assumed-role/ChangeApprovers/oncall`]);
		const bob = user(env.running, 'bob');
		expect((await failure(approve(await assume(env.running, bob, `arn:aws:iam::${HOME}:role/ChangeApprovers`, 'other'), bySession))).name).toBe(
			'InvalidAutomationSignalException',
		);
		await approve(await assume(env.running, bob, `arn:aws:iam::${HOME}:role/ChangeApprovers`, 'oncall'), bySession);
		expect((await approval(bySession)).StepStatus).toBe('Success');
	});

	it('the runbook’s default Approvers list the emulator’s default identity, so a demo can approve', async () => {
		const {AutomationExecutionId: id} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'Ops-PatchFleetWithApproval', Parameters: {InstanceIds: ['i-0123456789abcdef0']}}),
		);
		env.running.control.advance(5000);
		await env.client.send(new SendAutomationSignalCommand({AutomationExecutionId: id!, SignalType: 'Approve'}));
		expect((await approval(id!)).StepStatus).toBe('Success');
	});
});
