/**
 * `ssmtop --once --json`: the current executions as JSON Lines, one AutomationExecutionMetadata
 * object per line under SSM's own names (plus Region and AccountId, ISO times), honouring --filter
 * and the connection flags.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createManualClock, startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {assertBuilt} from '../e2e/support.js';
import {cleanEnv, FAKE_KEY_ID, FAKE_SECRET, parseJsonLines, runCli} from './support.js';

/** Members every line has; the rest are SSM's optional members, present when SSM said them. */
const ALWAYS = ['AutomationExecutionId', 'DocumentName', 'AutomationExecutionStatus', 'Region'];
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const PROBLEM = ['Failed', 'TimedOut', 'CompletedWithFailure', 'Rejected'];
const NOW = Date.UTC(2026, 10, 25, 12);

let emulator: RunningEmulator;
const env = cleanEnv({AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET});

beforeAll(async () => {
	assertBuilt();
	emulator = await startEmulator({seed: 'demo', clock: createManualClock(NOW)});
});

afterAll(async () => {
	await emulator?.close();
});

function expectWellFormed(rows: Array<Record<string, unknown>>): void {
	expect(rows.length).toBeGreaterThan(0);
	for (const row of rows) {
		expect(Object.keys(row)).toEqual(expect.arrayContaining(ALWAYS));
		expect(Object.values(row)).not.toContain(null);
		expect(row['AutomationExecutionId']).toMatch(/^[0-9a-f-]{36}$/);
		expect(typeof row['AutomationExecutionStatus']).toBe('string');
		for (const time of ['ExecutionStartTime', 'ExecutionEndTime'] as const) {
			const value = row[time];
			if (value !== undefined) {
				expect(value).toMatch(ISO);
				expect(new Date(value as string).toISOString()).toBe(value);
			}
		}
	}

	expect(new Set(rows.map(row => row['AutomationExecutionId'])).size).toBe(rows.length);
}

describe('ssmtop --once --json', () => {
	it('prints every execution of --local as one JSON object per line and exits 0', async () => {
		const result = await runCli(['--local', '--once', '--json']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const rows = parseJsonLines(result.stdout);
		expectWellFormed(rows);
		expect(new Set(rows.map(row => row['Region']))).toEqual(new Set(['us-east-1', 'eu-west-1', 'ap-southeast-2']));
		expect(rows.some(row => row['AutomationType'] === 'CrossAccount')).toBe(true);
		expect(rows.filter(row => row['AutomationExecutionStatus'] === 'Success').every(row => row['ExecutionEndTime'] !== undefined)).toBe(true);
	});

	it('honours --filter', async () => {
		const result = await runCli(['--local', '--once', '--json', '--filter', 'status:problem type:CrossAccount']);
		expect(result.status).toBe(0);
		const rows = parseJsonLines(result.stdout);
		expectWellFormed(rows);
		expect(rows.every(row => PROBLEM.includes(row['AutomationExecutionStatus'] as string) && row['AutomationType'] === 'CrossAccount')).toBe(true);
	});

	it('reads an --endpoint-url in the given --region only, with the SDK credential chain', async () => {
		const result = await runCli(['--endpoint-url', emulator.url, '--region', 'eu-west-1', '--once', '--json'], {env});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const rows = parseJsonLines(result.stdout);
		expectWellFormed(rows);
		expect(rows.every(row => row['Region'] === 'eu-west-1')).toBe(true);
		// The emulator's clock is fixed, so every start time is at or before it.
		expect(rows.every(row => Date.parse(row['ExecutionStartTime'] as string) <= NOW)).toBe(true);
	});

	it('prints nothing (and still exits 0) when the filter matches nothing', async () => {
		const result = await runCli(['--endpoint-url', emulator.url, '--region', 'us-east-1', '--once', '--json', '--filter', 'doc:NoSuchRunbookPrefix'], {env});
		expect(result.status).toBe(0);
		expect(result.stdout).toBe('');
	});

	it('prints the tab-separated table without --json', async () => {
		const result = await runCli(['--endpoint-url', emulator.url, '--region', 'us-east-1', '--once'], {env});
		expect(result.status).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines.length).toBeGreaterThan(0);
		expect(lines.every(line => line.split('\t').length === 5)).toBe(true);
	});

	it.skipIf(!existsSync('/usr/bin/aws'))(
		'has the members `aws ssm describe-automation-executions` prints for the same executions, with the same values',
		async () => {
			const result = await runCli(['--endpoint-url', emulator.url, '--region', 'eu-west-1', '--once', '--json'], {env});
			const ours = new Map(parseJsonLines(result.stdout).map(row => [row['AutomationExecutionId'] as string, row]));
			const cli = await promisify(execFile)(
				'/usr/bin/aws',
				['ssm', 'describe-automation-executions', '--endpoint-url', emulator.url, '--region', 'eu-west-1', '--output', 'json'],
				{env: {...env, AWS_PAGER: ''}},
			);
			const theirs = (JSON.parse(cli.stdout) as {AutomationExecutionMetadataList: Array<Record<string, unknown>>}).AutomationExecutionMetadataList;
			expect(theirs.length).toBe(ours.size);
			for (const item of theirs) {
				const row = ours.get(item['AutomationExecutionId'] as string)!;
				expect(row, `execution ${String(item['AutomationExecutionId'])}`).toBeDefined();
				const {Region, AccountId: _account, ...ssm} = row;
				expect(Region).toBe('eu-west-1');
				// A jq filter on the CLI's members finds the same values on ssmtop's lines (times as the same instants).
				for (const [member, value] of Object.entries(ssm)) {
					const expected = item[member];
					if (member.endsWith('Time')) expect(Date.parse(value as string), member).toBe(Date.parse(String(expected)));
					else expect(value, member).toEqual(expected);
				}
			}
		},
	);
});
