/**
 * The bytes a terminal sends for common keys: what the benchmarks and the tests
 * write to a fake stdin to drive Ink as a user's terminal would.
 */
export const KEY_BYTES = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageUp: '\u001B[5~',
	pageDown: '\u001B[6~',
	home: '\u001B[H',
	end: '\u001B[F',
	enter: '\r',
	escape: '\u001B',
	tab: '\t',
	shiftTab: '\u001B[Z',
	backspace: '\u007F',
	ctrlC: '\u0003',
	ctrlU: '\u0015',
} as const;

export type KeyByteName = keyof typeof KEY_BYTES;
