/**
 * The start-run dialog's state: what was typed (as text, so nothing is lost),
 * what has been loaded (runbooks, versions, the chosen runbook's parameters),
 * where the focus is, and which messages are shown. Pure data and small pure
 * updates; key handling is in start-form-keys.ts, the fields in start-form-fields.ts.
 */
import type {DocumentSummary} from '../ports.js';
import type {ExecutionDetail, ParameterMap} from '../types.js';
import {emptyRunSettings, type RunSettingsDraft} from '../start-form/run-settings.js';
import type {ParameterSpec} from '../start-form/parameter-spec.js';
import {defaultText, textFromWire} from '../start-form/parameter-text.js';
import type {Prefill} from '../start-form/rerun-prefill.js';

export type Loadable<T> =
	{readonly state: 'idle'} | {readonly state: 'loading'} | {readonly state: 'ready'; readonly value: T} | {readonly state: 'error'; readonly error: string};

/** 'source': a re-run from the list, reading the run to pre-fill from; 'scope': what to re-run. */
export type StartStep = 'source' | 'scope' | 'document' | 'parameters' | 'settings' | 'review';

/** ListDocuments' Owner filter values; 'All' sends none. */
export type OwnerFilter = 'All' | 'Self' | 'Amazon' | 'Private';

export const OWNER_LABELS: Readonly<Record<OwnerFilter, string>> = {
	All: 'all',
	Self: 'owned by this account',
	Amazon: 'Amazon',
	Private: 'owned by or shared with this account',
};

export interface RunbookDefinition {
	readonly specs: readonly ParameterSpec[];
	readonly description?: string;
}

export interface RerunScope {
	readonly executionId: string;
	readonly locations: number;
	readonly targets: number;
}

/** A watched account the form can start a run in: its id and its name (Organizations or profile). */
export interface AccountChoice {
	readonly account: string;
	readonly label: string;
	/**
	 * Set when ssmtop holds no working credentials for it: a watched account whose credentials failed
	 * (`reason`: the SDK's or STS's words), or the account of a run being re-run that is not watched.
	 * Still a choice (the watched accounts stay in one list), marked, and the form will not start there.
	 */
	readonly noCredentials?: {readonly reason?: string};
}

export interface StartFormState {
	/** Which dialog this is: answers to an earlier dialog's requests are told apart by it. */
	readonly id: number;
	readonly step: StartStep;
	/**
	 * Several accounts watched: the one the run starts in (and the runbooks are read from), one of
	 * `accounts`. Undefined with one account: the connection's own.
	 */
	readonly account?: string;
	readonly accounts?: readonly AccountChoice[];
	readonly region: string;
	readonly regions: readonly string[];
	/** One UUID per form: a repeated submit of the same form can never start two runs. */
	readonly clientToken: string;
	readonly owner: OwnerFilter;
	readonly query: string;
	readonly documents: Loadable<readonly DocumentSummary[]>;
	readonly documentIndex: number;
	readonly documentName: string;
	/** '' = the default version. */
	readonly documentVersion: string;
	readonly versions: Loadable<readonly string[]>;
	readonly definition: Loadable<RunbookDefinition>;
	readonly parameterTexts: Readonly<Record<string, string>>;
	/** Prefilled wire values waiting for the runbook's types to become text. */
	readonly pendingParameters?: ParameterMap;
	readonly settings: RunSettingsDraft;
	readonly locationsFile: string;
	readonly fileMessage?: {readonly ok: boolean; readonly text: string};
	readonly focus: number;
	readonly cursor: number;
	/** Fields left at least once: their messages show. */
	readonly touched: Readonly<Record<string, true>>;
	/** Steps where Next was pressed: every message shows. */
	readonly revealed: readonly StartStep[];
	readonly openChoice?: {readonly key: string; readonly index: number};
	readonly serviceError?: string;
	/** Said after the command was copied (review step). */
	readonly copyNote?: string;
	readonly notes: readonly string[];
	readonly dirty: boolean;
	readonly confirmingCancel: boolean;
	/** "Start … in account …, Region?" is asked. */
	readonly confirmingStart: boolean;
	readonly submitting: boolean;
	/** Re-run: the execution the form is filled from. */
	readonly source?: ExecutionDetail;
	/** Re-run from the list: the execution being read to fill the form. */
	readonly rerunSource?: {readonly executionId: string; readonly region: string};
	readonly rerun?: RerunScope;
	/** Re-run: the old run's tags as Tags text, while being read, once read, or why they could not be. */
	readonly rerunTags?: Loadable<string>;
}

