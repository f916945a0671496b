// The emulator answers loopback clients only, bounds every number of its control API, keeps
// answering SSM during a long clock advance, and answers an oversized body without resetting the
// connection (issue 14).
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {promisify} from 'node:util';
import {DescribeAutomationExecutionsCommand} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {emulator, ssm} from './support.js';

let running: RunningEmulator;
const port = (): number => Number(new URL(running.url).port);

beforeAll(async () => {
	running = await emulator({seed: 'demo'});
});
afterAll(async () => running.close());

/** A raw HTTP request with exactly these headers (fetch would not let a test set Host). */
async function send(path: string, headers: Record<string, string>, body = ''): Promise<{status: number; text: string}> {
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(
			{host: '127.0.0.1', port: port(), path, method: 'POST', headers: {...headers, 'content-length': String(Buffer.byteLength(body))}},
			response => {
				let text = '';
				response.setEncoding('utf8');
				response.on('data', chunk => (text += chunk));
				response.on('end', () => resolve({status: response.statusCode ?? 0, text}));
			},
		);
		outgoing.on('error', reject);
		outgoing.end(body);
	});
}

const json = {'content-type': 'application/json'};

describe('only loopback callers', () => {
	it('refuses a Host that is not the emulator (DNS rebinding), on the control API and on SSM', async () => {
		const faults = await send('/_emulator/faults', {...json, host: `rebind.example:${port()}`}, JSON.stringify({throttleRate: 1}));
		expect(faults.status).toBe(403);
		expect(running.control.faults().throttleRate).toBe(0);
		const ssmCall = await send(
			'/',
			{'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AmazonSSM.DescribeAutomationExecutions', host: 'rebind.example'},
			'{}',
		);
		expect(ssmCall.status).toBe(403);
		expect(JSON.parse(ssmCall.text)).toMatchObject({__type: 'AccessDeniedException'});
		// Its own address, localhost and the same port are fine.
		expect((await send('/_emulator/clock/advance', {...json, host: `localhost:${port()}`}, '{"ms":0}')).status).toBe(200);
		expect((await send('/_emulator/clock/advance', {...json, host: `127.0.0.1:${port() + 1}`}, '{"ms":0}')).status).toBe(403);
	});

	it('refuses a page of another site: a text/plain POST with a foreign Origin changes nothing', async () => {
		const host = `127.0.0.1:${port()}`;
		const simple = await send('/_emulator/faults', {host, origin: 'https://attacker.example', 'content-type': 'text/plain'}, JSON.stringify({throttleRate: 1}));
		expect(simple.status).toBe(403);
		const asJson = await send('/_emulator/faults', {host, origin: 'https://attacker.example', ...json}, JSON.stringify({throttleRate: 1}));
		expect(asJson.status).toBe(403);
		// Without a foreign Origin, text/plain is still refused: the control API takes JSON only.
		const plain = await send('/_emulator/faults', {host, 'content-type': 'text/plain'}, JSON.stringify({throttleRate: 1}));
		expect(plain.status).toBe(400);
		expect(plain.text).toContain('Content-Type: application/json');
		expect(running.control.faults().throttleRate).toBe(0);
	});
});

describe('every number is bounded', () => {
	const post = async (path: string, body: unknown) => send(path, {...json, host: `127.0.0.1:${port()}`}, JSON.stringify(body));

	it.each([
		['/_emulator/clock/advance', {ms: 'Infinity'}],
		['/_emulator/clock/advance', {ms: 31 * 24 * 3_600_000}],
		['/_emulator/clock/advance', {ms: -1}],
		['/_emulator/clock', {time: 'soon'}],
		['/_emulator/reset', {extraExecutions: 300_000}],
		['/_emulator/reset', {extraExecutions: 1.5}],
		['/_emulator/faults', {latencyMs: 1e12}],
		['/_emulator/faults', {downRegions: Array.from({length: 2000}, () => 'x')}],
	])('%s %j → 400', async (path, body) => {
		const before = running.control.now();
		const answer = await post(path, body);
		expect(answer.status).toBe(400);
		expect(running.control.now() - before).toBeLessThan(60_000);
	});

	it('a 30-day advance runs in steps: SSM requests are answered while it runs', async () => {
		const advance = post('/_emulator/clock/advance', {ms: 30 * 24 * 3_600_000});
		let answeredFirst = false;
		const listing = ssm(running)
			.send(new DescribeAutomationExecutionsCommand({MaxResults: 1}))
			.then(() => {
				answeredFirst = !advanceDone;
			});
		let advanceDone = false;
		const result = await advance;
		advanceDone = true;
		await listing;
		expect(result.status).toBe(200);
		expect(answeredFirst).toBe(true);
	}, 60_000);
});

const python = '/usr/bin/python3';

describe('an oversized body', () => {
	it.skipIf(!existsSync(python))('Python http.client sends it whole, reads the 400, and the connection still serves the next request', async () => {
		const script = `
import http.client, json
connection = http.client.HTTPConnection('127.0.0.1', ${port()})
connection.request('POST', '/', body=b'x' * (5 * 1024 * 1024), headers={'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonSSM.DescribeAutomationExecutions'})
first = connection.getresponse()
first_body = json.loads(first.read())
connection.request('POST', '/', body=b'{}', headers={'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AmazonSSM.DescribeAutomationExecutions'})
second = connection.getresponse()
print(json.dumps({'first': first.status, 'type': first_body.get('__type'), 'second': second.status}))
`;
		const {stdout} = await promisify(execFile)(python, ['-c', script]);
		expect(JSON.parse(stdout)).toEqual({first: 400, type: 'SerializationException', second: 200});
	});
});
