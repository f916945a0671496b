/**
 * Several accounts watched: stop acts in the execution's own account, through that account's
 * assumed role (real SDK against the emulator), not in the home account, where the same id is unknown.
 */
import {GetAutomationExecutionCommand, StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {resolveAccounts} from '../../source/aws/accounts/resolve-accounts.js';
import {createAwsApi, type AwsApi} from '../../source/aws/index.js';
import {createAccountActionPort} from '../../source/cli/account-action-port.js';
import {createManualClock, startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {generatedAccountId} from '../../source/emulator/identity/organization.js';
import {ssm} from '../emulator/support.js';

const MEMBER = generatedAccountId(1);
let emulator: RunningEmulator;
let api: AwsApi;
let running: string;

beforeAll(async () => {
	emulator = await startEmulator({
		seed: 'none',
		clock: createManualClock(Date.UTC(2026, 10, 25, 12, 0, 0)),
		organization: {accounts: 2, regions: ['us-east-1'], runsPerLocation: 6},
	});
	const resolved = await resolveAccounts(
		{kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: [emulator.homeAccount, MEMBER]},
		{
			region: 'us-east-1',
			endpointUrl: emulator.url,
			baseSource: {kind: 'static', credentials: {accessKeyId: emulator.accessKeyFor(emulator.homeAccount), secretAccessKey: 'not-a-secret'}},
		},
	);
	api = createAwsApi({regions: ['us-east-1'], endpointUrl: emulator.url, maxAttempts: 1, accounts: resolved.accounts});
	// A run of the member's own, still going (the manual clock does not move).
	const member = ssm(emulator, {account: MEMBER});
	const started = await member.send(
		new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
	);
	member.destroy();
	running = started.AutomationExecutionId!;
});

afterAll(async () => {
	api?.destroy();
	await emulator?.close();
});

describe('the account action port', () => {
	it("the home account does not know the member's execution: acting there would fail", async () => {
		const homeOnly = createAccountActionPort({api, accountOf: () => undefined});
		await expect(homeOnly.stopExecution('us-east-1', running, 'Cancel')).rejects.toThrow();
	});

	it("stops a member account's execution in that account", async () => {
		const port = createAccountActionPort({api, accountOf: id => (id === running ? MEMBER : undefined)});
		await port.stopExecution('us-east-1', running, 'Cancel');
		const member = ssm(emulator, {account: MEMBER});
		const {AutomationExecution} = await member.send(new GetAutomationExecutionCommand({AutomationExecutionId: running}));
		member.destroy();
		expect(['Cancelling', 'Cancelled']).toContain(AutomationExecution?.AutomationExecutionStatus);
		expect((await port.getExecution!('us-east-1', running)).account).toBe(MEMBER);
	});

	it('inAccount: starts a run in that account, with its credentials; an account without credentials is refused', async () => {
		const port = createAccountActionPort({api, accountOf: () => undefined});
		const member = port.inAccount!(MEMBER);
		const {executionId} = await member.startExecution({
			region: 'us-east-1',
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: ['i-0123456789abcdef0']},
			clientToken: '00000000-0000-4000-8000-00000000a001',
		});
		expect((await member.getExecution!('us-east-1', executionId)).id).toBe(executionId);
		const inMember = ssm(emulator, {account: MEMBER});
		const inHome = ssm(emulator, {account: emulator.homeAccount});
		await expect(inMember.send(new GetAutomationExecutionCommand({AutomationExecutionId: executionId}))).resolves.toBeDefined();
		await expect(inHome.send(new GetAutomationExecutionCommand({AutomationExecutionId: executionId}))).rejects.toThrow();
		inMember.destroy();
		inHome.destroy();
		// Never the home account's credentials for an account that is not watched.
		await expect(port.inAccount!('999999999999').listDocuments('us-east-1')).rejects.toThrow(/No credentials for account 999999999999/);
	});
});