export interface NewFormInit {
	readonly id: number;
	readonly regions: readonly string[];
	readonly region?: string;
	/** The watched accounts (only when more than one) and the one to start in (default: the first). */
	readonly accounts?: readonly AccountChoice[];
	readonly account?: string;
	readonly clientToken: string;
}

/** The account field's place: shown only when there is more than one account to choose from. */
function accountChoices(init: NewFormInit): Pick<StartFormState, 'account' | 'accounts'> {
	const accounts = init.accounts ?? [];
	if (accounts.length < 2) return {};
	const account = accounts.some(entry => entry.account === init.account) ? init.account! : accounts[0]!.account;
	return {account, accounts};
}

/** Where the type-ahead field is on the runbook step: after the Account and Region choices when they show. */
export function queryFocus(state: Pick<StartFormState, 'accounts' | 'regions'>): number {
	return 1 + (state.regions.length > 1 ? 1 : 0) + ((state.accounts?.length ?? 0) > 1 ? 1 : 0);
}

export function newStartForm(init: NewFormInit): StartFormState {
	const region = init.region ?? init.regions[0] ?? 'us-east-1';
	const regions = init.regions.length > 0 ? init.regions : [region];
	const accounts = accountChoices(init);
	return {
		id: init.id,
		step: 'document',
		...accounts,
		region,
		regions,
		clientToken: init.clientToken,
		owner: 'All',
		query: '',
		documents: {state: 'idle'},
		documentIndex: 0,
		documentName: '',
		documentVersion: '',
		versions: {state: 'idle'},
		definition: {state: 'idle'},
		parameterTexts: {},
		settings: emptyRunSettings,
		locationsFile: '',
		// Start in the type-ahead field: typing filters the runbooks at once.
		focus: queryFocus({regions, ...accounts}),
		cursor: 0,
		touched: {},
		revealed: [],
		notes: [],
		dirty: false,
		confirmingCancel: false,
		confirmingStart: false,
		submitting: false,
	};
}

/** A form pre-filled from an execution (re-run): straight to the parameters. */
export function prefilledStartForm(init: NewFormInit, prefill: Prefill): StartFormState {
	return {
		...newStartForm({...init, region: prefill.region}),
		step: 'parameters',
		documentName: prefill.documentName,
		documentVersion: prefill.documentVersion,
		query: prefill.documentName,
		pendingParameters: prefill.parameters,
		settings: prefill.settings,
		notes: prefill.notes,
	};
}

/** Field texts once the runbook is known: its defaults, then prefilled values, then whatever was already typed. */
export function withDefinition(state: StartFormState, definition: RunbookDefinition): StartFormState {
	const texts: Record<string, string> = {};
	for (const spec of definition.specs) {
		const typed = state.parameterTexts[spec.name];
		const pending = state.pendingParameters?.[spec.name];
		texts[spec.name] = typed ?? (pending ? textFromWire(spec, pending) : defaultText(spec));
	}
	const unknown = Object.keys(state.pendingParameters ?? {}).filter(name => !definition.specs.some(spec => spec.name === name));
	const notes = unknown.length > 0 ? [...state.notes, `Not in this runbook version, so not sent: ${unknown.join(', ')}.`] : state.notes;
	const {pendingParameters: _sent, ...rest} = state;
	return {...rest, definition: {state: 'ready', value: definition}, parameterTexts: texts, notes};
}

/**
 * The old run's tags arrive (ListTagsForResource: GetAutomationExecution has none). They fill
 * Tags unless the form already has some; while the re-run scope is still being chosen they
 * are only remembered, for the form the choice builds.
 */
export function withRerunTags(state: StartFormState, tags: Loadable<string>): StartFormState {
	const remembered = {...state, rerunTags: tags};
	if (state.step === 'scope' || state.step === 'source') return remembered;
	if (tags.state === 'error') return {...remembered, notes: [...state.notes, `The old run's tags could not be read, so Tags is left empty: ${tags.error}`]};
	if (tags.state !== 'ready' || tags.value === '' || state.settings.tags.trim() !== '') return remembered;
	return {...remembered, settings: {...state.settings, tags: tags.value}};
}
