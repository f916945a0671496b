/**
 * Field-by-field checks of runbook parameters, with messages a person can act on.
 * They combine the runbook's own rules (allowedValues, allowedPattern, minItems…)
 * with SSM's request limits. The service stays the final judge (allowedPattern
 * is a Java regex there); these catch mistakes before a round trip.
 */
import {charCount, MAX_PARAMETER_KEY_CHARS, MAX_PARAMETERS, MAX_VALUE_CHARS, MAX_VALUES_PER_PARAMETER} from './limits.js';
import type {ParameterSpec} from './parameter-spec.js';
import {wireFromText} from './parameter-text.js';

function patternOf(source: string): RegExp | undefined {
	try {
		return new RegExp(source, 'u');
	} catch {
		try {
			return new RegExp(source);
		} catch {
			return undefined; // a Java-only construct: leave this check to the service
		}
	}
}

function quoted(value: string): string {
	return value.length > 40 ? `“${value.slice(0, 37)}…”` : `“${value}”`;
}

/** Why this field's text cannot be sent, or undefined when it can. */
export function validateParameter(spec: ParameterSpec, text: string): string | undefined {
	const parsed = wireFromText(spec, text);
	if (!parsed.ok) return parsed.error;
	const values = parsed.value;
	if (values.length === 0) {
		if (spec.required) return `Required: ${spec.name} has no default, so it needs a value.`;
		return undefined;
	}
	const isList = spec.type === 'StringList' || spec.type === 'MapList';
	if (values.length > MAX_VALUES_PER_PARAMETER) return `At most ${MAX_VALUES_PER_PARAMETER} values (SSM's limit); this has ${values.length}.`;
	if (isList && spec.minItems !== undefined && values.length < spec.minItems)
		return `At least ${spec.minItems} value${spec.minItems === 1 ? '' : 's'} (the runbook's minItems); this has ${values.length}.`;
	if (isList && spec.maxItems !== undefined && values.length > spec.maxItems)
		return `At most ${spec.maxItems} value${spec.maxItems === 1 ? '' : 's'} (the runbook's maxItems); this has ${values.length}.`;
	for (const [index, value] of values.entries()) {
		const where = isList ? `Value ${index + 1}` : 'The value';
		const length = charCount(value);
		if (length > MAX_VALUE_CHARS) return `${where} is ${length} characters; SSM allows at most ${MAX_VALUE_CHARS}.`;
		if (spec.maxChars !== undefined && length > spec.maxChars)
			return `${where} is ${length} characters; the runbook allows at most ${spec.maxChars} (maxChars).`;
		if (spec.allowedValues && spec.allowedValues.length > 0 && !spec.allowedValues.includes(value))
			return `${isList ? `${quoted(value)} is not allowed. ` : ''}Must be one of: ${spec.allowedValues.join(', ')}.`;
		if (spec.allowedPattern !== undefined) {
			const pattern = patternOf(spec.allowedPattern);
			if (pattern && !pattern.test(value)) return `${isList ? `${quoted(value)} d` : 'D'}oes not match the runbook's allowedPattern ${spec.allowedPattern}`;
		}
	}
	return undefined;
}

/** Checks on the parameter set as a whole (SSM's map limits). */
export function validateParameterSet(names: readonly string[]): string | undefined {
	if (names.length > MAX_PARAMETERS) return `At most ${MAX_PARAMETERS} parameters can be sent (SSM's limit); this has ${names.length}.`;
	const long = names.find(name => charCount(name) < 1 || charCount(name) > MAX_PARAMETER_KEY_CHARS);
	if (long !== undefined) return `Parameter name ${quoted(long)} must be 1 to ${MAX_PARAMETER_KEY_CHARS} characters long.`;
	return undefined;
}
