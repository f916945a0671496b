import type {IncomingMessage, ServerResponse} from 'node:http';
import {readBody} from '../wire/read-body.js';
import {ServiceError} from '../errors.js';
import {signedRequest, type CallerIdentity, type SignedRequest} from '../wire/request-context.js';
import {SQS_TARGET_PREFIX, sendSqsJson, sendSqsJsonError} from './json-protocol.js';
import {parseQuery, queryError, queryResponse} from './query-protocol.js';
import {SqsError, sqsErrors} from './sqs-errors.js';
import type {SqsInput} from './sqs-input.js';
import {SqsService} from './sqs-service.js';

/** What the SQS route needs of the emulator: the service, and a way to bring the engine up to now. */
export interface SqsHost {
	readonly sqs: SqsService;
	sync(): unknown;
	/** Who signed the request (the same identities SSM, STS and Organizations see). */
	callerOf(signed: SignedRequest): CallerIdentity;
}

const queuePath = /^\/\d{12}\/[A-Za-z0-9_-]{1,80}(?:\.fifo)?\/?$/;
// Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request
const signedService = /Credential=[^/,\s]+\/\d{8}\/[a-z0-9-]+\/([a-z0-9-]+)\/aws4_request/;

/**
 * Whether a request is for SQS rather than SSM: an AmazonSQS.* target (JSON protocol), a request
 * signed for the `sqs` service (either protocol), or one sent to a queue URL's path (Query clients
 * that post to the queue itself).
 */
export function isSqsRequest(request: IncomingMessage, path: string): boolean {
	const target = request.headers['x-amz-target'];
	if (typeof target === 'string') return target.startsWith(SQS_TARGET_PREFIX);
	return signedService.exec(request.headers.authorization ?? '')?.[1] === 'sqs' || queuePath.test(path);
}

/** Serves one SQS request, in the protocol it came in; errors are answered in that protocol's shape. */
export async function handleSqs(request: IncomingMessage, response: ServerResponse, host: SqsHost, path: string): Promise<void> {
	const target = request.headers['x-amz-target'];
	const json = typeof target === 'string';
	const closed = new AbortController();
	response.once('close', () => closed.abort());
	try {
		const text = await readBody(request);
		if (text === undefined) throw sqsErrors.invalidParameter('The request body is too large.');
		let action: string | undefined;
		let input: SqsInput;
		if (json) {
			action = target.slice(SQS_TARGET_PREFIX.length);
			input = parseJson(text);
		} else {
			const form = new URLSearchParams(new URL(request.url ?? '/', 'http://emulator').search);
			for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
			({action, input} = parseQuery(form));
			// A Query client may post to the queue's own URL and leave QueueUrl out.
			if (input['QueueUrl'] === undefined && queuePath.test(path)) input['QueueUrl'] = path.replace(/\/$/, '');
		}

		const operation = action !== undefined && Object.hasOwn(host.sqs.operations, action) ? host.sqs.operations[action] : undefined;
		if (!action || !operation)
			throw json
				? new SqsError('UnknownOperationException', 'InvalidAction', `Unknown operation ${action ?? ''}.`)
				: sqsErrors.invalidAction(action ?? '(none)');
		host.sqs.requests[action] = (host.sqs.requests[action] ?? 0) + 1;
		const fault = host.sqs.requestFault(SqsService.queueNameOf(input));
		if (fault === 'unreachable') {
			// No answer at all: the client sees its connection reset, as for a queue it cannot reach.
			request.socket.destroy();
			return;
		}

		if (fault) throw fault;
		host.sync();
		const baseUrl = `http://${request.headers.host ?? '127.0.0.1'}`;
		const output = await operation(input, {caller: callerOf(host, request), baseUrl}, {sync: () => host.sync(), signal: closed.signal});
		if (closed.signal.aborted) return;
		if (json) {
			sendSqsJson(response, output);
		} else {
			sendXml(response, 200, queryResponse(action, output));
		}
	} catch (error) {
		if (closed.signal.aborted || response.headersSent) return;
		const failure = error instanceof SqsError ? error : sqsErrors.internal();
		if (json) sendSqsJsonError(response, failure);
		else sendXml(response, failure.statusCode, queryError(failure));
	}
}

function callerOf(host: SqsHost, request: IncomingMessage): CallerIdentity {
	try {
		return host.callerOf(signedRequest(request.headers, request.url));
	} catch (error) {
		// An expired or unknown session key: SQS names these as the other services do, with a 403.
		if (error instanceof ServiceError) throw new SqsError(error.code, error.code, error.message, 403);
		throw error;
	}
}

function parseJson(text: string): SqsInput {
	let input: unknown;
	try {
		input = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		throw sqsErrors.malformed('The request body is not valid JSON.');
	}

	if (!input || typeof input !== 'object' || Array.isArray(input)) throw sqsErrors.malformed('The request body must be a JSON object.');
	return input as SqsInput;
}

function sendXml(response: ServerResponse, status: number, text: string): void {
	response.writeHead(status, {'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(text)});
	response.end(text);
}
