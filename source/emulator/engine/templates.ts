import type {StringListMap} from '../model.js';
import type {Runbook} from '../runbooks/types.js';

const whole = /^\{\{\s*([\w:.]+)\s*\}\}$/;
const inline = /\{\{\s*([\w:.]+)\s*\}\}/g;

/** Replaces {{ Parameter }} references; a whole-value reference keeps the parameter's type. */
export function resolveValue(value: unknown, runbook: Runbook, parameters: StringListMap, executionId: string): unknown {
	const lookup = (name: string): unknown => {
		if (name === 'automation:EXECUTION_ID') {
			return executionId;
		}

		const values = parameters[name];
		if (!values) {
			return `{{ ${name} }}`;
		}

		const type = runbook.parameters[name]?.type ?? 'String';
		if (type === 'StringList' || type === 'MapList') {
			return values;
		}

		const single = values[0] ?? '';
		if (type === 'Integer') {
			return Number(single);
		}

		if (type === 'Boolean') {
			return single === 'true';
		}

		return single;
	};

	if (typeof value === 'string') {
		const match = whole.exec(value);
		if (match) {
			return lookup(match[1]!);
		}

		return value.replace(inline, (_, name: string) => {
			const resolved = lookup(name);
			return Array.isArray(resolved) ? resolved.join(',') : String(resolved);
		});
	}

	if (Array.isArray(value)) {
		return value.map(item => resolveValue(item, runbook, parameters, executionId));
	}

	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item, runbook, parameters, executionId)]));
	}

	return value;
}

/** Step Inputs as SSM reports them: each value JSON-encoded. */
export function encodeInputs(resolved: Record<string, unknown>): Record<string, string> {
	return Object.fromEntries(Object.entries(resolved).map(([key, value]) => [key, JSON.stringify(value)]));
}
