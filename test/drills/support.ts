/** Helpers for the drills: the built CLI as a child process with a clean environment. */
import {execFile} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeAll} from 'vitest';
import {assertBuilt, builtCli, cliLine} from '../e2e/support.js';
import {killAllTmuxSessions, startTmux, type TmuxSession} from '../helpers/tmux.js';

export interface CliResult {
	readonly status: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

/** A HOME with no ~/.aws, so no real profile or credential is ever read. */
export function emptyHome(): string {
	return mkdtempSync(join(tmpdir(), 'ssmtop-drill-home-'));
}

/** Fake credentials the drills pass in; they must never appear in any output. */
export const FAKE_KEY_ID = 'AKIAFAKEDRILL7Q3XZ9PL';
export const FAKE_SECRET = 'drillSecret/DoNotPrint+9f8e7d6c5b4a3928171605f4e3d2c1b0';

/** The base environment for the CLI under test: no AWS_* or CI from the test process. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): Record<string, string> {
	const env: Record<string, string | undefined> = {
		PATH: process.env['PATH'],
		HOME: emptyHome(),
		LANG: 'C.UTF-8',
		AWS_EC2_METADATA_DISABLED: 'true',
		...extra,
	};
	return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Runs the built CLI asynchronously (an in-process emulator of the test must keep answering),
 * stdin and stdout pipes (not a TTY), and resolves with its status and output.
 */
export function runCli(
	args: readonly string[],
	options: {env?: Record<string, string>; timeoutMs?: number; stdin?: 'pipe' | 'ignore'} = {},
): Promise<CliResult> {
	return new Promise(resolve => {
		// A non-zero exit is a result to assert on, not an error: the callback's error is not used.
		const child = execFile(
			process.execPath,
			[builtCli, ...args],
			{env: options.env ?? cleanEnv(), timeout: options.timeoutMs ?? 30_000, maxBuffer: 64 * 1024 * 1024},
			(_error, stdout, stderr) => {
				resolve({status: child.exitCode, signal: child.signalCode, stdout, stderr});
			},
		);
		if (options.stdin !== 'pipe') child.stdin?.end();
	});
}

/** The JSON Lines of `--once --json`, each parsed (throws on a line that is not one JSON object). */
export function parseJsonLines(stdout: string): Array<Record<string, unknown>> {
	if (stdout === '') return [];
	if (!stdout.endsWith('\n')) throw new Error('JSON Lines output must end with a newline');
	return stdout
		.slice(0, -1)
		.split('\n')
		.map((line, index) => {
			const value: unknown = JSON.parse(line);
			if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`line ${index + 1} is not a JSON object: ${line}`);
			return value as Record<string, unknown>;
		});
}

/**
 * The hooks of a drill that runs the app in tmux: the CLI must be built, and after each test
 * every tmux session is killed and `afterTest` runs (close the emulator the test started).
 */
export function drillHooks(afterTest: () => Promise<void> = async () => {}): void {
	beforeAll(() => {
		assertBuilt();
	});

	afterEach(async () => {
		await killAllTmuxSessions();
		await afterTest();
	});
}

/** The built app in a 120×30 tmux session, polling `regions` at `endpointUrl` every `intervalS` seconds with the fake credentials. */
export async function startAppInTmux(endpointUrl: string, regions: readonly string[], intervalS: number): Promise<TmuxSession> {
	return startTmux({
		command: cliLine(['--endpoint-url', endpointUrl, '--region', regions.join(','), '--interval', String(intervalS)]),
		columns: 120,
		rows: 30,
		env: {HOME: emptyHome(), AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_EC2_METADATA_DISABLED: 'true'},
	});
}
