/**
 * The terminal closes under the running app (tmux kill-session or kill-pane, like a closed window
 * or an SSH drop): ssmtop ends at once and without a word on its stderr, kept in a file here. Node
 * 20's exit path would abort with "Assertion failed … ResetStdio" and a native stack, as its
 * tcsetattr on the terminal that is gone fails (nodejs/node#51519), and a write that fails with
 * EIO would first be reported as an internal error.
 */
import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killAllTmuxSessions, shellQuote, startTmux, tmuxAvailable, tmuxPath, type TmuxSession} from '../helpers/tmux.js';
import {assertBuilt, cliLine, listRows} from './support.js';
import {onlyChild, waitForEnd} from './processes.js';

const runFile = promisify(execFile);

beforeAll(() => {
	assertBuilt();
});

const directories: string[] = [];

afterEach(async () => {
	await killAllTmuxSessions();
	for (const directory of directories.splice(0)) rmSync(directory, {recursive: true, force: true});
});

/**
 * The CLI in tmux with its stderr in a file, its list up. `wrap` builds the pane's command line
 * around the CLI's, with a directory of the test's own for any other file.
 */
async function startWithStderrInFile(
	wrap: (cli: string, dir: string) => string = cli => cli,
): Promise<{tmux: TmuxSession; pid: number; stderrFile: string; dir: string}> {
	const dir = mkdtempSync(join(tmpdir(), 'ssmtop-close-'));
	directories.push(dir);
	const stderrFile = join(dir, 'stderr');
	const tmux = await startTmux({command: wrap(`${cliLine(['--local'])} 2>${shellQuote([stderrFile])}`, dir), columns: 100, rows: 30});
	await tmux.waitFor(screen => listRows(screen).length > 0, {timeoutMs: 20_000});
	return {tmux, pid: await onlyChild(tmux), stderrFile, dir};
}

function expectQuiet(stderr: string): void {
	expect(stderr).not.toMatch(/Assertion failed|ResetStdio|Native stack trace|internal error/);
	expect(stderr).not.toMatch(/^\s+at /m);
	// Not even the cursor escape an exit handler would write: the terminal it was for is gone.
	expect(stderr).toBe('');
}

describe.skipIf(!tmuxAvailable())('the terminal closes under the app', () => {
	it.each(['kill-session', 'kill-pane'])('tmux %s: ssmtop ends quietly', async command => {
		const {tmux, pid, stderrFile} = await startWithStderrInFile();
		await runFile(tmuxPath, ['-S', tmux.socket, command, '-t', tmux.target]);
		await waitForEnd(pid);
		expectQuiet(readFileSync(stderrFile, 'utf8'));
	});

	it('a parent that outlives the terminal sees status 129, as for a hang-up', async () => {
		// The pane's shell ignores SIGHUP (as nohup would) and records the status in a file, the only place left to write to.
		const {tmux, pid, stderrFile, dir} = await startWithStderrInFile((cli, dir) => `trap '' HUP; ${cli}; echo $? > ${shellQuote([join(dir, 'status')])}`);
		const statusFile = join(dir, 'status');
		await runFile(tmuxPath, ['-S', tmux.socket, 'kill-session', '-t', tmux.target]);
		await waitForEnd(pid);
		const deadline = Date.now() + 10_000;
		while (!existsSync(statusFile) || readFileSync(statusFile, 'utf8') === '') {
			if (Date.now() > deadline) throw new Error('the pane shell never wrote the status');
			await new Promise(resolve => setTimeout(resolve, 50));
		}

		expectQuiet(readFileSync(stderrFile, 'utf8'));
		expect(readFileSync(statusFile, 'utf8').trim()).toBe('129');
	});
});
