// Issue 11: with several accounts watched the start form starts its run in an account the user picks
// (new run) or in the account of the execution it re-runs; every read and the start itself name it.
import {describe, expect, it} from 'vitest';
import type {Effect} from '../../../source/core/dialogs/effects.js';
import {fieldsOf} from '../../../source/core/dialogs/start-form-fields.js';
import type {StartFormState} from '../../../source/core/dialogs/start-form-state.js';
import {openStartForm, startCommand, startEvent, startQuestion} from '../../../source/core/dialogs/start-form-transition.js';
import type {ExecutionDetail} from '../../../source/core/types.js';
import {crossAccountDetail, execution, executionId} from '../../ui/fixtures.js';
import {parseRunbookParameters} from '../../../source/core/start-form/parameter-spec.js';

const HOME = '123456789012';
const PROD = '111122223333';
const ACCOUNTS = [
	{account: HOME, label: 'acme-management'},
	{account: PROD, label: 'prod-payments'},
];
const REGIONS = ['us-east-1', 'eu-west-1'];

const RUNBOOK = "schemaVersion: '0.3'\nparameters:\n  Message: {type: String, default: hi}\nmainSteps: []\n";

function accountsOf(effects: readonly Effect[]): Array<[string, string | undefined]> {
	return effects.flatMap(effect => ('account' in effect || 'region' in effect ? [[effect.kind, 'account' in effect ? effect.account : undefined]] : []));
}

/** Focus the field with this key. */
function focused(state: StartFormState, key: string): StartFormState {
	const focus = fieldsOf(state).findIndex(field => field.key === key);
	expect(focus).toBeGreaterThanOrEqual(0);
	return {...state, focus};
}

describe('the Account field of the start form', () => {
	it('is not there with one account, and no effect names an account', () => {
		const {state, effects} = openStartForm({id: 1, regions: REGIONS});
		expect(fieldsOf(state).map(field => field.key)).toEqual(['region', 'owner', 'query', 'documents']);
		expect(state.account).toBeUndefined();
		expect(accountsOf(effects)).toEqual([['listDocuments', undefined]]);
		// A single account passed as the only choice is no choice either.
		expect(fieldsOf(openStartForm({id: 1, regions: REGIONS, accounts: [ACCOUNTS[0]!], account: HOME}).state)[0]?.key).toBe('region');
	});

	it('comes before the Region with the watched accounts as choices, the given one chosen, the runbook search focused', () => {
		const {state, effects} = openStartForm({id: 1, regions: REGIONS, accounts: ACCOUNTS, account: PROD});
		const fields = fieldsOf(state);
		expect(fields.map(field => field.key)).toEqual(['account', 'region', 'owner', 'query', 'documents']);
		expect(fields[0]).toMatchObject({
			label: 'Account',
			kind: 'choice',
			value: PROD,
			choices: [
				{value: HOME, label: `acme-management (${HOME})`},
				{value: PROD, label: `prod-payments (${PROD})`},
			],
		});
		expect(fields[state.focus]?.key).toBe('query');
		// The runbooks are those of the chosen account.
		expect(effects).toContainEqual({kind: 'listDocuments', dialogId: 1, account: PROD, region: 'us-east-1'});
	});

	it('falls back to the first watched account when the default is not one of them', () => {
		expect(openStartForm({id: 1, regions: REGIONS, accounts: ACCOUNTS, account: '999999999999'}).state.account).toBe(HOME);
		expect(openStartForm({id: 1, regions: REGIONS, accounts: ACCOUNTS}).state.account).toBe(HOME);
	});

	it('changing it lists that account’s runbooks, and an answer for the account left is stale', () => {
		const opened = openStartForm({id: 1, regions: REGIONS, accounts: ACCOUNTS, account: HOME}).state;
		const changed = startCommand(focused(opened, 'account'), 'choice.next', '');
		expect(changed.state.account).toBe(PROD);
		expect(changed.effects).toEqual([{kind: 'listDocuments', dialogId: 1, account: PROD, region: 'us-east-1'}]);
		const stale = startEvent(changed.state, {kind: 'documentsListed', account: HOME, region: 'us-east-1', documents: [{name: 'Home-Only'}]});
		expect(stale.state.documents.state).toBe('loading');
		const fresh = startEvent(changed.state, {kind: 'documentsListed', account: PROD, region: 'us-east-1', documents: [{name: 'Prod-Runbook'}]});
		expect(fresh.state.documents).toEqual({state: 'ready', value: [{name: 'Prod-Runbook'}]});
	});

	it('reads the chosen runbook in the account, asks naming the account by name and id, and starts the run there', () => {
		let state: StartFormState = openStartForm({id: 1, regions: REGIONS, accounts: ACCOUNTS, account: PROD}).state;
		state = startEvent(state, {kind: 'clientToken', token: '00000000-0000-4000-8000-000000000001'}).state;
		state = startEvent(state, {kind: 'documentsListed', account: PROD, region: 'us-east-1', documents: [{name: 'Prod-Runbook'}]}).state;
		const chosen = startCommand(state, 'modal.confirm', '');
		expect(accountsOf(chosen.effects)).toEqual([
			['getDocument', PROD],
			['listDocumentVersions', PROD],
		]);
		state = startEvent(chosen.state, {
			kind: 'documentRead',
			account: PROD,
			region: 'us-east-1',
			name: 'Prod-Runbook',
			runbook: parseRunbookParameters(RUNBOOK),
		}).state;
		expect(state.definition.state).toBe('ready');
		state = {...state, step: 'review', focus: 1, confirmingStart: true};
		expect(startQuestion(state, {account: HOME})).toBe(`Start Prod-Runbook in account prod-payments (${PROD}), us-east-1?`);
		const started = startCommand(state, 'confirm.yes', '');
		expect(started.effects).toEqual([
			expect.objectContaining({kind: 'startExecution', account: PROD, request: expect.objectContaining({region: 'us-east-1'})}),
		]);
		const landed = startEvent(started.state, {kind: 'started', executionId: executionId(7), at: 1});
		expect(landed.outcome).toMatchObject({kind: 'started', account: PROD, region: 'us-east-1', executionId: executionId(7)});
	});

	it('with one account the question names the credentials’ account as before', () => {
		const state = {...openStartForm({id: 1, regions: REGIONS}).state, documentName: 'Doc', confirmingStart: true};
		expect(startQuestion(state, {account: HOME})).toBe(`Start Doc in account ${HOME}, us-east-1?`);
	});
});

