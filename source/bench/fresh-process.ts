/**
 * A measurement run in a fresh node process (nothing left from earlier measurements, no other
 * timers): the child prints its progress to stderr, which is passed through, and its result as
 * JSON on the last line of stdout.
 */
import {spawn} from 'node:child_process';
import {benchEnvironment} from './bench-environment.js';

/** Runs `node ...args` under the bench's environment; `what` names it when it exits with a failure. */
export async function resultOfFreshProcess<T>(args: readonly string[], what: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, {stdio: ['ignore', 'pipe', 'inherit'], env: benchEnvironment(process.env)});
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
