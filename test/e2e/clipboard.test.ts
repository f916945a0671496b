/**
 * The bytes `y` and `o` write, from the built CLI in tmux: OSC 52 as it is — which tmux, with
 * `set-clipboard on`, decodes into a paste buffer (`show-buffer` reads it back) — and again in tmux's
 * passthrough envelope for the outer terminal. script(1) records every byte the app writes.
 */
import {execFile} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killAllTmuxSessions, shellQuote, startTmux, tmuxAvailable, tmuxPath} from '../helpers/tmux.js';
import {emptyHome} from '../drills/support.js';
import {assertBuilt, builtCli} from './support.js';

const runFile = promisify(execFile);
let folder: string | undefined;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
	if (folder) rmSync(folder, {recursive: true, force: true});
	folder = undefined;
});

describe.skipIf(!tmuxAvailable())('copying from the built CLI in tmux', () => {
	it('y puts the selected execution id and o its console URL on the clipboard (OSC 52, plain and through passthrough)', async () => {
		folder = mkdtempSync(join(tmpdir(), 'ssmtop-clipboard-'));
		const recording = join(folder, 'typescript');
		const cli = shellQuote([process.execPath, builtCli, '--local', '--notify', 'off']);
		const tmux = await startTmux({command: shellQuote(['script', '-q', '-f', '-c', cli, recording]), columns: 120, rows: 30, env: {HOME: emptyHome()}});
		const buffer = async (): Promise<string> => (await runFile(tmuxPath, ['-S', tmux.socket, 'show-buffer'])).stdout;
		await runFile(tmuxPath, ['-S', tmux.socket, 'set-option', '-g', 'set-clipboard', 'on']);
		// The header says us-east-1 ok, or (the organisation --local watches) that every location is.
		await tmux.waitFor(screen => /us-east-1 ok|(\d+) locations: \1 ok\b/.test(screen), {timeoutMs: 20_000});

		await tmux.type('y');
		const screen = await tmux.waitFor(/Copied execution id [\da-f-]{36}/, {timeoutMs: 10_000});
		const id = /Copied execution id ([\da-f-]{36})/.exec(screen)![1]!;
		const plain = `\u001B]52;c;${Buffer.from(id).toString('base64')}\u0007`;
		expect(await buffer()).toBe(id);
		const written = readFileSync(recording, 'latin1');
		expect(written).toContain(plain);
		expect(written).toContain(`\u001BPtmux;${plain.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`);

		await tmux.type('o');
		await tmux.waitFor(/Copied console URL https:\/\//, {timeoutMs: 10_000});
		expect(await buffer()).toMatch(
			new RegExp(`^https://[a-z0-9-]+\\.console\\.aws\\.amazon\\.com/systems-manager/automation/execution/${id}\\?region=[a-z0-9-]+$`),
		);

		await tmux.type('q');
		await tmux.waitForExit({timeoutMs: 15_000});
	}, 60_000);
});
