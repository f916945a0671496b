/**
 * A parameter as typed in the form (one line of text) ⇄ its wire form (SSM sends
 * every parameter as a list of strings). StringList: comma-separated or a JSON
 * list; StringMap: a JSON object sent as one string; MapList: a JSON list of
 * objects, each sent as one JSON string.
 */
import type {ParameterSpec, ParseResult} from './parameter-spec.js';

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The text a runbook default shows as in the form. */
export function defaultText(spec: ParameterSpec): string {
	if (!spec.hasDefault || spec.default === null || spec.default === undefined) return '';
	const value = spec.default;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (Array.isArray(value) && spec.type === 'StringList') return listText(value.map(String));
	return JSON.stringify(value);
}

function listText(values: readonly string[]): string {
	return values.some(value => value.includes(',') || value !== value.trim()) ? JSON.stringify(values) : values.join(', ');
}

/** Turn the wire values (e.g. from a previous execution) back into form text. */
export function textFromWire(spec: ParameterSpec, values: readonly string[]): string {
	switch (spec.type) {
		case 'StringList':
			return listText(values);
		case 'MapList': {
			const parsed = values.map(jsonOrUndefined);
			return parsed.every(isRecord) ? JSON.stringify(parsed) : JSON.stringify(values);
		}
		default:
			return values[0] ?? '';
	}
}

/** Parse a StringList field: a JSON list of strings, or values separated by commas. */
export function parseListText(text: string): ParseResult<string[]> {
	const trimmed = text.trim();
	if (trimmed === '') return {ok: true, value: []};
	if (trimmed.startsWith('[')) {
		const parsed = jsonOrUndefined(trimmed);
		if (!Array.isArray(parsed)) return {ok: false, error: 'Starts with [ but is not a JSON list, like ["a", "b"].'};
		if (!parsed.every(item => typeof item === 'string')) return {ok: false, error: 'Every item of the JSON list must be a string in quotes.'};
		return {ok: true, value: parsed};
	}
	return {
		ok: true,
		value: trimmed
			.split(',')
			.map(part => part.trim())
			.filter(part => part !== ''),
	};
}

/** Form text → wire values, or why it cannot be read. Empty text gives no values. */
export function wireFromText(spec: ParameterSpec, text: string): ParseResult<string[]> {
	const trimmed = text.trim();
	if (trimmed === '') return {ok: true, value: []};
	switch (spec.type) {
		case 'String':
			return {ok: true, value: [text]};
		case 'StringList':
			return parseListText(text);
		case 'Integer':
			return /^-?\d+$/.test(trimmed) ? {ok: true, value: [trimmed]} : {ok: false, error: 'Must be a whole number, like 30.'};
		case 'Boolean':
			return /^(true|false)$/i.test(trimmed) ? {ok: true, value: [trimmed.toLowerCase()]} : {ok: false, error: 'Must be true or false.'};
		case 'StringMap': {
			const parsed = jsonOrUndefined(trimmed);
			return isRecord(parsed) ? {ok: true, value: [JSON.stringify(parsed)]} : {ok: false, error: 'Must be a JSON object, like {"Key": "Value"}.'};
		}
		case 'MapList': {
			const parsed = jsonOrUndefined(trimmed);
			return Array.isArray(parsed) && parsed.every(isRecord)
				? {ok: true, value: parsed.map(item => JSON.stringify(item))}
				: {ok: false, error: 'Must be a JSON list of objects, like [{"Key": "Value"}].'};
		}
	}
}
