import {errors} from '../errors.js';
import type {StringListMap} from '../model.js';
import type {Runbook, RunbookParameter} from './types.js';

/** A runbook default as the list of strings SSM reports in Parameters. */
export function defaultAsList(parameter: RunbookParameter): string[] | undefined {
	const value = parameter.default;
	if (value === undefined) {
		return undefined;
	}

	if (parameter.type === 'StringList') {
		return Array.isArray(value) ? value.map(String) : [String(value)];
	}

	if (parameter.type === 'MapList') {
		return Array.isArray(value) ? value.map(item => JSON.stringify(item)) : [JSON.stringify(value)];
	}

	return [typeof value === 'object' ? JSON.stringify(value) : String(value)];
}

/** DescribeDocument's DefaultValue: scalars as text, lists and maps as JSON. */
export function defaultAsText(parameter: RunbookParameter): string | undefined {
	const value = parameter.default;
	if (value === undefined) {
		return undefined;
	}

	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function checkValue(name: string, parameter: RunbookParameter, values: string[]): string | undefined {
	const single = ['String', 'Integer', 'Boolean', 'StringMap'].includes(parameter.type);
	if (single && values.length !== 1) {
		return `Parameter "${name}" is of type ${parameter.type} and takes exactly one value.`;
	}

	for (const value of values) {
		if (parameter.type === 'Integer' && !/^-?\d+$/.test(value)) {
			return `Parameter "${name}" must be an integer; got "${value}".`;
		}

		if (parameter.type === 'Boolean' && value !== 'true' && value !== 'false') {
			return `Parameter "${name}" must be true or false; got "${value}".`;
		}

		if (parameter.type === 'StringMap' || parameter.type === 'MapList') {
			try {
				const parsed: unknown = JSON.parse(value);
				if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
					throw new TypeError('not a map');
				}
			} catch {
				return `Parameter "${name}" must be a JSON map; got "${value}".`;
			}
		}

		if (parameter.allowedValues && !parameter.allowedValues.includes(value)) {
			return `Parameter "${name}" value "${value}" is not one of the allowed values [${parameter.allowedValues.join(', ')}].`;
		}

		if (parameter.allowedPattern && !new RegExp(parameter.allowedPattern, 'u').test(value)) {
			return `Parameter "${name}" value "${value}" does not match the allowed pattern ${parameter.allowedPattern}.`;
		}

		if (parameter.maxChars !== undefined && value.length > parameter.maxChars) {
			return `Parameter "${name}" value is longer than ${parameter.maxChars} characters.`;
		}
	}

	if (parameter.minItems !== undefined && values.length < parameter.minItems) {
		return `Parameter "${name}" needs at least ${parameter.minItems} item(s).`;
	}

	if (parameter.maxItems !== undefined && values.length > parameter.maxItems) {
		return `Parameter "${name}" takes at most ${parameter.maxItems} item(s).`;
	}

	return undefined;
}

/**
 * The parameters an execution runs with: the caller's values checked against the runbook
 * (unknown names, types, allowedValues, allowedPattern), plus defaults for the rest.
 * `supplied` names parameters filled per target (TargetParameterName / TargetMaps keys),
 * which the caller need not pass.
 */
export function effectiveParameters(runbook: Runbook, given: StringListMap, supplied: readonly string[] = []): StringListMap {
	const problems: string[] = [];
	for (const name of Object.keys(given)) {
		if (!(name in runbook.parameters)) {
			problems.push(`Parameter "${name}" is not defined in the runbook.`);
		}
	}

	const result: StringListMap = {};
	for (const [name, parameter] of Object.entries(runbook.parameters)) {
		const values = given[name];
		if (values) {
			const problem = checkValue(name, parameter, values);
			if (problem) {
				problems.push(problem);
			}

			result[name] = values;
			continue;
		}

		const fallback = defaultAsList(parameter);
		if (fallback) {
			result[name] = fallback;
		} else if (!supplied.includes(name)) {
			problems.push(`Parameter "${name}" is required and has no default value.`);
		}
	}

	if (problems.length > 0) {
		throw errors.invalidParameters(`Parameters provided in the request are not valid: ${problems.join(' ')}`);
	}

	return result;
}

export function checkTargetValue(runbook: Runbook, name: string, values: string[]): void {
	const parameter = runbook.parameters[name];
	const problem = parameter ? checkValue(name, {...parameter, minItems: undefined}, values) : undefined;
	if (problem) {
		throw errors.invalidParameters(`Parameters provided in the request are not valid: ${problem}`);
	}
}
