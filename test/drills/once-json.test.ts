/**
 * `ssmtop --once --json`: the current executions as JSON Lines (one object per execution, the
 * same fields in the same order, ISO times), honouring --filter and the connection flags.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createManualClock, startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {assertBuilt} from '../e2e/support.js';
import {cleanEnv, FAKE_KEY_ID, FAKE_SECRET, parseJsonLines, runCli} from './support.js';

const FIELDS = [
	'id',
	'region',
	'account',
	'documentName',
	'documentVersion',
	'status',
	'mode',
	'automationType',
	'parentId',
	'startTime',
	'endTime',
	'currentStepName',
	'currentAction',
	'executedBy',
	'failureMessage',
	'target',
	'maxConcurrency',
	'maxErrors',
];
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
		expect(Object.keys(row)).toEqual(FIELDS);
		expect(row['id']).toMatch(/^[0-9a-f-]{36}$/);
		expect(typeof row['status']).toBe('string');
		for (const time of ['startTime', 'endTime'] as const) {
			const value = row[time];
			if (value !== null) {
				expect(value).toMatch(ISO);
				expect(new Date(value as string).toISOString()).toBe(value);
			}
		}
	}

	expect(new Set(rows.map(row => row['id'])).size).toBe(rows.length);
}

describe('ssmtop --once --json', () => {
	it('prints every execution of --local as one JSON object per line and exits 0', async () => {
		const result = await runCli(['--local', '--once', '--json']);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const rows = parseJsonLines(result.stdout);
		expectWellFormed(rows);
		expect(new Set(rows.map(row => row['region']))).toEqual(new Set(['us-east-1', 'eu-west-1', 'ap-southeast-2']));
		expect(rows.some(row => row['automationType'] === 'CrossAccount')).toBe(true);
		expect(rows.filter(row => row['status'] === 'Success').every(row => row['endTime'] !== null)).toBe(true);
	});

	it('honours --filter', async () => {
		const result = await runCli(['--local', '--once', '--json', '--filter', 'status:problem type:CrossAccount']);
		expect(result.status).toBe(0);
		const rows = parseJsonLines(result.stdout);
		expectWellFormed(rows);
		expect(rows.every(row => PROBLEM.includes(row['status'] as string) && row['automationType'] === 'CrossAccount')).toBe(true);
	});

	it('reads an --endpoint-url in the given --region only, with the SDK credential chain', async () => {
		const result = await runCli(['--endpoint-url', emulator.url, '--region', 'eu-west-1', '--once', '--json'], {env});
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		const rows = parseJsonLines(result.stdout);
		expectWellFormed(rows);
		expect(rows.every(row => row['region'] === 'eu-west-1')).toBe(true);
		// The emulator's clock is fixed, so every start time is at or before it.
		expect(rows.every(row => Date.parse(row['startTime'] as string) <= NOW)).toBe(true);
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
});
