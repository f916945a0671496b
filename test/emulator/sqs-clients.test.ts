// SQS as the AWS CLI v2 (Debian's, by path) and boto3 see it: the Debian botocore speaks SQS's
// Query protocol (form in, XML out), a current botocore the JSON protocol; each receives the event
// of a run it starts, deletes it and reads SQS's errors. Skipped where the client is absent.
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {awsCli, cliEnvironment, hasAws, run} from './cli-clients.js';
import {emulator, ssm} from './support.js';

// The AWS CLI and Python take ≈1–2 s to start each, far more on a loaded machine.
vi.setConfig({testTimeout: 180_000});

/** The Python interpreters with boto3 here, and the SQS protocol their botocore speaks. */
async function pythons(): Promise<Array<{python: string; protocol: string}>> {
	const candidates = new Set<string>(['/usr/bin/python3']);
	const found = await run('python3', ['-c', 'import sys; print(sys.executable)']).then(
		({stdout}) => stdout.trim(),
		() => '',
	);
	if (found) candidates.add(found);
	const result: Array<{python: string; protocol: string}> = [];
	for (const python of candidates) {
		if (!existsSync(python)) continue;
		const protocol = await run(python, ['-c', "import boto3, botocore.session as s; print(s.get_session().get_service_model('sqs').protocol)"]).then(
			({stdout}) => stdout.trim(),
			() => '',
		);
		if (protocol && !result.some(entry => entry.protocol === protocol)) result.push({python, protocol});
	}

	return result;
}

const interpreters = await pythons();
let running: RunningEmulator;

function environment(): NodeJS.ProcessEnv {
	return cliEnvironment();
}

async function aws(...args: string[]): Promise<Record<string, unknown>> {
	const {stdout} = await run(awsCli, [...args, '--endpoint-url', running.url, '--output', 'json'], {env: environment()});
	return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

/** Starts a command and resolves with its output once it exits (rejects on a non-zero exit). */
function background(command: string, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {env: environment()});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.on('close', code => (code === 0 ? resolve(stdout) : reject(new Error(`${command} exited ${code}: ${stderr}`))));
	});
}

beforeAll(async () => {
	running = await emulator({seed: 'none'});
});
afterAll(async () => running.close());

describe('SQS through the AWS CLI (Query protocol)', () => {
	it.skipIf(!hasAws)('long-polls the events queue, is answered by the event of a run started meanwhile, and deletes it', async () => {
		const queueUrl = running.eventsQueueUrl;
		expect((await aws('sqs', 'get-queue-url', '--queue-name', 'ssmtop-events'))['QueueUrl']).toBe(queueUrl);
		const receiving = background(awsCli, [
			'sqs',
			'receive-message',
			'--queue-url',
			queueUrl,
			'--wait-time-seconds',
			'20',
			'--max-number-of-messages',
			'10',
			'--attribute-names',
			'All',
			'--endpoint-url',
			running.url,
			'--output',
			'json',
		]);
		await expect.poll(() => running.control.counts().sqsRequests['ReceiveMessage'], {timeout: 120_000}).toBe(1);
		// Started through the SDK, at once: a second CLI start could outlast the 20 s wait on a loaded machine.
		const started = await ssm(running).send(
			new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
		);
		const {Messages} = JSON.parse(await receiving) as {Messages: Array<{Body: string; ReceiptHandle: string; Attributes: Record<string, string>}>};
		expect(Messages).toHaveLength(1);
		const event = JSON.parse(Messages[0]!.Body) as {'detail-type': string; detail: {ExecutionId: string; Status: string}};
		expect(event['detail-type']).toBe('EC2 Automation Execution Status-change Notification');
		expect(event.detail).toMatchObject({ExecutionId: started.AutomationExecutionId, Status: 'Pending'});
		expect(Messages[0]!.Attributes['ApproximateReceiveCount']).toBe('1');
		await aws('sqs', 'delete-message', '--queue-url', queueUrl, '--receipt-handle', Messages[0]!.ReceiptHandle);
		const attributes = await aws(
			'sqs',
			'get-queue-attributes',
			'--queue-url',
			queueUrl,
			'--attribute-names',
			'ApproximateNumberOfMessages',
			'ApproximateNumberOfMessagesNotVisible',
		);
		expect(attributes['Attributes']).toEqual({ApproximateNumberOfMessages: '0', ApproximateNumberOfMessagesNotVisible: '0'});
	});

	it.skipIf(!hasAws)('reads SQS errors in the Query shape', async () => {
		const error = await aws('sqs', 'get-queue-url', '--queue-name', 'no-such-queue').then(
			() => '',
			(failure: {stderr?: string}) => failure.stderr ?? '',
		);
		expect(error).toMatch(/AWS\.SimpleQueueService\.NonExistentQueue/);
		const badHandle = await aws('sqs', 'delete-message', '--queue-url', running.eventsQueueUrl, '--receipt-handle', 'nonsense').then(
			() => '',
			(failure: {stderr?: string}) => failure.stderr ?? '',
		);
		expect(badHandle).toMatch(/ReceiptHandleIsInvalid/);
	});
});

describe.each(interpreters)('SQS through boto3 ($protocol protocol)', ({python}) => {
	it('receives the event of a run it starts, deletes it in a batch and reads a missing queue as NonExistentQueue', async () => {
		const script = `
import json, boto3, botocore
kw = dict(region_name='us-east-1', endpoint_url='${running.url}')
ssm = boto3.client('ssm', **kw)
sqs = boto3.client('sqs', **kw)
url = sqs.get_queue_url(QueueName='ssmtop-events')['QueueUrl']
run = ssm.start_automation_execution(DocumentName='AWS-StopEC2Instance', Parameters={'InstanceId': ['i-0123456789abcdef0']})
got = sqs.receive_message(QueueUrl=url, WaitTimeSeconds=20, MaxNumberOfMessages=10, AttributeNames=['All'])['Messages']
batch = sqs.delete_message_batch(QueueUrl=url, Entries=[{'Id': 'm%d' % i, 'ReceiptHandle': m['ReceiptHandle']} for i, m in enumerate(got)])
try:
    sqs.get_queue_url(QueueName='no-such-queue')
    code = None
except botocore.exceptions.ClientError as error:
    code = error.response['Error']['Code']
print(json.dumps({'id': run['AutomationExecutionId'], 'events': [json.loads(m['Body']) for m in got], 'deleted': len(batch.get('Successful', [])), 'code': code}))
`;
		const {stdout} = await run(python, ['-c', script], {env: environment()});
		const result = JSON.parse(stdout) as {id: string; events: Array<{detail: {ExecutionId: string; Status: string}}>; deleted: number; code: string};
		expect(result.events.map(event => event.detail)).toEqual([expect.objectContaining({ExecutionId: result.id, Status: 'Pending'})]);
		expect(result.deleted).toBe(1);
		expect(result.code).toBe('AWS.SimpleQueueService.NonExistentQueue');
	});
});
