/**
 * Read TargetLocations from a JSON file's text: the list the CLI takes
 * (--target-locations file://…), or an object holding it under
 * "TargetLocations" (a --cli-input-json file). Errors say where and what.
 */
import type {Target, TargetLocation} from '../types.js';
import {parseDocument} from 'yaml';
import type {ParseResult} from './parameter-spec.js';

const FIELDS = [
	'Accounts',
	'Regions',
	'TargetLocationMaxConcurrency',
	'TargetLocationMaxErrors',
	'ExecutionRoleName',
	'TargetLocationAlarmConfiguration',
	'IncludeChildOrganizationUnits',
	'ExcludeAccounts',
	'Targets',
	'TargetsMaxConcurrency',
	'TargetsMaxErrors',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Node's JSON errors give a position only sometimes; the yaml parser (JSON is
 * YAML) reports line and column, so it is asked where the problem is.
 */
function describeJsonError(text: string, message: string): string {
	const reason = message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+[\s\S]*$/, '');
	const position = /position (\d+)/.exec(message);
	if (position) {
		const before = text.slice(0, Number(position[1])).split('\n');
		return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}: ${reason}`;
	}
	const where = parseDocument(text).errors[0]?.linePos?.[0];
	return where ? `line ${where.line}, column ${where.col}: ${reason}` : reason;
}

function stringList(value: unknown, where: string): ParseResult<string[]> {
	if (Array.isArray(value) && value.every(item => typeof item === 'string')) return {ok: true, value};
	return {ok: false, error: `${where} must be a list of strings, like ["111122223333"].`};
}

function optionalString(record: Record<string, unknown>, key: string, where: string): ParseResult<string | undefined> {
	const value = record[key];
	if (value === undefined) return {ok: true, value: undefined};
	if (typeof value === 'string') return {ok: true, value};
	if (typeof value === 'number') return {ok: true, value: String(value)};
	return {ok: false, error: `${where}: ${key} must be a string, like "10%".`};
}

function targetsFrom(value: unknown, where: string): ParseResult<Target[]> {
	if (!Array.isArray(value)) return {ok: false, error: `${where}: Targets must be a list of {"Key": …, "Values": […]}.`};
	const targets: Target[] = [];
	for (const [index, item] of value.entries()) {
		if (!isRecord(item) || typeof item['Key'] !== 'string') return {ok: false, error: `${where}: target ${index + 1} needs a "Key" string.`};
		const values = stringList(item['Values'] ?? [], `${where}: target ${index + 1} Values`);
		if (!values.ok) return values;
		targets.push({key: item['Key'], values: values.value});
	}
	return {ok: true, value: targets};
}

function locationFrom(item: unknown, where: string): ParseResult<TargetLocation> {
	if (!isRecord(item)) return {ok: false, error: `${where} is not an object with Accounts and Regions.`};
	const unknown = Object.keys(item).find(key => !(FIELDS as readonly string[]).includes(key));
	if (unknown !== undefined) return {ok: false, error: `${where}: unknown field “${unknown}” (expected ${FIELDS.join(', ')}; names are case-sensitive).`};
	if (item['Accounts'] === undefined) return {ok: false, error: `${where} has no Accounts.`};
	if (item['Regions'] === undefined) return {ok: false, error: `${where} has no Regions.`};
	const accounts = stringList(item['Accounts'], `${where}: Accounts`);
	if (!accounts.ok) return accounts;
	const regions = stringList(item['Regions'], `${where}: Regions`);
	if (!regions.ok) return regions;
	const strings: Record<string, string | undefined> = {};
	for (const key of ['TargetLocationMaxConcurrency', 'TargetLocationMaxErrors', 'ExecutionRoleName', 'TargetsMaxConcurrency', 'TargetsMaxErrors']) {
		const value = optionalString(item, key, where);
		if (!value.ok) return value;
		strings[key] = value.value;
	}
	let excludeAccounts: string[] | undefined;
	if (item['ExcludeAccounts'] !== undefined) {
		const parsed = stringList(item['ExcludeAccounts'], `${where}: ExcludeAccounts`);
		if (!parsed.ok) return parsed;
		excludeAccounts = parsed.value;
	}
	let targets: Target[] | undefined;
	if (item['Targets'] !== undefined) {
		const parsed = targetsFrom(item['Targets'], where);
		if (!parsed.ok) return parsed;
		targets = parsed.value;
	}
	const include = item['IncludeChildOrganizationUnits'];
	if (include !== undefined && typeof include !== 'boolean') return {ok: false, error: `${where}: IncludeChildOrganizationUnits must be true or false.`};
	let alarmNames: string[] | undefined;
	let ignorePollAlarmFailure: boolean | undefined;
	const alarm = item['TargetLocationAlarmConfiguration'];
	if (alarm !== undefined) {
		const alarms = isRecord(alarm) ? alarm['Alarms'] : undefined;
		if (!Array.isArray(alarms) || !alarms.every(entry => isRecord(entry) && typeof entry['Name'] === 'string'))
			return {ok: false, error: `${where}: TargetLocationAlarmConfiguration needs "Alarms": [{"Name": …}].`};
		alarmNames = alarms.map(entry => (entry as Record<string, string>)['Name']!);
		const ignore = (alarm as Record<string, unknown>)['IgnorePollAlarmFailure'];
		if (typeof ignore === 'boolean') ignorePollAlarmFailure = ignore;
	}
	return {
		ok: true,
		value: {
			accounts: accounts.value,
			regions: regions.value,
			...(strings['TargetLocationMaxConcurrency'] ? {targetLocationMaxConcurrency: strings['TargetLocationMaxConcurrency']} : {}),
			...(strings['TargetLocationMaxErrors'] ? {targetLocationMaxErrors: strings['TargetLocationMaxErrors']} : {}),
			...(strings['ExecutionRoleName'] ? {executionRoleName: strings['ExecutionRoleName']} : {}),
			...(excludeAccounts ? {excludeAccounts} : {}),
			...(targets ? {targets} : {}),
			...(strings['TargetsMaxConcurrency'] ? {targetsMaxConcurrency: strings['TargetsMaxConcurrency']} : {}),
			...(strings['TargetsMaxErrors'] ? {targetsMaxErrors: strings['TargetsMaxErrors']} : {}),
			...(alarmNames ? {alarmNames} : {}),
			...(ignorePollAlarmFailure === undefined ? {} : {ignorePollAlarmFailure}),
			...(include === undefined ? {} : {includeChildOrganizationUnits: include}),
		},
	};
}

export function parseTargetLocationsFile(text: string): ParseResult<TargetLocation[]> {
	if (text.trim() === '') return {ok: false, error: 'The file is empty.'};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		return {ok: false, error: `The file is not valid JSON (${describeJsonError(text, (error as Error).message)}).`};
	}
	const list = isRecord(parsed) && 'TargetLocations' in parsed ? parsed['TargetLocations'] : parsed;
	if (!Array.isArray(list)) return {ok: false, error: 'Expected a JSON list of locations, like [{"Accounts": ["111122223333"], "Regions": ["eu-west-1"]}].'};
	if (list.length === 0) return {ok: false, error: 'The file lists no locations.'};
	const locations: TargetLocation[] = [];
	for (const [index, item] of list.entries()) {
		const location = locationFrom(item, `Location ${index + 1}`);
		if (!location.ok) return location;
		locations.push(location.value);
	}
	return {ok: true, value: locations};
}
