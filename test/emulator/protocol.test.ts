import {ListDocumentsCommand} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {KEEP_ALIVE_TIMEOUT_MS} from '../../source/emulator/server.js';
import {emulator, rawPost, ssm} from './support.js';

describe('wire protocol', () => {
	let running: RunningEmulator;
	beforeAll(async () => {
		running = await emulator();
	});
	afterAll(async () => running.close());

	it('answers a JSON 1.1 request with the protocol content type and a request id', async () => {
		const response = await rawPost(running, 'AmazonSSM.ListDocuments', '{"MaxResults": 2}');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.1');
		expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
		expect((response.json['DocumentIdentifiers'] as unknown[]).length).toBe(2);
	});

	it("keeps an idle connection open 65 s, as it tells clients (Keep-Alive), not Node's 5 s", async () => {
		const response = await rawPost(running, 'AmazonSSM.ListDocuments', '{"MaxResults": 1}');
		expect(response.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_TIMEOUT_MS / 1000}`);
		expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
	});

	it('treats an empty body as {} and routes on the target header, whatever the path', async () => {
		const response = await rawPost(running, 'AmazonSSM.DescribeAutomationExecutions', '', '/some/prefix/');
		expect(response.status).toBe(200);
		expect(response.json).toEqual({AutomationExecutionMetadataList: []});
	});

	it("rejects a missing target, an unknown operation and another service's target with UnknownOperationException", async () => {
		for (const target of [undefined, 'AmazonSSM.GetParameter', 'AmazonEC2.DescribeInstances']) {
			const response = await rawPost(running, target, '{}');
			expect(response.status).toBe(400);
			expect(response.json['__type']).toBe('UnknownOperationException');
			expect(typeof response.json['message']).toBe('string');
		}
	});

	it('rejects malformed JSON and non-object bodies with SerializationException', async () => {
		for (const body of ['{"MaxResults":', '[1,2]', '"text"']) {
			const response = await rawPost(running, 'AmazonSSM.ListDocuments', body);
			expect(response.status).toBe(400);
			expect(response.json['__type']).toBe('SerializationException');
		}
	});

	it('rejects a member of the wrong JSON type with SerializationException', async () => {
		const response = await rawPost(running, 'AmazonSSM.ListDocuments', '{"MaxResults":"ten"}');
		expect(response.status).toBe(400);
		expect(response.json['__type']).toBe('SerializationException');
	});

	it('reads the region from the credential scope and the account from the key', async () => {
		const client = ssm(running, {region: 'ap-southeast-2', account: '210987654321'});
		const listed = await client.send(new ListDocumentsCommand({MaxResults: 1}));
		expect(listed.DocumentIdentifiers).toHaveLength(1);
		expect(running.accessKeyFor('210987654321')).toBe('AKID210987654321');
		expect(() => running.accessKeyFor('12')).toThrow(RangeError);
	});

	it('refuses to listen on a non-loopback address', async () => {
		await expect(startEmulator({host: '0.0.0.0', seed: 'none'})).rejects.toThrow(/loopback/);
		await expect(startEmulator({host: '192.168.1.20', seed: 'none'})).rejects.toThrow(/loopback/);
	});

	it('serves the control API as plain JSON', async () => {
		const counts = (await (await fetch(`${running.url}/_emulator/counts`)).json()) as {executions: number; requests: Record<string, number>};
		expect(counts.executions).toBe(0);
		expect(counts.requests['ListDocuments']).toBeGreaterThan(0);
		const missing = await fetch(`${running.url}/_emulator/nothing-here`);
		expect(missing.status).toBe(404);
		const bad = await fetch(`${running.url}/_emulator/clock/advance`, {method: 'POST', headers: {'content-type': 'application/json'}, body: '{"ms":-5}'});
		expect(bad.status).toBe(400);
	});
});
