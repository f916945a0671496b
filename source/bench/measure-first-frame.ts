/**
 * Launch to first frame, the way a user sees it: the bundled program spawned in a pseudo-terminal
 * (120×34, made by script(1) from util-linux), timed from spawn to what arrives on the terminal.
 * Two programs are timed the same way, so the launch figure has a floor to be compared with in the
 * same run, under the same load:
 * - an Ink hello world (source/bench/hello-world.tsx, bundled with ssmtop's own esbuild settings);
 * - `ssmtop --local`: its first frame (the header, each region "loading") and its first frame
 *   that shows list rows.
 * "First frame" is the first frame Ink writes (ssmtop writes the alternate-screen switch before
 * it; that is not a frame). Beside each time, on Linux, the CPU time (user + system) the process
 * had used by then, from /proc: a figure that depends much less on what else the machine runs.
 */
import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {benchEnvironment} from './bench-environment.js';
import {childOf, spawnInPty} from './pty-spawn.js';

export const HELLO_WORLD = fileURLToPath(new URL('hello-world/hello-world.js', import.meta.url));

export interface PtyFrameTimes {
	/** Spawn → the first frame Ink writes. */
	readonly firstFrameMs: number;
	/** The process's CPU time (user + system) by then; undefined where /proc is not there. */
	readonly firstFrameCpuMs?: number;
	/** Spawn → the first frame with list rows (only when asked for). */
	readonly rowsFrameMs?: number;
	readonly rowsFrameCpuMs?: number;
}

export interface PtyProgram {
	readonly script: string;
	readonly args: readonly string[];
	/** Matched against the text written so far, with escape sequences removed. */
	readonly firstFrame: RegExp;
	readonly rowsFrame?: RegExp;
}

/**
 * A list row of ssmtop's: a short execution id, then DOCUMENT:VERSION, or the document's name cut
 * to its column ("Ops-DeployServiceCon…", "~" on an ASCII terminal) where the column is narrower
 * than the name, as it is with the ACCOUNT column of the demo's organisation (the column header has
 * neither). Matching only whole DOCUMENT:VERSION cells timed the first frame that happened to show a
 * short name, tens of milliseconds after the first rows.
 */
export const LIST_ROW = /\b[0-9a-f]{8} +[\w.-]+(?::\d+\b|…|~)/;

export const HELLO_PROGRAM: PtyProgram = {script: HELLO_WORLD, args: [], firstFrame: /Hello, world/};

export function ssmtopProgram(cliPath: string): PtyProgram {
	return {script: cliPath, args: ['--local'], firstFrame: /LOCAL EMULATOR/, rowsFrame: LIST_ROW};
}

// CSI sequences (colours, cursor moves, modes) and OSC ones: what is left is the text on screen.
const ESCAPES = /\u001B\[[0-9;?<=>]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[()][0-9A-Za-z]|\u001B[=>78]/g;

export function screenTextOf(output: string): string {
	return output.replaceAll(ESCAPES, '');
}

const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system, all threads) of a process so far, from /proc/PID/stat; undefined if unreadable. */
export function processCpuMs(pid: number): number | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// Fields after the command name (which is in parentheses and may contain spaces): utime is the 14th, stime the 15th.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		const ticks = Number(fields[11]) + Number(fields[12]);
		return Number.isFinite(ticks) ? (ticks * 1000) / CLOCK_TICKS_PER_SECOND : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Runs `node <script> <args>` in a 120×34 pseudo-terminal and times its frames; presses q once the
 * last awaited frame is there. Undefined when script(1) is missing or a frame never comes.
 */
export async function measureInPty(program: PtyProgram, timeoutMs = 30_000): Promise<PtyFrameTimes | undefined> {
	return new Promise(resolve => {
		const started = performance.now();
		let child;
		try {
			child = spawnInPty([program.script, ...program.args]);
		} catch {
			resolve(undefined);
			return;
		}

		let node: number | undefined;
		const cpu = (): number | undefined => {
			node ??= childOf(child.pid);
			return node === undefined ? undefined : processCpuMs(node);
		};

		let output = '';
		let first: {ms: number; cpu: number | undefined} | undefined;
		let rows: {ms: number; cpu: number | undefined} | undefined;
		const timer = setTimeout(() => child.kill(), timeoutMs);
		child.on('error', () => resolve(undefined));
		child.stdout.on('data', (chunk: Buffer) => {
			const ms = performance.now() - started;
			const done = (): boolean => first !== undefined && (program.rowsFrame === undefined || rows !== undefined);
			if (done()) return;
			output += chunk.toString('utf8');
			const text = screenTextOf(output);
			if (!first && program.firstFrame.test(text)) first = {ms, cpu: cpu()};
			if (!rows && program.rowsFrame?.test(text)) rows = {ms, cpu: cpu()};
			if (done()) child.stdin.write('q');
		});
		child.on('exit', () => {
			clearTimeout(timer);
			if (!first || (program.rowsFrame && !rows)) {
				resolve(undefined);
				return;
			}

			resolve({
				firstFrameMs: first.ms,
				...(first.cpu === undefined ? {} : {firstFrameCpuMs: first.cpu}),
				...(rows ? {rowsFrameMs: rows.ms} : {}),
				...(rows?.cpu === undefined ? {} : {rowsFrameCpuMs: rows.cpu}),
			});
		});
	});
}

/** Wall time of `node <cli> <args>` (e.g. --version: node's start-up plus the CLI's own). */
export async function timeProcess(args: readonly string[], runs = 5): Promise<number[]> {
	const samples: number[] = [];
	for (let index = 0; index < runs; index++) {
		const started = performance.now();
		await run(process.execPath, args, 30_000);
		samples.push(performance.now() - started);
	}

	return samples;
}

async function run(command: string, args: readonly string[], timeoutMs: number): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'inherit'], env: benchEnvironment(process.env)});
		let output = '';
		const timer = setTimeout(() => child.kill(), timeoutMs);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
		});
		child.on('error', reject);
		child.on('exit', code => {
			clearTimeout(timer);
			if (code === 0) resolve(output);
			else reject(new Error(`${command} ${args.join(' ')} exited with ${String(code)}`));
		});
	});
}
