import {errors} from '../errors.js';

// Server-side enforcement of the service model's constraints (the JS SDK validates nothing).
// Type mismatches fail at once with SerializationException, as AWS JSON services do;
// constraint violations are collected and reported together as one ValidationException
// in the usual "N validation errors detected: …" form.

export interface StringRule {
	readonly required?: boolean;
	readonly min?: number;
	readonly max?: number;
	readonly pattern?: RegExp;
	readonly patternText?: string;
	readonly enum?: readonly string[];
}

export interface SizeRule {
	readonly required?: boolean;
	readonly min?: number;
	readonly max?: number;
}

type Json = Record<string, unknown>;

function describeValue(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** 'Filters[0].Key' is spelled 'filters.1.member.key' in AWS validation messages. */
function memberPath(path: string): string {
	return path
		.replace(/\[(\d+)\]/g, (_, index: string) => `.${Number(index) + 1}.member`)
		.split('.')
		.map(part => part.charAt(0).toLowerCase() + part.slice(1))
		.join('.');
}

export function pattern(source: string): {pattern: RegExp; patternText: string} {
	return {pattern: new RegExp(source, 'u'), patternText: source};
}

export class Checker {
	private readonly problems: string[] = [];

	object(value: unknown, path: string, required = false): Json | undefined {
		if (value === undefined || value === null) {
			if (required) {
				this.missing(path);
			}

			return undefined;
		}

		if (typeof value !== 'object' || Array.isArray(value)) {
			throw errors.serialization(`Expected a structure at '${memberPath(path)}'.`);
		}

		return value as Json;
	}

	string(value: unknown, path: string, rule: StringRule = {}): string | undefined {
		if (value === undefined || value === null) {
			if (rule.required) {
				this.missing(path);
			}

			return undefined;
		}

		if (typeof value !== 'string') {
			throw errors.serialization(`Expected a string at '${memberPath(path)}'.`);
		}

		const length = [...value].length;
		if (rule.min !== undefined && length < rule.min) {
			this.fail(path, value, `Member must have length greater than or equal to ${rule.min}`);
		} else if (rule.max !== undefined && length > rule.max) {
			this.fail(path, value, `Member must have length less than or equal to ${rule.max}`);
		} else if (rule.enum && !rule.enum.includes(value)) {
			this.fail(path, value, `Member must satisfy enum value set: [${rule.enum.join(', ')}]`);
		} else if (rule.pattern && !rule.pattern.test(value)) {
			this.fail(path, value, `Member must satisfy regular expression pattern: ${rule.patternText ?? rule.pattern.source}`);
		}

		return value;
	}

	integer(value: unknown, path: string, rule: SizeRule = {}): number | undefined {
		if (value === undefined || value === null) {
			if (rule.required) {
				this.missing(path);
			}

			return undefined;
		}

		if (typeof value !== 'number' || !Number.isInteger(value)) {
			throw errors.serialization(`Expected an integer at '${memberPath(path)}'.`);
		}

		if (rule.min !== undefined && value < rule.min) {
			this.fail(path, value, `Member must have value greater than or equal to ${rule.min}`);
		} else if (rule.max !== undefined && value > rule.max) {
			this.fail(path, value, `Member must have value less than or equal to ${rule.max}`);
		}

		return value;
	}

	boolean(value: unknown, path: string): boolean | undefined {
		if (value === undefined || value === null) {
			return undefined;
		}

		if (typeof value !== 'boolean') {
			throw errors.serialization(`Expected a boolean at '${memberPath(path)}'.`);
		}

		return value;
	}

	list<T>(value: unknown, path: string, rule: SizeRule, each: (item: unknown, path: string) => T): T[] | undefined {
		if (value === undefined || value === null) {
			if (rule.required) {
				this.missing(path);
			}

			return undefined;
		}

		if (!Array.isArray(value)) {
			throw errors.serialization(`Expected a list at '${memberPath(path)}'.`);
		}

		this.size(path, value, value.length, rule);
		return value.map((item, index) => each(item, `${path}[${index}]`));
	}

	map<T>(value: unknown, path: string, rule: SizeRule & {key?: StringRule}, each: (item: unknown, path: string) => T): Record<string, T> | undefined {
		const object = this.object(value, path, rule.required);
		if (!object) {
			return undefined;
		}

		const entries = Object.entries(object);
		this.size(path, object, entries.length, rule);
		const result: Record<string, T> = {};
		for (const [key, item] of entries) {
			this.string(key, `${path}.key`, rule.key);
			result[key] = each(item, `${path}.${key}`);
		}

		return result;
	}

	/** A list of strings: the commonest shape in this API. */
	strings(value: unknown, path: string, rule: SizeRule, item: StringRule = {}): string[] | undefined {
		return this.list(value, path, rule, (entry, entryPath) => this.string(entry, entryPath, {...item, required: true}) ?? '');
	}

	finish(): void {
		if (this.problems.length > 0) {
			const count = this.problems.length;
			throw errors.validation(`${count} validation error${count === 1 ? '' : 's'} detected: ${this.problems.join('; ')}`);
		}
	}

	private size(path: string, value: unknown, size: number, rule: SizeRule): void {
		if (rule.min !== undefined && size < rule.min) {
			this.fail(path, value, `Member must have length greater than or equal to ${rule.min}`);
		} else if (rule.max !== undefined && size > rule.max) {
			this.fail(path, value, `Member must have length less than or equal to ${rule.max}`);
		}
	}

	private missing(path: string): void {
		this.problems.push(`Value null at '${memberPath(path)}' failed to satisfy constraint: Member must not be null`);
	}

	private fail(path: string, value: unknown, constraint: string): void {
		this.problems.push(`Value '${describeValue(value)}' at '${memberPath(path)}' failed to satisfy constraint: ${constraint}`);
	}
}
