// EventBridge event patterns, the part a rule for these events needs: a pattern is an object whose
// leaves are lists of what may match; a field matches when its value (or any of its values, for a
// list) equals one of the exact values or starts with a `{"prefix": …}`; nested objects match
// nested fields; every field named must match. Anything else in a pattern is refused, not ignored.

export type EventPattern = {[field: string]: PatternValue[] | EventPattern};
type PatternValue = string | number | boolean | null | {prefix: string};

function isPrefix(value: unknown): value is {prefix: string} {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.keys(value).length === 1 &&
		typeof (value as {prefix?: unknown}).prefix === 'string'
	);
}

/** Throws unless `pattern` uses only what this matcher implements. */
export function assertPattern(pattern: unknown, path = 'pattern'): asserts pattern is EventPattern {
	if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) {
		throw new TypeError(`${path} must be an object`);
	}

	for (const [field, value] of Object.entries(pattern)) {
		if (Array.isArray(value)) {
			for (const item of value as unknown[]) {
				if (!(item === null || ['string', 'number', 'boolean'].includes(typeof item) || isPrefix(item))) {
					throw new TypeError(`${path}.${field}: only exact values and {"prefix": …} are supported`);
				}
			}
		} else {
			assertPattern(value, `${path}.${field}`);
		}
	}
}

function leafMatches(allowed: PatternValue[], value: unknown): boolean {
	const values = Array.isArray(value) ? (value as unknown[]) : [value];
	return values.some(candidate =>
		allowed.some(rule => (isPrefix(rule) ? typeof candidate === 'string' && candidate.startsWith(rule.prefix) : rule === candidate)),
	);
}

/** Whether EventBridge would deliver `event` to a rule with `pattern`. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
	if (typeof event !== 'object' || event === null) return false;
	const fields = event as Record<string, unknown>;
	return Object.entries(pattern).every(([field, rule]) => {
		if (!Object.hasOwn(fields, field)) return false;
		return Array.isArray(rule) ? leafMatches(rule, fields[field]) : matchesPattern(rule, fields[field]);
	});
}
