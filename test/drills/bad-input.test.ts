/**
 * Bad input everywhere: every flag with a wrong value, no terminal, an unreachable endpoint, an
 * endpoint answering garbage, a malformed TargetLocations file. Each gets a clear message and the
 * right exit status, never a stack trace. Ctrl-C at several moments gives the terminal back.
 */
import {execFile} from 'node:child_process';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {parseTargetLocationsFile} from '../../source/core/start-form/index.js';
import {promisify} from 'node:util';
import {killAllTmuxSessions, startTmux, tmuxAvailable, tmuxPath} from '../helpers/tmux.js';
import {allRegionsOk, assertBuilt, cliLine, listRows, proveTerminalUsable} from '../e2e/support.js';
import {cleanEnv, emptyHome, FAKE_KEY_ID, FAKE_SECRET, runCli, type CliResult} from './support.js';

const runFile = promisify(execFile);
const STACK_TRACE = /^\s+at .+(\(|:\d+:\d+)/m;
const awsEnv = cleanEnv({AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET});

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
});

/** A clear refusal: the status, nothing on stdout, one message on stderr, no stack trace. */
function expectRefusal(result: CliResult, status: number, message: RegExp): void {
	expect(result.stderr, result.stderr).toMatch(message);
	expect(result.stderr).not.toMatch(STACK_TRACE);
	expect(result.stdout).toBe('');
	expect(result.status).toBe(status);
}

