// Faults reach SQS: throttled requests, denied and unreachable queues, and messages that are lost,
// doubled or late (so out of order), set in process and through the bounded control API.
import {GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand} from '@aws-sdk/client-sqs';
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {REORDER_DELAY_MS} from '../../source/emulator/sqs/sqs-faults.js';
import {drain, sqs} from './sqs-support.js';
import {failure, withEmulator} from './support.js';

async function control(url: string, path: string, body: unknown): Promise<{status: number; json: Record<string, unknown>}> {
	const response = await fetch(`${url}${path}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
	return {status: response.status, json: (await response.json()) as Record<string, unknown>};
}

describe('SQS faults', () => {
	const env = withEmulator('each');
	const bodies = async () => (await drain(sqs(env.running), env.running.eventsQueueUrl)).map(message => message.Body);
	const send = async (body: string) => sqs(env.running).send(new SendMessageCommand({QueueUrl: env.running.eventsQueueUrl, MessageBody: body}));

	it('throttles with RequestThrottled (HTTP 403), which the SDK retries, and SSM stays unthrottled', async () => {
		env.running.control.setFaults({sqs: {throttleRate: 1}});
		const error = await failure(sqs(env.running).send(new GetQueueAttributesCommand({QueueUrl: env.running.eventsQueueUrl, AttributeNames: ['All']})));
		expect(error.name).toBe('RequestThrottled');
		expect(error.$metadata?.httpStatusCode).toBe(403);
		await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
		env.running.control.setFaults({sqs: {throttleRate: 0.5}});
		const retrying = sqs(env.running, {maxAttempts: 10});
		const {Messages} = await retrying.send(new ReceiveMessageCommand({QueueUrl: env.running.eventsQueueUrl}));
		expect(Messages).toHaveLength(1);
		expect(env.running.control.counts().sqsRequests['ReceiveMessage']).toBeGreaterThan(1);
	});

	it('denies a queue with AccessDenied (HTTP 403) and leaves the others alone', async () => {
		env.running.control.setFaults({sqs: {deniedQueues: ['ssmtop-events']}});
		const error = await failure(sqs(env.running).send(new ReceiveMessageCommand({QueueUrl: env.running.eventsQueueUrl})));
		expect(error.name).toBe('AccessDenied');
		expect((error as {Code?: string}).Code).toBe('AccessDenied');
		expect(error.$metadata?.httpStatusCode).toBe(403);
		env.running.control.setFaults({sqs: {deniedQueues: []}});
		expect((await sqs(env.running).send(new ReceiveMessageCommand({QueueUrl: env.running.eventsQueueUrl}))).Messages).toBeUndefined();
	});

	it('makes a queue unreachable: the connection is reset with no answer, until the fault is lifted', async () => {
		env.running.control.setFaults({sqs: {unreachableQueues: ['ssmtop-events']}});
		const error = await failure(sqs(env.running).send(new ReceiveMessageCommand({QueueUrl: env.running.eventsQueueUrl})));
		expect(error.$metadata?.httpStatusCode).toBeUndefined();
		expect(`${error.name} ${error.message} ${(error as {code?: string}).code ?? ''}`).toMatch(/ECONNRESET|socket hang up|TimeoutError|closed/i);
		env.running.control.setFaults({sqs: {unreachableQueues: []}});
		await send('reachable again');
		expect(await bodies()).toEqual(['reachable again']);
	});

	it('loses messages (the sender still sees success) and doubles them (two messages, one body)', async () => {
		env.running.control.setFaults({sqs: {lossRate: 1}});
		expect((await send('lost')).MessageId).toMatch(/^[0-9a-f-]{36}$/);
		await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
		expect(await bodies()).toEqual([]);
		env.running.control.setFaults({sqs: {lossRate: 0, duplicateRate: 1}});
		await send('twice');
		const doubled = await drain(sqs(env.running), env.running.eventsQueueUrl);
		expect(doubled.map(message => message.Body)).toEqual(['twice', 'twice']);
		expect(new Set(doubled.map(message => message.MessageId)).size).toBe(2);
	});

	it('delivers late messages after later ones: out of order until their delay has passed on the engine clock', async () => {
		env.running.control.setFaults({sqs: {reorderRate: 1}});
		await send('first');
		env.running.control.setFaults({sqs: {reorderRate: 0}});
		await send('second');
		expect(await bodies()).toEqual(['second']);
		env.running.control.advance(REORDER_DELAY_MS);
		expect(await bodies()).toEqual(['first']);
	});

	it('are set over the control API, merged member by member and bounded', async () => {
		const url = env.running.url;
		const set = await control(url, '/_emulator/faults', {sqs: {lossRate: 0.25, deniedQueues: ['a']}});
		expect(set.status).toBe(200);
		expect(set.json['sqs']).toMatchObject({lossRate: 0.25, deniedQueues: ['a'], throttleRate: 0});
		const merged = await control(url, '/_emulator/faults', {sqs: {duplicateRate: 0.5}});
		expect(merged.json['sqs']).toMatchObject({lossRate: 0.25, duplicateRate: 0.5, deniedQueues: ['a']});
		for (const bad of [
			{lossRate: 2},
			{throttleRate: -0.1},
			{unreachableQueues: 'ssmtop-events'},
			{deniedQueues: Array.from({length: 1001}, () => 'q')},
			{dropEverything: true},
			'all',
		]) {
			const refused = await control(url, '/_emulator/faults', {sqs: bad});
			expect(refused.status).toBe(400);
			expect(String(refused.json['error'])).toMatch(/sqs/);
		}

		const unchanged = await fetch(`${url}/_emulator/faults`).then(async response => (await response.json()) as {sqs: Record<string, unknown>});
		expect(unchanged.sqs).toMatchObject({lossRate: 0.25, duplicateRate: 0.5});
	});
});
