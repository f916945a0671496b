/**
 * No secret in output: with a fake access key id and secret in the environment, neither appears
 * in any byte the app writes to the terminal (every frame, through tmux pipe-pane), in --once
 * output, or in error messages, including an endpoint that echoes the request's signature back.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync} from 'node:fs';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {killAllTmuxSessions, startTmux, tmuxAvailable, tmuxPath, type TmuxSession} from '../helpers/tmux.js';
import {assertBuilt, cliLine, listRows} from '../e2e/support.js';
import {cleanEnv, emptyHome, FAKE_KEY_ID, FAKE_SECRET, runCli, type CliResult} from './support.js';

const runFile = promisify(execFile);
/** The whole of each, and long pieces of them (a secret cut by an escape sequence or a truncation). */
const NEEDLES = [FAKE_KEY_ID, FAKE_SECRET, FAKE_KEY_ID.slice(4, 16), FAKE_SECRET.slice(0, 12), FAKE_SECRET.slice(-12)];
const awsEnv = cleanEnv({AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET});

let emulator: RunningEmulator;
let echo: Server;
let echoUrl: string;

beforeAll(async () => {
	assertBuilt();
	emulator = await startEmulator({seed: 'demo'});
	// A misbehaving endpoint that quotes the request's Authorization header (access key id included) in its error.
	echo = createServer((request, response) => {
		request.resume();
		const body = JSON.stringify({__type: 'InvalidSignatureException', message: `Signature mismatch for ${request.headers.authorization ?? ''}`});
		response.writeHead(400, {'content-type': 'application/x-amz-json-1.1'});
		response.end(body);
	});
	await new Promise<void>(resolve => echo.listen(0, '127.0.0.1', resolve));
	echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await emulator?.close();
	await new Promise(resolve => echo.close(resolve));
});

afterEach(async () => {
	await killAllTmuxSessions();
});

function expectNoSecret(text: string, where: string): void {
	for (const needle of NEEDLES) {
		if (text.includes(needle))
			throw new Error(`"${needle}" appears in ${where}:\n${text.slice(Math.max(0, text.indexOf(needle) - 300), text.indexOf(needle) + 300)}`);
	}
}

function expectNoSecretIn(result: CliResult, what: string): void {
	expectNoSecret(result.stdout, `stdout of ${what}`);
	expectNoSecret(result.stderr, `stderr of ${what}`);
}

/** Starts the app in tmux with every byte it writes to the terminal also appended to a file. */
async function startRecorded(args: string[]): Promise<{tmux: TmuxSession; log: string; frames: string[]}> {
	const log = join(mkdtempSync(join(tmpdir(), 'ssmtop-secrets-')), 'terminal.log');
	const tmux = await startTmux({
		command: `sleep 0.3; ${cliLine(args)}`,
		columns: 120,
		rows: 30,
		env: {HOME: emptyHome(), AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_EC2_METADATA_DISABLED: 'true'},
	});
	// Before the app starts (the command sleeps briefly), so the log holds every byte it writes.
	await runFile(tmuxPath, ['-S', tmux.socket, 'pipe-pane', '-t', 'main', '-o', `cat >> '${log}'`]);
	return {tmux, log, frames: []};
}

describe('no secret in output', () => {
	it.skipIf(!tmuxAvailable())(
		'in any frame of the terminal UI while walking its screens, nor in the bytes written',
		async () => {
			const {tmux, log, frames} = await startRecorded(['--endpoint-url', emulator.url, '--region', 'us-east-1,eu-west-1', '--interval', '2']);
			const step = async (keys: string[], until: RegExp | ((screen: string) => boolean)) => {
				if (keys.length > 0) await tmux.sendKeys(...keys);
				frames.push(await tmux.waitFor(until, {timeoutMs: 15_000}));
				frames.push(await tmux.capture({escapes: true}));
			};

			await step([], screen => listRows(screen).length >= 5 && /us-east-1 ok/.test(screen));
			await step(['Enter'], /STEP\s+ACTION\s+STATUS/);
			await step(['Tab'], /NAME\s+VALUE|VALUE/);
			// Back to the steps pane, so Enter on the next detail opens the grid.
			await step(['Tab'], /STEP\s+ACTION\s+STATUS/);
			await step(['Escape'], /STATUS\s+ID\s+DOCUMENT/);
			await step(['/'], /Enter apply/);
			await tmux.type('type:CrossAccount');
			await step(['Enter'], /filter: type:CrossAccount/);
			await step(['Enter'], screen => /STEP\s+ACTION\s+STATUS/.test(screen) && /\d{12}\/[a-z]+-[a-z]+-\d/.test(screen));
			await step(['Enter'], /^ACCOUNT\s+/m);
			await step(['Enter'], /child execution|no credentials/);
			await step(['Escape'], /^ACCOUNT\s+/m);
			await step(['Escape'], screen => /STEP\s+ACTION\s+STATUS/.test(screen) && !/^ACCOUNT\s+/m.test(screen));
			await step(['Escape'], /STATUS\s+ID\s+DOCUMENT/);
			await step(['?'], /Show this help/);
			await step(['Escape'], /STATUS\s+ID\s+DOCUMENT/);
			await step(['n'], screen => !/Show this help/.test(screen) && !/STATUS\s+ID\s+DOCUMENT/.test(screen));
			await step(['Escape'], /STATUS\s+ID\s+DOCUMENT/);

			// An error banner: the credentials are refused mid-run.
			emulator.control.setFaults({expiredAccessKeys: [FAKE_KEY_ID]});
			await step([], /ERROR/);
			emulator.control.setFaults({expiredAccessKeys: []});
			await tmux.sendKeys('q');
			expect(await tmux.waitForExit()).toBe(0);

			expect(frames.length).toBeGreaterThan(25);
			for (const [index, frame] of frames.entries()) expectNoSecret(frame, `frame ${index}`);
			const written = readFileSync(log, 'utf8');
			expect(written.length).toBeGreaterThan(10_000);
			expectNoSecret(written, 'the bytes written to the terminal');
		},
		90_000,
	);

	it('in --once --json output', async () => {
		const result = await runCli(['--endpoint-url', emulator.url, '--region', 'us-east-1', '--once', '--json'], {env: awsEnv});
		expect(result.status).toBe(0);
		expect(result.stdout.length).toBeGreaterThan(1000);
		expectNoSecretIn(result, '--once --json');
	});

	it('in error messages: refused credentials, an unreachable endpoint, an endpoint quoting the signature', async () => {
		emulator.control.setFaults({expiredAccessKeys: [FAKE_KEY_ID]});
		try {
			const expired = await runCli(['--endpoint-url', emulator.url, '--region', 'us-east-1', '--once'], {env: awsEnv});
			expect(expired.status).toBe(1);
			expect(expired.stderr).toMatch(/credentials/i);
			expectNoSecretIn(expired, 'expired credentials');
		} finally {
			emulator.control.setFaults({expiredAccessKeys: []});
		}

		const unreachable = await runCli(['--endpoint-url', 'http://127.0.0.1:9', '--region', 'us-east-1', '--once'], {env: awsEnv});
		expect(unreachable.status).toBe(1);
		expectNoSecretIn(unreachable, 'an unreachable endpoint');

		const quoting = await runCli(['--endpoint-url', echoUrl, '--region', 'us-east-1', '--once', '--json'], {env: awsEnv});
		expect(quoting.status).toBe(1);
		// The message is there (so the check above it is not vacuous), minus the key.
		expect(quoting.stderr).toMatch(/Signature mismatch|credentials/i);
		expectNoSecretIn(quoting, 'an endpoint quoting the Authorization header');
	});
});
