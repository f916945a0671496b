/**
 * The action dialogs as store state. Each dialog's state lives in `modal` and changes only through
 * its pure transition (core/dialogs): a keymap command from the key dispatcher, or an answer
 * (DialogEvent) from the effect runner. Transitions return effects, queued in `effects` for the one
 * effect runner (source/cli/effect-runner.ts), and an outcome for the app around the dialog: close
 * it with a flash, or land on the run it just started.
 */
import type {Command, DialogFocus} from '../core/commands.js';
import {compileFilter} from '../core/filter.js';
import {MUTATING_EFFECTS, type DialogEvent, type Effect, type Outcome, type Transition} from '../core/dialogs/effects.js';
import {choiceCommand, choiceEvent, choiceFocus, openChoiceDialog, type DialogExecution} from '../core/dialogs/execution-choice.js';
import {openStartForm, startCommand, startEvent, startFocus} from '../core/dialogs/start-form-transition.js';
import type {AccountChoice} from '../core/dialogs/start-form-state.js';
import type {WatchedAccount} from '../core/location.js';
import type {Execution, RegionState} from '../core/types.js';
import type {AppState, GetState, SetState} from './app-store.js';
import {canReadAccount} from './selectors.js';
import type {AppData, DialogRequest, Modal} from './state.js';

/** Said when a key that would change AWS is pressed under --read-only. */
export const READ_ONLY_REFUSAL = 'Read-only mode (--read-only): starting, re-running, stopping and signalling are disabled.';

export interface DialogActions {
	/** Open a dialog (refused, with a flash, under --read-only: every dialog acts on AWS). */
	dialogOpened(request: DialogRequest): void;
	/** A key, resolved by the keymap with the dialog's focus, for the open dialog. */
	dialogCommand(command: Command | undefined, input: string): void;
	/** The effect runner's answer to dialog `dialogId`'s effect; ignored once that dialog is gone. */
	dialogEvent(dialogId: number, event: DialogEvent): void;
	/** Queue an effect that is not a dialog's (refresh now, older history, suspend). */
	effectRequested(effect: Effect): void;
	/** The effect runner takes every queued effect (they leave the queue). */
	effectsTaken(): readonly Effect[];
}

/** The execution a dialog acts on, by id: its detail when loaded, else its list row. Stable references. */
export function dialogExecution(state: Pick<AppData, 'details' | 'executions'>, id: string): DialogExecution | undefined {
	return state.details[id] ?? state.executions[id];
}

/** What has the keys in the open dialog (undefined when none is open); a primitive, for the dispatcher and hints. */
export function selectDialogFocus(state: AppState): DialogFocus | undefined {
	const {modal} = state;
	switch (modal.kind) {
		case 'start':
			return startFocus(modal.form);
		case 'stop':
		case 'signal':
			return choiceFocus(modal.kind, modal.dialog, dialogExecution(state, modal.dialog.executionId));
		default:
			return undefined;
	}
}

/** Mutating effects never leave the store under --read-only (the runner refuses them too). */
function allowed(state: AppState, effects: readonly Effect[]): readonly Effect[] {
	return state.context.readOnly ? effects.filter(effect => !MUTATING_EFFECTS.has(effect.kind)) : effects;
}

/** The state after an outcome: the dialog closed, and for a started run, the app on that run. */
function outcomeState(state: AppState, outcome: Outcome): Partial<AppData> {
	if (outcome.kind === 'close') return {modal: {kind: 'none'}, flash: outcome.flash};
	const known = state.executions[outcome.executionId];
	// Until the next listing has it, the new run is a row of its own, so the list and detail show it at once.
	const row: Execution = known ?? {
		id: outcome.executionId,
		documentName: outcome.documentName,
		region: outcome.region,
		status: 'Pending',
		startTime: outcome.at,
		...(outcome.account !== undefined ? {account: outcome.account} : state.context.account === undefined ? {} : {account: state.context.account}),
	};
	const hidden = state.filter !== '' && !compileFilter(state.filter).predicate(row);
	return {
		modal: {kind: 'none'},
		executions: known ? state.executions : {...state.executions, [row.id]: row},
		// Land on the new run (as the console does): its detail, and selected in the list behind it.
		screen: 'detail',
		openId: row.id,
		selectedId: row.id,
		// Every run started or re-run from ssmtop is watched: you are told when it ends.
		watched: {...state.watched, [row.id]: true},
		detailPane: 'steps',
		selectedStepIndex: 0,
		gridCursor: undefined,
		...(hidden ? {filter: ''} : {}),
		// First: the started message ends with the run's long id and may be cut at the terminal's edge.
		flash: hidden ? `Filter cleared to show it · ${outcome.flash}` : outcome.flash,
	};
}

function applied<S>(state: AppState, transition: Transition<S>, modal: (inner: S) => Modal): Partial<AppData> {
	const effects = allowed(state, transition.effects);
	const queued = effects.length > 0 ? {effects: [...state.effects, ...effects]} : {};
	if (transition.outcome) return {...outcomeState(state, transition.outcome), ...queued};
	return {modal: modal(transition.state), ...queued};
}

/**
 * Why ssmtop holds no working credentials for a watched account now, if so: its start-up problem
 * while none of its locations has listed since, or every one of its locations refusing its
 * credentials at the last try. An account with one location listing is fine.
 */
