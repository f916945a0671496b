/**
 * The fields of each step of the start dialog, derived from its state, and
 * reading/writing a field's value by key. Keys are the same as the error keys
 * of core/start-form ('param.InstanceId', 'maxErrors', 'locations.0.regions'),
 * so each message lands beside its field.
 */
import {parameterErrors, parameterFieldKey, perTargetParameters} from '../start-form/build-request.js';
import {emptyLocationDraft, type RunSettingsDraft, type TargetLocationDraft} from '../start-form/run-settings.js';
import {resolveRunSettings, type FieldErrors} from '../start-form/settings-validation.js';
import {OWNER_LABELS, type OwnerFilter, type StartFormState, type StartStep} from './start-form-state.js';
import {keyRef} from './key-ref.js';

/** Enter in a text field, as the keymap binds it (hints say what it does in that field). */
const ENTER = keyRef('modal.confirm', 'text');

export type FieldKind = 'text' | 'choice' | 'toggle' | 'button' | 'documents';

export interface Choice {
	readonly value: string;
	readonly label: string;
}

export interface FieldDef {
	readonly key: string;
	readonly label: string;
	readonly kind: FieldKind;
	readonly value: string;
	readonly choices?: readonly Choice[];
	readonly required?: boolean;
	readonly hint?: string;
	readonly placeholder?: string;
}

const LOCATION_TEXT: ReadonlyArray<readonly [keyof TargetLocationDraft, string, string]> = [
	['accounts', 'Accounts', 'Account ids or OU ids, separated by commas'],
	['regions', 'Regions', 'e.g. eu-west-1, us-east-1'],
	['targetLocationMaxConcurrency', 'Location concurrency', 'Account × Region pairs at a time: a count or a percentage (default 1)'],
	['targetLocationMaxErrors', 'Location max errors', 'Failed pairs before stopping: a count or a percentage (default 0)'],
	['executionRoleName', 'Execution role', 'Role name in each target account (default AWS-SystemsManager-AutomationExecutionRole)'],
	['excludeAccounts', 'Exclude accounts', 'Account or OU ids to leave out of the OUs above'],
];

const LOCATION_TARGETS: ReadonlyArray<readonly [keyof TargetLocationDraft, string, string]> = [
	['targets', 'Location targets', 'key=value,value; key=value — e.g. tag:Env=prod (needs a target parameter)'],
	['targetsMaxConcurrency', 'Targets concurrency', 'Per location: a count or a percentage'],
	['targetsMaxErrors', 'Targets max errors', 'Per location: a count or a percentage'],
	['alarmName', 'Location alarm', 'CloudWatch alarm that stops this location when in ALARM'],
];

function onOff(value: boolean): string {
	return value ? 'yes' : 'no';
}

function locationFields(settings: RunSettingsDraft): FieldDef[] {
	const fields: FieldDef[] = [];
	for (const [index, location] of settings.targetLocations.entries()) {
		const prefix = `locations.${index}`;
		const label = (text: string): string => `#${index + 1} ${text}`;
		for (const [field, text, hint] of LOCATION_TEXT)
			fields.push({
				key: `${prefix}.${field}`,
				label: label(text),
				kind: 'text',
				value: String(location[field]),
				hint,
				required: field === 'accounts' || field === 'regions',
			});
		fields.push({
			key: `${prefix}.includeChildOrganizationUnits`,
			label: label('Include child OUs'),
			kind: 'toggle',
			value: onOff(location.includeChildOrganizationUnits),
		});
		for (const [field, text, hint] of LOCATION_TARGETS)
			fields.push({key: `${prefix}.${field}`, label: label(text), kind: 'text', value: String(location[field]), hint});
		if (location.alarmName !== '')
			fields.push({
				key: `${prefix}.ignorePollAlarmFailure`,
				label: label('Ignore alarm poll errors'),
				kind: 'toggle',
				value: onOff(location.ignorePollAlarmFailure),
			});
		fields.push({key: `${prefix}.remove`, label: label('Remove this location'), kind: 'button', value: ''});
	}
	fields.push({key: 'locations.add', label: '+ Add a location', kind: 'button', value: ''});
	fields.push({
		key: 'locationsFile',
		label: 'Load from JSON file',
		kind: 'text',
		value: '',
		hint: `Path of a TargetLocations JSON file; ${ENTER} loads it (replaces the locations above)`,
		placeholder: `path, then ${ENTER}`,
	});
	return fields;
}

