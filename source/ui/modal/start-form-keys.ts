/**
 * Keys → the start dialog's next state and what must happen outside it
 * (load runbooks, read a file, call the service, close). Pure, so every path
 * through the form can be tested without a terminal.
 *
 * Keys are resolved through the keymap (source/ui/keymap.ts) with the form's
 * focus (startFocus): which commands each key gives is declared there, once.
 */
import {buildStartRequest} from '../../core/start-form/build-request.js';
import {renderCliCommand} from '../../core/start-form/cli-command.js';
import {emptyLocationDraft} from '../../core/start-form/run-settings.js';
import type {StartRequest} from '../../core/ports.js';
import type {OnlyFailed} from '../../core/start-form/rerun-prefill.js';
import type {Command, DialogFocus, KeyPress} from '../keymap.js';
import {dialogHint, resolveDialogKey} from './dialog-keys.js';
import {applyTextCommand} from './text-edit.js';
import {fieldsOf, filteredDocuments, stepErrors, withFieldValue, type FieldDef} from './start-form-fields.js';
import type {StartFormState, StartStep} from './start-form-state.js';

export type StartEffect =
	| {readonly kind: 'close'}
	| {readonly kind: 'loadDocuments'}
	| {readonly kind: 'loadDocument'}
	| {readonly kind: 'loadFile'; readonly path: string}
	| {readonly kind: 'chooseScope'; readonly onlyFailed?: OnlyFailed}
	| {readonly kind: 'submit'; readonly request: StartRequest}
	| {readonly kind: 'copy'; readonly text: string};

export interface Transition {
	readonly state: StartFormState;
	readonly effects: readonly StartEffect[];
}

const ORDER: readonly StartStep[] = ['document', 'parameters', 'settings', 'review'];

function stay(state: StartFormState, ...effects: StartEffect[]): Transition {
	return {state, effects};
}

function focusedField(state: StartFormState): FieldDef | undefined {
	return fieldsOf(state)[state.focus];
}

function cursorEnd(field: FieldDef | undefined): number {
	return field ? Array.from(field.value).length : 0;
}

/** Move the focus, marking the field left as touched so its message shows. */
export function moveFocus(state: StartFormState, delta: number): StartFormState {
	const fields = fieldsOf(state);
	if (fields.length === 0) return state;
	const left = fields[state.focus];
	const focus = (state.focus + delta + fields.length) % fields.length;
	return {
		...state,
		focus,
		cursor: cursorEnd(fields[focus]),
		openChoice: undefined,
		touched: left && left.kind !== 'button' ? {...state.touched, [left.key]: true} : state.touched,
	};
}

function focusKey(state: StartFormState, key: string): StartFormState {
	const index = fieldsOf(state).findIndex(field => field.key === key);
	const focus = index >= 0 ? index : 0;
	return {...state, focus, cursor: cursorEnd(fieldsOf(state)[focus])};
}

function goToStep(state: StartFormState, step: StartStep): StartFormState {
	const next = {...state, step, focus: 0, openChoice: undefined};
	return step === 'document' ? focusKey(next, 'query') : {...next, cursor: cursorEnd(fieldsOf(next)[0])};
}

/** Next on a step: show all its messages; advance only when there are none. */
function advance(state: StartFormState): Transition {
	const revealed = state.revealed.includes(state.step) ? state.revealed : [...state.revealed, state.step];
	const shown = {...state, revealed};
	const errors = stepErrors(shown, state.step);
	if (state.step === 'parameters') {
		// A required parameter left empty may still come from Targets or TargetMaps in the run settings: checked again there.
		for (const key of Object.keys(errors))
			if (key.startsWith('param.') && (state.parameterTexts[key.slice('param.'.length)] ?? '').trim() === '') delete errors[key];
	}
	if (state.step === 'settings' && Object.keys(errors).length === 0) {
		const missing = stepErrors(shown, 'parameters');
		if (Object.keys(missing).length > 0) {
			const back = {...goToStep(shown, 'parameters'), revealed: [...revealed, 'parameters' as const]};
			const first = fieldsOf(back).find(field => missing[field.key] !== undefined);
			return stay(first ? focusKey(back, first.key) : back);
		}
	}
	const firstError = fieldsOf(shown).find(field => errors[field.key] !== undefined);
	if (Object.keys(errors).length > 0) return stay(firstError ? focusKey(shown, firstError.key) : shown);
	if (state.step === 'parameters' && state.definition.state !== 'ready') return stay(shown);
	const next = ORDER[ORDER.indexOf(state.step) + 1];
	return stay(next ? goToStep(shown, next) : shown);
}

