/**
 * The processes behind a tmux pane, for tests that signal the CLI itself (kill -STOP, kill -TSTP)
 * or wait for it to end after its terminal is gone.
 */
import {execFile} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {promisify} from 'node:util';
import {tmuxPath, type TmuxSession} from '../helpers/tmux.js';

const runFile = promisify(execFile);

/** The pane's first process: the shell tmux started (`sh -c …`, or what it exec'd). */
export async function panePid(tmux: TmuxSession): Promise<number> {
	const {stdout} = await runFile(tmuxPath, ['-S', tmux.socket, 'display-message', '-p', '-t', tmux.target, '#{pane_pid}']);
	return Number(stdout.trim());
}

/** The direct children of a process (pgrep exits 1 when there are none). */
export async function childPids(pid: number): Promise<number[]> {
	try {
		const {stdout} = await runFile('pgrep', ['-P', String(pid)]);
		return stdout.trim().split('\n').filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

/** The one child of the pane's shell: the CLI it runs. Throws unless there is exactly one. */
export async function onlyChild(tmux: TmuxSession): Promise<number> {
	const children = await childPids(await panePid(tmux));
	if (children.length !== 1) throw new Error(`expected the pane's shell to run one process, found ${JSON.stringify(children)}`);
	return children[0]!;
}

/** Whether the process has ended: gone, or a zombie (its parent died too and nobody reaps it here). */
export function hasEnded(pid: number): boolean {
	try {
		process.kill(pid, 0);
	} catch {
		return true;
	}

	try {
		// The state is the field after the parenthesised command name, which may itself contain spaces.
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
	} catch {
		return true;
	}
}

/** Polls until the process has ended; throws after the timeout. */
export async function waitForEnd(pid: number, timeoutMs = 10_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!hasEnded(pid)) {
		if (Date.now() >= deadline) throw new Error(`process ${pid} was still running after ${timeoutMs} ms`);
		await new Promise(resolve => setTimeout(resolve, 50));
	}
}
