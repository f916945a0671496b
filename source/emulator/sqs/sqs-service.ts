import {randomUUID} from 'node:crypto';
import {DEFAULT_REGION, HOME_ACCOUNT} from '../accounts.js';
import type {EventBus} from '../events/event-bus.js';
import {EVENTS_QUEUE_NAME, ssmtopEventPattern} from '../events/ssmtop-rule.js';
import {Prng} from '../prng.js';
import type {CallerIdentity} from '../wire/request-context.js';
import {QUEUE_DEFAULTS, Queue, SETTABLE_ATTRIBUTES, bodyOf, md5, type Body, type StoredMessage} from './queue.js';
import {SqsError, sqsErrors} from './sqs-errors.js';
import {REORDER_DELAY_MS, noSqsFaults, type SqsFaultConfig} from './sqs-faults.js';
import {entryList, optionalInteger, optionalString, requiredString, stringList, stringMap, type SqsInput} from './sqs-input.js';

/** What an operation knows of its request. */
export interface SqsContext {
	readonly caller: CallerIdentity;
	/** http://HOST:PORT, as the client addressed the emulator: queue URLs start with it. */
	readonly baseUrl: string;
}

/** A long poll's hooks: the server brings the engine up to date and says when the client has gone. */
export interface WaitHooks {
	sync(): void;
	readonly signal: AbortSignal;
}

const queueName = /^[A-Za-z0-9_-]{1,80}$/;
export const EVENTS_RETENTION_SECONDS = 3600;
const batchEntryId = /^[A-Za-z0-9_-]{1,80}$/;
/** How often a long poll looks again without being woken: visibility timeouts expire, the real clock moves. */
const RECHECK_MS = 200;
const MESSAGE_ATTRIBUTES = ['SenderId', 'SentTimestamp', 'ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp'];
const QUEUE_ATTRIBUTES = [
	'QueueArn',
	'ApproximateNumberOfMessages',
	'ApproximateNumberOfMessagesNotVisible',
	'ApproximateNumberOfMessagesDelayed',
	'CreatedTimestamp',
	'LastModifiedTimestamp',
	...Object.keys(QUEUE_DEFAULTS),
	'Policy',
	'RedrivePolicy',
	'SqsManagedSseEnabled',
	'KmsMasterKeyId',
];
const attributeRanges: Record<string, [number, number]> = {
	VisibilityTimeout: [0, 43_200],
	MaximumMessageSize: [1024, 262_144],
	MessageRetentionPeriod: [60, 1_209_600],
	DelaySeconds: [0, 900],
	ReceiveMessageWaitTimeSeconds: [0, 20],
};
const validXml = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

function checkAttributes(attributes: Record<string, string>): void {
	for (const [name, value] of Object.entries(attributes)) {
		if (!SETTABLE_ATTRIBUTES.has(name)) throw sqsErrors.invalidAttributeName(name);
		const range = attributeRanges[name];
		if (range && !(/^\d+$/.test(value) && Number(value) >= range[0] && Number(value) <= range[1])) {
			throw new SqsError('InvalidAttributeValue', 'InvalidAttributeValue', `Invalid value for the parameter ${name}.`);
		}
	}
}

/**
 * SQS as one server serves it: standard queues per account (URL http://HOST:PORT/ACCOUNT/NAME),
 * the operations in protocol-independent form (members as the JSON protocol names them), the
 * delivery faults, and the `ssmtop-events` queue the organisation's event bus delivers to.
 */
export class SqsService {
	private readonly queues = new Map<string, Queue>();
	private prng = new Prng('sqs-faults');
	/** SQS requests served since the last reset, by operation (faulted ones included). */
	readonly requests: Record<string, number> = {};

	constructor(
		bus: EventBus,
		private readonly now: () => number,
		private readonly faults: () => Readonly<Partial<SqsFaultConfig>> | undefined,
	) {
		bus.addTarget({
			pattern: ssmtopEventPattern,
			deliver: (event, at) => {
				const queue = this.queues.get(`${HOME_ACCOUNT}/${EVENTS_QUEUE_NAME}`);
				if (queue) this.deliver(queue, () => JSON.stringify(event), at, 'AROAEMULATOREVENTS:events.amazonaws.com');
			},
		});
	}

	get faultConfig(): Readonly<SqsFaultConfig> {
		return {...noSqsFaults, ...this.faults()};
	}

