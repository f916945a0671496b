import {randomUUID} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {ServiceError} from '../errors.js';

const contentType = 'application/x-amz-json-1.1';

export function sendJson(response: ServerResponse, statusCode: number, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(statusCode, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(text),
		'x-amzn-RequestId': randomUUID(),
	});
	response.end(text);
}

/**
 * Errors always carry `__type` in the body: botocore reads nothing else. SSM spells the
 * message `message`; Organizations spells it `Message` and adds members such as Reason.
 */
export function sendError(response: ServerResponse, error: ServiceError, messageKey: 'message' | 'Message' = 'message'): void {
	sendJson(response, error.statusCode, {__type: error.code, [messageKey]: error.message, ...error.extra});
}
