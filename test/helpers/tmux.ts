/**
 * End-to-end tests in a real terminal: runs a command in a detached tmux session of a fixed size
 * on a private server socket, sends keys, and reads the screen back with capture-pane.
 */
import {execFile, execFileSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {promisify} from 'node:util';

const run = promisify(execFile);

export const tmuxPath = '/usr/bin/tmux';

export function tmuxAvailable(): boolean {
	return existsSync(tmuxPath);
}

/** Quotes arguments for the `sh -c` line tmux runs, e.g. shellQuote([process.execPath, 'dist/cli.js', '--local']). */
export function shellQuote(args: readonly string[]): string {
	return args.map(arg => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`)).join(' ');
}

export type TmuxOptions = {
	/** A shell command line (run by tmux through `sh -c`); build it with {@link shellQuote}. */
	command: string;
	columns?: number;
	rows?: number;
	cwd?: string;
	/**
	 * Variables added to the clean base environment (PATH, HOME, LANG=C.UTF-8, TERM=xterm-256color);
	 * undefined removes one. Nothing else of the test process leaks in: no AWS_*, no CI, no NO_COLOR.
	 */
	env?: Record<string, string | undefined>;
	/** The process whose end also ends the session (default: this one), in case kill() is never reached. */
	ownerPid?: number;
};

export type WaitForOptions = {
	timeoutMs?: number;
	intervalMs?: number;
	/** Match against the screen with escapes (capture-pane -e). */
	escapes?: boolean;
};

export type ScreenCondition = string | RegExp | ((screen: string) => boolean);

function baseEnvironment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
	const env: Record<string, string | undefined> = {
		PATH: process.env['PATH'] ?? '/usr/local/bin:/usr/bin:/bin',
		HOME: process.env['HOME'] ?? '/tmp',
		LANG: 'C.UTF-8',
		TERM: 'xterm-256color',
		// CI is left out on purpose: Ink paints only the last frame when CI is set (unless 'false'),
		// and chalk turns colours off when CI is set at all, even to 'false'.
		...extra,
	};
	return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function describeCondition(condition: ScreenCondition): string {
	if (typeof condition === 'string') return JSON.stringify(condition);
	if (condition instanceof RegExp) return String(condition);
	return condition.name ? `predicate ${condition.name}` : 'predicate';
}

const live = new Set<TmuxSession>();

function watchdog(ownerPid: number, socket: string): string {
	// run-shell's shell is a child of the tmux server, so $PPID is the server to end.
	return `while kill -0 ${ownerPid} 2>/dev/null; do sleep 1; done; rm -rf ${shellQuote([join(socket, '..')])}; kill $PPID`;
}

/** tmux reads an argument that ends in ';' as a command separator unless the ';' is escaped. */
function keepSemicolon(arg: string): string {
	return arg.endsWith(';') ? `${arg.slice(0, -1)}\\;` : arg;
}

export class TmuxSession {
	private killed = false;

	private constructor(
		/** The private server's socket path: `tmux -S <socket> attach` shows the session while debugging. */
		readonly socket: string,
		readonly target: string,
	) {}

	/** Starts the command in a new detached session on a server of its own. */
	static async start(options: TmuxOptions): Promise<TmuxSession> {
		const columns = options.columns ?? 80;
		const rows = options.rows ?? 24;
		// A socket in a directory of our own, removed on kill (tmux leaves its socket file behind).
		const socket = join(mkdtempSync(join(tmpdir(), 'ssmtop-tmux-')), 'socket');
		const session = new TmuxSession(socket, 'main');
		const env = baseEnvironment(options.env);
		// tmux sometimes marks a pane dead (pty closed) without ever recording the exit status, so the
		// command's own shell writes it to a file; the pane's shell still exits with the same status.
		const command = `${options.command}\n__status=$?\nprintf '%s' "$__status" > ${shellQuote([session.statusFile])}\nexit "$__status"`;
		// One invocation: the options are set on the new server before the pane's command starts.
		// remain-on-exit keeps the last screen and the exit status readable after the command ends;
		// an empty remain-on-exit-format stops tmux from writing (and scrolling) a "Pane is dead" line.
		await run(
			tmuxPath,
			[
				'-u',
				'-S',
				socket,
				'-f',
				'/dev/null',
				'start-server',
				';',
				'set-option',
				'-g',
				'default-terminal',
				'xterm-256color',
				';',
				'set-option',
				'-g',
				'remain-on-exit',
				'on',
				';',
				'set-option',
				'-g',
				'remain-on-exit-format',
				'',
				';',
				'set-option',
				'-g',
				'status',
				'off',
				';',
				// A watchdog inside the server: vitest ends its workers without running exit handlers, so a
				// test that never calls kill() would leave the server behind. It dies with the server.
				'run-shell',
				'-b',
				watchdog(options.ownerPid ?? process.pid, socket),
				';',
				'new-session',
				'-d',
				'-s',
				session.target,
				'-x',
				String(columns),
				'-y',
				String(rows),
				...(options.cwd ? ['-c', options.cwd] : []),
				command,
			],
			{env},
		);
		live.add(session);
		return session;
	}

	private async tmux(...args: string[]): Promise<string> {
		if (this.killed) throw new Error('the tmux session was already killed');
		const {stdout} = await run(tmuxPath, ['-S', this.socket, ...args], {env: baseEnvironment()});
		return stdout;
	}

	/** Sends keys by tmux name: 'Enter', 'Escape', 'Up', 'Down', 'PageDown', 'Tab', 'BSpace', 'C-c', 'q', … */
	async sendKeys(...keys: string[]): Promise<void> {
		await this.tmux('send-keys', '-t', this.target, ...keys.map(keepSemicolon));
	}

	/** Types text literally (no key-name lookup), e.g. a filter string. */
	async type(text: string): Promise<void> {
		await this.tmux('send-keys', '-t', this.target, '-l', '--', keepSemicolon(text));
	}

	/**
	 * The visible screen: one line per row joined by '\n' (tmux trims trailing blanks), with SGR
	 * escapes if asked. The newline tmux ends the last row with is dropped, so the text replays
	 * onto a screen of the same size (ansiToSvg) without scrolling.
	 */
	async capture(options: {escapes?: boolean} = {}): Promise<string> {
		const screen = await this.tmux('capture-pane', '-p', ...(options.escapes ? ['-e'] : []), '-t', this.target);
		return screen.endsWith('\n') ? screen.slice(0, -1) : screen;
	}

	/**
	 * Polls the screen until it contains the text, matches the pattern or satisfies the predicate,
	 * and returns that screen. Throws after the timeout with the last screen in the message.
	 */
	async waitFor(condition: ScreenCondition, options: WaitForOptions = {}): Promise<string> {
		const {timeoutMs = 10_000, intervalMs = 50, escapes = false} = options;
		const test =
			typeof condition === 'string'
				? (screen: string) => screen.includes(condition)
				: condition instanceof RegExp
					? (screen: string) => condition.test(screen)
					: condition;
		const deadline = Date.now() + timeoutMs;
		let screen: string;
		for (;;) {
			screen = await this.capture({escapes});
			if (test(screen)) return screen;
			if (Date.now() >= deadline) break;
			await new Promise(resolve => setTimeout(resolve, intervalMs));
		}

		throw new Error(`timed out after ${timeoutMs} ms waiting for ${describeCondition(condition)}; last screen:\n${screen}`);
	}

	/** Resizes the window, as if the user resized their terminal (the program gets SIGWINCH). */
	async resize(columns: number, rows: number): Promise<void> {
		await this.tmux('resize-window', '-t', this.target, '-x', String(columns), '-y', String(rows));
	}

	async size(): Promise<{columns: number; rows: number}> {
		const [columns, rows] = (await this.tmux('display-message', '-p', '-t', this.target, '#{pane_width} #{pane_height}')).trim().split(' ').map(Number);
		return {columns: columns!, rows: rows!};
	}

	private get statusFile(): string {
		return join(this.socket, '..', 'exit-status');
	}

	/** What the command's shell wrote to the status file (empty while it is being written), if anything. */
	private writtenStatus(): string | undefined {
		return existsSync(this.statusFile) ? readFileSync(this.statusFile, 'utf8') : undefined;
	}

	/** The command's exit status once it has ended (128 + n if signal n ended the pane); undefined while it runs. */
	async exitStatus(): Promise<number | undefined> {
		const written = this.writtenStatus();
		if (written !== undefined && /^\d+$/.test(written)) return Number(written);

		const [dead, signal] = (await this.tmux('display-message', '-p', '-t', this.target, '#{pane_dead} #{pane_dead_signal}')).trim().split(' ');
		return dead === '1' && signal ? 128 + Number(signal) : undefined;
	}

	/**
	 * What the pane's side of the terminal looks like, for a test's failure message: whether the pane
	 * is dead, the status its command wrote, and while it lives the terminal's modes and who is on it.
	 */
	async diagnose(): Promise<string> {
		const written = this.writtenStatus() ?? '(none)';
		const [dead = '?', status = '', tty = ''] = (
			await this.tmux('display-message', '-p', '-t', this.target, '#{pane_dead} #{pane_dead_status} #{pane_tty}').catch(() => '')
		)
			.trim()
			.split(' ');
		const facts = [`pane dead: ${dead} (status ${status || '-'}), status file: ${written}`];
		if (dead === '0' && tty) {
			const show = async (file: string, args: string[]): Promise<string> =>
				(await run(file, args).catch((error: Error) => ({stdout: error.message}))).stdout.trim();
			facts.push(`stty: ${await show('stty', ['-a', '-F', tty])}`, `processes:\n${await show('ps', ['-o', 'pid,stat,wchan:20,args', '-t', tty])}`);
		}

		return facts.join('\n');
	}

	/** Waits for the command to end and returns its exit status. */
	async waitForExit(options: {timeoutMs?: number; intervalMs?: number} = {}): Promise<number> {
		const {timeoutMs = 10_000, intervalMs = 50} = options;
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const status = await this.exitStatus();
			if (status !== undefined) return status;
			if (Date.now() >= deadline) throw new Error(`the command was still running after ${timeoutMs} ms; last screen:\n${await this.capture()}`);
			await new Promise(resolve => setTimeout(resolve, intervalMs));
		}
	}

	/** Ends the session's server and everything running in it. Safe to call twice. */
	async kill(): Promise<void> {
		if (this.killed) return;
		this.killed = true;
		live.delete(this);
		await run(tmuxPath, ['-S', this.socket, 'kill-server'], {env: baseEnvironment()}).catch(() => {
			// Already gone (the server exits by itself when its last session ends).
		});
		this.removeSocket();
	}

	private removeSocket(): void {
		rmSync(join(this.socket, '..'), {recursive: true, force: true});
	}

	/** Synchronous kill for process-exit cleanup, where promises no longer run. */
	killSync(): void {
		if (this.killed) return;
		this.killed = true;
		live.delete(this);
		try {
			execFileSync(tmuxPath, ['-S', this.socket, 'kill-server'], {stdio: 'ignore', env: baseEnvironment()});
		} catch {
			// Already gone.
		}

		this.removeSocket();
	}
}

export function startTmux(options: TmuxOptions): Promise<TmuxSession> {
	return TmuxSession.start(options);
}

/** Kills every session this process started and has not killed yet (for afterEach/afterAll). */
export async function killAllTmuxSessions(): Promise<void> {
	await Promise.all([...live].map(session => session.kill()));
}

// A test that crashes or times out must not leave tmux servers behind.
process.once('exit', () => {
	for (const session of [...live]) session.killSync();
});
