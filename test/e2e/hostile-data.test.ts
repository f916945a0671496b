/**
 * Data from the service is shown, never obeyed (issue 9, item 10), in a real terminal: a run started
 * through the real SDK with a parameter value holding an OSC title change (`ESC ] 2 ; pwned BEL`)
 * and a red background (`ESC [ 41 m`), opened in the built CLI in tmux. The pane keeps its title,
 * nothing is painted red, and the parameters pane shows the value with its controls made visible.
 * Then the other ways AWS data leaves the CLI: `--once` (plain and JSON) and the start-up error.
 */
import {execFile} from 'node:child_process';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {promisify} from 'node:util';
import {SSMClient, StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createManualClock, startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {killAllTmuxSessions, tmuxAvailable, tmuxPath, type TmuxSession} from '../helpers/tmux.js';
import {cleanEnv, FAKE_KEY_ID, FAKE_SECRET, parseJsonLines, runCli, startAppInTmux} from '../drills/support.js';
import {assertBuilt} from './support.js';

const runFile = promisify(execFile);
const REGION = 'us-east-1';
// Ops-MigrateDataInChunks takes its Tables as free text (a StringList with no pattern).
const RUNBOOK = 'Ops-MigrateDataInChunks';
const PAYLOAD = 'orders\u001B]2;pwned\u0007\u001B[41mred';
const SHOWN = 'orders␛]2;pwned␇␛[41mred';
/** An SGR sequence that sets a red background (41), alone or among other parameters. */
const RED_BACKGROUND = /\u001B\[(?:\d+;)*41(?:;\d+)*m/;

let emulator: RunningEmulator | undefined;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
	await emulator?.close();
	emulator = undefined;
});

async function paneTitle(tmux: TmuxSession): Promise<string> {
	const {stdout} = await runFile(tmuxPath, ['-S', tmux.socket, 'display-message', '-p', '-t', 'main', '#{pane_title}']);
	return stdout.trim();
}

describe.skipIf(!tmuxAvailable())('hostile data in the built CLI in tmux', () => {
	it('shows a parameter value holding escape sequences as text: the title stays, nothing turns red', async () => {
		emulator = await startEmulator({seed: 'none', clock: createManualClock(Date.UTC(2026, 10, 25, 12, 0, 0))});
		const client = new SSMClient({
			region: REGION,
			endpoint: emulator.url,
			maxAttempts: 1,
			credentials: {accessKeyId: FAKE_KEY_ID, secretAccessKey: FAKE_SECRET},
		});
		const {AutomationExecutionId: id} = await client.send(
			new StartAutomationExecutionCommand({DocumentName: RUNBOOK, Parameters: {Tables: [PAYLOAD], TargetCluster: ['new-cluster']}}),
		);
		client.destroy();
		expect(id).toMatch(/^[0-9a-f-]{36}$/);

		const tmux = await startAppInTmux(emulator.url, [REGION], 2);
		const before = await paneTitle(tmux);
		await tmux.waitFor(screen => screen.includes(RUNBOOK) && screen.includes(id!.slice(0, 8)), {timeoutMs: 20_000});
		await tmux.sendKeys('Enter');
		await tmux.waitFor(screen => screen.includes(id!) && /STEP\s+ACTION\s+STATUS/.test(screen));
		await tmux.sendKeys('Tab');
		const pane = await tmux.waitFor(screen => /Parameters, outputs, targets/.test(screen) && /│ param\s+│ TargetCluster\s+│ new-cluster/.test(screen));

		// The terminal obeyed nothing: its title is what it was, and no cell has a red background.
		const title = await paneTitle(tmux);
		expect(title).not.toBe('pwned');
		expect(title).toBe(before);
		expect(await tmux.capture({escapes: true})).not.toMatch(RED_BACKGROUND);

		// The value is shown, controls made visible, inside its cell (the border is intact).
		expect(pane).toMatch(new RegExp(`│ param\\s+│ Tables\\s+│ ${SHOWN.replaceAll(/[[\]]/g, '\\$&')}\\s+│`));
	}, 60_000);
});

/** Every control a terminal would act on, line feeds aside. */
const CONTROLS = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const HOSTILE = (label: string): string => `${label}\u001B]2;pwned\u0007\u001B[41m\u009B31m\u202E\t\nx`;
const VISIBLE = (label: string): string => `${label}␛]2;pwned␇␛[41m\\u009b31m\\u202e ⏎x`;

/** An SSM endpoint that answers every call with `status` and `body`: what a hostile or broken service could send. */
async function fakeSsm(status: number, body: unknown): Promise<{url: string; server: Server}> {
	const server = createServer((request, response) => {
		request.resume();
		request.on('end', () => {
			response.writeHead(status, {'content-type': 'application/x-amz-json-1.1'});
			response.end(JSON.stringify(body));
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server};
}

const LISTING = {
	AutomationExecutionMetadataList: [
		{
			AutomationExecutionId: 'a1b2c3d4-0000-4000-8000-000000000001',
			DocumentName: HOSTILE('doc'),
			DocumentVersion: '1',
			AutomationExecutionStatus: 'Failed',
			ExecutionStartTime: Date.UTC(2026, 10, 25, 12) / 1000,
			ExecutionEndTime: Date.UTC(2026, 10, 25, 12, 1) / 1000,
			ExecutedBy: HOSTILE('by'),
			FailureMessage: HOSTILE('why'),
			CurrentStepName: HOSTILE('step'),
			Mode: 'Auto',
			AutomationType: 'Local',
		},
	],
};

describe('hostile data in the output of ssmtop --once and its errors', () => {
	let server: Server | undefined;
	afterEach(async () => {
		await new Promise(resolve => (server ? server.close(resolve) : resolve(undefined)));
		server = undefined;
	});
	const env = cleanEnv({AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET});

	it('prints plain --once fields with their controls made visible, one line per execution', async () => {
		const fake = await fakeSsm(200, LISTING);
		server = fake.server;
		const result = await runCli(['--once', '--endpoint-url', fake.url, '--region', REGION], {env});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		// Tabs separate the fields and a line feed ends each row; nothing else below U+0020 is left.
		expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/);
		const lines = result.stdout.split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]!.split('\t')).toEqual(['Failed', 'a1b2c3d4-0000-4000-8000-000000000001', VISIBLE('doc'), REGION, '2026-11-25T12:00:00.000Z']);
	});

	it('escapes DEL, C1 and bidi controls in --once --json, and the values parse back unchanged', async () => {
		const fake = await fakeSsm(200, LISTING);
		server = fake.server;
		const result = await runCli(['--once', '--json', '--endpoint-url', fake.url, '--region', REGION], {env});
		expect(result.status).toBe(0);
		expect(result.stdout).not.toMatch(CONTROLS);
		expect(result.stdout).toContain('\\u009b31m\\u202e');
		const [row] = parseJsonLines(result.stdout);
		expect(row).toMatchObject({DocumentName: HOSTILE('doc'), ExecutedBy: HOSTILE('by'), FailureMessage: HOSTILE('why'), CurrentStepName: HOSTILE('step')});
	});

	it('shows a service error message quoted at start-up as text', async () => {
		const fake = await fakeSsm(400, {__type: 'AccessDeniedException', message: HOSTILE('denied')});
		server = fake.server;
		const result = await runCli(['--once', '--endpoint-url', fake.url, '--region', REGION], {env});
		expect(result.status).toBe(1);
		expect(result.stderr).not.toMatch(CONTROLS);
		expect(result.stderr).toContain('denied␛]2;pwned␇␛[41m\\u009b31m\\u202e');
	});
});
