import {errors} from '../errors.js';
import {type Checker, type StringRule} from '../wire/checker.js';

export interface Filter {
	readonly key: string;
	readonly values: string[];
}

export function readFilters(check: Checker, value: unknown, max: number, keys: readonly string[]): Filter[] | undefined {
	return check.list(value, 'Filters', {min: 1, max}, (item, path) => {
		const filter = check.object(item, path, true) ?? {};
		const keyRule: StringRule = {required: true};
		const key = check.string(filter['Key'], `${path}.Key`, keyRule) ?? '';
		const values = check.strings(filter['Values'], `${path}.Values`, {required: true, min: 1, max: 10}, {min: 1, max: 150}) ?? [];
		if (key && !keys.includes(key)) {
			// A key outside the enum is reported as the modeled InvalidFilterKey, not a ValidationException.
			throw errors.invalidFilterKey(key);
		}

		return {key, values};
	});
}

/** ISO-8601 filter value → epoch ms, or InvalidFilterValue. */
export function parseTime(value: string): number {
	const time = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value) : Number.NaN;
	if (Number.isNaN(time)) {
		throw errors.invalidFilterValue(`The filter value ${value} isn't a valid ISO-8601 date and time.`);
	}

	return time;
}

export function requireIn(allowed: readonly string[], filter: Filter): void {
	for (const value of filter.values) {
		if (!allowed.includes(value)) {
			throw errors.invalidFilterValue(`The filter value ${value} isn't valid for key ${filter.key}.`);
		}
	}
}
