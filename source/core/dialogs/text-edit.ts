/** Editing one line of text by key presses: pure, so the fields stay simple and tests stay exact. */
import type {Command} from '../commands.js';

export interface TextState {
	readonly value: string;
	readonly cursor: number;
}

/**
 * The field after this keymap command ('text.*'), or undefined when the command
 * is not an edit (the form's own keys, or none). Cursor counts UTF-16 units of
 * code points kept whole by editing through Array.from.
 */
export function applyTextCommand(state: TextState, command: Command | undefined, input: string): TextState | undefined {
	const chars = Array.from(state.value);
	const cursor = Math.min(Math.max(0, state.cursor), chars.length);
	switch (command) {
		case 'text.deleteChar':
			if (cursor === 0) return {value: state.value, cursor};
			chars.splice(cursor - 1, 1);
			return {value: chars.join(''), cursor: cursor - 1};
		case 'text.left':
			return {value: state.value, cursor: Math.max(0, cursor - 1)};
		case 'text.right':
			return {value: state.value, cursor: Math.min(chars.length, cursor + 1)};
		case 'text.home':
			return {value: state.value, cursor: 0};
		case 'text.end':
			return {value: state.value, cursor: chars.length};
		case 'text.clear':
			return {value: '', cursor: 0};
		case 'text.type': {
			// Pasted text arrives as one input; line breaks become spaces in a one-line field.
			const typed = Array.from(input.replace(/\r?\n|\r/g, ' '));
			chars.splice(cursor, 0, ...typed);
			return {value: chars.join(''), cursor: cursor + typed.length};
		}
		default:
			return undefined;
	}
}
