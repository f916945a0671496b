// SQS served beside SSM, through the real @aws-sdk/client-sqs over HTTP (JSON protocol): the
// ssmtop-events queue, long polls answered early by an event, visibility timeouts, deletes.
import {
	ChangeMessageVisibilityCommand,
	CreateQueueCommand,
	DeleteMessageBatchCommand,
	DeleteMessageCommand,
	GetQueueAttributesCommand,
	GetQueueUrlCommand,
	ListQueuesCommand,
	ReceiveMessageCommand,
	SendMessageCommand,
} from '@aws-sdk/client-sqs';
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {drain, events, sqs} from './sqs-support.js';
import {emulator, failure, withEmulator} from './support.js';

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

describe('SQS over the JSON protocol (@aws-sdk/client-sqs)', () => {
	const env = withEmulator('each');

	it('holds ssmtop-events in the home account at start, with its URL and attributes', async () => {
		const client = sqs(env.running);
		const {QueueUrl} = await client.send(new GetQueueUrlCommand({QueueName: 'ssmtop-events'}));
		expect(QueueUrl).toBe(env.running.eventsQueueUrl);
		expect(QueueUrl).toBe(`${env.running.url}/123456789012/ssmtop-events`);
		const {Attributes} = await client.send(new GetQueueAttributesCommand({QueueUrl, AttributeNames: ['All']}));
		expect(Attributes).toMatchObject({
			QueueArn: 'arn:aws:sqs:us-east-1:123456789012:ssmtop-events',
			ApproximateNumberOfMessages: '0',
			VisibilityTimeout: '30',
			MessageRetentionPeriod: '3600',
		});
		const listed = await client.send(new ListQueuesCommand({QueueNamePrefix: 'ssmtop'}));
		expect(listed.QueueUrls).toEqual([QueueUrl]);
	});

	it('answers a 20 s long poll as soon as a run starts, with the event as the body', async () => {
		const client = sqs(env.running);
		const began = Date.now();
		const receiving = client.send(
			new ReceiveMessageCommand({QueueUrl: env.running.eventsQueueUrl, WaitTimeSeconds: 20, MaxNumberOfMessages: 10, MessageSystemAttributeNames: ['All']}),
		);
		const {AutomationExecutionId} = await env.client.send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
		);
		const {Messages} = await receiving;
		expect(Date.now() - began).toBeLessThan(10_000);
		expect(Messages).toHaveLength(1);
		const message = Messages![0]!;
		expect(message.MD5OfBody).toBe(md5(message.Body!));
		expect(message.Attributes?.ApproximateReceiveCount).toBe('1');
		const [event] = events(Messages!);
		expect(event).toMatchObject({
			'detail-type': 'EC2 Automation Execution Status-change Notification',
			detail: {ExecutionId: AutomationExecutionId, Status: 'Pending'},
		});
	});

	it('hides a received message for its visibility timeout on the engine clock, and shows it again after', async () => {
		const client = sqs(env.running);
		const QueueUrl = env.running.eventsQueueUrl;
		await client.send(new SendMessageCommand({QueueUrl, MessageBody: 'one'}));
		const first = await client.send(new ReceiveMessageCommand({QueueUrl, VisibilityTimeout: 30, MessageSystemAttributeNames: ['ApproximateReceiveCount']}));
		expect(first.Messages?.map(message => message.Body)).toEqual(['one']);
		expect((await client.send(new ReceiveMessageCommand({QueueUrl}))).Messages).toBeUndefined();
		const counts = await client.send(new GetQueueAttributesCommand({QueueUrl, AttributeNames: ['ApproximateNumberOfMessagesNotVisible']}));
		expect(counts.Attributes).toEqual({ApproximateNumberOfMessagesNotVisible: '1'});
		env.running.control.advance(30_000);
		const again = await client.send(new ReceiveMessageCommand({QueueUrl, VisibilityTimeout: 60, MessageSystemAttributeNames: ['ApproximateReceiveCount']}));
		expect(again.Messages?.[0]?.Attributes).toEqual({ApproximateReceiveCount: '2'});
		expect(again.Messages?.[0]?.ReceiptHandle).not.toBe(first.Messages?.[0]?.ReceiptHandle);
		// ChangeMessageVisibility to 0 shows it at once; the old receipt handle no longer moves it.
		const stale = await failure(
			client.send(new ChangeMessageVisibilityCommand({QueueUrl, ReceiptHandle: first.Messages![0]!.ReceiptHandle!, VisibilityTimeout: 0})),
		);
		expect(stale.name).toBe('ReceiptHandleIsInvalid');
		await client.send(new ChangeMessageVisibilityCommand({QueueUrl, ReceiptHandle: again.Messages![0]!.ReceiptHandle!, VisibilityTimeout: 0}));
		const third = await client.send(new ReceiveMessageCommand({QueueUrl}));
		expect(third.Messages?.map(message => message.Body)).toEqual(['one']);
		const notInFlight = await failure(
			client
				.send(new ChangeMessageVisibilityCommand({QueueUrl, ReceiptHandle: third.Messages![0]!.ReceiptHandle!, VisibilityTimeout: 0}))
				.then(() => client.send(new ChangeMessageVisibilityCommand({QueueUrl, ReceiptHandle: third.Messages![0]!.ReceiptHandle!, VisibilityTimeout: 5}))),
		);
		expect(notInFlight.name).toBe('MessageNotInflight');
	});

	it('deletes one by one and in batches, reporting bad receipt handles per entry', async () => {
		const client = sqs(env.running);
		const {QueueUrl} = await client.send(new CreateQueueCommand({QueueName: 'work', Attributes: {VisibilityTimeout: '60'}}));
		expect(QueueUrl).toBe(`${env.running.url}/123456789012/work`);
		for (const body of ['a', 'b', 'c']) {
			const sent = await client.send(new SendMessageCommand({QueueUrl, MessageBody: body}));
			expect(sent.MD5OfMessageBody).toBe(md5(body));
		}

		const {Messages} = await client.send(new ReceiveMessageCommand({QueueUrl, MaxNumberOfMessages: 10}));
		expect(Messages?.map(message => message.Body)).toEqual(['a', 'b', 'c']);
		const [a, b, c] = Messages!;
		await client.send(new DeleteMessageCommand({QueueUrl, ReceiptHandle: a!.ReceiptHandle}));
		const batch = await client.send(
			new DeleteMessageBatchCommand({
				QueueUrl,
				Entries: [
					{Id: 'b', ReceiptHandle: b!.ReceiptHandle},
					{Id: 'c', ReceiptHandle: c!.ReceiptHandle},
					{Id: 'bad', ReceiptHandle: 'not-a-receipt-handle'},
				],
			}),
		);
		expect(batch.Successful?.map(entry => entry.Id)).toEqual(['b', 'c']);
		expect(batch.Failed).toEqual([
			{Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: expect.stringContaining('not a valid receipt handle')},
		]);
		env.running.control.advance(120_000);
		expect((await client.send(new ReceiveMessageCommand({QueueUrl}))).Messages).toBeUndefined();
		const tooMany = await failure(
			client.send(new DeleteMessageBatchCommand({QueueUrl, Entries: Array.from({length: 11}, (_, index) => ({Id: `e${index}`, ReceiptHandle: 'x'}))})),
		);
		expect(tooMany.name).toBe('TooManyEntriesInBatchRequest');
		const empty = await failure(client.send(new DeleteMessageBatchCommand({QueueUrl, Entries: []})));
		expect(empty.name).toBe('EmptyBatchRequest');
	});

	it('answers with SQS errors: a missing queue, out-of-range members', async () => {
		const client = sqs(env.running);
		const missing = await failure(client.send(new GetQueueUrlCommand({QueueName: 'nope'})));
		expect(missing.name).toBe('QueueDoesNotExist');
		expect((missing as {Code?: string}).Code).toBe('AWS.SimpleQueueService.NonExistentQueue');
		expect(missing.$metadata?.httpStatusCode).toBe(400);
		const tooMany = await failure(client.send(new ReceiveMessageCommand({QueueUrl: env.running.eventsQueueUrl, MaxNumberOfMessages: 11})));
		expect((tooMany as {Code?: string}).Code).toBe('InvalidParameterValue');
		const tooLong = await failure(client.send(new ReceiveMessageCommand({QueueUrl: env.running.eventsQueueUrl, WaitTimeSeconds: 21})));
		expect(tooLong.message).toMatch(/WaitTimeSeconds/);
		const otherAccount = await failure(sqs(env.running, {account: '210987654321'}).send(new GetQueueUrlCommand({QueueName: 'ssmtop-events'})));
		expect(otherAccount.name).toBe('QueueDoesNotExist');
		const owned = await sqs(env.running, {account: '210987654321'}).send(
			new GetQueueUrlCommand({QueueName: 'ssmtop-events', QueueOwnerAWSAccountId: '123456789012'}),
		);
		expect(owned.QueueUrl).toBe(env.running.eventsQueueUrl);
	});

	it('drops messages older than the retention period (an hour for ssmtop-events, on the engine clock)', async () => {
		const client = sqs(env.running);
		const QueueUrl = env.running.eventsQueueUrl;
		await client.send(new SendMessageCommand({QueueUrl, MessageBody: 'old'}));
		env.running.control.advance(3_000_000);
		await client.send(new SendMessageCommand({QueueUrl, MessageBody: 'newer'}));
		env.running.control.advance(600_001);
		expect((await drain(client, QueueUrl)).map(message => message.Body)).toEqual(['newer']);
	});

	it('empties the queue on reset: only events from then on', async () => {
		const client = sqs(env.running);
		await client.send(new SendMessageCommand({QueueUrl: env.running.eventsQueueUrl, MessageBody: 'before'}));
		env.running.control.reset('none');
		expect(await drain(client, env.running.eventsQueueUrl)).toEqual([]);
	});
});

