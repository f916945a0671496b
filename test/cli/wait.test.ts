// `ssmtop wait` against the emulator through the real SDK: time passes on the emulator's clock
// (the waiter's sleep advances it), so runs of minutes take milliseconds. Exit statuses, the
// progress lines on stderr, --json in SSM's shape, --timeout, and usage errors.
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {AwsApi} from '../../source/aws/index.js';
import {runWait, type WaitIo} from '../../source/cli/wait.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {exitCodeOf, exitCodesMarkdownTable, WAIT_EXIT} from '../../source/core/wait.js';
import {assertBuilt, builtCli} from '../e2e/support.js';
import {clientTokens, startEmulatorApi, stopEmulatorApi} from '../helpers/emulator-api.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
let emulator: RunningEmulator;
let api: AwsApi;
const token = clientTokens('0a17a17a');

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('none', REGIONS));
});

afterAll(async () => {
	await stopEmulatorApi(emulator, api);
});

async function start(documentName: string, parameters: Record<string, string[]>, region = 'us-east-1'): Promise<string> {
	const result = await api
		.homeClient(region)
		.send(new StartAutomationExecutionCommand({DocumentName: documentName, Parameters: parameters, ClientToken: token()}));
	return result.AutomationExecutionId!;
}

/** The waiter against the emulator, its sleep advancing the emulator's clock; what it wrote, and its status. */
async function wait(args: readonly string[]): Promise<{status: number; stdout: string; stderr: string; slept: number[]}> {
	let stdout = '';
	let stderr = '';
	const slept: number[] = [];
	let now = Date.UTC(2026, 10, 25, 12);
	const io: WaitIo = {
		stdout: text => {
			stdout += text;
		},
		stderr: text => {
			stderr += text;
		},
		env: {},
		async sleep(ms) {
			slept.push(ms);
			now += ms;
			emulator.control.advance(ms);
		},
		now: () => now,
		api: async () => ({api, regions: REGIONS, close: () => undefined}),
	};
	const status = await runWait(args, io);
	return {status, stdout, stderr, slept};
}