function settingsFields(state: StartFormState): FieldDef[] {
	const {settings} = state;
	const parameterNames = state.definition.state === 'ready' ? state.definition.value.specs.map(spec => spec.name) : [];
	const fields: FieldDef[] = [
		{
			key: 'mode',
			label: 'Mode',
			kind: 'choice',
			value: settings.mode,
			choices: [
				{value: 'Auto', label: 'Auto: runs every step'},
				{value: 'Interactive', label: 'Interactive: you start each step'},
			],
		},
		{
			key: 'targetParameterName',
			label: 'Target parameter',
			kind: 'text',
			value: settings.targetParameterName,
			hint: `The parameter each target fills (rate control)${parameterNames.length > 0 ? `: one of ${parameterNames.join(', ')}` : ''}`,
		},
		{
			key: 'targets',
			label: 'Targets',
			kind: 'text',
			value: settings.targets,
			hint: 'key=value,value; key=value — e.g. tag:Env=dev or ParameterValues=i-1,i-2 (not with TargetMaps)',
		},
		{
			key: 'targetMaps',
			label: 'TargetMaps',
			kind: 'text',
			value: settings.targetMaps,
			hint: 'JSON: [{"InstanceId": ["i-1"]}, …] — one run per map (not with Targets)',
		},
		{
			key: 'maxConcurrency',
			label: 'Max concurrency',
			kind: 'text',
			value: settings.maxConcurrency,
			hint: 'Targets at a time: a count or a percentage, e.g. 10 or 25% (default 10)',
		},
		{
			key: 'maxErrors',
			label: 'Max errors',
			kind: 'text',
			value: settings.maxErrors,
			hint: 'Errors before stopping new targets: a count or a percentage, e.g. 0 or 10%',
		},
		{
			key: 'locationsSource',
			label: 'Accounts & Regions',
			kind: 'choice',
			value: settings.locationsSource,
			choices: [
				{value: 'none', label: 'this account and Region only'},
				{value: 'form', label: 'TargetLocations (typed here or loaded from a file)'},
				{value: 'url', label: 'TargetLocationsURL (JSON in S3)'},
			],
		},
	];
	if (settings.locationsSource === 'url')
		fields.push({
			key: 'targetLocationsURL',
			label: 'TargetLocations URL',
			kind: 'text',
			value: settings.targetLocationsURL,
			hint: 'https://bucket.s3.amazonaws.com/locations.json (presigned works)',
			required: true,
		});
	if (settings.locationsSource === 'form')
		fields.push(...locationFields(settings).map(field => (field.key === 'locationsFile' ? {...field, value: state.locationsFile} : field)));
	fields.push(
		{
			key: 'tags',
			label: 'Tags',
			kind: 'text',
			value: settings.tags,
			hint: 'Key=Value, Key=Value — at most 5',
			...(state.rerunTags?.state === 'loading' ? {placeholder: 'reading the old run’s tags…'} : {}),
		},
		{key: 'alarmName', label: 'Alarm', kind: 'text', value: settings.alarmName, hint: 'A CloudWatch alarm name: the run stops when it goes to ALARM'},
	);
	if (settings.alarmName !== '')
		fields.push({key: 'ignorePollAlarmFailure', label: 'Ignore alarm poll errors', kind: 'toggle', value: onOff(settings.ignorePollAlarmFailure)});
	fields.push({key: 'back', label: '‹ Back', kind: 'button', value: ''}, {key: 'next', label: 'Review ›', kind: 'button', value: ''});
	return fields;
}

