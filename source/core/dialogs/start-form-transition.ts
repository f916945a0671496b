/**
 * The start dialog (`n`) and the re-run dialog (`R`) as a pure state machine: a keymap command
 * (resolved with startFocus) or an answer from outside (a DialogEvent) → the form's next state, the
 * effects to run (list runbooks, read one, read a file, start the run…) and, at the end, an outcome
 * for the app (close; close and land on the new run). Every path through the form is testable
 * without a terminal, and nothing here does I/O.
 */
import {buildStartRequest} from '../start-form/build-request.js';
import {renderCliCommand} from '../start-form/cli-command.js';
import {emptyLocationDraft} from '../start-form/run-settings.js';
import type {StartRequest} from '../ports.js';
import type {ExecutionDetail} from '../types.js';
import type {Command, DialogFocus} from '../commands.js';
import {locationDraft, prefillFromExecution, rerunOptions, type OnlyFailed} from '../start-form/rerun-prefill.js';
import {tagsText} from '../start-form/settings-text.js';
import {noCredentialsRefusal} from './no-credentials.js';
import {confirmQuestion} from './confirm.js';
import {stay, type DialogEvent, type Effect, type Transition} from './effects.js';
import {applyTextCommand} from './text-edit.js';
import {fieldsOf, filteredDocuments, stepErrors, withFieldValue, type FieldDef} from './start-form-fields.js';
import {
	newStartForm,
	prefilledStartForm,
	queryFocus,
	withDefinition,
	withRerunTags,
	type AccountChoice,
	type StartFormState,
	type StartStep,
} from './start-form-state.js';

export type StartTransition = Transition<StartFormState>;