describe('a re-run with several accounts', () => {
	const source: ExecutionDetail = {
		...execution(3, {account: PROD, region: 'eu-west-1', documentName: 'Prod-Runbook'}),
		parameters: {Message: ['x']},
		steps: [],
	};

	it('starts in the account and Region of the execution it re-runs, whatever the default', () => {
		const {state, effects} = openStartForm({
			id: 2,
			regions: REGIONS,
			accounts: ACCOUNTS,
			account: HOME,
			rerun: {executionId: source.id, region: source.region, account: PROD, detail: source},
		});
		expect([state.account, state.region]).toEqual([PROD, 'eu-west-1']);
		expect(accountsOf(effects)).toEqual([
			['getDocument', PROD],
			['listDocumentVersions', PROD],
			['listExecutionTags', PROD],
		]);
		expect(startQuestion({...state, confirmingStart: true})).toBe(`Start Prod-Runbook (version 1) in account prod-payments (${PROD}), eu-west-1?`);
	});

	it('from a list row: reads the run in its account, and the form built from it keeps that account', () => {
		const opened = openStartForm({
			id: 3,
			regions: REGIONS,
			accounts: ACCOUNTS,
			account: HOME,
			rerun: {executionId: source.id, region: 'eu-west-1', account: PROD},
		});
		expect(opened.effects).toContainEqual({kind: 'getExecution', dialogId: 3, account: PROD, region: 'eu-west-1', executionId: source.id});
		const read = startEvent(opened.state, {kind: 'executionRead', detail: source});
		expect([read.state.step, read.state.account, read.state.region]).toEqual(['parameters', PROD, 'eu-west-1']);
		expect(accountsOf(read.effects)).toEqual([
			['getDocument', PROD],
			['listDocumentVersions', PROD],
		]);
	});

	it('of only the failed locations (the scope question of a failed cross-account run) stays in its account too', () => {
		const failed: ExecutionDetail = {...crossAccountDetail(2), account: PROD, status: 'Failed'};
		const opened = openStartForm({
			id: 4,
			regions: REGIONS,
			accounts: ACCOUNTS,
			account: HOME,
			rerun: {executionId: failed.id, region: failed.region, detail: failed},
		});
		expect([opened.state.step, opened.state.account]).toEqual(['scope', PROD]);
		const chosen = startCommand(focused(opened.state, 'scope.locations'), 'modal.confirm', '');
		expect([chosen.state.step, chosen.state.account, chosen.state.region]).toEqual(['parameters', PROD, 'us-east-1']);
		expect(chosen.state.settings.targetLocations.map(location => [location.accounts, location.regions])).toEqual([['111122223333', 'eu-west-1']]);
		expect(accountsOf(chosen.effects)).toEqual([
			['getDocument', PROD],
			['listDocumentVersions', PROD],
		]);
	});
});
