/**
 * Run settings: check the draft against SSM's rules and turn it into the
 * settings half of a StartRequest. Errors are keyed by field so the form can
 * show each next to its field: 'targets', 'maxErrors', 'locations.0.regions'…
 */
import type {AlarmConfiguration, ParameterMap, Target, TargetLocation} from '../types.js';
import type {StartRequest} from '../ports.js';
import {
	ALARM_NAME_PATTERN,
	charCount,
	EXCLUDE_ACCOUNT_PATTERN,
	EXECUTION_ROLE_PATTERN,
	MAX_ALARM_NAME_CHARS,
	MAX_CONCURRENCY_PATTERN,
	MAX_ERRORS_PATTERN,
	MAX_EXCLUDE_ACCOUNTS,
	MAX_EXECUTION_ROLE_CHARS,
	MAX_LOCATION_ACCOUNTS,
	MAX_LOCATION_REGIONS,
	MAX_PARAMETER_KEY_CHARS,
	MAX_TAG_KEY_CHARS,
	MAX_TAG_VALUE_CHARS,
	MAX_TAGS,
	MAX_TARGET_KEY_CHARS,
	MAX_TARGET_LOCATIONS,
	MAX_TARGET_MAP_ENTRIES,
	MAX_TARGET_MAP_VALUE_CHARS,
	MAX_TARGET_MAP_VALUES,
	MAX_TARGET_MAPS,
	MAX_TARGET_VALUES,
	MAX_TARGETS,
	TAG_PATTERN,
	TARGET_KEY_PATTERN,
	TARGET_LOCATIONS_URL_PATTERN,
} from './limits.js';
import {splitList, type RunSettingsDraft, type TargetLocationDraft} from './run-settings.js';
import {parseTagsText, parseTargetMapsText, parseTargetsText} from './settings-text.js';

export type FieldErrors = Record<string, string>;

export type SettingsPart = Omit<StartRequest, 'region' | 'documentName' | 'documentVersion' | 'parameters' | 'clientToken'>;

export type SettingsResult = {readonly ok: true; readonly value: SettingsPart} | {readonly ok: false; readonly errors: FieldErrors};

