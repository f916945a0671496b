/**
 * The bytes a notification actually writes, from the built CLI in tmux: a run that starts waiting
 * for an approval rings the bell and sends OSC 9 and OSC 777, each wrapped for tmux's passthrough
 * (the CLI runs inside tmux, so $TMUX is set), and the header says "needs you". script(1) records
 * every byte the app writes while tmux shows it.
 */
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {StartAutomationExecutionCommand, SSMClient} from '@aws-sdk/client-ssm';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {killAllTmuxSessions, shellQuote, startTmux, tmuxAvailable} from '../helpers/tmux.js';
import {emptyHome, FAKE_KEY_ID, FAKE_SECRET} from '../drills/support.js';
import {assertBuilt, builtCli} from './support.js';

let emulator: RunningEmulator | undefined;
let folder: string | undefined;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
	await emulator?.close();
	emulator = undefined;
	if (folder) rmSync(folder, {recursive: true, force: true});
	folder = undefined;
});

describe.skipIf(!tmuxAvailable())('notifications of the built CLI in tmux', () => {
	it('a run that starts waiting for an approval: the bell, OSC 9 and OSC 777 through tmux passthrough, "needs you" in the header', async () => {
		emulator = await startEmulator({seed: 'none', timeScale: 30});
		folder = mkdtempSync(join(tmpdir(), 'ssmtop-notify-'));
		const recording = join(folder, 'typescript');
		const cli = shellQuote([process.execPath, builtCli, '--endpoint-url', emulator.url, '--region', 'us-east-1', '--interval', '2']);
		const tmux = await startTmux({
			command: shellQuote(['script', '-q', '-f', '-c', cli, recording]),
			columns: 120,
			rows: 30,
			env: {HOME: emptyHome(), AWS_ACCESS_KEY_ID: FAKE_KEY_ID, AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_EC2_METADATA_DISABLED: 'true'},
		});
		await tmux.waitFor(/us-east-1 ok/, {timeoutMs: 20_000});

		const client = new SSMClient({region: 'us-east-1', endpoint: emulator.url, credentials: {accessKeyId: FAKE_KEY_ID, secretAccessKey: FAKE_SECRET}});
		const {AutomationExecutionId: id} = await client.send(
			new StartAutomationExecutionCommand({DocumentName: 'Ops-PatchFleetWithApproval', Parameters: {InstanceIds: ['i-0123456789abcdef0']}}),
		);
		client.destroy();
		await tmux.waitFor(/needs you: 1/, {timeoutMs: 30_000});

		const written = readFileSync(recording, 'latin1');
		const text = 'Ops-PatchFleetWithApproval waits for an approval at approvePatching';
		// tmux's envelope, the sequence's escapes doubled inside it.
		expect(written).toContain(`\u001BPtmux;\u001B\u001B]9;ssmtop: Ops-PatchFleetWithApproval: ${text} (${id}, us-east-1)\u0007\u001B\\`);
		expect(written).toContain(`\u001BPtmux;\u001B\u001B]777;notify;ssmtop: Ops-PatchFleetWithApproval;${text} (${id}, us-east-1)\u0007\u001B\\`);
		// The bell, outside any sequence, right before the first one.
		expect(written).toContain('\u0007\u001BPtmux;\u001B\u001B]9;');

		await tmux.type('!');
		await tmux.waitFor(new RegExp(`Notifications · 1, newest first[\\s\\S]*${text.slice(0, 40)}`));
		// q closes the pane, q again quits: script(1) ends with the app, nothing is left running.
		await tmux.type('q');
		await tmux.waitFor(screen => !/Notifications ·/.test(screen));
		await tmux.type('q');
		await tmux.waitForExit({timeoutMs: 15_000});
	}, 90_000);
});
