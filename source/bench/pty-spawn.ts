/**
 * `node <args>` in a 120×34 pseudo-terminal made by script(1) (util-linux), under the bench's
 * environment: how the launch benchmark (measure-first-frame.ts) and the pty sessions
 * (pty-session.ts) start the built CLI.
 */
import {spawn, type ChildProcessByStdio} from 'node:child_process';
import {readFileSync} from 'node:fs';
import type {Readable, Writable} from 'node:stream';
import {benchEnvironment} from './bench-environment.js';

export const PTY_SIZE = {columns: 120, rows: 34};

/** script(1) running `node <args>`; `env` is added to the bench's environment. Throws as spawn() does. */
export function spawnInPty(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcessByStdio<Writable, Readable, null> {
	const quote = (text: string): string => `'${text.replaceAll("'", "'\\''")}'`;
	const command = `stty rows ${PTY_SIZE.rows} cols ${PTY_SIZE.columns}; exec ${[process.execPath, ...args].map(quote).join(' ')}`;
	return spawn('script', ['-qfec', command, '/dev/null'], {
		stdio: ['pipe', 'pipe', 'ignore'],
		env: {...benchEnvironment(process.env), TERM: 'xterm-256color', ...env},
	});
}

/** The node process script(1) runs: its child (the shell exec's node, so it keeps the pid). */
export function childOf(pid: number | undefined): number | undefined {
	if (pid === undefined) return undefined;
	try {
		const [child] = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
		return child ? Number(child) : undefined;
	} catch {
		return undefined;
	}
}
