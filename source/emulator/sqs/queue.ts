import {createHash, randomBytes, randomUUID} from 'node:crypto';

// One standard queue: messages in arrival order, each hidden for its visibility timeout once
// received, deleted by any receipt handle it was given. Times are the emulator clock's (epoch ms).

/** A message's body, or how to write it: an event is serialised (and hashed) only if someone receives it. */
export type Body = string | (() => string);

export interface StoredMessage {
	readonly id: string;
	content: Body;
	/** MD5 of the body, once it has been received. */
	md5?: string;
	readonly sentAt: number;
	readonly senderId: string;
	visibleAt: number;
	receiveCount: number;
	firstReceiveAt?: number;
	/** The latest receipt handle: only it can change the message's visibility. */
	receipt?: string;
}

export const QUEUE_DEFAULTS = {
	VisibilityTimeout: '30',
	MaximumMessageSize: '262144',
	MessageRetentionPeriod: '345600',
	DelaySeconds: '0',
	ReceiveMessageWaitTimeSeconds: '0',
} as const;

/** Attributes a caller may set (CreateQueue, SetQueueAttributes). */
export const SETTABLE_ATTRIBUTES = new Set([...Object.keys(QUEUE_DEFAULTS), 'Policy', 'RedrivePolicy', 'SqsManagedSseEnabled', 'KmsMasterKeyId']);

const RECEIPT_PREFIX = 'emu1.';

export function md5(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

/** A message's body text, written (and its MD5 taken) the first time it is asked for. */
export function bodyOf(message: StoredMessage): {body: string; md5: string} {
	if (typeof message.content !== 'string') message.content = message.content();
	message.md5 ??= md5(message.content);
	return {body: message.content, md5: message.md5};
}

/** The message id a receipt handle was issued for, or undefined when it is not one of ours. */
export function messageIdOf(receiptHandle: string): string | undefined {
	if (!receiptHandle.startsWith(RECEIPT_PREFIX)) return undefined;
	const decoded = Buffer.from(receiptHandle.slice(RECEIPT_PREFIX.length), 'base64url').toString('utf8');
	const match = /^([0-9a-f-]{36})\/\d+\/[0-9a-f]+$/.exec(decoded);
	return match?.[1];
}

export class Queue {
	readonly messages = new Map<string, StoredMessage>();
	private readonly waiters = new Set<() => void>();
	readonly attributes: Record<string, string>;
	lastModified: number;

	constructor(
		readonly account: string,
		readonly region: string,
		readonly name: string,
		readonly createdAt: number,
		attributes: Record<string, string> = {},
	) {
		this.attributes = {...QUEUE_DEFAULTS, ...attributes};
		this.lastModified = createdAt;
	}

	get arn(): string {
		return `arn:aws:sqs:${this.region}:${this.account}:${this.name}`;
	}

	private seconds(attribute: keyof typeof QUEUE_DEFAULTS): number {
		return Number(this.attributes[attribute] ?? QUEUE_DEFAULTS[attribute]);
	}

	get visibilityTimeoutSeconds(): number {
		return this.seconds('VisibilityTimeout');
	}

	get waitTimeSeconds(): number {
		return this.seconds('ReceiveMessageWaitTimeSeconds');
	}

	enqueue(content: Body, at: number, senderId: string, delayMs = this.seconds('DelaySeconds') * 1000): StoredMessage {
		this.dropExpired(at);
		const message: StoredMessage = {id: randomUUID(), content, sentAt: at, senderId, visibleAt: at + delayMs, receiveCount: 0};
		this.messages.set(message.id, message);
		for (const wake of this.waiters) wake();
		return message;
	}

	/** Up to `max` visible messages, oldest first, each now hidden for `visibilityMs` under a new receipt handle. */
	receive(now: number, max: number, visibilityMs: number): StoredMessage[] {
		this.dropExpired(now);
		const taken: StoredMessage[] = [];
		for (const message of this.messages.values()) {
			if (taken.length >= max) break;
			if (message.visibleAt > now) continue;
			message.receiveCount += 1;
			message.firstReceiveAt ??= now;
			message.visibleAt = now + visibilityMs;
			const raw = `${message.id}/${message.receiveCount}/${randomBytes(8).toString('hex')}`;
			message.receipt = RECEIPT_PREFIX + Buffer.from(raw, 'utf8').toString('base64url');
			taken.push(message);
		}

		return taken;
	}

	/** Deletes the message a receipt handle names; a message already gone is not an error (as in SQS). */
	delete(receiptHandle: string): 'deleted' | 'invalid' {
		const id = messageIdOf(receiptHandle);
		if (!id) return 'invalid';
		this.messages.delete(id);
		return 'deleted';
	}

	changeVisibility(receiptHandle: string, now: number, visibilityMs: number): 'changed' | 'invalid' | 'not-inflight' {
		const id = messageIdOf(receiptHandle);
		const message = id ? this.messages.get(id) : undefined;
		if (!message || message.receipt !== receiptHandle) return 'invalid';
		if (message.visibleAt <= now) return 'not-inflight';
		message.visibleAt = now + visibilityMs;
		return 'changed';
	}

	purge(): void {
		this.messages.clear();
	}

	counts(now: number): {visible: number; inFlight: number; delayed: number} {
		let visible = 0;
		let inFlight = 0;
		let delayed = 0;
		for (const message of this.messages.values()) {
			if (message.visibleAt <= now) visible += 1;
			else if (message.receiveCount > 0) inFlight += 1;
			else delayed += 1;
		}

		return {visible, inFlight, delayed};
	}

	/** Calls `wake` whenever a message arrives, until the returned function is called. */
	onArrival(wake: () => void): () => void {
		this.waiters.add(wake);
		return () => this.waiters.delete(wake);
	}

	/** Messages older than the retention period are gone, as in SQS (arrival order is send order). */
	private dropExpired(now: number): void {
		const oldest = now - this.seconds('MessageRetentionPeriod') * 1000;
		for (const message of this.messages.values()) {
			if (message.sentAt >= oldest) break;
			this.messages.delete(message.id);
		}
	}
}
