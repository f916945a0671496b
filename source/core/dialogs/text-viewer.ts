/**
 * The full-text viewer (`v`): every value the detail cuts with "…" — failure messages, outputs,
 * RuntimeParameters, step names and actions — shown whole, wrapped and scrollable, one field at a
 * time (←/→ for the others). A value that parses as JSON is pretty-printed. The fields are a
 * snapshot taken when the viewer opens. Pure transitions, like the dialogs': state and command in,
 * state and effects (the copy) out; the lines are computed for the viewport the view draws in.
 */
import type {Command} from '../commands.js';
import {visibleText} from '../visible-text.js';
import type {Effect} from './effects.js';

export interface ViewerField {
	/** What the value is ("failure message", "output Result", "param InstanceId"). */
	readonly label: string;
	readonly value: string;
}

export interface TextViewerState {
	/** What the fields belong to ("Step 2/5 restart", "Execution 0a1b…"). */
	readonly title: string;
	readonly fields: readonly ViewerField[];
	readonly index: number;
	/** The first line shown. */
	readonly scroll: number;
}

export interface ViewerSize {
	/** Columns for the text (the overlay's border and padding already taken off). */
	readonly width: number;
	/** Lines for the text. */
	readonly height: number;
}

export function openViewer(title: string, fields: readonly ViewerField[], index = 0): TextViewerState {
	return {title, fields, index: Math.min(Math.max(0, index), Math.max(0, fields.length - 1)), scroll: 0};
}

/** A value that parses as a JSON object or array, indented; anything else as it is. */
export function prettyValue(value: string): string {
	const trimmed = value.trim();
	if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return value;
	try {
		return JSON.stringify(JSON.parse(trimmed) as unknown, null, 2);
	} catch {
		return value;
	}
}

/**
 * The value as the lines the viewer shows: pretty-printed, every control made visible (line breaks
 * kept as lines), each line cut into pieces of `width` characters. Never empty: an empty value is one
 * empty line.
 */
export function viewerLines(value: string, width: number): string[] {
	const size = Math.max(1, width);
	const lines: string[] = [];
	for (const line of visibleText(prettyValue(value)).split('\n')) {
		const chars = [...line];
		if (chars.length === 0) lines.push('');
		for (let start = 0; start < chars.length; start += size) lines.push(chars.slice(start, start + size).join(''));
	}

	return lines;
}

export function currentField(state: TextViewerState): ViewerField | undefined {
	return state.fields[state.index];
}

/** The last first line: the end of the text on the last screenful. */
function maxScroll(state: TextViewerState, size: ViewerSize): number {
	const field = currentField(state);
	const count = field ? viewerLines(field.value, size.width).length : 0;
	return Math.max(0, count - Math.max(1, size.height));
}

export interface ViewerTransition {
	readonly state: TextViewerState;
	readonly effects: readonly Effect[];
	/** Esc (or v, q): the viewer closes, and only it. */
	readonly closed?: boolean;
}

export function viewerCommand(state: TextViewerState, command: Command | undefined, size: ViewerSize): ViewerTransition {
	const page = Math.max(1, size.height - 1);
	const scrolled = (to: number): ViewerTransition => ({state: {...state, scroll: Math.min(maxScroll(state, size), Math.max(0, to))}, effects: []});
	const field = (index: number): ViewerTransition => ({
		state: {...state, index: Math.min(state.fields.length - 1, Math.max(0, index)), scroll: 0},
		effects: [],
	});
	switch (command) {
		case 'cursor.up':
			return scrolled(state.scroll - 1);
		case 'cursor.down':
			return scrolled(state.scroll + 1);
		case 'cursor.pageUp':
			return scrolled(state.scroll - page);
		case 'cursor.pageDown':
			return scrolled(state.scroll + page);
		case 'cursor.top':
			return scrolled(0);
		case 'cursor.bottom':
			return scrolled(Number.MAX_SAFE_INTEGER);
		case 'viewer.previous':
			return field(state.index - 1);
		case 'viewer.next':
			return field(state.index + 1);
		case 'viewer.copy': {
			const shown = currentField(state);
			// The value as AWS gave it (not pretty-printed, nothing made visible: OSC 52 carries it base64-encoded).
			return {state, effects: shown ? [{kind: 'copy', text: shown.value, what: shown.label}] : []};
		}
		case 'viewer.close':
			return {state, effects: [], closed: true};
		default:
			return {state, effects: []};
	}
}

/** Header (3), footer (1) and the spare row of the screen; the overlay's border (2) and title line. */
const SCREEN_CHROME_ROWS = 5;
const VIEWER_CHROME_ROWS = 3;
const VIEWER_CHROME_COLUMNS = 4;

/** The text area of the viewer in a viewport (one row less under a banner): the view draws it, the transitions scroll in it. */
export function viewerSize(viewport: {readonly columns: number; readonly rows: number}, banner: boolean): ViewerSize {
	return {
		width: Math.max(1, viewport.columns - VIEWER_CHROME_COLUMNS),
		height: Math.max(1, viewport.rows - SCREEN_CHROME_ROWS - (banner ? 1 : 0) - VIEWER_CHROME_ROWS),
	};
}
