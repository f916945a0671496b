/**
 * Launch to first frame, two ways (each in a fresh process, so module loading counts):
 * - in process: `node dist/bench/measure-first-frame.js` composes --local (demo emulator, AWS api,
 *   store, poller, App) into a fake terminal and reports when the first frame, and the first frame
 *   with executions in it, were written: from the script's start and from the process's start;
 * - the real CLI in a pseudo-terminal made by script(1) (util-linux), when it is installed:
 *   `ssmtop --local` from spawn to the header on the terminal.
 */
import {spawn} from 'node:child_process';
import {benchEnvironment} from './bench-environment.js';
import {fileURLToPath, pathToFileURL} from 'node:url';

export interface InProcessFirstFrame {
	/** Importing the app's modules (SDK, Ink, React, emulator). */
	readonly moduleLoadMs: number;
	/** From the script's first line (before the imports) to the first write. */
	readonly firstFrameMs: number;
	/** To the first write showing executions. */
	readonly firstDataFrameMs: number;
	/** Node's own start-up before the script ran (performance.now() at the first line). */
	readonly processBootMs: number;
}

export interface PtyFirstFrame {
	/** From spawn to the header ("LOCAL EMULATOR") on the pseudo-terminal. */
	readonly firstFrameMs: number;
	/** From spawn to a header that counts executions. */
	readonly firstDataFrameMs: number;
}

async function measureInThisProcess(): Promise<InProcessFirstFrame> {
	const processBootMs = performance.now();
	const started = performance.now();
	const [{startLocalSession}] = await Promise.all([import('./local-session.js')]);
	const moduleLoadMs = performance.now() - started;
	let firstDataAt: number | undefined;
	let firstWriteAt: number | undefined;
	let dataArrivedAt: number | undefined;
	const session = await startLocalSession({
		startMs: Date.UTC(2026, 10, 25, 12),
		seed: 'demo',
		terminal: {columns: 120, rows: 34},
		uiClock: 'frozen',
		render: false,
	});
	const unsubscribe = session.store.subscribe(state => {
		if (dataArrivedAt === undefined && Object.keys(state.executions).length > 0) dataArrivedAt = performance.now();
	});
	session.terminal.stdout.on('written', () => {
		const now = performance.now();
		firstWriteAt ??= now;
		if (firstDataAt === undefined && dataArrivedAt !== undefined) firstDataAt = now;
	});
	await session.renderApp();
	await session.settled();
	const deadline = Date.now() + 10_000;
	while (firstDataAt === undefined && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 5));
	unsubscribe();
	await session.close();
	if (firstWriteAt === undefined || firstDataAt === undefined) throw new Error('no frame with data within 10 s');
	return {moduleLoadMs, firstFrameMs: firstWriteAt - started, firstDataFrameMs: firstDataAt - started, processBootMs};
}

/** Runs the in-process measurement in a fresh node process. */
export async function measureFirstFrameInFreshProcess(): Promise<InProcessFirstFrame> {
	const output = await run(process.execPath, [fileURLToPath(import.meta.url), '--json'], 30_000);
	return JSON.parse(output.trim().split('\n').at(-1) ?? '') as InProcessFirstFrame;
}

/** `ssmtop --local` in a pseudo-terminal of 120×34 via script(1); undefined when script is missing or fails. */
export async function measureCliInPty(cliPath: string, timeoutMs = 30_000): Promise<PtyFirstFrame | undefined> {
	return new Promise(resolve => {
		const started = performance.now();
		let child;
		try {
			child = spawn('script', ['-qfec', `stty rows 34 cols 120; exec "${process.execPath}" "${cliPath}" --local`, '/dev/null'], {
				stdio: ['pipe', 'pipe', 'ignore'],
				env: {...benchEnvironment(process.env), TERM: 'xterm-256color'},
			});
		} catch {
			resolve(undefined);
			return;
		}

		let output = '';
		let firstFrameMs: number | undefined;
		let firstDataFrameMs: number | undefined;
		const timer = setTimeout(() => child.kill(), timeoutMs);
		child.on('error', () => resolve(undefined));
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (firstFrameMs === undefined && output.includes('LOCAL EMULATOR')) firstFrameMs = performance.now() - started;
			if (firstDataFrameMs === undefined && /[1-9]\d* total/.test(output)) {
				firstDataFrameMs = performance.now() - started;
				child.stdin.write('q');
			}
		});
		child.on('exit', () => {
			clearTimeout(timer);
			resolve(firstFrameMs !== undefined && firstDataFrameMs !== undefined ? {firstFrameMs, firstDataFrameMs} : undefined);
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

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await measureInThisProcess();
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}