describe('each flag with a wrong value: exit 2 and one paragraph', () => {
	const cases: Array<[string, string[], RegExp]> = [
		['--region with a non-region', ['--region', 'us-east-1,moon'], /^ssmtop: --region: "moon" is not a region name\. .*--region us-east-1,eu-west-1\./],
		['--region without a value', ['--region', ''], /^ssmtop: --region needs at least one region name/],
		['--profile without a name', ['--profile', ''], /^ssmtop: --profile needs a profile name/],
		['--interval under 2 s', ['--interval', '1'], /^ssmtop: --interval: 1 is too short\. .*2 or more/],
		['--interval not a number', ['--interval', 'soon'], /^ssmtop: --interval: give a number of seconds, 2 or more/],
		['--endpoint-url not a URL', ['--endpoint-url', 'localhost:4566'], /^ssmtop: --endpoint-url: "localhost:4566" is not an http\(s\) URL\./],
		['--endpoint-url with another scheme', ['--endpoint-url', 'ftp://127.0.0.1'], /^ssmtop: --endpoint-url: "ftp:\/\/127\.0\.0\.1" is not an http\(s\) URL\./],
		[
			'--local with --profile',
			['--local', '--profile', 'prod'],
			/^ssmtop: --local runs against the embedded emulator, so it cannot be combined with --profile/,
		],
		['--local with --endpoint-url', ['--local', '--endpoint-url', 'http://127.0.0.1:4566'], /cannot be combined with --profile or --endpoint-url/],
		['--filter with an unknown column', ['--filter', 'colour:red'], /^ssmtop: --filter: unknown column "colour"/],
		['--account-profile without =', ['--account-profile', '111122223333'], /^ssmtop: --account-profile: "111122223333" should be ACCOUNT=PROFILE/],
		['--account-profile with a short account', ['--account-profile', '1234=audit'], /12-digit account id/],
		['--json without --once', ['--local', '--json'], /^ssmtop: --json only applies with --once/],
		['--notify with an unknown mode', ['--notify', 'loud'], /^ssmtop: --notify: "loud" is not a mode\. Give desktop \(the default\), bell, or off\./],
		['an unknown flag', ['--bogus'], /^ssmtop: unknown flag --bogus\.\nRun "ssmtop --help" for usage\.\n$/],
		['a misspelt flag', ['--colour'], /^ssmtop: unknown flag --colour \(did you mean --color\?\)\.\n/],
		['a flag in the wrong case', ['--Local'], /^ssmtop: unknown flag --Local \(did you mean --local\?\)\./],
		['an unknown flag among good ones', ['--local', '--bogus=3', '--read-only'], /^ssmtop: unknown flag --bogus\.\n/],
		['several unknown flags', ['--bogus', '-x'], /^ssmtop: unknown flags --bogus, -x\.\n/],
	];

	it.each(cases)('%s', async (_name, args, message) => {
		const result = await runCli(args);
		expectRefusal(result, 2, message);
		// One paragraph: the message, then at most the pointer to --help.
		const paragraphs = result.stderr.trim().split(/\n\s*\n/);
		expect(paragraphs).toHaveLength(1);
		expect(result.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
	});

	it('an unknown flag and a bad value: both reported, the unknown flag first', async () => {
		const result = await runCli(['--bogus', '--interval', '1']);
		expectRefusal(result, 2, /^ssmtop: unknown flag --bogus\.\n\n--interval: 1 is too short/);
		expect(result.stderr.trim().split(/\n\s*\n/)).toHaveLength(2);
	});

	it('reports several bad flags together, one paragraph each', async () => {
		const result = await runCli(['--interval', '1', '--region', 'moon', '--endpoint-url', 'nope']);
		expectRefusal(result, 2, /--region[\s\S]*--interval[\s\S]*--endpoint-url/);
		expect(result.stderr.trim().split(/\n\s*\n/)).toHaveLength(3);
	});
});

describe('not a terminal', () => {
	it('stdin and stdout pipes: exit 2 with a message that points at --once', async () => {
		expectRefusal(await runCli(['--local']), 2, /^ssmtop: standard input and output must be a terminal \(TTY\).*--once/);
	});

	it.skipIf(!tmuxAvailable())('stdout a pipe, or stdin not a terminal, inside a real terminal: exit 2, no stack trace', async () => {
		for (const redirect of ['| cat', '< /dev/null']) {
			const tmux = await startTmux({command: `${cliLine(['--local'])} ${redirect}; echo "EXITED $?"`, columns: 100, rows: 30});
			const screen = await tmux.waitFor(/EXITED \d+/, {timeoutMs: 15_000});
			expect(screen).toMatch(/ssmtop: standard input and output must be a terminal \(TTY\)/);
			expect(screen).not.toMatch(STACK_TRACE);
			// "| cat" reports cat's status; the message is what matters there, the status where stdin is redirected.
			if (redirect.startsWith('<')) expect(screen).toMatch(/EXITED 2/);
			await tmux.kill();
		}
	});
});

describe('endpoints that do not answer SSM', () => {
	let garbage: Server;
	let html: Server;
	let garbageUrl: string;
	let htmlUrl: string;

	async function listen(server: Server): Promise<string> {
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	}

	beforeAll(async () => {
		// A body cut off in the middle, with SSM's own content type and HTTP 200.
		garbage = createServer((request, response) => {
			request.resume();
			response.writeHead(200, {'content-type': 'application/x-amz-json-1.1'});
			response.end('{"AutomationExecutionMetadataList": [{"AutomationExecutionId": ');
		});
		// A proxy's HTML error page.
		html = createServer((request, response) => {
			request.resume();
			response.writeHead(502, {'content-type': 'text/html'});
			response.end('<html><body><h1>502 Bad Gateway</h1></body></html>');
		});
		[garbageUrl, htmlUrl] = await Promise.all([listen(garbage), listen(html)]);
	});

	afterAll(async () => {
		await Promise.all([garbage, html].map(server => new Promise(resolve => server.close(resolve))));
	});

	it('an unreachable endpoint: a clear message and exit 1', async () => {
		const result = await runCli(['--endpoint-url', 'http://127.0.0.1:9', '--region', 'us-east-1', '--once'], {env: awsEnv});
		expectRefusal(result, 1, /^ssmtop: cannot reach SSM at http:\/\/127\.0\.0\.1:9 for us-east-1 \(connect ECONNREFUSED[^)]*\)\. Check --endpoint-url/);
	});

	it('malformed JSON: says the answer is not JSON, exits 1, prints no rows', async () => {
		const result = await runCli(['--endpoint-url', garbageUrl, '--region', 'us-east-1,eu-west-1', '--once', '--json'], {env: awsEnv});
		expectRefusal(result, 1, /^ssmtop: SSM in us-east-1 .* answered with something that is not valid JSON \(HTTP 200\): .*Check that the endpoint is SSM/);
		expect(result.stderr).toMatch(/SSM in eu-west-1 .* not valid JSON/);
		expect(result.stderr).not.toMatch(/\$response/);
	});

	it('an HTML error page from a proxy: the same, with its HTTP status', async () => {
		const result = await runCli(['--endpoint-url', htmlUrl, '--region', 'us-east-1', '--once'], {env: awsEnv});
		expectRefusal(result, 1, /^ssmtop: SSM in us-east-1 .* answered with something that is not valid JSON \(HTTP 502\)/);
	});

	it.skipIf(!tmuxAvailable())('malformed JSON in the terminal UI: the header says so for the region, the app keeps running', async () => {
		const tmux = await startTmux({
			command: cliLine(['--endpoint-url', garbageUrl, '--region', 'us-east-1', '--interval', '2']),
			columns: 160,
			rows: 30,
			env: {HOME: emptyHome(), AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_EC2_METADATA_DISABLED: 'true'},
		});
		// In words when it fits; in short ("answer not valid JSON (HTTP 200)", or just the status) when not.
		const screen = await tmux.waitFor(/us-east-1 error: .*(not valid JSON|HTTP 200)/, {timeoutMs: 15_000});
		expect(screen).toMatch(/^ssmtop/);
		expect(await tmux.exitStatus()).toBeUndefined();
		await tmux.sendKeys('q');
		expect(await tmux.waitForExit()).toBe(0);
	});
});