const ACCOUNT_OR_OU = /^(\d{12}|ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function concurrencyError(label: string, text: string): string | undefined {
	if (text === '' || (charCount(text) <= 7 && MAX_CONCURRENCY_PATTERN.test(text))) return undefined;
	return `${label} must be a count from 1 or a percentage from 1% to 100%, like 10 or 25% (got “${text}”).`;
}

export function errorsLimitError(label: string, text: string): string | undefined {
	if (text === '' || (charCount(text) <= 7 && MAX_ERRORS_PATTERN.test(text))) return undefined;
	return `${label} must be a count from 0 or a percentage from 0% to 100%, like 0, 3 or 10% (got “${text}”).`;
}

function targetsError(targets: readonly Target[]): string | undefined {
	if (targets.length > MAX_TARGETS) return `At most ${MAX_TARGETS} targets (SSM's limit); this has ${targets.length}.`;
	for (const target of targets) {
		if (charCount(target.key) > MAX_TARGET_KEY_CHARS || !TARGET_KEY_PATTERN.test(target.key))
			return `Target key “${target.key}” is not valid: up to ${MAX_TARGET_KEY_CHARS} letters, digits, spaces and _.:/=-@ (e.g. tag:Env, ParameterValues, ResourceGroup).`;
		if (target.values.length === 0) return `Target ${target.key} needs at least one value.`;
		if (target.values.length > MAX_TARGET_VALUES) return `Target ${target.key} has ${target.values.length} values; SSM allows at most ${MAX_TARGET_VALUES}.`;
	}
	return undefined;
}

function targetMapsError(maps: readonly ParameterMap[]): string | undefined {
	if (maps.length === 0) return 'TargetMaps needs at least one map.';
	if (maps.length > MAX_TARGET_MAPS) return `At most ${MAX_TARGET_MAPS} target maps (SSM's limit); this has ${maps.length}.`;
	for (const [index, map] of maps.entries()) {
		const entries = Object.entries(map);
		if (entries.length < 1 || entries.length > MAX_TARGET_MAP_ENTRIES)
			return `TargetMaps item ${index + 1} must have 1 to ${MAX_TARGET_MAP_ENTRIES} parameters; it has ${entries.length}.`;
		for (const [key, values] of entries) {
			if (charCount(key) > MAX_PARAMETER_KEY_CHARS) return `TargetMaps item ${index + 1}: key “${key}” is longer than ${MAX_PARAMETER_KEY_CHARS} characters.`;
			if (values.length > MAX_TARGET_MAP_VALUES) return `TargetMaps item ${index + 1}: ${key} has ${values.length} values; at most ${MAX_TARGET_MAP_VALUES}.`;
			const bad = values.find(value => charCount(value) < 1 || charCount(value) > MAX_TARGET_MAP_VALUE_CHARS);
			if (bad !== undefined) return `TargetMaps item ${index + 1}: each value of ${key} must be 1 to ${MAX_TARGET_MAP_VALUE_CHARS} characters.`;
		}
	}
	return undefined;
}

function alarmError(name: string): string | undefined {
	if (charCount(name) > MAX_ALARM_NAME_CHARS) return `An alarm name is at most ${MAX_ALARM_NAME_CHARS} characters.`;
	if (!ALARM_NAME_PATTERN.test(name)) return 'The alarm name cannot be blank.';
	return undefined;
}

function suggestion(name: string, parameterNames: readonly string[]): string {
	const match = parameterNames.find(candidate => candidate.toLowerCase() === name.toLowerCase());
	return match ? ` Names are case-sensitive: did you mean ${match}?` : parameterNames.length > 0 ? ` The runbook has: ${parameterNames.join(', ')}.` : '';
}

function resolveLocation(draft: TargetLocationDraft, prefix: string, errors: FieldErrors): {location?: TargetLocation; hasTargets: boolean} {
	const accounts = splitList(draft.accounts);
	const regions = splitList(draft.regions);
	const excludeAccounts = splitList(draft.excludeAccounts);
	const set = (field: string, message: string | undefined): void => {
		if (message !== undefined) errors[`${prefix}.${field}`] = message;
	};
	if (accounts.length === 0) set('accounts', 'At least one account id (12 digits) or OU id (ou-…) is needed.');
	else if (accounts.length > MAX_LOCATION_ACCOUNTS) set('accounts', `At most ${MAX_LOCATION_ACCOUNTS} accounts per location; this has ${accounts.length}.`);
	else {
		const bad = accounts.find(account => !ACCOUNT_OR_OU.test(account));
		if (bad !== undefined) set('accounts', `“${bad}” is not an account id (12 digits), OU id (ou-xxxx-xxxxxxxx) or root id (r-xxxx).`);
	}
	if (regions.length === 0) set('regions', 'At least one Region, like eu-west-1.');
	else if (regions.length > MAX_LOCATION_REGIONS) set('regions', `At most ${MAX_LOCATION_REGIONS} Regions per location; this has ${regions.length}.`);
	else {
		const bad = regions.find(region => !REGION.test(region));
		if (bad !== undefined) set('regions', `“${bad}” is not a Region name like eu-west-1.`);
	}
	set('targetLocationMaxConcurrency', concurrencyError('Location max concurrency', draft.targetLocationMaxConcurrency));
	set('targetLocationMaxErrors', errorsLimitError('Location max errors', draft.targetLocationMaxErrors));
	if (draft.executionRoleName !== '') {
		if (charCount(draft.executionRoleName) > MAX_EXECUTION_ROLE_CHARS)
			set('executionRoleName', `A role name is at most ${MAX_EXECUTION_ROLE_CHARS} characters.`);
		else if (!EXECUTION_ROLE_PATTERN.test(draft.executionRoleName))
			set('executionRoleName', 'A role name has only letters, digits and +=,.@/_- (a name, not an ARN).');
	}
	if (excludeAccounts.length > MAX_EXCLUDE_ACCOUNTS) set('excludeAccounts', `At most ${MAX_EXCLUDE_ACCOUNTS} excluded accounts.`);
	else {
		const bad = excludeAccounts.find(account => !EXCLUDE_ACCOUNT_PATTERN.test(account));
		if (bad !== undefined) set('excludeAccounts', `“${bad}” is not an account id (12 digits) or OU id (ou-xxxx-xxxxxxxx).`);
	}
	const targets = parseTargetsText(draft.targets);
	if (!targets.ok) set('targets', targets.error);
	else set('targets', targetsError(targets.value));
	set('targetsMaxConcurrency', concurrencyError('Targets max concurrency', draft.targetsMaxConcurrency));
	set('targetsMaxErrors', errorsLimitError('Targets max errors', draft.targetsMaxErrors));
	if (draft.alarmName !== '') set('alarmName', alarmError(draft.alarmName));
	const location: TargetLocation = {
		accounts,
		regions,
		...(draft.targetLocationMaxConcurrency ? {targetLocationMaxConcurrency: draft.targetLocationMaxConcurrency} : {}),
		...(draft.targetLocationMaxErrors ? {targetLocationMaxErrors: draft.targetLocationMaxErrors} : {}),
		...(draft.executionRoleName ? {executionRoleName: draft.executionRoleName} : {}),
		...(excludeAccounts.length > 0 ? {excludeAccounts} : {}),
		...(draft.includeChildOrganizationUnits ? {includeChildOrganizationUnits: true} : {}),
		...(targets.ok && targets.value.length > 0 ? {targets: targets.value} : {}),
		...(draft.targetsMaxConcurrency ? {targetsMaxConcurrency: draft.targetsMaxConcurrency} : {}),
		...(draft.targetsMaxErrors ? {targetsMaxErrors: draft.targetsMaxErrors} : {}),
		...(draft.alarmName ? {alarmNames: [draft.alarmName], ignorePollAlarmFailure: draft.ignorePollAlarmFailure} : {}),
	};
	return {location, hasTargets: targets.ok && targets.value.length > 0};
}

/**
 * Check the run settings and build their part of the request.
 * parameterNames (the runbook's) lets TargetParameterName be checked; pass
 * undefined when the runbook's parameters are not known.
 */
export function resolveRunSettings(draft: RunSettingsDraft, parameterNames?: readonly string[]): SettingsResult {
	const errors: FieldErrors = {};
	const settings: {-readonly [K in keyof SettingsPart]: SettingsPart[K]} = {};
	if (draft.mode === 'Interactive') settings.mode = 'Interactive';

	let targets: Target[] = [];
	let targetMaps: ParameterMap[] = [];
	if (draft.targets.trim() !== '' && draft.targetMaps.trim() !== '') {
		errors['targets'] = 'Use Targets or TargetMaps, not both.';
		errors['targetMaps'] = 'Use Targets or TargetMaps, not both.';
	} else if (draft.targets.trim() !== '') {
		const parsed = parseTargetsText(draft.targets);
		if (!parsed.ok) errors['targets'] = parsed.error;
		else {
			const error = targetsError(parsed.value);
			if (error !== undefined) errors['targets'] = error;
			targets = parsed.value;
		}
	} else if (draft.targetMaps.trim() !== '') {
		const parsed = parseTargetMapsText(draft.targetMaps);
		if (!parsed.ok) errors['targetMaps'] = parsed.error;
		else {
			const error = targetMapsError(parsed.value);
			if (error !== undefined) errors['targetMaps'] = error;
			targetMaps = parsed.value;
		}
	}

	let locationTargets = false;
	const locations: TargetLocation[] = [];
	if (draft.locationsSource === 'form') {
		if (draft.targetLocations.length === 0) errors['targetLocations'] = 'Add at least one location (accounts × Regions).';
		if (draft.targetLocations.length > MAX_TARGET_LOCATIONS)
			errors['targetLocations'] = `At most ${MAX_TARGET_LOCATIONS} target locations (SSM's limit); this has ${draft.targetLocations.length}.`;
		for (const [index, locationDraft] of draft.targetLocations.entries()) {
			const resolved = resolveLocation(locationDraft, `locations.${index}`, errors);
			if (resolved.location) locations.push(resolved.location);
			locationTargets ||= resolved.hasTargets;
		}
	} else if (draft.locationsSource === 'url') {
		const url = draft.targetLocationsURL.trim();
		if (!TARGET_LOCATIONS_URL_PATTERN.test(url))
			errors['targetLocationsURL'] = 'Must be an https URL of an object in S3, like https://bucket.s3.amazonaws.com/locations.json (a presigned URL works).';
		else settings.targetLocationsURL = url;
	}

	const parameterName = draft.targetParameterName.trim();
	const usesTargets = targets.length > 0 || locationTargets;
	if (parameterName !== '') {
		if (charCount(parameterName) > MAX_PARAMETER_KEY_CHARS) errors['targetParameterName'] = `At most ${MAX_PARAMETER_KEY_CHARS} characters.`;
		else if (parameterNames && !parameterNames.includes(parameterName))
			errors['targetParameterName'] = `“${parameterName}” is not a parameter of this runbook.${suggestion(parameterName, parameterNames)}`;
		else if (parameterName === 'AutomationAssumeRole') errors['targetParameterName'] = 'AutomationAssumeRole cannot be the target parameter (SSM refuses it).';
		else if (!usesTargets && errors['targets'] === undefined)
			errors['targetParameterName'] = 'A target parameter needs Targets (here or in a location) to take its values from.';
	} else if (usesTargets) {
		errors['targetParameterName'] = 'Targets need a TargetParameterName: the runbook parameter each target value goes into.';
	}
	if (parameterName !== '' && usesTargets) settings.targetParameterName = parameterName;
	if (targets.length > 0) settings.targets = targets;
	if (targetMaps.length > 0) settings.targetMaps = targetMaps;

	const concurrency = draft.maxConcurrency.trim();
	const maxErrors = draft.maxErrors.trim();
	const concurrencyProblem = concurrencyError('MaxConcurrency', concurrency);
	const errorsProblem = errorsLimitError('MaxErrors', maxErrors);
	if (concurrencyProblem) errors['maxConcurrency'] = concurrencyProblem;
	if (errorsProblem) errors['maxErrors'] = errorsProblem;
	if (concurrency !== '') settings.maxConcurrency = concurrency;
	if (maxErrors !== '') settings.maxErrors = maxErrors;
	if (locations.length > 0) settings.targetLocations = locations;

	const tags = parseTagsText(draft.tags);
	if (!tags.ok) errors['tags'] = tags.error;
	else if (tags.value.length > MAX_TAGS) errors['tags'] = `At most ${MAX_TAGS} tags when starting an automation; this has ${tags.value.length}.`;
	else {
		const keys = new Set<string>();
		for (const tag of tags.value) {
			if (charCount(tag.key) > MAX_TAG_KEY_CHARS || !TAG_PATTERN.test(tag.key)) {
				errors['tags'] = `Tag key “${tag.key}” must be 1 to ${MAX_TAG_KEY_CHARS} letters, digits, spaces or _.:/=+-@.`;
				break;
			}
			if (charCount(tag.value) > MAX_TAG_VALUE_CHARS || !TAG_PATTERN.test(tag.value)) {
				errors['tags'] = `Tag value of ${tag.key} must be up to ${MAX_TAG_VALUE_CHARS} letters, digits, spaces or _.:/=+-@.`;
				break;
			}
			if (keys.has(tag.key)) {
				errors['tags'] = `Tag key ${tag.key} is given twice.`;
				break;
			}
			keys.add(tag.key);
		}
		if (errors['tags'] === undefined && tags.value.length > 0) settings.tags = tags.value;
	}

	if (draft.alarmName.trim() !== '') {
		const error = alarmError(draft.alarmName.trim());
		if (error) errors['alarmName'] = error;
		const alarm: AlarmConfiguration = {alarmNames: [draft.alarmName.trim()], ignorePollAlarmFailure: draft.ignorePollAlarmFailure};
		settings.alarmConfiguration = alarm;
	}

	return Object.keys(errors).length > 0 ? {ok: false, errors} : {ok: true, value: settings};
}
