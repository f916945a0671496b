import {randomUUID} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {SqsError} from './sqs-errors.js';

// SQS's JSON protocol (current SDKs): X-Amz-Target AmazonSQS.<Action>, application/x-amz-json-1.0.
// SQS is "awsQueryCompatible": an error names its JSON shape in __type and its old Query code in
// the x-amzn-query-error header, which the SDKs surface as the error's Code.

export const SQS_TARGET_PREFIX = 'AmazonSQS.';
const contentType = 'application/x-amz-json-1.0';

export function sendSqsJson(response: ServerResponse, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(200, {'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': randomUUID()});
	response.end(text);
}

export function sendSqsJsonError(response: ServerResponse, error: SqsError): void {
	const text = JSON.stringify({__type: `com.amazonaws.sqs#${error.type}`, message: error.message});
	response.writeHead(error.statusCode, {
		'Content-Type': contentType,
		'Content-Length': Buffer.byteLength(text),
		'x-amzn-RequestId': randomUUID(),
		'x-amzn-query-error': `${error.queryCode};${error.senderFault ? 'Sender' : 'Receiver'}`,
	});
	response.end(text);
}
