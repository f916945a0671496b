import type {IncomingMessage} from 'node:http';
import {errors} from '../errors.js';

/** Largest request body accepted (TargetMaps can be big, but not this big). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<string | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > MAX_BODY_BYTES) {
			return undefined;
		}

		chunks.push(chunk as Buffer);
	}

	return Buffer.concat(chunks).toString('utf8');
}

/** A JSON 1.1 body (as read by readBody): an object, or SerializationException (an empty body is `{}`). */
export function parseJsonObject(text: string | undefined): Record<string, unknown> {
	if (text === undefined) {
		throw errors.serialization('The request body is too large.');
	}

	let input: unknown;
	try {
		input = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		throw errors.serialization('The request body is not valid JSON.');
	}

	if (!input || typeof input !== 'object' || Array.isArray(input)) {
		throw errors.serialization('The request body must be a JSON object.');
	}

	return input as Record<string, unknown>;
}