function parameterFields(state: StartFormState): FieldDef[] {
	const versions = state.versions.state === 'ready' ? state.versions.value : [];
	const versionChoices: Choice[] = [
		{value: '', label: '$DEFAULT (the default version)'},
		{value: '$LATEST', label: '$LATEST'},
		...versions.map(version => ({value: version, label: `version ${version}`})),
	];
	if (state.documentVersion !== '' && !versionChoices.some(choice => choice.value === state.documentVersion))
		versionChoices.push({value: state.documentVersion, label: state.documentVersion});
	const fields: FieldDef[] = [{key: 'documentVersion', label: 'Version', kind: 'choice', value: state.documentVersion, choices: versionChoices}];
	if (state.definition.state === 'ready') {
		for (const spec of state.definition.value.specs) {
			const key = parameterFieldKey(spec.name);
			const value = state.parameterTexts[spec.name] ?? '';
			const hint = [spec.declaredType, spec.description, spec.allowedPattern ? `pattern ${spec.allowedPattern}` : undefined].filter(Boolean).join(' — ');
			if (spec.allowedValues && spec.allowedValues.length > 0 && spec.type !== 'StringList') {
				const choices = [...(spec.required ? [] : [{value: '', label: '(default)'}]), ...spec.allowedValues.map(allowed => ({value: allowed, label: allowed}))];
				fields.push({key, label: spec.name, kind: 'choice', value, choices, required: spec.required, hint});
			} else if (spec.type === 'Boolean')
				fields.push({
					key,
					label: spec.name,
					kind: 'choice',
					value,
					choices: [
						{value: 'true', label: 'true'},
						{value: 'false', label: 'false'},
					],
					required: spec.required,
					hint,
				});
			else fields.push({key, label: spec.name, kind: 'text', value, required: spec.required, hint});
		}
	}
	fields.push({key: 'back', label: '‹ Back', kind: 'button', value: ''}, {key: 'next', label: 'Run settings ›', kind: 'button', value: ''});
	return fields;
}

function documentFields(state: StartFormState): FieldDef[] {
	const fields: FieldDef[] = [];
	if (state.accounts && state.accounts.length > 1)
		fields.push({
			key: 'account',
			label: 'Account',
			kind: 'choice',
			value: state.account ?? '',
			choices: state.accounts.map(({account, label, noCredentials}) => ({
				value: account,
				label: `${label === account ? account : `${label} (${account})`}${noCredentials ? ' (no credentials)' : ''}`,
			})),
			hint: 'The watched account the run starts in (its runbooks, its credentials)',
		});
	if (state.regions.length > 1)
		fields.push({key: 'region', label: 'Region', kind: 'choice', value: state.region, choices: state.regions.map(region => ({value: region, label: region}))});
	fields.push(
		{
			key: 'owner',
			label: 'Owner',
			kind: 'choice',
			value: state.owner,
			choices: (Object.keys(OWNER_LABELS) as OwnerFilter[]).map(owner => ({value: owner, label: OWNER_LABELS[owner]})),
		},
		{
			key: 'query',
			label: 'Runbook',
			kind: 'text',
			value: state.query,
			hint: `Type to filter; ${keyRef('list.up', 'text-list')}/${keyRef('list.down', 'text-list')} pick; ${ENTER} chooses`,
			placeholder: 'type to filter',
		},
		{key: 'documents', label: 'Matches', kind: 'documents', value: ''},
	);
	return fields;
}

function scopeFields(state: StartFormState): FieldDef[] {
	const scope = state.rerun;
	const fields: FieldDef[] = [{key: 'scope.all', label: 'Re-run everything', kind: 'button', value: ''}];
	if (scope && scope.locations > 0)
		fields.push({
			key: 'scope.locations',
			label: `Only the ${scope.locations} failed location${scope.locations === 1 ? '' : 's'} (accounts × Regions)`,
			kind: 'button',
			value: '',
		});
	if (scope && scope.targets > 0)
		fields.push({key: 'scope.targets', label: `Only the ${scope.targets} failed target${scope.targets === 1 ? '' : 's'}`, kind: 'button', value: ''});
	return fields;
}

export function fieldsOf(state: StartFormState): FieldDef[] {
	switch (state.step) {
		case 'source':
			return [];
		case 'scope':
			return scopeFields(state);
		case 'document':
			return documentFields(state);
		case 'parameters':
			return parameterFields(state);
		case 'settings':
			return settingsFields(state);
		case 'review':
			return [
				{key: 'back', label: '‹ Back', kind: 'button', value: ''},
				{key: 'submit', label: state.submitting ? 'Starting…' : 'Start the run', kind: 'button', value: ''},
			];
	}
}

