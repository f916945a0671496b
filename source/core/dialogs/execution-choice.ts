/**
 * The stop (`x`) and signal (`a`) dialogs as one pure state machine: choose one of the actions the
 * execution's state allows, type a comment where the action takes one (Approve, Reject), answer the
 * confirmation that names the action, the execution, the account and the Region, then wait for the
 * service. On success the dialog closes with a flash; on refusal the service's words are shown and
 * the dialog steps back, keeping what was typed.
 *
 * The execution is found by id on every key (its detail when loaded, else its list row), so the
 * dialog works straight from the list and follows the execution while it changes.
 */
import type {Command, DialogFocus} from '../commands.js';
import {isFinal} from '../status.js';
import type {Execution, StepExecution} from '../types.js';
import {confirmQuestion} from './confirm.js';
import {noCredentialsRefusal} from './no-credentials.js';
import {stay, type DialogEvent, type Effect, type Transition} from './effects.js';
import {signalOptions} from './signal-options.js';
import {applyTextCommand, type TextState} from './text-edit.js';

export type ChoiceKind = 'stop' | 'signal';
export type ChoicePhase = 'choose' | 'comment' | 'confirm' | 'sending';

export interface ChoiceDialogState {
	readonly id: number;
	readonly executionId: string;
	readonly choice: number;
	readonly phase: ChoicePhase;
	readonly comment: TextState;
	/** The action being confirmed or sent, fixed when the question is asked, so `y` sends what was named. */
	readonly pending?: {readonly effect: Effect; readonly question: string; readonly flash: string};
	readonly error?: string;
}

/** An execution as a dialog sees it: its detail, or its list row (no steps yet). */
export type DialogExecution = Execution & {readonly steps?: readonly StepExecution[]};

export interface ChoiceOption {
	readonly key: string;
	readonly label: string;
	readonly explain: string;
	readonly takesComment?: boolean;
	/** The confirmation's verb ("Cancel", "Send Approve to"). */
	readonly action: string;
	readonly effect: (execution: DialogExecution, dialogId: number, comment: string) => Effect;
	readonly flash: (execution: DialogExecution) => string;
}

const STOP_EXPLAIN = {
	Cancel: 'Cancel: stops the run now. Running steps (and child runs) are cancelled, steps not started stay Pending; it shows Cancelling, then Cancelled.',
	Complete: 'Complete: ends an Interactive run here, with the steps run so far; steps never started stay Pending.',
} as const;

/** Whether there is anything to stop: not final, not already being cancelled. */
export function isStoppable(execution: DialogExecution): boolean {
	return !isFinal(execution.status) && execution.status !== 'Cancelling' && execution.status !== 'Cancelled';
}

function stopOptions(execution: DialogExecution): ChoiceOption[] {
	if (!isStoppable(execution)) return [];
	const types = execution.mode === 'Interactive' ? (['Cancel', 'Complete'] as const) : (['Cancel'] as const);
	return types.map(type => ({
		key: type,
		label: type,
		explain: STOP_EXPLAIN[type],
		action: type,
		effect: (target, dialogId) => ({kind: 'stopExecution', dialogId, region: target.region, executionId: target.id, type}),
		flash: target => `${type === 'Cancel' ? 'Cancelling' : 'Completing'} ${target.id}`,
	}));
}

function signalChoiceOptions(execution: DialogExecution): ChoiceOption[] {
	return signalOptions({...execution, steps: execution.steps ?? []}).map(option => ({
		key: `${option.signal}-${option.label}`,
		label: option.label,
		explain: option.explain,
		...(option.takesComment ? {takesComment: true} : {}),
		action: `Send ${option.signal} to`,
		effect: (target, dialogId, comment) => {
			const payload = option.takesComment ? (comment.trim() ? {Comment: [comment.trim()]} : undefined) : option.payload;
			return {
				kind: 'sendSignal',
				dialogId,
				region: target.region,
				executionId: target.id,
				signal: option.signal,
				...(payload ? {payload} : {}),
			};
		},
		flash: target => `${option.signal} sent to ${target.id}`,
	}));
}

/** The actions this dialog offers for the execution as it is now. */
export function choiceOptions(kind: ChoiceKind, execution: DialogExecution | undefined): ChoiceOption[] {
	if (!execution) return [];
	return kind === 'stop' ? stopOptions(execution) : signalChoiceOptions(execution);
}

export function openChoiceDialog(id: number, executionId: string): ChoiceDialogState {
	return {id, executionId, choice: 0, phase: 'choose', comment: {value: '', cursor: 0}};
}