	/**
	 * Starts over at `origin`: no queues but `ssmtop-events`, empty. It keeps messages an hour (SQS's
	 * default is 4 days): the demo fleet publishes about a megabyte an hour, which an emulator that
	 * nobody reads from (ssmtop --local without events) should not hoard. SetQueueAttributes changes it.
	 */
	reset(origin: number): void {
		this.queues.clear();
		this.prng = new Prng('sqs-faults');
		for (const key of Object.keys(this.requests)) delete this.requests[key];
		const queue = new Queue(HOME_ACCOUNT, DEFAULT_REGION, EVENTS_QUEUE_NAME, origin, {MessageRetentionPeriod: String(EVENTS_RETENTION_SECONDS)});
		this.queues.set(`${HOME_ACCOUNT}/${EVENTS_QUEUE_NAME}`, queue);
	}

	queue(account: string, name: string): Queue | undefined {
		return this.queues.get(`${account}/${name}`);
	}

	/** The queue a QueueUrl names (any host: only /ACCOUNT/NAME counts). */
	queueAt(url: string): Queue {
		let path: string;
		try {
			path = new URL(url).pathname;
		} catch {
			path = url;
		}

		const match = /^\/(\d{12})\/([^/]+)\/?$/.exec(path);
		const queue = match ? this.queue(match[1]!, match[2]!) : undefined;
		if (!queue) throw sqsErrors.nonExistentQueue();
		return queue;
	}

	/** Puts a message in a queue, through the delivery faults: it may be lost, doubled or late. */
	deliver(queue: Queue, body: Body, at: number, senderId: string, delayMs?: number): StoredMessage | undefined {
		const faults = this.faultConfig;
		if (faults.lossRate > 0 && this.prng.next() < faults.lossRate) return undefined;
		const late = faults.reorderRate > 0 && this.prng.next() < faults.reorderRate ? REORDER_DELAY_MS : 0;
		const message = queue.enqueue(body, at, senderId, delayMs);
		message.visibleAt += late;
		if (faults.duplicateRate > 0 && this.prng.next() < faults.duplicateRate) queue.enqueue(body, at, senderId, delayMs);
		return message;
	}

	/** The request-level faults: throttling, then a denied queue. An unreachable queue is the server's to act on. */
	requestFault(queue: string | undefined): SqsError | 'unreachable' | undefined {
		const faults = this.faultConfig;
		if (queue !== undefined && faults.unreachableQueues.includes(queue)) return 'unreachable';
		if (faults.throttleRate > 0 && this.prng.next() < faults.throttleRate) return sqsErrors.throttled();
		if (queue !== undefined && faults.deniedQueues.includes(queue)) return sqsErrors.accessDenied();
		return undefined;
	}

	/** The queue name a request is about (for the faults), if it names one. */
	static queueNameOf(input: SqsInput): string | undefined {
		const url = input['QueueUrl'];
		if (typeof url === 'string') return /\/([^/]+)\/?$/.exec(url)?.[1];
		const name = input['QueueName'];
		return typeof name === 'string' ? name : undefined;
	}

	url(queue: Queue, context: SqsContext): string {
		return `${context.baseUrl}/${queue.account}/${queue.name}`;
	}

	// ---- operations -------------------------------------------------------------------------

