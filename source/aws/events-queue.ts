/**
 * The SQS queue an organisation's EventBridge bus delivers SSM Automation events to (issue 12):
 * ReceiveMessage as a long poll, DeleteMessageBatch after the changes are applied, and
 * GetQueueAttributes as a cheap "does it answer" probe while the consumer has fallen back to polling.
 * Every failure rejects with a DataError whose message names the queue, never a credential.
 */
import {DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient} from '@aws-sdk/client-sqs';
import {DataError} from '../core/data-error.js';
import type {ErrorKind} from '../core/types.js';
import {errorKindOf, isAbort} from './classify-error.js';
import {credentialOptions, type CredentialSource, type StaticCredentials} from './accounts/credential-source.js';

export interface QueueMessage {
	readonly receiptHandle: string;
	readonly body: string;
}

export interface EventsQueue {
	readonly queueUrl: string;
	/** GetQueueAttributes: resolves when the queue answers. */
	probe(signal?: AbortSignal): Promise<void>;
	/** One long poll: up to `max` messages, waiting up to `waitSeconds` for the first. */
	receive(options: {readonly waitSeconds: number; readonly max: number; readonly signal?: AbortSignal}): Promise<QueueMessage[]>;
	/** Deletes handled messages, ten per call; resolves with how many the queue did not delete. */
	deleteMessages(messages: readonly QueueMessage[], signal?: AbortSignal): Promise<{readonly calls: number; readonly failed: number}>;
	destroy(): void;
}

export interface EventsQueueOptions {
	readonly queueUrl: string;
	/** Used when the URL does not name a Region (sqs.REGION.amazonaws.com). */
	readonly fallbackRegion: string;
	/** The home credentials: a profile (or the SDK chain), or static ones (--local). */
	readonly profile?: string;
	readonly credentials?: StaticCredentials;
	/** Where SQS calls go (queueEndpoint): the emulator's address, a local SQS; default the SDK's. */
	readonly endpointUrl?: string;
	/** Must exceed the long poll's wait; default 30 s. */
	readonly requestTimeoutMs?: number;
}

/** The queue's Region, from an AWS queue URL (https://sqs.eu-west-1.amazonaws.com/…). */
export function queueRegion(queueUrl: string): string | undefined {
	try {
		return /^sqs[.-]([a-z]{2}(?:-[a-z]+)+-\d{1,2})\./.exec(new URL(queueUrl).hostname)?.[1];
	} catch {
		return undefined;
	}
}

/**
 * Where to send the queue's calls: an AWS queue URL leaves it to the SDK (its Region's endpoint,
 * or AWS_ENDPOINT_URL_SQS); any other (an emulator, a local SQS) is its own origin. --endpoint-url
 * is SSM's, so it is not used for SQS.
 */
export function queueEndpoint(queueUrl: string): string | undefined {
	try {
		const url = new URL(queueUrl);
		return /(^|\.)amazonaws\.com(\.cn)?$/.test(url.hostname) ? undefined : url.origin;
	} catch {
		return undefined;
	}
}

/** The account that owns the queue (the URL's first path part), if it is an account id. */
export function queueAccount(queueUrl: string): string | undefined {
	try {
		const first = new URL(queueUrl).pathname.split('/').find(Boolean);
		return first !== undefined && /^\d{12}$/.test(first) ? first : undefined;
	} catch {
		return undefined;
	}
}

/** The queue's name (the URL's last path part), for messages. */
export function queueName(queueUrl: string): string {
	try {
		return new URL(queueUrl).pathname.split('/').filter(Boolean).pop() ?? queueUrl;
	} catch {
		return queueUrl;
	}
}

const SQS_THROTTLING = new Set(['RequestThrottled', 'AWS.SimpleQueueService.RequestThrottled', 'OverLimit', 'KmsThrottled']);
const SQS_MISSING = new Set(['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue']);

function kindOf(error: unknown): ErrorKind {
	const name = (error as {name?: unknown}).name;
	if (typeof name === 'string' && SQS_THROTTLING.has(name)) return 'throttled';
	if (typeof name === 'string' && SQS_MISSING.has(name)) return 'not-found';
	return errorKindOf(error);
}

const WORDS: Partial<Record<ErrorKind, string>> = {
	throttled: 'throttled',
	'access-denied': 'access denied',
	credentials: 'credentials refused',
	unreachable: 'unreachable',
	timeout: 'no answer in time',
	'not-found': 'no such queue',
	server: 'internal error',
};

function queueError(error: unknown, queueUrl: string, operation: string): unknown {
	if (isAbort(error)) return error;
	const kind = kindOf(error);
	return new DataError(kind, `events queue ${queueName(queueUrl)}: ${WORDS[kind] ?? `${operation} failed`}`);
}

export function createEventsQueue(options: EventsQueueOptions): EventsQueue {
	const {queueUrl} = options;
	const source: CredentialSource = options.credentials
		? {kind: 'static', credentials: options.credentials}
		: {kind: 'chain', ...(options.profile === undefined ? {} : {profile: options.profile})};
	const region = queueRegion(queueUrl) ?? options.fallbackRegion;
	const client = new SQSClient({
		region,
		// One attempt: the consumer backs off itself and falls back to polling meanwhile.
		maxAttempts: 1,
		requestHandler: {requestTimeout: options.requestTimeoutMs ?? 30_000, throwOnRequestTimeout: true, connectionTimeout: 5000},
		...(options.endpointUrl === undefined ? {} : {endpoint: options.endpointUrl}),
		...credentialOptions(source, {region}, new Map()),
	});
	// As for SSM (aws/client-factory.ts): no logger middleware copying every answer for a logger that drops it.
	client.middlewareStack.remove('loggerMiddleware');

	async function call<T>(operation: string, run: () => Promise<T>): Promise<T> {
		try {
			return await run();
		} catch (error) {
			throw queueError(error, queueUrl, operation);
		}
	}

	return {
		queueUrl,
		async probe(signal) {
			await call('GetQueueAttributes', async () =>
				client.send(new GetQueueAttributesCommand({QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages']}), {abortSignal: signal}),
			);
		},
		async receive({waitSeconds, max, signal}) {
			const answer = await call('ReceiveMessage', async () =>
				client.send(new ReceiveMessageCommand({QueueUrl: queueUrl, WaitTimeSeconds: waitSeconds, MaxNumberOfMessages: max}), {abortSignal: signal}),
			);
			return (answer.Messages ?? []).flatMap(message =>
				message.ReceiptHandle === undefined ? [] : [{receiptHandle: message.ReceiptHandle, body: message.Body ?? ''}],
			);
		},
		async deleteMessages(messages, signal) {
			let calls = 0;
			let failed = 0;
			for (let index = 0; index < messages.length; index += 10) {
				const batch = messages.slice(index, index + 10);
				calls++;
				const answer = await call('DeleteMessageBatch', async () =>
					client.send(
						new DeleteMessageBatchCommand({
							QueueUrl: queueUrl,
							Entries: batch.map((message, entry) => ({Id: `m${entry}`, ReceiptHandle: message.receiptHandle})),
						}),
						{abortSignal: signal},
					),
				);
				failed += answer.Failed?.length ?? 0;
			}

			return {calls, failed};
		},
		destroy: () => client.destroy(),
	};
}