function back(state: StartFormState): Transition {
	const previous = ORDER[ORDER.indexOf(state.step) - 1];
	return stay(previous ? goToStep(state, previous) : state);
}

function chooseDocument(state: StartFormState): Transition {
	const document = filteredDocuments(state)[state.documentIndex];
	if (!document) return stay(state);
	const changed = document.name !== state.documentName;
	const next: StartFormState = {
		...state,
		documentName: document.name,
		query: document.name,
		...(changed
			? {
					documentVersion: '',
					parameterTexts: {},
					definition: {state: 'idle'} as const,
					versions: {state: 'idle'} as const,
					dirty: true,
					touched: {},
					revealed: [],
				}
			: {}),
	};
	return stay(goToStep(next, 'parameters'), ...(changed || state.definition.state !== 'ready' ? [{kind: 'loadDocument'} as const] : []));
}

export function buildFromState(state: StartFormState): ReturnType<typeof buildStartRequest> {
	const specs = state.definition.state === 'ready' ? state.definition.value.specs : [];
	return buildStartRequest(
		{
			region: state.region,
			documentName: state.documentName,
			documentVersion: state.documentVersion,
			parameterTexts: state.parameterTexts,
			settings: state.settings,
		},
		specs,
		state.clientToken,
	);
}

function builtRequest(state: StartFormState): StartRequest | undefined {
	const built = buildFromState(state);
	return built.ok ? built.request : undefined;
}

function press(state: StartFormState, field: FieldDef): Transition {
	const removal = /^locations\.(\d+)\.remove$/.exec(field.key);
	if (removal) {
		const index = Number(removal[1]);
		const settings = {...state.settings, targetLocations: state.settings.targetLocations.filter((_, at) => at !== index)};
		return stay({...state, settings, dirty: true, focus: Math.max(0, state.focus - 1)});
	}
	switch (field.key) {
		case 'scope.all':
			return stay(state, {kind: 'chooseScope'});
		case 'scope.locations':
			return stay(state, {kind: 'chooseScope', onlyFailed: 'locations'});
		case 'scope.targets':
			return stay(state, {kind: 'chooseScope', onlyFailed: 'targets'});
		case 'locations.add': {
			const settings = {...state.settings, targetLocations: [...state.settings.targetLocations, emptyLocationDraft]};
			const next = {...state, settings, dirty: true};
			return stay(focusKey(next, `locations.${settings.targetLocations.length - 1}.accounts`));
		}
		case 'next':
			return advance(state);
		case 'back':
			return back(state);
		case 'submit': {
			if (state.submitting) return stay(state); // a second Enter while the first is in flight
			const built = buildFromState(state);
			if (!built.ok) {
				const step: StartStep = Object.keys(built.errors).some(key => key.startsWith('param.') || key === 'parameters') ? 'parameters' : 'settings';
				return stay({...goToStep(state, step), revealed: [...state.revealed, step]});
			}
			return stay({...state, submitting: true, serviceError: undefined}, {kind: 'submit', request: built.request});
		}
		default:
			return stay(state);
	}
}

function choose(state: StartFormState, field: FieldDef, value: string): Transition {
	const next = {...withFieldValue(state, field.key, value), openChoice: undefined, dirty: state.dirty || value !== field.value};
	if (value === field.value) return stay(next);
	if (field.key === 'documentVersion') return stay({...next, definition: {state: 'loading'}}, {kind: 'loadDocument'});
	if (field.key === 'owner' || field.key === 'region') return stay({...next, documentIndex: 0}, {kind: 'loadDocuments'});
	return stay(next);
}

function cycle(state: StartFormState, field: FieldDef, delta: number): Transition {
	const choices = field.choices ?? [];
	if (choices.length === 0) return stay(state);
	const index = choices.findIndex(choice => choice.value === field.value);
	const next = choices[(index + delta + choices.length) % choices.length]!;
	return choose(state, field, next.value);
}

function handleOpenChoice(state: StartFormState, field: FieldDef, command: Command | undefined): Transition {
	const open = state.openChoice!;
	const choices = field.choices ?? [];
	switch (command) {
		case 'modal.close':
			return stay({...state, openChoice: undefined});
		case 'list.up':
			return stay({...state, openChoice: {...open, index: Math.max(0, open.index - 1)}});
		case 'list.down':
			return stay({...state, openChoice: {...open, index: Math.min(choices.length - 1, open.index + 1)}});
		case 'modal.confirm': {
			const choice = choices[open.index];
			return choice ? choose(state, field, choice.value) : stay({...state, openChoice: undefined});
		}
		default:
			return stay(state);
	}
}