export interface ChoiceEnv {
	readonly execution: DialogExecution | undefined;
	/** The account of the credentials in use, when the execution does not say its own. */
	readonly homeAccount?: string;
	/**
	 * Whether ssmtop holds credentials for the execution's account (several accounts, or a child run in
	 * another account). Without, the action is refused before the question: it would act elsewhere.
	 */
	readonly canActIn?: (account: string) => boolean;
}

/** What has the keys in the dialog now. */
export function choiceFocus(kind: ChoiceKind, state: ChoiceDialogState, execution: DialogExecution | undefined): DialogFocus {
	if (choiceOptions(kind, execution).length === 0) return 'fields';
	switch (state.phase) {
		case 'choose':
			return 'list';
		case 'comment':
			return 'text';
		case 'confirm':
			return 'question';
		case 'sending':
			return 'fields';
	}
}

function close(state: ChoiceDialogState): Transition<ChoiceDialogState> {
	return {state, effects: [], outcome: {kind: 'close'}};
}

function ask(state: ChoiceDialogState, option: ChoiceOption, execution: DialogExecution, env: ChoiceEnv): ChoiceDialogState {
	const account = execution.account ?? env.homeAccount;
	if (execution.account !== undefined && env.canActIn && !env.canActIn(execution.account)) {
		const action = `${option.action.charAt(0).toLowerCase()}${option.action.slice(1)} execution ${execution.id}`;
		const refusal = noCredentialsRefusal({
			action,
			account: execution.account,
			...(execution.accountName === undefined ? {} : {accountName: execution.accountName}),
			region: execution.region,
		});
		return {...state, pending: undefined, error: refusal};
	}
	const comment = option.takesComment && state.comment.value.trim() ? ` with comment “${state.comment.value.trim()}”` : '';
	const question = confirmQuestion({
		action: option.action,
		target: `execution ${execution.id} (${execution.documentName})${comment}`,
		region: execution.region,
		...(account === undefined ? {} : {account}),
		...(execution.accountName !== undefined && execution.account !== undefined ? {accountName: execution.accountName} : {}),
	});
	return {
		...state,
		phase: 'confirm',
		error: undefined,
		pending: {effect: option.effect(execution, state.id, state.comment.value), question, flash: option.flash(execution)},
	};
}

export function choiceCommand(
	kind: ChoiceKind,
	state: ChoiceDialogState,
	command: Command | undefined,
	input: string,
	env: ChoiceEnv,
): Transition<ChoiceDialogState> {
	if (state.phase === 'sending') return stay(state);
	const {execution} = env;
	const options = choiceOptions(kind, execution);
	if (!execution || options.length === 0) {
		// Nothing to choose: Esc or Enter closes.
		return command === 'modal.close' || command === 'modal.confirm' ? close(state) : stay(state);
	}
	const choice = Math.min(state.choice, options.length - 1);
	const option = options[choice]!;
	switch (state.phase) {
		case 'choose':
			if (command === 'modal.close') return close(state);
			if (command === 'list.up' || command === 'modal.previous') return stay({...state, choice: (choice - 1 + options.length) % options.length});
			if (command === 'list.down' || command === 'modal.next') return stay({...state, choice: (choice + 1) % options.length});
			if (command === 'modal.confirm')
				return stay(option.takesComment ? {...state, choice, phase: 'comment'} : ask({...state, choice}, option, execution, env));
			return stay(state);
		case 'comment': {
			if (command === 'modal.close') return stay({...state, phase: 'choose'});
			if (command === 'modal.confirm') return stay(ask(state, option, execution, env));
			const edited = applyTextCommand(state.comment, command, input);
			return stay(edited ? {...state, comment: edited} : state);
		}
		case 'confirm':
			if (command === 'confirm.yes' && state.pending) return stay({...state, phase: 'sending'}, state.pending.effect);
			if (command === 'confirm.no') return stay({...state, phase: option.takesComment ? 'comment' : 'choose', pending: undefined});
			return stay(state);
	}
}

export function choiceEvent(kind: ChoiceKind, state: ChoiceDialogState, event: DialogEvent): Transition<ChoiceDialogState> {
	const sent = kind === 'stop' ? 'stopped' : 'signalSent';
	const failed = kind === 'stop' ? 'stopFailed' : 'signalFailed';
	if (state.phase !== 'sending') return stay(state);
	if (event.kind === sent) return {state, effects: [], outcome: {kind: 'close', ...(state.pending ? {flash: state.pending.flash} : {})}};
	if (event.kind === failed) {
		// Back to where the choice was made, what was typed kept: the service's words say what to change.
		const back: ChoicePhase = state.comment.value !== '' ? 'comment' : 'choose';
		return stay({...state, phase: back, pending: undefined, error: event.error});
	}
	return stay(state);
}