/** Runbooks matching the type-ahead query (case-insensitive substring, prefix matches first). */
export function filteredDocuments(state: StartFormState): ReadonlyArray<{readonly name: string; readonly owner?: string; readonly displayName?: string}> {
	if (state.documents.state !== 'ready') return [];
	const query = state.query.trim().toLowerCase();
	const matching = state.documents.value.filter(document => document.name.toLowerCase().includes(query));
	return [
		...matching.filter(document => document.name.toLowerCase().startsWith(query)),
		...matching.filter(document => !document.name.toLowerCase().startsWith(query)),
	];
}

function asBoolean(value: string): boolean {
	return value === 'yes' || value === 'true';
}

function updateLocation(settings: RunSettingsDraft, index: number, field: string, value: string): RunSettingsDraft {
	const locations = settings.targetLocations.map((location, at) => {
		if (at !== index) return location;
		const current = location[field as keyof TargetLocationDraft];
		return {...location, [field]: typeof current === 'boolean' ? asBoolean(value) : value};
	});
	return {...settings, targetLocations: locations};
}

/** The state with one field's value set (text typed, choice picked, toggle flipped). */
export function withFieldValue(state: StartFormState, key: string, value: string): StartFormState {
	if (key.startsWith('param.')) return {...state, parameterTexts: {...state.parameterTexts, [key.slice('param.'.length)]: value}};
	const location = /^locations\.(\d+)\.(\w+)$/.exec(key);
	if (location) return {...state, settings: updateLocation(state.settings, Number(location[1]), location[2]!, value)};
	switch (key) {
		case 'account':
			return state.accounts?.some(entry => entry.account === value) ? {...state, account: value} : state;
		case 'region':
			return {...state, region: value};
		case 'owner':
			return {...state, owner: value as OwnerFilter};
		case 'query':
			return {...state, query: value, documentIndex: 0};
		case 'documentVersion':
			return {...state, documentVersion: value};
		case 'locationsFile':
			return {...state, locationsFile: value};
		case 'ignorePollAlarmFailure':
			return {...state, settings: {...state.settings, ignorePollAlarmFailure: asBoolean(value)}};
		case 'mode':
		case 'targetParameterName':
		case 'targets':
		case 'targetMaps':
		case 'maxConcurrency':
		case 'maxErrors':
		case 'locationsSource':
		case 'targetLocationsURL':
		case 'tags':
		case 'alarmName': {
			const settings = {...state.settings, [key]: value} as RunSettingsDraft;
			// Choosing typed locations with none yet gives one empty location to fill in.
			if (key === 'locationsSource' && value === 'form' && settings.targetLocations.length === 0)
				return {...state, settings: {...settings, targetLocations: [emptyLocationDraft]}};
			return {...state, settings};
		}
		default:
			return state;
	}
}

/** Every message of the current state, keyed by field. */
export function allErrors(state: StartFormState): FieldErrors {
	const specs = state.definition.state === 'ready' ? state.definition.value.specs : [];
	const settings = resolveRunSettings(state.settings, state.definition.state === 'ready' ? specs.map(spec => spec.name) : undefined);
	return {...parameterErrors(specs, state.parameterTexts, perTargetParameters(state.settings)), ...(settings.ok ? {} : settings.errors)};
}

/** Messages of the fields of one step. */
const STEP_MESSAGES: Readonly<Partial<Record<StartStep, string>>> = {parameters: 'parameters', settings: 'targetLocations'};

/** The key of a step's message about the step as a whole (not one field). */
export function stepMessageKey(step: StartStep): string | undefined {
	return STEP_MESSAGES[step];
}

export function stepErrors(state: StartFormState, step: StartStep): FieldErrors {
	const keys = new Set(fieldsOf({...state, step}).map(field => field.key));
	const whole = STEP_MESSAGES[step];
	if (whole) keys.add(whole);
	return Object.fromEntries(Object.entries(allErrors(state)).filter(([key]) => keys.has(key)));
}

/** The message shown beside a field: once it was left, or once Next was pressed on its step. */
export function visibleError(state: StartFormState, errors: FieldErrors, key: string): string | undefined {
	if (!state.touched[key] && !state.revealed.includes(state.step)) return undefined;
	return errors[key];
}