/** What has the keys in the form as it is now: picks the keymap scopes a key is resolved in. */
export function startFocus(state: StartFormState): DialogFocus {
	if (state.confirmingCancel) return 'question';
	const field = focusedField(state);
	if (!field) return 'fields';
	if (state.openChoice && field.key === state.openChoice.key) return 'list';
	if (state.step === 'review') return 'review';
	const inDocumentList = state.step === 'document' && (field.kind === 'documents' || field.key === 'query');
	if (field.kind === 'text') return inDocumentList ? 'text-list' : 'text';
	if (inDocumentList) return 'list';
	return field.kind === 'choice' || field.kind === 'toggle' ? 'choice' : 'fields';
}

/** The keymap commands the start dialog's hint line offers with this focus. */
export function startHint(state: StartFormState, ascii = false): string {
	const focus = startFocus(state);
	if (focus === 'question') return dialogHint(focus, ['confirm.yes', 'confirm.no'], {'confirm.yes': 'discard', 'confirm.no': 'keep editing'}, ascii);
	return dialogHint(
		focus,
		['modal.next', 'modal.previous', 'list.up', 'list.down', 'modal.confirm', 'choice.previous', 'choice.next', 'form.copy', 'modal.close'],
		{'modal.next': 'field', 'modal.previous': 'field', 'modal.close': 'cancel'},
		ascii,
	);
}

export function handleStartKey(state: StartFormState, input: string, key: KeyPress): Transition {
	return handleStartCommand(state, resolveDialogKey(input, key, startFocus(state)), input);
}

/** The form after a keymap command (resolved with startFocus), and what must happen outside it. */
export function handleStartCommand(state: StartFormState, command: Command | undefined, input: string): Transition {
	if (state.confirmingCancel) {
		if (command === 'confirm.yes') return stay(state, {kind: 'close'});
		if (command === 'confirm.no') return stay({...state, confirmingCancel: false});
		return stay(state);
	}
	const field = focusedField(state);
	if (state.openChoice && field && field.key === state.openChoice.key) return handleOpenChoice(state, field, command);
	if (command === 'modal.close') return state.dirty ? stay({...state, confirmingCancel: true}) : stay(state, {kind: 'close'});
	if (command === 'modal.next' || command === 'modal.previous') return stay(moveFocus(state, command === 'modal.next' ? 1 : -1));
	if (!field) return stay(state);
	if (command === 'form.copy') {
		const request = builtRequest(state);
		return request ? stay(state, {kind: 'copy', text: renderCliCommand(request)}) : stay(state);
	}
	if (command === 'list.up' || command === 'list.down') {
		// Only the runbook list is a list here (an open choice was handled above).
		const count = filteredDocuments(state).length;
		const index = Math.min(Math.max(0, state.documentIndex + (command === 'list.down' ? 1 : -1)), Math.max(0, count - 1));
		return stay({...state, documentIndex: index});
	}

	switch (field.kind) {
		case 'documents':
			return command === 'modal.confirm' ? chooseDocument(state) : stay(state);
		case 'button':
			return command === 'modal.confirm' ? press(state, field) : stay(state);
		case 'toggle':
			return command === 'modal.confirm' || command === 'choice.open'
				? stay({...withFieldValue(state, field.key, field.value === 'yes' ? 'no' : 'yes'), dirty: true})
				: stay(state);
		case 'choice': {
			if (command === 'choice.previous' || command === 'choice.next') return cycle(state, field, command === 'choice.next' ? 1 : -1);
			if (command === 'modal.confirm' || command === 'choice.open') {
				const index = Math.max(
					0,
					(field.choices ?? []).findIndex(choice => choice.value === field.value),
				);
				return stay({...state, openChoice: {key: field.key, index}});
			}
			return stay(state);
		}
		case 'text': {
			if (command === 'modal.confirm') {
				if (field.key === 'query') return chooseDocument(state);
				if (field.key === 'locationsFile') return field.value.trim() === '' ? stay(state) : stay(state, {kind: 'loadFile', path: field.value.trim()});
				return stay(moveFocus(state, 1));
			}
			const edited = applyTextCommand({value: field.value, cursor: state.cursor}, command, input);
			if (!edited) return stay(state);
			const next = withFieldValue(state, field.key, edited.value);
			return stay({...next, cursor: edited.cursor, dirty: state.dirty || edited.value !== field.value});
		}
	}
}
