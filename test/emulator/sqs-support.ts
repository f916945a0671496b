import {ReceiveMessageCommand, SQSClient, type Message} from '@aws-sdk/client-sqs';
import type {RunningEmulator} from '../../source/emulator/index.js';
import type {AutomationEvent} from '../../source/emulator/events/automation-events.js';

/** The real SQS client (JSON protocol), pointed at the emulator; the access key chooses the account. */
export function sqs(running: RunningEmulator, options: {account?: string; maxAttempts?: number} = {}): SQSClient {
	return new SQSClient({
		region: 'us-east-1',
		endpoint: running.url,
		maxAttempts: options.maxAttempts ?? 1,
		credentials: {accessKeyId: options.account ? running.accessKeyFor(options.account) : 'AKIAEXAMPLEHOME', secretAccessKey: 'not-a-secret'},
	});
}

/** Everything in the events queue now (receives without waiting until empty; hides what it took for 12 hours). */
export async function drain(client: SQSClient, queueUrl: string): Promise<Message[]> {
	const all: Message[] = [];
	for (;;) {
		const {Messages} = await client.send(
			new ReceiveMessageCommand({
				QueueUrl: queueUrl,
				MaxNumberOfMessages: 10,
				WaitTimeSeconds: 0,
				VisibilityTimeout: 43_200,
				MessageSystemAttributeNames: ['All'],
			}),
		);
		if (!Messages?.length) return all;
		all.push(...Messages);
	}
}

export function events(messages: Message[]): AutomationEvent[] {
	return messages.map(message => JSON.parse(message.Body!) as AutomationEvent);
}
