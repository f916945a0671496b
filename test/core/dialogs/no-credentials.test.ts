// Issue 11: an action in an account ssmtop holds no working credentials for is refused, in words that
// name the account and Region and say how to get credentials; it never falls back to another
// account's credentials (stop, signal, start, re-run), and the "Started …" message says where.
import {describe, expect, it} from 'vitest';
import {choiceCommand, openChoiceDialog, type ChoiceEnv} from '../../../source/core/dialogs/execution-choice.js';
import {fieldsOf} from '../../../source/core/dialogs/start-form-fields.js';
import type {StartFormState} from '../../../source/core/dialogs/start-form-state.js';
import {openStartForm, startCommand, startEvent, startRefusal} from '../../../source/core/dialogs/start-form-transition.js';
import {noCredentialsRefusal} from '../../../source/core/dialogs/no-credentials.js';
import {execution, executionId} from '../../ui/fixtures.js';
import {parseRunbookParameters} from '../../../source/core/start-form/parameter-spec.js';

const HOME = '123456789012';
const PROD = '111122223333';
const STAGE = '444455556666';
const ACCOUNTS = [
	{account: HOME, label: 'acme-management'},
	{account: PROD, label: 'prod-payments', noCredentials: {reason: 'ExpiredToken: the SSO session has expired.'}},
	{account: STAGE, label: 'stage'},
];
const RUNBOOK = "schemaVersion: '0.3'\nparameters:\n  Message: {type: String, default: hi}\nmainSteps: []\n";

function focused(state: StartFormState, key: string): StartFormState {
	const focus = fieldsOf(state).findIndex(field => field.key === key);
	expect(focus).toBeGreaterThanOrEqual(0);
	return {...state, focus};
}

/** A form in `account` with a runbook read and every field valid, on its review step. */
function reviewIn(account: string): StartFormState {
	let state = openStartForm({id: 1, regions: ['us-east-1'], accounts: ACCOUNTS, account}).state;
	state = startEvent(state, {kind: 'clientToken', token: '00000000-0000-4000-8000-000000000001'}).state;
	state = startEvent(state, {kind: 'documentsListed', account, region: 'us-east-1', documents: [{name: 'Prod-Runbook'}]}).state;
	state = startCommand(state, 'modal.confirm', '').state;
	state = startEvent(state, {kind: 'documentRead', account, region: 'us-east-1', name: 'Prod-Runbook', runbook: parseRunbookParameters(RUNBOOK)}).state;
	expect(state.definition.state).toBe('ready');
	return {...state, step: 'review'};
}

describe('the refusal', () => {
	it('names the account (by name and id) and the Region, and says how to get credentials', () => {
		expect(noCredentialsRefusal({action: 'cancel execution e-1', account: PROD, accountName: 'prod-payments', region: 'eu-west-1'})).toBe(
			`No credentials for account prod-payments (${PROD}) in eu-west-1: ssmtop will not cancel execution e-1 with another account's. ` +
				`To act there, start ssmtop with --account-profile ${PROD}=PROFILE (repeatable), or watch it with --profile or --assume-role.`,
		);
		expect(noCredentialsRefusal({action: 'start X', account: PROD, region: 'us-east-1', reason: 'ExpiredToken.'})).toBe(
			`No credentials for account ${PROD} in us-east-1 (ExpiredToken): ssmtop will not start X with another account's. ` +
				'To act there, renew them (e.g. aws sso login for its profile) and try again.',
		);
	});
});

describe('stop and signal in an account without credentials', () => {
	const running = execution(1, {status: 'InProgress', account: PROD, accountName: 'prod-payments', region: 'eu-west-1'});
	const env: ChoiceEnv = {execution: running, homeAccount: HOME, canActIn: account => account !== PROD};

	it('stop: choosing Cancel shows the refusal instead of the question, and queues nothing', () => {
		const chosen = choiceCommand('stop', openChoiceDialog(1, running.id), 'modal.confirm', '', env);
		expect(chosen.effects).toEqual([]);
		expect(chosen.state.phase).toBe('choose');
		expect(chosen.state.pending).toBeUndefined();
		expect(chosen.state.error).toBe(
			noCredentialsRefusal({action: `cancel execution ${running.id}`, account: PROD, accountName: 'prod-payments', region: 'eu-west-1'}),
		);
		// y has nothing to send.
		expect(choiceCommand('stop', chosen.state, 'confirm.yes', 'y', env).effects).toEqual([]);
	});

	it('signal: the same, for a waiting approval (the comment kept)', () => {
		const waiting = {
			...running,
			status: 'Waiting' as const,
			steps: [{stepName: 'approve', action: 'aws:approve', status: 'Waiting' as const, inputs: {}, outputs: {}, stepExecutionId: 's-1'}],
		};
		const signalEnv = {...env, execution: waiting};
		let state = choiceCommand('signal', openChoiceDialog(2, waiting.id), 'modal.confirm', '', signalEnv).state;
		expect(state.phase).toBe('comment');
		state = choiceCommand('signal', state, 'text.type', 'ok', signalEnv).state;
		const asked = choiceCommand('signal', state, 'modal.confirm', '', signalEnv);
		expect(asked.effects).toEqual([]);
		expect(asked.state.phase).toBe('comment');
		expect(asked.state.comment.value).toBe('ok');
		expect(asked.state.error).toMatch(/^No credentials for account prod-payments \(111122223333\) in eu-west-1: ssmtop will not send Approve to execution /);
	});

	it('an account with credentials is asked about as before', () => {
		const chosen = choiceCommand('stop', openChoiceDialog(1, running.id), 'modal.confirm', '', {...env, canActIn: () => true});
		expect(chosen.state.phase).toBe('confirm');
		expect(chosen.state.pending?.question).toBe(`Cancel execution ${running.id} (Doc-1) in account prod-payments (${PROD}), eu-west-1?`);
	});
});

