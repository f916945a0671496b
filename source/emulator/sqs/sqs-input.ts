import {sqsErrors} from './sqs-errors.js';

// Reading a request's members (JSON-shaped, whichever protocol brought them), with SQS's errors.

export type SqsInput = Record<string, unknown>;

export function optionalString(input: SqsInput, name: string): string | undefined {
	const value = input[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') throw sqsErrors.invalidParameter(`Value for parameter ${name} is invalid. Reason: must be a string.`);
	return value;
}

export function requiredString(input: SqsInput, name: string): string {
	const value = optionalString(input, name);
	if (value === undefined || value === '') throw sqsErrors.missingParameter(name);
	return value;
}

/** An integer member within [min, max], or undefined when absent. */
export function optionalInteger(input: SqsInput, name: string, min: number, max: number): number | undefined {
	const value = input[name];
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw sqsErrors.invalidParameter(`Value ${String(value)} for parameter ${name} is invalid. Reason: Must be between ${min} and ${max}, if provided.`);
	}

	return value;
}

export function stringList(input: SqsInput, name: string): string[] {
	const value = input[name];
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some(item => typeof item !== 'string')) {
		throw sqsErrors.invalidParameter(`Value for parameter ${name} is invalid. Reason: must be a list of strings.`);
	}

	return value as string[];
}

export function stringMap(input: SqsInput, name: string): Record<string, string> {
	const value = input[name];
	if (value === undefined || value === null) return {};
	if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some(item => typeof item !== 'string')) {
		throw sqsErrors.invalidParameter(`Value for parameter ${name} is invalid. Reason: must be a map of strings.`);
	}

	return value as Record<string, string>;
}

export function entryList(input: SqsInput, name: string): SqsInput[] {
	const value = input[name];
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value) || value.some(item => typeof item !== 'object' || item === null || Array.isArray(item))) {
		throw sqsErrors.invalidParameter(`Value for parameter ${name} is invalid. Reason: must be a list of entries.`);
	}

	return value as SqsInput[];
}
