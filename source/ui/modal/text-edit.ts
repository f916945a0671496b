/** Editing one line of text by key presses: pure, so the fields stay simple and tests stay exact. */
import type {KeyPress} from '../keymap.js';

export interface TextState {
	readonly value: string;
	readonly cursor: number;
}

/**
 * The field after this key, or undefined when the key is not an edit (Tab,
 * Enter, Esc, arrows up/down… stay with the form). Cursor counts UTF-16 units
 * of code points kept whole by editing through Array.from.
 */
export function applyTextKey(state: TextState, input: string, key: KeyPress): TextState | undefined {
	const chars = Array.from(state.value);
	const cursor = Math.min(Math.max(0, state.cursor), chars.length);
	if (key.backspace || key.delete) {
		if (cursor === 0) return {value: state.value, cursor};
		chars.splice(cursor - 1, 1);
		return {value: chars.join(''), cursor: cursor - 1};
	}
	if (key.leftArrow) return {value: state.value, cursor: Math.max(0, cursor - 1)};
	if (key.rightArrow) return {value: state.value, cursor: Math.min(chars.length, cursor + 1)};
	if (key.home || (key.ctrl && input === 'a')) return {value: state.value, cursor: 0};
	if (key.end || (key.ctrl && input === 'e')) return {value: state.value, cursor: chars.length};
	if (key.ctrl && input === 'u') return {value: '', cursor: 0};
	if (key.ctrl || key.meta || key.tab || key.return || key.escape || key.upArrow || key.downArrow || key.pageUp || key.pageDown) return undefined;
	if (input === '') return undefined;
	// Pasted text arrives as one input; line breaks become spaces in a one-line field.
	const typed = Array.from(input.replace(/\r?\n|\r/g, ' '));
	chars.splice(cursor, 0, ...typed);
	return {value: chars.join(''), cursor: cursor + typed.length};
}