describe('the start form with an account without credentials', () => {
	it('lists it, marked "(no credentials)"', () => {
		const {state} = openStartForm({id: 1, regions: ['us-east-1'], accounts: ACCOUNTS, account: HOME});
		expect(fieldsOf(state)[0]?.choices?.map(choice => choice.label)).toEqual([
			`acme-management (${HOME})`,
			`prod-payments (${PROD}) (no credentials)`,
			`stage (${STAGE})`,
		]);
	});

	it('refuses to submit there, naming the account and why, and starts nothing', () => {
		const state = reviewIn(PROD);
		const submitted = startCommand(focused(state, 'submit'), 'modal.confirm', '');
		expect(submitted.effects).toEqual([]);
		expect(submitted.state.confirmingStart).toBe(false);
		expect(submitted.state.serviceError).toBe(
			`No credentials for account prod-payments (${PROD}) in us-east-1 (ExpiredToken: the SSO session has expired): ssmtop will not start Prod-Runbook with another account's. ` +
				'To act there, renew them (e.g. aws sso login for its profile) and try again.',
		);
		// Even with the question up (asked before the account was changed), y starts nothing.
		expect(startCommand({...state, confirmingStart: true}, 'confirm.yes', 'y').effects).toEqual([]);
	});

	it('another account submits as before', () => {
		const state = reviewIn(STAGE);
		expect(startRefusal(state)).toBeUndefined();
		const submitted = startCommand(focused(state, 'submit'), 'modal.confirm', '');
		expect(submitted.state.confirmingStart).toBe(true);
		expect(startCommand(submitted.state, 'confirm.yes', 'y').effects).toEqual([expect.objectContaining({kind: 'startExecution', account: STAGE})]);
	});

	it('a re-run of a run in an account without credentials keeps that account (never the home one) and refuses', () => {
		const source = {...execution(3, {account: PROD, region: 'us-east-1', documentName: 'Prod-Runbook'}), parameters: {}, steps: []};
		const {state} = openStartForm({
			id: 2,
			regions: ['us-east-1'],
			accounts: ACCOUNTS,
			account: PROD,
			rerun: {executionId: source.id, region: source.region, account: PROD, detail: source},
		});
		expect(state.account).toBe(PROD);
		expect(startRefusal({...state, documentName: 'Prod-Runbook'})).toMatch(/^No credentials for account prod-payments \(111122223333\) in us-east-1/);
	});
});

describe('the "Started …" message', () => {
	it('names the runbook, the execution id, the account by name and id, and the Region', () => {
		const state = reviewIn(STAGE);
		const landed = startEvent(state, {kind: 'started', executionId: executionId(7), at: 1});
		expect(landed.outcome).toMatchObject({flash: `Started Prod-Runbook: ${executionId(7)} in account stage (${STAGE}), us-east-1`});
	});

	it('with one account: the credentials’ account when known, else only the Region', () => {
		let state = openStartForm({id: 1, regions: ['eu-west-1']}).state;
		state = {...state, documentName: 'Doc'};
		expect(startEvent(state, {kind: 'started', executionId: executionId(8), at: 1}, {account: HOME}).outcome).toMatchObject({
			flash: `Started Doc: ${executionId(8)} in account ${HOME}, eu-west-1`,
		});
		expect(startEvent(state, {kind: 'started', executionId: executionId(8), at: 1}).outcome).toMatchObject({
			flash: `Started Doc: ${executionId(8)}, eu-west-1`,
		});
	});
});
