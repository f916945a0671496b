// Issue 11: the accounts the store hands the start form, and what the stop dialog may act in.
// A watched account without working credentials is marked (not left out); a re-run keeps its run's
// account even when it is not watched; a stop in an account without credentials is refused.
import {describe, expect, it} from 'vitest';
import type {WatchedAccount} from '../../source/core/location.js';
import type {RegionState} from '../../source/core/types.js';
import {createAppStore, type AppStore} from '../../source/store/app-store.js';
import {execution} from '../ui/fixtures.js';

const HOME = '123456789012';
const PROD = '111122223333';
const STAGE = '444455556666';
const CHILD = '777788889999';
const REGIONS = ['us-east-1', 'eu-west-1'];

function location(account: string, region: string, state: Partial<RegionState>): RegionState {
	return {region, account, throttled: false, calls: 1, inFlight: false, truncated: false, ...state};
}

function storeWith(accounts: WatchedAccount[], regions: Record<string, RegionState> = {}): AppStore {
	const store = createAppStore({
		context: {
			label: 'accounts',
			regions: REGIONS,
			readOnly: false,
			local: false,
			account: HOME,
			accounts,
			readableAccounts: accounts.map(entry => entry.account),
		},
	});
	store.setState({regions});
	return store;
}

function formAccounts(store: AppStore): unknown {
	const {modal} = store.getState();
	return modal.kind === 'start' ? {account: modal.form.account, accounts: modal.form.accounts} : modal.kind;
}

const credentialsError = {kind: 'credentials' as const, message: 'ExpiredToken: the security token has expired.', at: 2000};

describe('the start form’s accounts', () => {
	it('marks an account whose every location refuses its credentials, and one whose start-up problem is not cured yet', () => {
		const store = storeWith(
			[
				{account: HOME, label: 'home'},
				{account: PROD, label: 'prod'},
				{account: STAGE, label: 'stage', problem: 'the SSO session has expired.'},
			],
			{
				[`${HOME}/us-east-1`]: location(HOME, 'us-east-1', {lastSuccessAt: 1000}),
				[`${PROD}/us-east-1`]: location(PROD, 'us-east-1', {lastSuccessAt: 1000, lastError: credentialsError}),
				[`${PROD}/eu-west-1`]: location(PROD, 'eu-west-1', {lastError: credentialsError}),
			},
		);
		store.getState().actions.dialogOpened({kind: 'start'});
		expect(formAccounts(store)).toEqual({
			account: HOME,
			accounts: [
				{account: HOME, label: 'home'},
				{account: PROD, label: 'prod', noCredentials: {reason: credentialsError.message}},
				{account: STAGE, label: 'stage', noCredentials: {reason: 'the SSO session has expired.'}},
			],
		});
	});

	it('does not mark an account with one location listing, nor one only throttled or unreachable', () => {
		const store = storeWith(
			[
				{account: HOME, label: 'home'},
				{account: PROD, label: 'prod', problem: 'the SSO session has expired.'},
				{account: STAGE, label: 'stage'},
			],
			{
				// Its credentials came back: listed after the problem at start.
				[`${PROD}/us-east-1`]: location(PROD, 'us-east-1', {lastSuccessAt: 3000}),
				[`${STAGE}/us-east-1`]: location(STAGE, 'us-east-1', {lastError: {kind: 'unreachable', message: 'connection refused', at: 2000}}),
			},
		);
		store.getState().actions.dialogOpened({kind: 'start'});
		expect(formAccounts(store)).toMatchObject({accounts: [{account: HOME}, {account: PROD}, {account: STAGE}]});
		const {modal} = store.getState();
		expect(modal.kind === 'start' && modal.form.accounts?.some(entry => entry.noCredentials)).toBe(false);
	});

	it('a re-run of a child run in an account that is not watched starts there (marked), never in the home account', () => {
		const store = storeWith([
			{account: HOME, label: 'home'},
			{account: PROD, label: 'prod'},
		]);
		const child = execution(4, {account: CHILD, region: 'eu-west-1'});
		store.setState({executions: {[child.id]: child}, selectedId: child.id});
		store.getState().actions.dialogOpened({kind: 'rerun', executionId: child.id});
		expect(formAccounts(store)).toEqual({
			account: CHILD,
			accounts: [
				{account: HOME, label: 'home'},
				{account: PROD, label: 'prod'},
				{account: CHILD, label: CHILD, noCredentials: {}},
			],
		});
		// Its run is read there (where it fails: no credentials), not in the home account.
		expect(store.getState().effects).toContainEqual(expect.objectContaining({kind: 'getExecution', account: CHILD}));
	});
});

describe('the stop dialog', () => {
	it('refuses an execution in an account without credentials before asking, and queues nothing', () => {
		const store = storeWith([
			{account: HOME, label: 'home'},
			{account: PROD, label: 'prod'},
		]);
		const child = execution(5, {account: CHILD, region: 'eu-west-1', status: 'InProgress', endTime: undefined});
		store.setState({executions: {[child.id]: child}, selectedId: child.id});
		store.getState().actions.dialogOpened({kind: 'stop', executionId: child.id});
		store.getState().actions.effectsTaken();
		store.getState().actions.dialogCommand('modal.confirm', '');
		const {modal} = store.getState();
		expect(modal.kind === 'stop' && modal.dialog.error).toMatch(
			new RegExp(`^No credentials for account ${CHILD} in eu-west-1: ssmtop will not cancel execution`),
		);
		expect(modal.kind === 'stop' && modal.dialog.phase).toBe('choose');
		expect(store.getState().effects).toEqual([]);
	});
});

describe('with one account watched, a child run in another account', () => {
	function oneAccount(): AppStore {
		return createAppStore({context: {label: 'one', regions: REGIONS, readOnly: false, local: false, account: HOME, readableAccounts: []}});
	}

	it('is not stopped with the home credentials: refused before asking; a run of the home account is asked about', () => {
		const store = oneAccount();
		const child = execution(6, {account: CHILD, status: 'InProgress', endTime: undefined});
		const own = execution(7, {account: HOME, status: 'InProgress', endTime: undefined});
		store.setState({executions: {[child.id]: child, [own.id]: own}});
		store.getState().actions.dialogOpened({kind: 'stop', executionId: child.id});
		store.getState().actions.dialogCommand('modal.confirm', '');
		let {modal} = store.getState();
		expect(modal.kind === 'stop' && modal.dialog.error).toMatch(new RegExp(`^No credentials for account ${CHILD} in us-east-1`));
		store.getState().actions.dialogOpened({kind: 'stop', executionId: own.id});
		store.getState().actions.dialogCommand('modal.confirm', '');
		({modal} = store.getState());
		expect(modal.kind === 'stop' && modal.dialog.phase).toBe('confirm');
	});

	it('is re-run in its own account (marked: no credentials), with the home account as the other choice', () => {
		const store = oneAccount();
		const child = execution(8, {account: CHILD});
		store.setState({executions: {[child.id]: child}});
		store.getState().actions.dialogOpened({kind: 'rerun', executionId: child.id});
		expect(formAccounts(store)).toEqual({
			account: CHILD,
			accounts: [
				{account: HOME, label: HOME},
				{account: CHILD, label: CHILD, noCredentials: {}},
			],
		});
		// A run of the home account's own: no Account field, as before.
		const own = execution(9, {account: HOME});
		store.setState({executions: {[own.id]: own}, modal: {kind: 'none'}});
		store.getState().actions.dialogOpened({kind: 'rerun', executionId: own.id});
		expect(formAccounts(store)).toEqual({account: undefined, accounts: undefined});
	});
});