	readonly operations: Record<string, (input: SqsInput, context: SqsContext, hooks: WaitHooks) => SqsInput | Promise<SqsInput>> = {
		CreateQueue: (input, context) => {
			const name = requiredString(input, 'QueueName');
			if (name.endsWith('.fifo')) throw sqsErrors.invalidParameter('FIFO queues are not emulated: create a standard queue.');
			if (!queueName.test(name)) {
				throw sqsErrors.invalidParameter('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
			}

			const attributes = stringMap(input, 'Attributes');
			checkAttributes(attributes);
			const {account, region} = context.caller;
			const existing = this.queue(account, name);
			if (existing) {
				const differs = Object.entries(attributes).some(([key, value]) => existing.attributes[key] !== value);
				if (differs) throw sqsErrors.queueNameExists(name);
				return {QueueUrl: this.url(existing, context)};
			}

			const queue = new Queue(account, region, name, this.now(), attributes);
			this.queues.set(`${account}/${name}`, queue);
			return {QueueUrl: this.url(queue, context)};
		},

		GetQueueUrl: (input, context) => {
			const name = requiredString(input, 'QueueName');
			const owner = optionalString(input, 'QueueOwnerAWSAccountId') ?? context.caller.account;
			const queue = this.queue(owner, name);
			if (!queue) throw sqsErrors.nonExistentQueue();
			return {QueueUrl: this.url(queue, context)};
		},

		ListQueues: (input, context) => {
			const prefix = optionalString(input, 'QueueNamePrefix') ?? '';
			const max = optionalInteger(input, 'MaxResults', 1, 1000);
			const after = optionalString(input, 'NextToken');
			const start = after === undefined ? '' : Buffer.from(after, 'base64url').toString('utf8');
			const names = [...this.queues.values()]
				.filter(queue => queue.account === context.caller.account && queue.name.startsWith(prefix) && queue.name > start)
				.map(queue => queue.name)
				.sort();
			const page = names.slice(0, max ?? 1000);
			const output: SqsInput = {};
			if (page.length > 0) output['QueueUrls'] = page.map(name => this.url(this.queue(context.caller.account, name)!, context));
			if (max !== undefined && names.length > page.length) output['NextToken'] = Buffer.from(page.at(-1)!, 'utf8').toString('base64url');
			return output;
		},

		GetQueueAttributes: input => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			const asked = stringList(input, 'AttributeNames');
			for (const name of asked) {
				if (
					name !== 'All' &&
					!QUEUE_ATTRIBUTES.includes(name) &&
					![
						'FifoQueue',
						'ContentBasedDeduplication',
						'DeduplicationScope',
						'FifoThroughputLimit',
						'RedriveAllowPolicy',
						'KmsDataKeyReusePeriodSeconds',
					].includes(name)
				) {
					throw sqsErrors.invalidAttributeName(name);
				}
			}

			const now = this.now();
			const counts = queue.counts(now);
			const all: Record<string, string> = {
				QueueArn: queue.arn,
				ApproximateNumberOfMessages: String(counts.visible),
				ApproximateNumberOfMessagesNotVisible: String(counts.inFlight),
				ApproximateNumberOfMessagesDelayed: String(counts.delayed),
				CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
				LastModifiedTimestamp: String(Math.floor(queue.lastModified / 1000)),
				SqsManagedSseEnabled: 'false',
				...queue.attributes,
			};
			const wanted = asked.includes('All') ? Object.keys(all) : asked;
			const attributes = Object.fromEntries(wanted.filter(name => all[name] !== undefined).map(name => [name, all[name]!]));
			return Object.keys(attributes).length > 0 ? {Attributes: attributes} : {};
		},

		SetQueueAttributes: input => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			const attributes = stringMap(input, 'Attributes');
			checkAttributes(attributes);
			Object.assign(queue.attributes, attributes);
			queue.lastModified = this.now();
			return {};
		},

		SendMessage: (input, context) => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			const body = requiredString(input, 'MessageBody');
			const delay = optionalInteger(input, 'DelaySeconds', 0, 900);
			if (Buffer.byteLength(body) > Number(queue.attributes['MaximumMessageSize'])) {
				throw sqsErrors.invalidParameter(
					`One or more parameters are invalid. Reason: Message must be shorter than ${queue.attributes['MaximumMessageSize']} bytes.`,
				);
			}

			if (!validXml.test(body)) {
				throw new SqsError(
					'InvalidMessageContents',
					'InvalidMessageContents',
					'Invalid characters found. Only characters allowed by the XML 1.0 specification are accepted.',
				);
			}

