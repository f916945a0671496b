// Issue 11, end to end: with two accounts watched (assumed roles in the emulated organisation), an
// execution in a third account, for which ssmtop holds no credentials, is never stopped with the
// home account's: the dialog refuses, naming the account and Region, and no StopAutomationExecution
// reaches the emulator (its request counts), the run still going. Keys into the real App, the
// account action port, the real SDK over HTTP.
import {GetAutomationExecutionCommand, StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {AwsApi} from '../../../source/aws/index.js';
import {createAccountActionPort} from '../../../source/cli/account-action-port.js';
import type {WatchedAccount} from '../../../source/core/location.js';
import type {ActionPort} from '../../../source/core/ports.js';
import type {ConnectionContext} from '../../../source/store/state.js';
import type {RunningEmulator} from '../../../source/emulator/index.js';
import {generatedAccountId} from '../../../source/emulator/identity/organization.js';
import type {AppStore} from '../../../source/store/app-store.js';
import {ssm} from '../../emulator/support.js';
import {startWatchedOrganisation} from './watched-organisation.js';
import {oneLine, renderModal, storeFor, type RenderedModal} from './harness.js';

const REGION = 'us-east-1';
const MEMBER = generatedAccountId(1);
/** In the organisation, not watched, no --account-profile: ssmtop holds no credentials for it. */
const OUTSIDER = generatedAccountId(2);
let emulator: RunningEmulator;
let api: AwsApi;
let rendered: RenderedModal | undefined;

beforeAll(async () => {
	({emulator, api} = await startWatchedOrganisation({region: REGION, member: MEMBER, accounts: 3}));
});

afterAll(async () => {
	api?.destroy();
	await emulator?.close();
});

afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

/** A run of the outsider's own, still Pending (the manual clock does not move): a stop would make it Cancelling. */
async function outsiderRun(): Promise<string> {
	const outsider = ssm(emulator, {account: OUTSIDER});
	try {
		const started = await outsider.send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
		);
		return started.AutomationExecutionId!;
	} finally {
		outsider.destroy();
	}
}

async function statusInOutsider(executionId: string): Promise<string | undefined> {
	const outsider = ssm(emulator, {account: OUTSIDER});
	try {
		const {AutomationExecution} = await outsider.send(new GetAutomationExecutionCommand({AutomationExecutionId: executionId}));
		return AutomationExecution?.AutomationExecutionStatus;
	} finally {
		outsider.destroy();
	}
}

/** Two accounts watched; the outsider's run is a row of ours (as a child run opened from its parent is). */
function storeWith(executionId: string, context: Partial<ConnectionContext> = {}): AppStore {
	const accounts: WatchedAccount[] = [
		{account: emulator.homeAccount, label: 'org-home'},
		{account: MEMBER, label: 'org-member'},
	];
	const store = storeFor({
		context: {
			account: emulator.homeAccount,
			label: '2 accounts',
			regions: [REGION],
			accounts,
			readableAccounts: accounts.map(entry => entry.account),
			...context,
		},
	});
	store.setState({
		viewport: {columns: 140, rows: 60},
		executions: {
			[executionId]: {
				id: executionId,
				documentName: 'AWS-RestartEC2Instance',
				region: REGION,
				status: 'InProgress',
				mode: 'Auto',
				startTime: Date.UTC(2026, 11, 1, 12, 0, 0),
				account: OUTSIDER,
			},
		},
		selectedId: executionId,
	});
	return store;
}

function portFor(store: AppStore): ActionPort {
	return createAccountActionPort({
		api,
		accountOf: id => store.getState().details[id]?.account ?? store.getState().executions[id]?.account,
	});
}

const stops = (): number => emulator.control.counts().requests['StopAutomationExecution'] ?? 0;

describe('stop in an account without credentials (emulator)', () => {
	it('x: the dialog refuses before asking, naming the account and Region; nothing reaches the emulator', async () => {
		const executionId = await outsiderRun();
		const store = storeWith(executionId);
		const before = stops();
		rendered = await renderModal(store, portFor(store), {kind: 'stop', executionId});
		const ui = rendered;
		await ui.waitFor(`Stop execution ${executionId}`);
		await ui.press('enter');
		await ui.waitFor(frame => oneLine(frame).includes(`No credentials for account ${OUTSIDER} in ${REGION}: ssmtop will not cancel execution ${executionId}`));
		expect(oneLine(ui.frame())).toContain(`--account-profile ${OUTSIDER}=PROFILE`);
		expect(ui.frame()).not.toContain('y: yes');
		// y has nothing to send.
		await ui.type('y');
		await ui.settled();
		expect(store.getState().modal.kind).toBe('stop');
		expect(stops()).toBe(before);
		expect(await statusInOutsider(executionId)).toBe('Pending');
	});

	it('the port refuses too, when the store believes the account readable: the refusal in the dialog, no request sent', async () => {
		const executionId = await outsiderRun();
		// A context that claims every account readable (as --local does): only the port stands between the key and AWS.
		const store = storeWith(executionId, {readableAccounts: 'all'});
		const before = stops();
		rendered = await renderModal(store, portFor(store), {kind: 'stop', executionId});
		const ui = rendered;
		await ui.waitFor(`Stop execution ${executionId}`);
		await ui.press('enter');
		await ui.confirm(`Cancel execution ${executionId} (AWS-RestartEC2Instance) in account ${OUTSIDER}, ${REGION}?`);
		await ui.waitFor(frame => oneLine(frame).includes(`No credentials for account ${OUTSIDER} in ${REGION}: ssmtop will not cancel execution ${executionId}`));
		expect(store.getState().modal.kind).toBe('stop');
		expect(stops()).toBe(before);
		expect(await statusInOutsider(executionId)).toBe('Pending');
	});
});