describe('a malformed TargetLocations JSON file (start form)', () => {
	it.each<[string, string, RegExp]>([
		['cut off', '[{"Accounts": ["111122223333"], "Regions": ["us-east-1"]', /line 1, column \d+/],
		['a syntax error on line 3', '[\n  {"Accounts": ["111122223333"],\n   "Regions": ["us-east-1"],,}\n]', /line 3, column \d+/],
		['not JSON at all', 'Accounts: everything', /./],
		['Accounts not a list', '[{"Accounts": "111122223333", "Regions": ["us-east-1"]}]', /Accounts must be a list of strings/],
		['no Regions', '[{"Accounts": ["111122223333"]}]', /has no Regions/],
		['a misspelt field', '[{"Accounts": ["111122223333"], "Region": ["us-east-1"]}]', /unknown field .Region./],
	])('%s: a message that says where and what', (_name, text, message) => {
		const result = parseTargetLocationsFile(text);
		expect(result.ok).toBe(false);
		if (!result.ok) {
			expect(result.error).toMatch(message);
			expect(result.error.length).toBeLessThan(300);
		}
	});

	it('accepts the well-formed file, so the failures above are about the input', () => {
		expect(parseTargetLocationsFile('[{"Accounts": ["111122223333"], "Regions": ["us-east-1"]}]')).toMatchObject({ok: true});
	});
});

describe.skipIf(!tmuxAvailable())('Ctrl-C at any moment gives the terminal back', () => {
	const moments: Array<[string, (tmux: Awaited<ReturnType<typeof startTmux>>) => Promise<void>]> = [
		['on the list', async () => {}],
		[
			'in the detail',
			async tmux => {
				await tmux.sendKeys('Enter');
				await tmux.waitFor(/STEP\s+ACTION\s+STATUS/);
			},
		],
		[
			'in the help',
			async tmux => {
				await tmux.sendKeys('?');
				await tmux.waitFor(/Show this help/);
			},
		],
		[
			'in the filter prompt, mid-word',
			async tmux => {
				await tmux.sendKeys('/');
				await tmux.waitFor(/Enter apply/);
				await tmux.type('status:fai');
				await tmux.waitFor('status:fai');
			},
		],
	];

	it.each(moments)('%s', async (_name, reach) => {
		const tmux = await startTmux({command: cliLine(['--local'], {thenShell: true}), columns: 100, rows: 30});
		await tmux.waitFor(screen => allRegionsOk(['us-east-1', 'eu-west-1', 'ap-southeast-2'])(screen) && listRows(screen).length > 0, {timeoutMs: 20_000});
		await reach(tmux);
		await tmux.sendKeys('C-c');
		const status = await proveTerminalUsable(tmux);
		// Ctrl-C is the user's way out, not a failure.
		expect(status).toBe(0);
	});
});

describe.skipIf(!tmuxAvailable())('a signal from outside gives the terminal back', () => {
	it.each([
		['SIGTERM', 143],
		['SIGHUP', 129],
		['SIGINT', 130],
	] as const)('%s', async (signal, expected) => {
		const tmux = await startTmux({command: cliLine(['--local'], {thenShell: true}), columns: 100, rows: 30});
		await tmux.waitFor(screen => listRows(screen).length > 0, {timeoutMs: 20_000});
		// The pane runs sh; the CLI is its only child. End that one process by its id.
		const {stdout: shellPid} = await runFile(tmuxPath, ['-S', tmux.socket, 'display-message', '-p', '-t', 'main', '#{pane_pid}']);
		const {stdout: children} = await runFile('pgrep', ['-P', shellPid.trim()]);
		const pids = children.trim().split('\n').filter(Boolean).map(Number);
		expect(pids).toHaveLength(1);
		process.kill(pids[0]!, signal);
		expect(await proveTerminalUsable(tmux)).toBe(expected);
	});
});