describe('ssmtop wait', () => {
	it('exits 0 when every execution succeeded, one progress line per change on stderr', async () => {
		const first = await start('AWS-RestartEC2Instance', {InstanceId: ['i-0123456789abcdef0']});
		const second = await start('AWS-StopEC2Instance', {InstanceId: ['i-0123456789abcdef1']}, 'eu-west-1');
		const result = await wait([first, second]);
		expect(result.status).toBe(WAIT_EXIT.succeeded);
		const lines = result.stderr.trim().split('\n');
		expect(lines.some(line => line.startsWith(`${first} AWS-RestartEC2Instance (`) && line.includes('us-east-1): Success'))).toBe(true);
		expect(lines.some(line => line.includes(`${second} AWS-StopEC2Instance`) && line.includes('eu-west-1): Success'))).toBe(true);
		// A line is written when what it says changes, not at every poll.
		expect(new Set(lines).size).toBe(lines.length);
		// Back-off: polls start at 2 s and grow while nothing changes.
		expect(result.slept[0]).toBe(2000);
		expect(Math.max(...result.slept)).toBeLessThanOrEqual(30_000);
	});

	it('exits 1 when any ended otherwise, and prints the final executions in SSM’s shape with --json', async () => {
		const ok = await start('AWS-StopEC2Instance', {InstanceId: ['i-0123456789abcdef2']});
		const bad = await start('AWS-RestartEC2Instance', {InstanceId: ['i-0fail0000000001']});
		const result = await wait(['--json', ok, bad]);
		expect(result.status).toBe(WAIT_EXIT.failed);
		const rows = result.stdout
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as Record<string, unknown>);
		expect(rows.map(row => [row['AutomationExecutionId'], row['AutomationExecutionStatus'], row['Region']])).toEqual([
			[ok, 'Success', 'us-east-1'],
			[bad, 'Failed', 'us-east-1'],
		]);
		expect(result.stderr).toMatch(new RegExp(`${bad} AWS-RestartEC2Instance \\(.*us-east-1\\): Failed`));
	});

	it('shows a cross-account run’s ProgressCounters and what remains', async () => {
		const parent = (
			await api.homeClient('us-east-1').send(
				new StartAutomationExecutionCommand({
					DocumentName: 'AWS-StopEC2Instance',
					Parameters: {InstanceId: ['i-0123456789abcdef3']},
					TargetLocations: [{Accounts: ['111122223333', '444455556666'], Regions: ['us-east-1', 'eu-west-1'], TargetLocationMaxConcurrency: '2'}],
					ClientToken: token(),
				}),
			)
		).AutomationExecutionId!;
		const result = await wait([parent]);
		expect(result.status).toBe(WAIT_EXIT.succeeded);
		expect(result.stderr).toMatch(/\d\/4 done: \d+ ok · \d+ remaining/);
		expect(result.stderr).toMatch(/4\/4 done: 4 ok · 0 remaining/);
	});

	it('exits 3 when --timeout passes first, naming what has not ended', async () => {
		const waiting = await start('Ops-PatchFleetWithApproval', {InstanceIds: ['i-0123456789abcdef4']});
		const result = await wait(['--timeout', '60', waiting]);
		expect(result.status).toBe(WAIT_EXIT.timedOut);
		expect(result.stderr).toContain(`--timeout passed; still not ended: ${waiting} (Waiting)`);
		expect(result.slept.reduce((sum, ms) => sum + ms, 0)).toBeLessThanOrEqual(60_000);
	});

	it('exits 2 on usage errors and on an id no watched Region knows', async () => {
		expect((await wait([])).status).toBe(WAIT_EXIT.usage);
		const bad = await wait(['not-an-id', '--bogus']);
		expect(bad.status).toBe(WAIT_EXIT.usage);
		expect(bad.stderr).toMatch(/^ssmtop wait: unknown flag --bogus\./);
		expect(bad.stderr).toContain('"not-an-id" is not an execution id');
		expect(bad.stderr).toContain('Run "ssmtop wait --help" for usage.');
		const missing = await wait(['00000000-0000-4000-8000-00000000dead']);
		expect(missing.status).toBe(WAIT_EXIT.usage);
		expect(missing.stderr).toContain('no execution 00000000-0000-4000-8000-00000000dead in us-east-1, eu-west-1');
	});

	it('gives every SSM status, Change Manager’s included, its documented exit code', () => {
		expect(exitCodeOf('Success')).toBe(0);
		expect(exitCodeOf('CompletedWithSuccess')).toBe(0);
		for (const status of ['Failed', 'TimedOut', 'Cancelled', 'Rejected', 'CompletedWithFailure', 'ChangeCalendarOverrideRejected', 'Exited'])
			expect(exitCodeOf(status), status).toBe(1);
		for (const status of ['Pending', 'InProgress', 'Waiting', 'Cancelling', 'PendingApproval', 'Approved', 'Scheduled', 'RunbookInProgress'])
			expect(exitCodeOf(status), status).toBeUndefined();
		expect(exitCodesMarkdownTable().split('\n')).toHaveLength(2 + 19);
		// The README's table is this one.
		const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
		expect(readme).toContain(`<!-- wait-exit:start -->\n${exitCodesMarkdownTable()}\n<!-- wait-exit:end -->`);
	});

	it('the built CLI: `ssmtop wait` runs as a command of its own and exits with the waiter’s status', async () => {
		assertBuilt();
		const result = await promisify(execFile)(process.execPath, [builtCli, 'wait', '--help']);
		expect(result.stdout).toContain('ssmtop wait [options] EXECUTION_ID');
		const usage = await promisify(execFile)(process.execPath, [builtCli, 'wait']).catch((error: {code: number; stderr: string}) => error);
		expect('code' in usage && usage.code).toBe(2);
	});
});
