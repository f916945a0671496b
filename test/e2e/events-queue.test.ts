/**
 * Events end to end (issue 12): the built CLI in tmux with --events-queue on the emulator's
 * ssmtop-events queue; a run started with the AWS CLI shows up as a row from its events alone,
 * with no SSM list call between the start and the row, and the header says events are flowing.
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {startTmux, tmuxAvailable} from '../helpers/tmux.js';
import {drillHooks, emptyHome, FAKE_KEY_ID, FAKE_SECRET} from '../drills/support.js';
import {cliLine, listRows} from './support.js';

const run = promisify(execFile);
const awsCli = '/usr/bin/aws';

let emulator: RunningEmulator | undefined;

drillHooks(async () => {
	await emulator?.close();
	emulator = undefined;
});

const listCalls = () => emulator!.control.counts().requests['DescribeAutomationExecutions'] ?? 0;

describe.skipIf(!tmuxAvailable() || !existsSync(awsCli))('--events-queue', () => {
	it('a run started with the AWS CLI appears from its events, with no list call in between', async () => {
		emulator = await startEmulator({seed: 'none'});
		const credentials = {AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_EC2_METADATA_DISABLED: 'true'};
		const tmux = await startTmux({
			command: cliLine(['--endpoint-url', emulator.url, '--region', 'us-east-1', '--events-queue', emulator.eventsQueueUrl]),
			columns: 120,
			rows: 30,
			env: {HOME: emptyHome(), ...credentials},
		});
		await tmux.waitFor(/ events · no event yet/, {timeoutMs: 30_000});
		const lists = listCalls();
		const {stdout} = await run(
			awsCli,
			[
				'ssm',
				'start-automation-execution',
				'--document-name',
				'AWS-RestartEC2Instance',
				'--parameters',
				'InstanceId=i-0123456789abcdef0',
				'--endpoint-url',
				emulator.url,
				'--region',
				'us-east-1',
				'--output',
				'json',
			],
			{env: {PATH: '/usr/bin:/bin', HOME: emptyHome(), AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null', AWS_PAGER: '', ...credentials}},
		);
		const id = (JSON.parse(stdout) as {AutomationExecutionId: string}).AutomationExecutionId;
		const screen = await tmux.waitFor(current => listRows(current).some(row => row.includes(id.slice(0, 8))), {timeoutMs: 30_000});
		expect(listRows(screen).find(row => row.includes(id.slice(0, 8)))).toContain('AWS-RestartEC2Instance');
		expect(screen).toMatch(/ events · lag \d+s/);
		expect(listCalls()).toBe(lists);
	});

	it('falls back to polling when the queue is denied, says so in the header, and comes back to events', async () => {
		emulator = await startEmulator({seed: 'none'});
		const tmux = await startTmux({
			command: cliLine(['--endpoint-url', emulator.url, '--region', 'us-east-1', '--events-queue', emulator.eventsQueueUrl]),
			columns: 120,
			rows: 30,
			env: {HOME: emptyHome(), AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_EC2_METADATA_DISABLED: 'true'},
		});
		await tmux.waitFor(/ events · no event yet/, {timeoutMs: 30_000});
		emulator.control.setFaults({sqs: {deniedQueues: ['ssmtop-events']}});
		// The long poll in flight ends within 20 s; the next request is denied.
		await tmux.waitFor(/ polling: events queue ssmtop-events: access denied/, {timeoutMs: 30_000});
		const lists = listCalls();
		await tmux.waitFor(() => listCalls() > lists, {timeoutMs: 15_000});
		emulator.control.setFaults({sqs: {deniedQueues: []}});
		await tmux.waitFor(/ events · no event yet/, {timeoutMs: 30_000});
	}, 120_000);
});
