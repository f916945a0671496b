// Issue 11, end to end: with two accounts watched (assumed roles in the emulated organisation), a run
// started from the form for the member account, and a re-run of a member's execution, start in the
// member account: GetAutomationExecution with the member's credentials finds them, the home account's
// does not. Keys into the real App, the account action port, the real SDK over HTTP.
import {GetAutomationExecutionCommand, StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {AwsApi} from '../../../source/aws/index.js';
import {createAccountActionPort} from '../../../source/cli/account-action-port.js';
import type {WatchedAccount} from '../../../source/core/location.js';
import type {ActionPort} from '../../../source/core/ports.js';
import type {RunningEmulator} from '../../../source/emulator/index.js';
import {generatedAccountId} from '../../../source/emulator/identity/organization.js';
import type {AppStore} from '../../../source/store/app-store.js';
import {failure, ssm} from '../../emulator/support.js';
import {startWatchedOrganisation} from './watched-organisation.js';
import {renderModal, storeFor, type RenderedModal} from './harness.js';
import {chooseRestartInstance, throughToReview} from './start-form-steps.js';

const REGION = 'us-east-1';
const INSTANCE = 'i-0123456789abcdef0';
const MEMBER = generatedAccountId(1);
let emulator: RunningEmulator;
let api: AwsApi;
let rendered: RenderedModal | undefined;

beforeAll(async () => {
	({emulator, api} = await startWatchedOrganisation({region: REGION, member: MEMBER, accounts: 2}));
});

afterAll(async () => {
	api?.destroy();
	await emulator?.close();
});

afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

function twoAccounts(): AppStore {
	const accounts: WatchedAccount[] = [
		{account: emulator.homeAccount, label: 'org-home'},
		{account: MEMBER, label: 'org-member'},
	];
	const store = storeFor({
		context: {account: emulator.homeAccount, label: '2 accounts', regions: [REGION], accounts, readableAccounts: accounts.map(entry => entry.account)},
	});
	// Wide enough for the question, which names the account by name and id, to stay on one line.
	store.setState({viewport: {columns: 140, rows: 60}});
	return store;
}

function portFor(store: AppStore): ActionPort {
	return createAccountActionPort({
		api,
		accountOf: id => store.getState().details[id]?.account ?? store.getState().executions[id]?.account,
	});
}

/** Where the execution is: the accounts whose credentials can read it. */
async function readableIn(executionId: string): Promise<{member: string | undefined; home: string}> {
	const member = ssm(emulator, {account: MEMBER});
	const home = ssm(emulator, {account: emulator.homeAccount});
	try {
		const found = await member.send(new GetAutomationExecutionCommand({AutomationExecutionId: executionId}));
		const missing = await failure(home.send(new GetAutomationExecutionCommand({AutomationExecutionId: executionId})));
		return {member: found.AutomationExecution?.AutomationExecutionId, home: missing.name};
	} finally {
		member.destroy();
		home.destroy();
	}
}

describe('starting in another watched account (emulator)', () => {
	it('n: a run started for the member account appears in the member account, not the home account', async () => {
		const store = twoAccounts();
		rendered = await renderModal(store, portFor(store), {kind: 'start'});
		const ui = rendered;
		await ui.waitFor(`Account org-home (${emulator.homeAccount})`);
		await ui.focus('Account');
		await ui.press('right');
		await ui.waitFor(`org-member (${MEMBER}) · ${REGION}`);
		// The member's runbooks, read with its credentials.
		await chooseRestartInstance(ui, INSTANCE);
		await throughToReview(ui);
		await ui.press('enter');
		await ui.confirm(`Start AWS-RestartEC2Instance in account org-member (${MEMBER}), ${REGION}?`);
		await ui.waitFor(frame => frame.trim() === '');
		const id = store.getState().selectedId!;
		expect(store.getState().executions[id]?.account).toBe(MEMBER);
		expect(await readableIn(id)).toEqual({member: id, home: 'AutomationExecutionNotFoundException'});
	});

	it("R: a re-run of a member's execution starts in the member account", async () => {
		const member = ssm(emulator, {account: MEMBER});
		const started = await member.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: [INSTANCE]}}));
		member.destroy();
		const sourceId = started.AutomationExecutionId!;
		const store = twoAccounts();
		// The row as the poller lists it: in the member's location (no detail yet, so the form reads the run there).
		const {detail} = await api.getExecution(REGION, sourceId, {account: MEMBER});
		const {steps: _steps, ...row} = detail;
		store.setState({executions: {[sourceId]: {...row, account: MEMBER}}, selectedId: sourceId});
		rendered = await renderModal(store, portFor(store), {kind: 'start', fromExecutionId: sourceId});
		const ui = rendered;
		await ui.waitFor(`InstanceId* ${INSTANCE}`);
		await throughToReview(ui);
		await ui.press('enter');
		await ui.confirm(new RegExp(`Start AWS-RestartEC2Instance( \\(version \\S+\\))? in account org-member \\(${MEMBER}\\), ${REGION}\\?`));
		await ui.waitFor(frame => frame.trim() === '');
		const id = store.getState().selectedId!;
		expect(id).not.toBe(sourceId);
		expect(store.getState().executions[id]?.account).toBe(MEMBER);
		expect(await readableIn(id)).toEqual({member: id, home: 'AutomationExecutionNotFoundException'});
	});
});