describe('the wire: Query (form in, XML out) and JSON errors with x-amzn-query-error', () => {
	const env = withEmulator('each');
	const signedForSqs = 'AWS4-HMAC-SHA256 Credential=AKIAEXAMPLEHOME/20261125/us-east-1/sqs/aws4_request, SignedHeaders=host, Signature=0';
	const form = async (fields: Record<string, string>, path = '/') => {
		const response = await fetch(`${env.running.url}${path}`, {
			method: 'POST',
			headers: {'content-type': 'application/x-www-form-urlencoded; charset=utf-8', authorization: signedForSqs},
			body: new URLSearchParams({Version: '2012-11-05', ...fields}).toString(),
		});
		return {status: response.status, type: response.headers.get('content-type'), text: await response.text()};
	};

	it('answers Query requests in XML, with flattened lists and attributes, and escapes the body', async () => {
		const QueueUrl = env.running.eventsQueueUrl;
		const sent = await form({Action: 'SendMessage', QueueUrl, MessageBody: '{"a":"<&>"}'});
		expect(sent.status).toBe(200);
		expect(sent.text).toMatch(
			/^<\?xml version="1.0"\?><SendMessageResponse xmlns="http:\/\/queue.amazonaws.com\/doc\/2012-11-05\/"><SendMessageResult><MessageId>[0-9a-f-]{36}<\/MessageId><MD5OfMessageBody>[0-9a-f]{32}<\/MD5OfMessageBody><\/SendMessageResult><ResponseMetadata><RequestId>/,
		);
		// Posted to the queue's own URL, QueueUrl left out, as older Query clients do.
		const received = await form(
			{Action: 'ReceiveMessage', MaxNumberOfMessages: '10', 'AttributeName.1': 'ApproximateReceiveCount'},
			'/123456789012/ssmtop-events',
		);
		expect(received.type).toBe('text/xml');
		expect(received.text).toContain('<ReceiveMessageResult><Message><MessageId>');
		expect(received.text).toContain(
			'<Body>{&quot;a&quot;:&quot;&lt;&amp;&gt;&quot;}</Body><Attribute><Name>ApproximateReceiveCount</Name><Value>1</Value></Attribute></Message></ReceiveMessageResult>',
		);
		const empty = await form({Action: 'ReceiveMessage', QueueUrl});
		expect(empty.text).toContain('<ReceiveMessageResult></ReceiveMessageResult>');
		const attributes = await form({Action: 'GetQueueAttributes', QueueUrl, 'AttributeName.1': 'QueueArn'});
		expect(attributes.text).toContain(
			'<GetQueueAttributesResult><Attribute><Name>QueueArn</Name><Value>arn:aws:sqs:us-east-1:123456789012:ssmtop-events</Value></Attribute></GetQueueAttributesResult>',
		);
	});

	it('answers Query errors as ErrorResponse XML with the Query code', async () => {
		const missing = await form({Action: 'GetQueueUrl', QueueName: 'nope'});
		expect(missing.status).toBe(400);
		expect(missing.text).toMatch(
			/<ErrorResponse xmlns="http:\/\/queue.amazonaws.com\/doc\/2012-11-05\/"><Error><Type>Sender<\/Type><Code>AWS.SimpleQueueService.NonExistentQueue<\/Code><Message>The specified queue does not exist.<\/Message><Detail\/><\/Error><RequestId>/,
		);
		const unknown = await form({Action: 'TeleportMessage'});
		expect(unknown.text).toContain('<Code>InvalidAction</Code>');
		const badNumber = await form({Action: 'ReceiveMessage', QueueUrl: env.running.eventsQueueUrl, WaitTimeSeconds: 'soon'});
		expect(badNumber.text).toContain('<Code>InvalidParameterValue</Code>');
	});

	it('sends JSON errors with __type and the Query code in x-amzn-query-error', async () => {
		const response = await fetch(`${env.running.url}/`, {
			method: 'POST',
			headers: {'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AmazonSQS.GetQueueUrl'},
			body: JSON.stringify({QueueName: 'nope'}),
		});
		expect(response.status).toBe(400);
		expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
		expect(response.headers.get('x-amzn-query-error')).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
		expect(await response.json()).toEqual({__type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.'});
	});
});

describe('a long poll and the server closing', () => {
	it('ends when the emulator closes, and close does not wait for the 20 s', async () => {
		const running = await emulator();
		const client = sqs(running);
		const receiving = client.send(new ReceiveMessageCommand({QueueUrl: running.eventsQueueUrl, WaitTimeSeconds: 20})).then(
			() => 'answered',
			() => 'cut off',
		);
		// The request is in (the server counts it) before the server closes.
		await expect.poll(() => running.control.counts().sqsRequests['ReceiveMessage']).toBe(1);
		const began = Date.now();
		await running.close();
		expect(await receiving).toBe('cut off');
		expect(Date.now() - began).toBeLessThan(5000);
	});
});
