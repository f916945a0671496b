import {errors} from '../errors.js';
import {hashString} from '../prng.js';

// NextToken: opaque to clients (base64url JSON), bound to the operation and the filters
// it was issued for, so a token reused with other filters is rejected as InvalidNextToken.

export interface Cursor {
	readonly [key: string]: string | number;
}

export function encodeToken(operation: string, scope: unknown, cursor: Cursor): string {
	const body = JSON.stringify({o: operation, s: hashString(JSON.stringify(scope ?? null)), c: cursor});
	return Buffer.from(body).toString('base64url');
}

export function decodeToken(token: string | undefined, operation: string, scope: unknown): Cursor | undefined {
	if (token === undefined) {
		return undefined;
	}

	try {
		const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {o?: unknown; s?: unknown; c?: unknown};
		if (parsed.o === operation && parsed.s === hashString(JSON.stringify(scope ?? null)) && parsed.c && typeof parsed.c === 'object') {
			return parsed.c as Cursor;
		}
	} catch {
		// Not base64 JSON: the same answer as a token from another request.
	}

	throw errors.invalidNextToken();
}

/** Page size when MaxResults is omitted. */
export const DEFAULT_PAGE_SIZE = 50;