			const sender = context.caller.accessKeyId ?? 'AIDAANONYMOUS';
			const message = this.deliver(queue, body, this.now(), sender, delay === undefined ? undefined : delay * 1000);
			// A lost message was still accepted: the sender cannot tell.
			return {MessageId: message?.id ?? randomUUID(), MD5OfMessageBody: md5(body)};
		},

		ReceiveMessage: async (input, _context, hooks) => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			const max = optionalInteger(input, 'MaxNumberOfMessages', 1, 10) ?? 1;
			const visibility = optionalInteger(input, 'VisibilityTimeout', 0, 43_200) ?? queue.visibilityTimeoutSeconds;
			const wait = optionalInteger(input, 'WaitTimeSeconds', 0, 20) ?? queue.waitTimeSeconds;
			const names = [...stringList(input, 'AttributeNames'), ...stringList(input, 'MessageSystemAttributeNames')];
			const wanted = names.includes('All') ? MESSAGE_ATTRIBUTES : MESSAGE_ATTRIBUTES.filter(name => names.includes(name));
			const messages = await this.receive(queue, max, visibility * 1000, wait * 1000, hooks);
			if (messages.length === 0) return {};
			return {
				Messages: messages.map(message => {
					const attributes: Record<string, string> = {
						SenderId: message.senderId,
						SentTimestamp: String(message.sentAt),
						ApproximateReceiveCount: String(message.receiveCount),
						ApproximateFirstReceiveTimestamp: String(message.firstReceiveAt ?? message.sentAt),
					};
					const {body, md5: digest} = bodyOf(message);
					return {
						MessageId: message.id,
						ReceiptHandle: message.receipt,
						MD5OfBody: digest,
						Body: body,
						...(wanted.length > 0 ? {Attributes: Object.fromEntries(wanted.map(name => [name, attributes[name]!]))} : {}),
					};
				}),
			};
		},

		DeleteMessage: input => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			const handle = requiredString(input, 'ReceiptHandle');
			if (queue.delete(handle) === 'invalid') throw sqsErrors.receiptHandleInvalid(handle);
			return {};
		},

		DeleteMessageBatch: input => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			const entries = entryList(input, 'Entries');
			if (entries.length === 0) throw sqsErrors.emptyBatch();
			if (entries.length > 10) throw sqsErrors.tooManyEntries(entries.length);
			const seen = new Set<string>();
			for (const entry of entries) {
				const id = requiredString(entry, 'Id');
				if (!batchEntryId.test(id)) throw sqsErrors.invalidBatchEntryId(id);
				if (seen.has(id)) throw sqsErrors.idsNotDistinct(id);
				seen.add(id);
			}

			const successful: SqsInput[] = [];
			const failed: SqsInput[] = [];
			for (const entry of entries) {
				const id = entry['Id'] as string;
				const handle = typeof entry['ReceiptHandle'] === 'string' ? entry['ReceiptHandle'] : '';
				if (queue.delete(handle) === 'deleted') successful.push({Id: id});
				else failed.push({Id: id, SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: sqsErrors.receiptHandleInvalid(handle).message});
			}

			return {Successful: successful, Failed: failed};
		},

		ChangeMessageVisibility: input => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			const handle = requiredString(input, 'ReceiptHandle');
			const seconds = optionalInteger(input, 'VisibilityTimeout', 0, 43_200);
			if (seconds === undefined) throw sqsErrors.missingParameter('VisibilityTimeout');
			const result = queue.changeVisibility(handle, this.now(), seconds * 1000);
			if (result === 'invalid') throw sqsErrors.receiptHandleInvalid(handle);
			if (result === 'not-inflight') throw sqsErrors.messageNotInflight();
			return {};
		},

		PurgeQueue: input => {
			this.queueAt(requiredString(input, 'QueueUrl')).purge();
			return {};
		},

		DeleteQueue: input => {
			const queue = this.queueAt(requiredString(input, 'QueueUrl'));
			this.queues.delete(`${queue.account}/${queue.name}`);
			return {};
		},
	};

	/**
	 * Receives at once, or waits up to `waitMs` of real time for a message: woken by an arrival,
	 * looking again every RECHECK_MS (visibility timeouts end, the engine moves on), and ending
	 * when the client goes (or the server closes its connections), having taken nothing.
	 */
	private async receive(queue: Queue, max: number, visibilityMs: number, waitMs: number, hooks: WaitHooks): Promise<StoredMessage[]> {
		const deadline = Date.now() + waitMs;
		for (;;) {
			if (hooks.signal.aborted) return [];
			hooks.sync();
			const messages = queue.receive(this.now(), max, visibilityMs);
			const left = deadline - Date.now();
			if (messages.length > 0 || left <= 0) return messages;
			await new Promise<void>(resolve => {
				const done = () => {
					clearTimeout(timer);
					stop();
					hooks.signal.removeEventListener('abort', done);
					resolve();
				};

				const timer = setTimeout(done, Math.min(left, RECHECK_MS));
				const stop = queue.onArrival(done);
				hooks.signal.addEventListener('abort', done);
			});
		}
	}
}