const ORDER: readonly StartStep[] = ['document', 'parameters', 'settings', 'review'];

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
function advance(state: StartFormState): StartTransition {
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

function back(state: StartFormState): StartTransition {
	const previous = ORDER[ORDER.indexOf(state.step) - 1];
	return stay(previous ? goToStep(state, previous) : state);
}

function chooseDocument(state: StartFormState): StartTransition {
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
	const chosen = goToStep(next, 'parameters');
	return changed || state.definition.state !== 'ready' ? loadDocument(chosen) : stay(chosen);
}

/** The account the form's calls use, on its effects (absent with one account: the connection's own). */
function inAccount(state: Pick<StartFormState, 'account'>): {readonly account?: string} {
	return state.account === undefined ? {} : {account: state.account};
}

/** Reads the chosen runbook version (and, once per runbook, its versions for the Version choice). */
function loadDocument(state: StartFormState): StartTransition {
	const read: Effect = {
		kind: 'getDocument',
		dialogId: state.id,
		...inAccount(state),
		region: state.region,
		name: state.documentName,
		...(state.documentVersion === '' ? {} : {version: state.documentVersion}),
	};
	if (state.versions.state === 'ready' || state.versions.state === 'loading') return stay({...state, definition: {state: 'loading'}}, read);
	return stay({...state, definition: {state: 'loading'}, versions: {state: 'loading'}}, read, {
		kind: 'listDocumentVersions',
		dialogId: state.id,
		...inAccount(state),
		region: state.region,
		name: state.documentName,
	});
}

function loadDocuments(state: StartFormState): StartTransition {
	return stay(
		{...state, documents: {state: 'loading'}},
		{kind: 'listDocuments', dialogId: state.id, ...inAccount(state), region: state.region, ...(state.owner === 'All' ? {} : {owner: state.owner})},
	);
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

function press(state: StartFormState, field: FieldDef): StartTransition {
	const removal = /^locations\.(\d+)\.remove$/.exec(field.key);
	if (removal) {
		const index = Number(removal[1]);
		const settings = {...state.settings, targetLocations: state.settings.targetLocations.filter((_, at) => at !== index)};
		return stay({...state, settings, dirty: true, focus: Math.max(0, state.focus - 1)});
	}
	switch (field.key) {
		case 'scope.all':
			return chooseScope(state, undefined);
		case 'scope.locations':
			return chooseScope(state, 'locations');
		case 'scope.targets':
			return chooseScope(state, 'targets');
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
			const refused = startRefusal(state);
			if (refused) return stay({...state, serviceError: refused});
			// One confirmation style for every action that changes AWS: name it, and where.
			return stay({...state, confirmingStart: true, serviceError: undefined});
		}
		default:
			return stay(state);
	}
}

function choose(state: StartFormState, field: FieldDef, value: string): StartTransition {
	const next = {...withFieldValue(state, field.key, value), openChoice: undefined, dirty: state.dirty || value !== field.value};
	if (value === field.value) return stay(next);
	if (field.key === 'documentVersion') return loadDocument(next);
	// Another account or Region has other runbooks (its own, and those shared with it).
	if (field.key === 'owner' || field.key === 'region' || field.key === 'account') return loadDocuments({...next, documentIndex: 0});
	return stay(next);
}

function cycle(state: StartFormState, field: FieldDef, delta: number): StartTransition {
	const choices = field.choices ?? [];
	if (choices.length === 0) return stay(state);
	const index = choices.findIndex(choice => choice.value === field.value);
	const next = choices[(index + delta + choices.length) % choices.length]!;
	return choose(state, field, next.value);
}

function handleOpenChoice(state: StartFormState, field: FieldDef, command: Command | undefined): StartTransition {
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
	if (state.confirmingCancel || state.confirmingStart) return 'question';
	if (state.submitting) return 'fields';
	const field = focusedField(state);
	if (!field) return 'fields';
	if (state.openChoice && field.key === state.openChoice.key) return 'list';
	if (state.step === 'review') return 'review';
	const inDocumentList = state.step === 'document' && (field.kind === 'documents' || field.key === 'query');
	if (field.kind === 'text') return inDocumentList ? 'text-list' : 'text';
	if (inDocumentList) return 'list';
	return field.kind === 'choice' || field.kind === 'toggle' ? 'choice' : 'fields';
}

/** The account the run will start in when the form does not choose one (one account watched): the credentials'. */
export interface StartWhere {
	readonly account?: string;
}

/** The account the form acts in, with its name, as the confirmation and the title say it. */
export function startAccount(state: StartFormState, where: StartWhere = {}): {readonly account?: string; readonly accountName?: string} {
	if (state.account === undefined) return where.account === undefined ? {} : {account: where.account};
	const label = state.accounts?.find(entry => entry.account === state.account)?.label;
	return {account: state.account, ...(label === undefined ? {} : {accountName: label})};
}

/**
 * Why the run cannot start in the chosen account: ssmtop holds no working credentials for it, and
 * another account's would start it in the wrong place. Undefined when it can.
 */
export function startRefusal(state: StartFormState): string | undefined {
	const chosen = state.accounts?.find(entry => entry.account === state.account);
	if (!chosen?.noCredentials) return undefined;
	return noCredentialsRefusal({
		action: `start ${state.documentName === '' ? 'the run' : state.documentName}`,
		account: chosen.account,
		accountName: chosen.label,
		region: state.region,
		...(chosen.noCredentials.reason === undefined ? {} : {reason: chosen.noCredentials.reason}),
	});
}

/** The y/n question before the run starts: what (runbook and version), where (account by name and id, Region). */
export function startQuestion(state: StartFormState, where: StartWhere = {}): string {
	const version = state.documentVersion === '' ? '' : ` (version ${state.documentVersion})`;
	return confirmQuestion({action: 'Start', target: `${state.documentName}${version}`, region: state.region, ...startAccount(state, where)});
}

/** The form after a keymap command (resolved with startFocus), and what must happen outside it. */
export function startCommand(state: StartFormState, command: Command | undefined, input: string): StartTransition {
	if (state.confirmingCancel) {
		if (command === 'confirm.yes') return {state, effects: [], outcome: {kind: 'close'}};
		if (command === 'confirm.no') return stay({...state, confirmingCancel: false});
		return stay(state);
	}
	if (state.confirmingStart) {
		if (command === 'confirm.no') return stay({...state, confirmingStart: false});
		if (command !== 'confirm.yes') return stay(state);
		const refused = startRefusal(state);
		if (refused) return stay({...state, confirmingStart: false, serviceError: refused});
		const request = builtRequest(state);
		if (!request) return stay({...state, confirmingStart: false});
		return stay({...state, confirmingStart: false, submitting: true}, {kind: 'startExecution', dialogId: state.id, ...inAccount(state), request});
	}
	// While the request is out, keys wait: the answer decides what comes next.
	if (state.submitting) return stay(state);
	const field = focusedField(state);
	if (state.openChoice && field && field.key === state.openChoice.key) return handleOpenChoice(state, field, command);
	if (command === 'modal.close') return state.dirty ? stay({...state, confirmingCancel: true}) : {state, effects: [], outcome: {kind: 'close'}};
	if (command === 'modal.next' || command === 'modal.previous') return stay(moveFocus(state, command === 'modal.next' ? 1 : -1));
	if (!field) return stay(state);
	if (command === 'form.copy') {
		const request = builtRequest(state);
		return request ? stay(state, {kind: 'copy', dialogId: state.id, text: renderCliCommand(request)}) : stay(state);
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
				if (field.key === 'locationsFile')
					return field.value.trim() === '' ? stay(state) : stay(state, {kind: 'readFile', dialogId: state.id, path: field.value.trim()});
				return stay(moveFocus(state, 1));
			}
			const edited = applyTextCommand({value: field.value, cursor: state.cursor}, command, input);
			if (!edited) return stay(state);
			const next = withFieldValue(state, field.key, edited.value);
			return stay({...next, cursor: edited.cursor, dirty: state.dirty || edited.value !== field.value});
		}
	}
}

