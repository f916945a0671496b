/** Parsers for the run settings' text syntaxes (see run-settings.ts), each with a person-readable error. */
import type {ParameterMap, Target} from '../types.js';
import type {ParseResult} from './parameter-spec.js';

/** "tag:Env=dev,prod; ParameterValues=i-1" → Targets. */
export function parseTargetsText(text: string): ParseResult<Target[]> {
	const targets: Target[] = [];
	for (const [index, part] of text.split(';').entries()) {
		const trimmed = part.trim();
		if (trimmed === '') continue;
		const equals = trimmed.indexOf('=');
		if (equals <= 0) return {ok: false, error: `Target ${index + 1} (“${trimmed}”) needs the form key=value,value, like tag:Env=dev or ParameterValues=i-1.`};
		const key = trimmed.slice(0, equals).trim();
		const values = trimmed
			.slice(equals + 1)
			.split(',')
			.map(value => value.trim())
			.filter(value => value !== '');
		targets.push({key, values});
	}
	return {ok: true, value: targets};
}

export function targetsText(targets: readonly Target[] | undefined): string {
	return (targets ?? []).map(target => `${target.key}=${target.values.join(',')}`).join('; ');
}

/** "Team=ops, Ticket=CHG-1" → tags. */
export function parseTagsText(text: string): ParseResult<Array<{key: string; value: string}>> {
	const tags: Array<{key: string; value: string}> = [];
	for (const part of text.split(',')) {
		const trimmed = part.trim();
		if (trimmed === '') continue;
		const equals = trimmed.indexOf('=');
		if (equals <= 0) return {ok: false, error: `Tag “${trimmed}” needs the form Key=Value.`};
		tags.push({key: trimmed.slice(0, equals).trim(), value: trimmed.slice(equals + 1).trim()});
	}
	return {ok: true, value: tags};
}

export function tagsText(tags: ReadonlyArray<{readonly key: string; readonly value: string}> | undefined): string {
	return (tags ?? []).map(tag => `${tag.key}=${tag.value}`).join(', ');
}

/** A JSON list of {parameter: [values]} maps; a single string value is taken as a one-item list. */
export function parseTargetMapsText(text: string): ParseResult<ParameterMap[]> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch (error) {
		return {ok: false, error: `TargetMaps is not valid JSON: ${(error as Error).message}`};
	}
	if (!Array.isArray(parsed)) return {ok: false, error: 'TargetMaps must be a JSON list of objects, like [{"InstanceId": ["i-1"]}].'};
	const maps: ParameterMap[] = [];
	for (const [index, item] of parsed.entries()) {
		if (typeof item !== 'object' || item === null || Array.isArray(item)) return {ok: false, error: `TargetMaps item ${index + 1} is not an object.`};
		const map: Record<string, string[]> = {};
		for (const [key, value] of Object.entries(item as Record<string, unknown>)) {
			if (typeof value === 'string') map[key] = [value];
			else if (Array.isArray(value) && value.every(entry => typeof entry === 'string')) map[key] = value;
			else return {ok: false, error: `TargetMaps item ${index + 1}: “${key}” must be a string or a list of strings.`};
		}
		maps.push(map);
	}
	return {ok: true, value: maps};
}

export function targetMapsText(maps: ReadonlyArray<ParameterMap> | undefined): string {
	return maps && maps.length > 0 ? JSON.stringify(maps) : '';
}
