import type {IncomingMessage} from 'node:http';

/** Largest request body accepted (TargetMaps can be big, but not this big). */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** Beyond this, an oversized body is not even read to its end: the connection is closed after the answer. */
const MAX_DRAINED_BYTES = 64 * 1024 * 1024;

/**
 * The body as text, or undefined when it is larger than MAX_BODY_BYTES. An oversized body is still
 * read to its end (and dropped), so the client that sends it whole before reading the answer gets
 * that answer, not a reset connection, and the connection stays usable up to MAX_DRAINED_BYTES.
 */
export async function readBody(request: IncomingMessage): Promise<string | undefined> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		// A body this large is not a mistake worth a usable connection: stop reading (Node then ends it after the answer).
		if (size > MAX_DRAINED_BYTES) return undefined;
		if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
	}

	return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}
