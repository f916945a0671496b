/**
 * An error already explained for a person: what kind of failure it was (so the
 * poller can decide to back off, retry or pause) and a message fit for the screen.
 * The AWS adapter throws these; the poller and the views only read them.
 */
import type {ErrorKind} from './types.js';

export class DataError extends Error {
	override readonly name = 'DataError';

	/** The service's or the system's own words (scrubbed of secrets), when there were any. */
	readonly detail?: string;

	constructor(
		readonly kind: ErrorKind,
		message: string,
		options?: {cause?: unknown; detail?: string},
	) {
		super(message, options?.cause === undefined ? undefined : {cause: options.cause});
		if (options?.detail) this.detail = options.detail;
	}
}

/** Kind and message of anything thrown; errors that were not classified count as 'unknown'. */
export function describeError(error: unknown): {kind: ErrorKind; message: string; detail?: string} {
	if (error instanceof DataError) return {kind: error.kind, message: error.message, ...(error.detail ? {detail: error.detail} : {})};
	if (error instanceof Error) return {kind: 'unknown', message: error.message || error.name};
	return {kind: 'unknown', message: String(error)};
}
