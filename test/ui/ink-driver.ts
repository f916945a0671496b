/**
 * Driving an ink-testing-library render as a user would: keys sent by name and
 * the frame awaited by condition with a deadline — never a fixed sleep. Serves
 * both the whole-App helpers and the dialog harness.
 */
import type {render} from 'ink-testing-library';
import {KEY_BYTES, type KeyByteName} from '../../source/ui/input/key-bytes.js';

type Instance = ReturnType<typeof render>;

export const stripAnsi = (text: string): string => text.replaceAll(/\u001B\[[0-9;?]*[A-Za-z]/g, '');

/** One macrotask turn, so Ink's input handler and React can run (not a timed wait). */
export const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

export function inkDriver(instance: Instance) {
	const frame = (): string => stripAnsi(instance.lastFrame() ?? '');
	/** Resolves with the first (ANSI-stripped) frame `test` accepts; fails with the last frame after `ms`. */
	const waitUntil = async (test: (frame: string) => boolean, what: unknown, ms: number): Promise<string> => {
		const deadline = Date.now() + ms;
		for (;;) {
			const current = frame();
			if (test(current)) return current;
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(what)}; last frame:\n${current}`);
			await turn();
		}
	};
	const send = async (data: string): Promise<void> => {
		instance.stdin.write(data);
		await turn();
	};
	const press = async (...keys: KeyByteName[]): Promise<void> => {
		for (const key of keys) await send(KEY_BYTES[key]);
	};
	const type = async (text: string): Promise<void> => {
		for (const char of text) await send(char);
	};
	return {frame, waitUntil, send, press, type};
}
