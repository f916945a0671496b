/**
 * The built CLI run in a pseudo-terminal (script(1), as the launch benchmark runs it), its output fed
 * to the screenshots' virtual terminal, so a measurement can read the screen, press keys and wait for
 * what a person would wait for; and the process's memory from /proc (its peak: VmHWM).
 */
import {readFileSync} from 'node:fs';
import {screenText, VirtualTerminal} from '../screenshots/terminal-screen.js';
import {childOf, PTY_SIZE, spawnInPty} from './pty-spawn.js';

export interface PtySession {
	/** The screen now, as text. */
	screen(): string;
	/** The first line drawn in inverse video for most of its text (the list's selected row), as text. */
	selectedLine(): string | undefined;
	press(keys: string): void;
	/** Resolves with the screen once `test` holds for it, checked after every write; rejects after `timeoutMs`. */
	waitFor(test: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<string>;
	/** Resident memory of the node process now and at its peak, in MB (from /proc/PID/status). */
	memory(): {rssMb: number; peakRssMb: number};
	/** Presses q and waits for the process to end (kills it after a few seconds). */
	close(): Promise<void>;
}

function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find(entry => entry.startsWith(`${field}:`));
	const kilobytes = Number(/(\d+)/.exec(line ?? '')?.[1]);
	if (!Number.isFinite(kilobytes)) throw new Error(`no ${field} in /proc/${pid}/status`);
	return Math.round((kilobytes / 1024) * 10) / 10;
}

/** Starts `node <args>` in a 120×34 pseudo-terminal, with `env` added to the bench's environment. */
export async function startPtySession(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<PtySession> {
	const child = spawnInPty(args, env);
	const terminal = new VirtualTerminal(PTY_SIZE);
	const listeners = new Set<() => void>();
	let exited = false;
	const exit = new Promise<void>(resolve => {
		child.on('exit', () => {
			exited = true;
			resolve();
			for (const listener of listeners) listener();
		});
	});
	child.stdout.on('data', (chunk: Buffer) => {
		terminal.write(chunk.toString('utf8'));
		for (const listener of listeners) listener();
	});
	await new Promise<void>((resolve, reject) => {
		child.once('spawn', resolve);
		child.once('error', reject);
	});

	let node: number | undefined;
	const nodePid = (): number => {
		node ??= childOf(child.pid);
		if (node === undefined) throw new Error('the CLI process is not running under script(1)');
		return node;
	};

	const screen = (): string => screenText(terminal.screen());
	return {
		screen,
		selectedLine() {
			const line = terminal.screen().lines.find(cells => {
				const text = cells.filter(cell => cell.char.trim() !== '');
				return text.length > 0 && text.filter(cell => cell.style.inverse).length > text.length / 2;
			});
			return line?.map(cell => cell.char).join('');
		},
		press(keys) {
			child.stdin.write(keys);
		},
		async waitFor(test, what, timeoutMs = 60_000) {
			return new Promise((resolve, reject) => {
				const check = (): void => {
					const text = screen();
					if (test(text)) {
						done();
						resolve(text);
					} else if (exited) {
						done();
						reject(new Error(`the CLI exited while waiting for ${what}; its screen:\n${text}`));
					}
				};

				const timer = setTimeout(() => {
					done();
					reject(new Error(`timed out waiting for ${what}; the screen:\n${screen()}`));
				}, timeoutMs);
				const done = (): void => {
					clearTimeout(timer);
					listeners.delete(check);
				};

				listeners.add(check);
				check();
			});
		},
		memory() {
			const pid = nodePid();
			return {rssMb: statusMb(pid, 'VmRSS'), peakRssMb: statusMb(pid, 'VmHWM')};
		},
		async close() {
			if (!exited) child.stdin.write('q');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exit;
			clearTimeout(timer);
		},
	};
}
