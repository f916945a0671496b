/**
 * Ink hands several characters that arrive in one read (fast typing over SSH,
 * key repeat, tmux send-keys) to the handler as one string, as if pasted. For
 * navigation each one is a key, so a burst is split back into single presses.
 */
import type {KeyPress} from '../keymap.js';

const CONTROL: Readonly<Record<string, KeyPress>> = {
	'\r': {return: true},
	'\n': {return: true},
	'\t': {tab: true},
	'\u007F': {delete: true},
	'\b': {backspace: true},
};

export function splitBurst(input: string): Array<readonly [string, KeyPress]> {
	return [...input].map(char => {
		const control = CONTROL[char];
		if (control) return ['', control] as const;
		return [char, /[A-Z]/.test(char) ? {shift: true} : {}] as const;
	});
}
