/** Waiting for the fake terminal to go quiet: Ink paints at most every 33 ms, so "no write for a while" ends a frame. */
import type {FakeTtyStdout} from './fake-terminal.js';

export async function waitForQuiet(stdout: FakeTtyStdout, options: {quietMs?: number; timeoutMs?: number} = {}): Promise<void> {
	const quietMs = options.quietMs ?? 80;
	const deadline = Date.now() + (options.timeoutMs ?? 10_000);
	let seen = stdout.totalBytes;
	let since = Date.now();
	for (;;) {
		await new Promise(resolve => setTimeout(resolve, 10));
		if (stdout.totalBytes !== seen) {
			seen = stdout.totalBytes;
			since = Date.now();
		} else if (Date.now() - since >= quietMs) {
			return;
		}

		if (Date.now() > deadline) throw new Error(`the terminal kept being written to for ${options.timeoutMs ?? 10_000} ms`);
	}
}

export const pause = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));