function credentialsProblem(state: AppState, entry: WatchedAccount): {readonly reason?: string} | undefined {
	const locations = Object.values(state.regions).filter(location => location.account === entry.account);
	const failing = (location: RegionState): boolean =>
		location.lastError !== undefined && (location.lastSuccessAt === undefined || location.lastError.at >= location.lastSuccessAt);
	if (locations.some(location => location.lastSuccessAt !== undefined && !failing(location))) return undefined;
	if (entry.problem !== undefined) return {reason: entry.problem};
	if (locations.length > 0 && locations.every(location => failing(location) && location.lastError!.kind === 'credentials'))
		return {reason: locations[0]!.lastError!.message};
	return undefined;
}

/**
 * Several accounts watched: the start form's Account choices (the watched accounts, those without
 * working credentials marked) and the one it starts in unless changed: the selected row's (or the
 * open execution's) account, else the home account.
 */
function startAccounts(state: AppState): {readonly accounts?: readonly AccountChoice[]; readonly account?: string} {
	const watched = state.context.accounts;
	if (!watched || watched.length < 2) return {};
	const accounts = watched.map(entry => {
		const noCredentials = credentialsProblem(state, entry);
		return {account: entry.account, label: entry.label, ...(noCredentials ? {noCredentials} : {})};
	});
	const around = state.screen === 'list' ? state.selectedId : (state.openId ?? state.selectedId);
	const account = (around === undefined ? undefined : dialogExecution(state, around)?.account) ?? state.context.account;
	return {accounts, ...(account === undefined ? {} : {account})};
}

/**
 * A re-run starts in the account its execution ran in (a child run's may be one that is not watched).
 * Its account joins the choices when it is not among them, marked when ssmtop holds no credentials
 * for it, so the form never falls back to another account's and says why it will not start.
 */
function rerunAccounts(state: AppState, executionId: string): {readonly accounts?: readonly AccountChoice[]; readonly account?: string} {
	const watched = startAccounts(state);
	const execution = dialogExecution(state, executionId);
	const account = execution?.account;
	const home = state.context.account;
	if (account === undefined) return watched;
	// One account watched: only a run in another account (a child's) needs the choice.
	if (!state.context.accounts && (home === undefined || account === home)) return {};
	const choices = watched.accounts ?? (home === undefined ? [] : [{account: home, label: home}]);
	if (choices.some(entry => entry.account === account)) return {accounts: choices, account};
	const extra: AccountChoice = {
		account,
		label: execution?.accountName ?? account,
		...(canReadAccount(state, account) ? {} : {noCredentials: {}}),
	};
	return {accounts: [...choices, extra], account};
}

export function createDialogActions(set: SetState, get: GetState): DialogActions {
	return {
		dialogOpened(request) {
			const state = get();
			if (state.context.readOnly) {
				set({flash: READ_ONLY_REFUSAL});
				return;
			}
			const id = state.dialogSeq + 1;
			const base = {dialogSeq: id, flash: undefined};
			if (request.kind === 'stop' || request.kind === 'signal') {
				set({...base, modal: {kind: request.kind, dialog: openChoiceDialog(id, request.executionId)}});
				return;
			}
			const where = request.kind === 'rerun' ? rerunAccounts(state, request.executionId) : startAccounts(state);
			const transition = openStartForm({
				id,
				regions: state.context.regions,
				...(where.accounts ? {accounts: where.accounts} : {}),
				...(where.account === undefined ? {} : {account: where.account}),
				...(request.kind === 'rerun'
					? {
							rerun: {
								executionId: request.executionId,
								...(where.account === undefined ? {} : {account: where.account}),
								...(state.details[request.executionId] ? {detail: state.details[request.executionId]} : {}),
								...(state.executions[request.executionId] ? {region: state.executions[request.executionId]!.region} : {}),
							},
							...(request.onlyFailed ? {onlyFailed: request.onlyFailed} : {}),
						}
					: {}),
			});
			set({...base, ...applied(state, transition, form => ({kind: 'start', form}))});
		},
		dialogCommand(command, input) {
			const state = get();
			const {modal} = state;
			if (modal.kind === 'start') set(applied(state, startCommand(modal.form, command, input), form => ({kind: 'start', form})));
			else if (modal.kind === 'stop' || modal.kind === 'signal') {
				const env = {
					execution: dialogExecution(state, modal.dialog.executionId),
					...(state.context.account ? {homeAccount: state.context.account} : {}),
					// Acting needs the execution's own account's credentials (the port acts there or refuses): several
					// accounts watched, or a child run in another account than the (known) home account.
					...(state.context.accounts || state.context.account !== undefined ? {canActIn: (account: string) => canReadAccount(state, account)} : {}),
				};
				const {kind} = modal;
				set(applied(state, choiceCommand(kind, modal.dialog, command, input, env), dialog => ({kind, dialog})));
			}
		},
		dialogEvent(dialogId, event) {
			const state = get();
			const {modal} = state;
			if (modal.kind === 'start' && modal.form.id === dialogId) {
				const where = state.context.account === undefined ? {} : {account: state.context.account};
				set(applied(state, startEvent(modal.form, event, where), form => ({kind: 'start', form})));
			} else if ((modal.kind === 'stop' || modal.kind === 'signal') && modal.dialog.id === dialogId) {
				const {kind} = modal;
				set(applied(state, choiceEvent(kind, modal.dialog, event), dialog => ({kind, dialog})));
			}
		},
		effectRequested(effect) {
			const state = get();
			if (allowed(state, [effect]).length > 0) set({effects: [...state.effects, effect]});
		},
		effectsTaken() {
			const {effects} = get();
			if (effects.length > 0) set({effects: []});
			return effects;
		},
	};
}
