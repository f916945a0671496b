/**
 * Keys → the start dialog's next state and what must happen outside it
 * (load runbooks, read a file, call the service, close). Pure, so every path
 * through the form can be tested without a terminal.
 *
 *   Tab / Shift-Tab  next / previous field (↓/↑ too, except in the runbook list)
 *   Enter            choose (lists), flip (toggles), press (buttons), next field (text)
 *   ←/→              move in text; cycle a choice
 *   Esc              close an open list, else cancel (asks first if something was typed)
 */
import type {Key} from 'ink';
import {buildStartRequest} from '../../core/start-form/build-request.js';
import {renderCliCommand} from '../../core/start-form/cli-command.js';
import {emptyLocationDraft} from '../../core/start-form/run-settings.js';
import type {StartRequest} from '../../core/ports.js';
import type {OnlyFailed} from '../../core/start-form/rerun-prefill.js';
import {applyTextKey} from './text-edit.js';
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
		for (const key of Object.keys(errors)) if (key.startsWith('param.') && (state.parameterTexts[key.slice('param.'.length)] ?? '').trim() === '') delete errors[key];
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
			? {documentVersion: '', parameterTexts: {}, definition: {state: 'idle'} as const, versions: {state: 'idle'} as const, dirty: true, touched: {}, revealed: []}
			: {}),
	};
	return stay(goToStep(next, 'parameters'), ...(changed || state.definition.state !== 'ready' ? [{kind: 'loadDocument'} as const] : []));
}

export function buildFromState(state: StartFormState): ReturnType<typeof buildStartRequest> {
	const specs = state.definition.state === 'ready' ? state.definition.value.specs : [];
	return buildStartRequest(
		{region: state.region, documentName: state.documentName, documentVersion: state.documentVersion, parameterTexts: state.parameterTexts, settings: state.settings},
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

function handleOpenChoice(state: StartFormState, field: FieldDef, key: Key): Transition {
	const open = state.openChoice!;
	const choices = field.choices ?? [];
	if (key.escape) return stay({...state, openChoice: undefined});
	if (key.upArrow) return stay({...state, openChoice: {...open, index: Math.max(0, open.index - 1)}});
	if (key.downArrow) return stay({...state, openChoice: {...open, index: Math.min(choices.length - 1, open.index + 1)}});
	if (key.return) {
		const choice = choices[open.index];
		return choice ? choose(state, field, choice.value) : stay({...state, openChoice: undefined});
	}
	return stay(state);
}

export function handleStartKey(state: StartFormState, input: string, key: Key): Transition {
	if (state.confirmingCancel) {
		if (input === 'y' || input === 'Y') return stay(state, {kind: 'close'});
		if (input === 'n' || input === 'N' || key.escape) return stay({...state, confirmingCancel: false});
		return stay(state);
	}
	const field = focusedField(state);
	if (state.openChoice && field && field.key === state.openChoice.key) return handleOpenChoice(state, field, key);
	if (key.escape) return state.dirty ? stay({...state, confirmingCancel: true}) : stay(state, {kind: 'close'});
	if (key.tab) return stay(moveFocus(state, key.shift ? -1 : 1));
	if (!field) return stay(state);
	if (state.step === 'review' && input === 'c' && !key.ctrl) {
		const request = builtRequest(state);
		return request ? stay(state, {kind: 'copy', text: renderCliCommand(request)}) : stay(state);
	}

	const inDocumentList = state.step === 'document' && (field.kind === 'documents' || field.key === 'query');
	if (inDocumentList && (key.upArrow || key.downArrow)) {
		const count = filteredDocuments(state).length;
		const index = Math.min(Math.max(0, state.documentIndex + (key.downArrow ? 1 : -1)), Math.max(0, count - 1));
		return stay({...state, documentIndex: index});
	}
	if (key.upArrow || key.downArrow) return stay(moveFocus(state, key.downArrow ? 1 : -1));

	switch (field.kind) {
		case 'documents':
			return key.return ? chooseDocument(state) : stay(state);
		case 'button':
			return key.return ? press(state, field) : stay(state);
		case 'toggle':
			return key.return || input === ' ' ? stay({...withFieldValue(state, field.key, field.value === 'yes' ? 'no' : 'yes'), dirty: true}) : stay(state);
		case 'choice': {
			if (key.leftArrow || key.rightArrow) return cycle(state, field, key.rightArrow ? 1 : -1);
			if (key.return || input === ' ') {
				const index = Math.max(0, (field.choices ?? []).findIndex(choice => choice.value === field.value));
				return stay({...state, openChoice: {key: field.key, index}});
			}
			return stay(state);
		}
		case 'text': {
			if (key.return) {
				if (field.key === 'query') return chooseDocument(state);
				if (field.key === 'locationsFile') return field.value.trim() === '' ? stay(state) : stay(state, {kind: 'loadFile', path: field.value.trim()});
				return stay(moveFocus(state, 1));
			}
			const edited = applyTextKey({value: field.value, cursor: state.cursor}, input, key);
			if (!edited) return stay(state);
			const next = withFieldValue(state, field.key, edited.value);
			return stay({...next, cursor: edited.cursor, dirty: state.dirty || edited.value !== field.value});
		}
	}
}
