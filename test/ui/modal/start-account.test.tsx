// Issue 11: the start form with several accounts watched, through the real App and effect runner
// (a scripted port): the Account field defaults to the selected row's account, the title and the
// question name the account by name and id, and every call goes to that account's port.
import {afterEach, describe, expect, it} from 'vitest';
import type {WatchedAccount} from '../../../source/core/location.js';
import type {ActionPort} from '../../../source/core/ports.js';
import {READ_ONLY_REFUSAL} from '../../../source/store/dialog-actions.js';
import {execution} from '../fixtures.js';
import {formPort} from './form-port.js';
import {oneLine, renderModal, storeFor, type RenderedModal} from './harness.js';
import {chooseRestartInstance, throughToReview} from './start-form-steps.js';

const HOME = '123456789012';
const PROD = '111122223333';
const ACCOUNTS: WatchedAccount[] = [
	{account: HOME, label: 'acme-management'},
	{account: PROD, label: 'prod-payments'},
];

let rendered: RenderedModal | undefined;
afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

function twoAccounts(readOnly = false) {
	const store = storeFor({context: {label: '2 accounts', account: HOME, accounts: ACCOUNTS, readableAccounts: [HOME, PROD], readOnly}});
	store.setState({viewport: {columns: 140, rows: 60}});
	// The selected row is in the prod account.
	const row = execution(1, {account: PROD, accountName: 'prod-payments'});
	store.setState({executions: {[row.id]: row}, selectedId: row.id});
	return store;
}

/** The scripted port, and the account each call went to (home: the port itself). */
function accountPort(): {port: ActionPort; calls: string[]; starts: () => number} {
	const base = formPort();
	const calls: string[] = [];
	const inAccount = (account: string): ActionPort => ({
		...base,
		async listDocuments(region, options) {
			calls.push(`listDocuments ${account}`);
			return base.listDocuments(region, options);
		},
		async getDocument(region, name, version) {
			calls.push(`getDocument ${account}`);
			return base.getDocument(region, name, version);
		},
		async startExecution(request) {
			calls.push(`startExecution ${account}`);
			return base.startExecution(request);
		},
	});
	return {port: {...base, inAccount}, calls, starts: () => base.starts.length};
}

describe('the start form with several accounts', () => {
	it("starts in the selected row's account: the field, the title and the question name it, the calls go there", async () => {
		const store = twoAccounts();
		const {port, calls, starts} = accountPort();
		rendered = await renderModal(store, port, {kind: 'start'});
		const ui = rendered;
		const first = await ui.waitFor(`Account prod-payments (${PROD})`);
		expect(first).toContain(`prod-payments (${PROD}) · us-east-1`);
		await chooseRestartInstance(ui, 'i-0123456789abcdef0');
		await throughToReview(ui);
		// The CLI command carries no account: the review says whose credentials it needs.
		await ui.waitFor(`It starts in account prod-payments (${PROD}): run the command with that account's credentials.`);
		await ui.press('enter');
		await ui.confirm(`Start AWS-RestartEC2Instance in account prod-payments (${PROD}), us-east-1?`);
		await ui.waitFor(frame => frame.trim() === '');
		expect(starts()).toBe(1);
		expect(calls).toEqual([`listDocuments ${PROD}`, `getDocument ${PROD}`, `startExecution ${PROD}`]);
		expect(store.getState().executions[store.getState().selectedId!]?.account).toBe(PROD);
		// The footer says which run, and where.
		expect(store.getState().flash).toBe(`Started AWS-RestartEC2Instance: ${store.getState().selectedId} in account prod-payments (${PROD}), us-east-1`);
	});

	it('a watched account whose credentials failed is listed, marked, and the form refuses to start there', async () => {
		const STAGE = '444455556666';
		const accounts: WatchedAccount[] = [...ACCOUNTS, {account: STAGE, label: 'stage', problem: 'the SSO session has expired.'}];
		const store = storeFor({context: {label: '3 accounts', account: HOME, accounts, readableAccounts: accounts.map(entry => entry.account)}});
		store.setState({viewport: {columns: 160, rows: 60}});
		// The selected row is in the stage account (listed before its credentials ran out).
		const row = execution(1, {account: STAGE, accountName: 'stage'});
		store.setState({executions: {[row.id]: row}, selectedId: row.id});
		const {port, calls, starts} = accountPort();
		rendered = await renderModal(store, port, {kind: 'start'});
		const ui = rendered;
		await ui.waitFor(`Account stage (${STAGE}) (no credentials)`);
		await ui.waitFor('AWS-RestartEC2Instance');
		await ui.type('AWS-Restart');
		await ui.press('enter');
		await ui.waitFor('InstanceId');
		await ui.focus('InstanceId');
		await ui.type('i-0123456789abcdef0');
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.focus('Review ›');
		await ui.press('enter');
		await ui.focus('Start the run');
		await ui.press('enter');
		await ui.waitFor(frame =>
			oneLine(frame).includes(
				`No credentials for account stage (${STAGE}) in us-east-1 (the SSO session has expired): ssmtop will not start AWS-RestartEC2Instance`,
			),
		);
		expect(ui.frame()).not.toContain('y: yes');
		await ui.settled();
		expect(starts()).toBe(0);
		expect(calls).not.toContain(`startExecution ${STAGE}`);
		expect(store.getState().modal.kind).toBe('start');
	});

	it('the Account field switches to another watched account, and the run starts there', async () => {
		const store = twoAccounts();
		const {port, calls} = accountPort();
		rendered = await renderModal(store, port, {kind: 'start'});
		const ui = rendered;
		await ui.focus('Account');
		await ui.press('right');
		await ui.waitFor(`acme-management (${HOME}) · us-east-1`);
		await ui.settled();
		expect(calls.at(-1)).toBe(`listDocuments ${HOME}`);
	});

	it('a port that cannot act in another account refuses, rather than acting in the home account', async () => {
		const store = twoAccounts();
		const port = formPort();
		rendered = await renderModal(store, port, {kind: 'start'});
		await rendered.waitFor(`This connection cannot act in account ${PROD}.`);
		expect(port.calls).toEqual([]);
	});

	it("stop's question names the execution's account by name and id too", async () => {
		const store = twoAccounts();
		const running = execution(2, {account: PROD, accountName: 'prod-payments', region: 'eu-west-1', status: 'InProgress', endTime: undefined});
		store.setState({executions: {...store.getState().executions, [running.id]: running}});
		rendered = await renderModal(store, accountPort().port, {kind: 'stop', executionId: running.id});
		await rendered.press('enter');
		await rendered.waitFor(`Cancel execution ${running.id} (Doc-2) in account prod-payments (${PROD}), eu-west-1?`);
	});

	it('under --read-only the form does not open', async () => {
		const store = twoAccounts(true);
		store.getState().actions.dialogOpened({kind: 'start'});
		expect(store.getState().modal.kind).toBe('none');
		expect(store.getState().flash).toBe(READ_ONLY_REFUSAL);
	});
});