export interface OpenStart {
	readonly id: number;
	readonly regions: readonly string[];
	/** Several accounts watched: the choices, and the one to start in (the selected row's, else the home account). */
	readonly accounts?: readonly AccountChoice[];
	readonly account?: string;
	/**
	 * Re-run: the execution's id, its detail when loaded and its list row's region otherwise, and
	 * the account it ran in (the re-run starts there, and its run and tags are read there).
	 */
	readonly rerun?: {readonly executionId: string; readonly region?: string; readonly account?: string; readonly detail?: ExecutionDetail};
	readonly onlyFailed?: OnlyFailed;
}

/** The first state of a start or re-run dialog, and what it needs loaded. */
export function openStartForm(open: OpenStart): StartTransition {
	const account = open.rerun ? (open.rerun.detail?.account ?? open.rerun.account ?? open.account) : open.account;
	const init = {
		id: open.id,
		regions: open.regions,
		clientToken: '',
		...(open.accounts ? {accounts: open.accounts} : {}),
		...(account === undefined ? {} : {account}),
	};
	const token: Effect = {kind: 'newClientToken', dialogId: open.id};
	if (open.rerun === undefined) {
		const {state, effects} = loadDocuments(newStartForm(init));
		return stay(state, token, ...effects);
	}
	const {executionId, region, detail} = open.rerun;
	const where = inAccount(newStartForm(init));
	const tags: Effect[] = region === undefined ? [] : [{kind: 'listExecutionTags', dialogId: open.id, ...where, region, executionId}];
	if (detail) {
		const {state, effects} = fromSource(newStartForm({...init, region: detail.region}), detail, open.onlyFailed);
		return stay({...state, rerunTags: {state: 'loading'}}, token, ...effects, ...tags);
	}
	if (region === undefined) {
		const {state, effects} = loadDocuments({...newStartForm(init), serviceError: `Execution ${executionId} is not loaded; choose the runbook by hand.`});
		return stay(state, token, ...effects);
	}
	// A list row has no parameters (DescribeAutomationExecutions leaves them out): read the run first.
	return stay(
		{...newStartForm({...init, region}), step: 'source', rerunSource: {executionId, region}, rerunTags: {state: 'loading'}},
		token,
		{kind: 'getExecution', dialogId: open.id, ...where, region, executionId},
		...tags,
	);
}

/** The form for re-running `source`: the scope question first when something failed, else pre-filled. */
function fromSource(state: StartFormState, source: ExecutionDetail, onlyFailed: OnlyFailed | undefined): StartTransition {
	const options = rerunOptions(source);
	const base = {...state, source};
	if (onlyFailed === undefined && (options.locations > 0 || options.targets > 0))
		return stay({...base, step: 'scope', focus: 0, rerun: {executionId: source.id, ...options}});
	return chooseScope(base, onlyFailed);
}

/** Re-run everything, or only what failed: the form pre-filled from the source execution. */
function chooseScope(state: StartFormState, only: OnlyFailed | undefined): StartTransition {
	const source = state.source;
	if (!source) return stay({...state, serviceError: 'The execution is no longer loaded.'});
	const init = {
		id: state.id,
		regions: state.regions,
		clientToken: state.clientToken,
		...(state.accounts ? {accounts: state.accounts} : {}),
		...(state.account === undefined ? {} : {account: state.account}),
	};
	const prefill = prefillFromExecution(source, only);
	if (!prefill.ok) {
		const whole = only === undefined ? prefill : prefillFromExecution(source);
		if (!whole.ok) return loadDocuments({...newStartForm(init), source, serviceError: prefill.error});
		return loadDocument(carry(state, {...prefilledStartForm(init, whole.value), source, serviceError: prefill.error}));
	}
	return loadDocument(carry(state, {...prefilledStartForm(init, prefill.value), source, ...(state.rerun ? {rerun: state.rerun} : {})}));
}

/** What a rebuilt form keeps of the one before it: the old run's tags, read or being read. */
function carry(previous: StartFormState, next: StartFormState): StartFormState {
	return previous.rerunTags ? withRerunTags(next, previous.rerunTags) : next;
}

