import type {IncomingMessage} from 'node:http';

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
