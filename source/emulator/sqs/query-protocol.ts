import {randomUUID} from 'node:crypto';
import type {SqsError} from './sqs-errors.js';
import {sqsErrors} from './sqs-errors.js';
import type {SqsInput} from './sqs-input.js';

// SQS's Query protocol, as older clients (the Debian AWS CLI v2, older botocore) speak it: a form
// (Action=ReceiveMessage&QueueUrl=…&AttributeName.1=All) in, XML out, lists and maps "flattened".

const NAMESPACE = 'http://queue.amazonaws.com/doc/2012-11-05/';

/** Form lists (Prefix.N) and the JSON member they become. */
const LISTS: Record<string, string> = {
	AttributeName: 'AttributeNames',
	MessageSystemAttributeName: 'MessageSystemAttributeNames',
	MessageAttributeName: 'MessageAttributeNames',
};
/** Form maps (Prefix.N.Key / Prefix.N.Value) and the JSON member they become. */
const MAPS: Record<string, {member: string; key: string; value: string}> = {
	Attribute: {member: 'Attributes', key: 'Name', value: 'Value'},
	Tag: {member: 'tags', key: 'Key', value: 'Value'},
};
/** Form lists of structures (Prefix.N.Field). */
const ENTRIES: Record<string, string> = {
	DeleteMessageBatchRequestEntry: 'Entries',
	ChangeMessageVisibilityBatchRequestEntry: 'Entries',
	SendMessageBatchRequestEntry: 'Entries',
};
const INTEGERS = new Set(['MaxNumberOfMessages', 'VisibilityTimeout', 'WaitTimeSeconds', 'DelaySeconds', 'MaxResults']);

function scalar(name: string, value: string): unknown {
	if (!INTEGERS.has(name)) return value;
	if (!/^-?\d+$/.test(value)) throw sqsErrors.invalidParameter(`Value ${value} for parameter ${name} is invalid. Reason: must be an integer.`);
	return Number(value);
}

/** Form lists count from 1; an index beyond 1,000 is no request SQS would take. */
function position(index: string): number {
	const at = Number(index) - 1;
	if (!Number.isInteger(at) || at < 0 || at >= 1000) throw sqsErrors.malformed(`Bad list index ${index}.`);
	return at;
}

function slot<T>(list: T[], index: string, make: () => T): T {
	const at = position(index);
	list[at] ??= make();
	return list[at]!;
}

/** The action and its members, JSON-shaped, from a form body (and the URL's query string). */
export function parseQuery(form: URLSearchParams): {action: string | undefined; input: SqsInput} {
	const input: SqsInput = {};
	const lists: Record<string, string[]> = {};
	const maps: Record<string, Array<Record<string, string>>> = {};
	const entries: Record<string, SqsInput[]> = {};
	for (const [key, value] of form) {
		const [head, index, field, ...rest] = key.split('.');
		if (head === undefined || rest.length > 0) continue;
		if (index === undefined) {
			input[head] = scalar(head, value);
		} else if (LISTS[head] && field === undefined) {
			(lists[head] ??= [])[position(index)] = value;
		} else if (MAPS[head] && field !== undefined) {
			slot<Record<string, string>>((maps[head] ??= []), index, () => ({}))[field] = value;
		} else if (ENTRIES[head] && field !== undefined) {
			slot<SqsInput>((entries[head] ??= []), index, () => ({}))[field] = scalar(field, value);
		}
	}

	for (const [head, values] of Object.entries(lists)) input[LISTS[head]!] = values.filter(value => value !== undefined);
	for (const [head, pairs] of Object.entries(maps)) {
		const spec = MAPS[head]!;
		input[spec.member] = Object.fromEntries(pairs.filter(Boolean).map(pair => [pair[spec.key] ?? '', pair[spec.value] ?? '']));
	}

	for (const [head, list] of Object.entries(entries)) input[ENTRIES[head]!] = list.filter(Boolean);
	const action = typeof input['Action'] === 'string' ? input['Action'] : undefined;
	delete input['Action'];
	delete input['Version'];
	return {action, input};
}

function escape(text: string): string {
	return text.replace(/[&<>"'\r]/g, character => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;'})[character]!);
}

/** Flattened list members: each item is an element named for the member, not wrapped. */
const LIST_ITEMS: Record<string, string> = {
	Messages: 'Message',
	QueueUrls: 'QueueUrl',
	Successful: 'DeleteMessageBatchResultEntry',
	Failed: 'BatchResultErrorEntry',
};

function element(name: string, value: unknown): string {
	if (Array.isArray(value)) {
		const item = LIST_ITEMS[name] ?? name;
		return value.map(entry => element(item, entry)).join('');
	}

	if (typeof value === 'object' && value !== null) {
		// Maps (message and queue attributes) are flattened Name/Value pairs; anything else is a structure.
		if (name === 'Attributes') {
			return Object.entries(value)
				.map(([key, item]) => `<Attribute><Name>${escape(key)}</Name><Value>${escape(String(item))}</Value></Attribute>`)
				.join('');
		}

		return `<${name}>${Object.entries(value)
			.map(([key, item]) => element(key, item))
			.join('')}</${name}>`;
	}

	return `<${name}>${escape(String(value))}</${name}>`;
}

export function queryResponse(action: string, output: SqsInput): string {
	const members = Object.entries(output)
		.map(([key, value]) => element(key, value))
		.join('');
	const result =
		Object.keys(output).length > 0 || action === 'ReceiveMessage' || action === 'ListQueues' ? `<${action}Result>${members}</${action}Result>` : '';
	return `<?xml version="1.0"?><${action}Response xmlns="${NAMESPACE}">${result}<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></${action}Response>`;
}

export function queryError(error: SqsError): string {
	return `<?xml version="1.0"?><ErrorResponse xmlns="${NAMESPACE}"><Error><Type>${error.senderFault ? 'Sender' : 'Receiver'}</Type><Code>${escape(error.queryCode)}</Code><Message>${escape(error.message)}</Message><Detail/></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}