/** The footer's words once the service accepted the run: which run, its id, and where (account by name and id, Region). */
export function startedFlash(state: StartFormState, executionId: string, where: StartWhere = {}): string {
	const {account, accountName} = startAccount(state, where);
	const named = accountName !== undefined && accountName !== '' && accountName !== account;
	const place = account === undefined ? '' : named ? ` in account ${accountName} (${account})` : ` in account ${account}`;
	return `Started ${state.documentName}: ${executionId}${place}, ${state.region}`;
}

/**
 * The form after an answer from outside (the effect runner), and what must happen next. `where`:
 * the account of the credentials in use, said in the "Started …" message when the form chose none.
 */
export function startEvent(state: StartFormState, event: DialogEvent, where: StartWhere = {}): StartTransition {
	switch (event.kind) {
		case 'clientToken':
			return stay(state.clientToken === '' ? {...state, clientToken: event.token} : state);
		case 'documentsListed':
		case 'documentsFailed': {
			const owner = state.owner === 'All' ? undefined : state.owner;
			// An answer for an account, Region or owner the form has since moved away from is stale.
			if (event.account !== state.account || event.region !== state.region || event.owner !== owner) return stay(state);
			return stay({
				...state,
				documents: event.kind === 'documentsListed' ? {state: 'ready', value: event.documents} : {state: 'error', error: event.error},
			});
		}
		case 'versionsListed':
			return stay(event.name === state.documentName ? {...state, versions: {state: 'ready', value: event.versions}} : state);
		case 'versionsFailed':
			return stay(event.name === state.documentName ? {...state, versions: {state: 'error', error: event.error}} : state);
		case 'documentRead':
		case 'documentFailed': {
			const version = state.documentVersion === '' ? undefined : state.documentVersion;
			if (event.account !== state.account || event.region !== state.region || event.name !== state.documentName || event.version !== version)
				return stay(state);
			if (event.kind === 'documentFailed') return stay({...state, definition: {state: 'error', error: event.error}});
			const parsed = event.runbook;
			if (!parsed.ok) return stay({...state, definition: {state: 'error', error: parsed.error}});
			const description = parsed.value.description ?? event.description;
			return stay(withDefinition(state, {specs: parsed.value.parameters, ...(description ? {description} : {})}));
		}
		case 'executionRead': {
			if (state.step !== 'source' || event.detail.id !== state.rerunSource?.executionId) return stay(state);
			const {state: next, effects} = fromSource({...state, step: 'document'}, event.detail, undefined);
			return stay(next, ...effects);
		}
		case 'executionFailed': {
			if (state.step !== 'source') return stay(state);
			return loadDocuments({
				...state,
				step: 'document',
				focus: queryFocus(state),
				serviceError: `Could not read execution ${event.executionId} to pre-fill the form (${event.error}); choose the runbook by hand.`,
			});
		}
		case 'tagsListed':
			return stay(withRerunTags(state, {state: 'ready', value: tagsText(event.tags)}));
		case 'tagsFailed':
			return stay(withRerunTags(state, {state: 'error', error: event.error}));
		case 'fileRead': {
			const parsed = event.locations;
			if (!parsed.ok) return stay({...state, fileMessage: {ok: false, text: `${event.path}: ${parsed.error}`}});
			const count = parsed.value.length;
			return stay({
				...state,
				settings: {...state.settings, locationsSource: 'form', targetLocations: parsed.value.map(locationDraft)},
				fileMessage: {ok: true, text: `Loaded ${count} location${count === 1 ? '' : 's'} from ${event.path}.`},
				locationsFile: '',
				dirty: true,
			});
		}
		case 'fileFailed':
			return stay({...state, fileMessage: {ok: false, text: event.missing ? `No file at ${event.path}.` : `Cannot read ${event.path}: ${event.error}`}});
		case 'copied':
			return stay({...state, copyNote: 'Copied the one-line command to the clipboard (if your terminal allows OSC 52).'});
		case 'started':
			return {
				state: {...state, submitting: false},
				effects: [],
				outcome: {
					kind: 'started',
					executionId: event.executionId,
					...inAccount(state),
					region: state.region,
					documentName: state.documentName,
					at: event.at,
					flash: startedFlash(state, event.executionId, where),
				},
			};
		case 'startFailed': {
			// The old token is spent on other values: a new one lets a deliberate second run through.
			const mismatch = event.exception === 'IdempotentParameterMismatch';
			return stay(
				{...state, submitting: false, serviceError: event.error, ...(mismatch ? {clientToken: ''} : {})},
				...(mismatch ? [{kind: 'newClientToken', dialogId: state.id} as const] : []),
			);
		}
		default:
			return stay(state);
	}
}
