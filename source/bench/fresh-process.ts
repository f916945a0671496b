/**
 * A measurement run in a fresh node process (nothing left from earlier measurements, no other
 * timers): the child prints its progress to stderr, which is passed through, and its result as
 * JSON on the last line of stdout.
 */
import {spawn} from 'node:child_process';
import {benchEnvironment} from './bench-environment.js';
import {START_HEAP_FLAGS} from '../cli/heap-tuning.js';

/** A child given this argument keeps V8's own heap sizing, for the figure beside the CLI's. */
export const V8_DEFAULTS_FLAG = '--v8-defaults';

/**
 * Every other child sets the CLI's start-up heap flags (cli/heap-tuning.ts) in a preloaded module,
 * before its own module graph is compiled, as early as the CLI sets them (its entry loads little).
 * Set from the child's own code they would come after the graph compiled, when the young generation
 * has already grown; given on node's command line, V8 raises a semi-space growth factor below 2 to 2.
 */
export function heapArgumentsFor(args: readonly string[]): readonly string[] {
	if (args.includes(V8_DEFAULTS_FLAG)) return [];
	const preload = `import v8 from 'node:v8'; for (const flag of ${JSON.stringify(START_HEAP_FLAGS)}) v8.setFlagsFromString(flag);`;
	return ['--import', `data:text/javascript,${encodeURIComponent(preload)}`];
}

/** Runs `node [heap flags] ...args` under the bench's environment; `what` names it when it exits with a failure. */
export async function resultOfFreshProcess<T>(args: readonly string[], what: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...heapArgumentsFor(args), ...args], {stdio: ['ignore', 'pipe', 'inherit'], env: benchEnvironment(process.env)});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
		});
		child.on('error', reject);
		child.on('exit', code => {
			if (code !== 0) return reject(new Error(`${what} exited with ${String(code)}`));
			try {
				resolve(JSON.parse(output.trim().split('\n').at(-1) ?? '') as T);
			} catch (error) {
				reject(error instanceof Error ? error : new Error(String(error)));
			}
		});
	});
}
