/**
 * The bytes that turn one frame on the screen into the next: only what changed. Pure; the frame
 * writer (frame-writer.ts) decides when a frame may be drawn as a difference at all.
 *
 * A frame is its lines, drawn from the frame's first row down; the cursor rests on the last line,
 * and is back there when these bytes have been written. Three tools, cheapest first for each part:
 * - a block of lines that moved up or down (the list scrolling one row) is moved on the screen by
 *   deleting and inserting lines (DL/IL), not written again;
 * - in a line that changed, only the runs of cells that changed are written (a ticking duration,
 *   a row losing its inverse), when every character of both versions is one cell wide and their
 *   styles are plain SGR, so that columns are character counts and styles can be re-established;
 * - anything else is a line erased and written whole, as Ink wrote it.
 * Moves are relative to the cursor (CPL/CNL to column 0, CHA within the line), as Ink's are.
 */

const ESC = '\u001B';
const CSI = `${ESC}[`;
/** Erase the whole line the cursor is on (the cursor stays). */
export const ERASE_LINE = `${CSI}2K`;
/** Erase from the cursor to the end of the line. */
const ERASE_LINE_END = `${CSI}K`;
const RESET_PEN = `${CSI}0m`;

const times = (count: number): string => (count === 1 ? '' : String(count));

/** The cursor's row and column as far as these bytes know (column undefined: somewhere on the row). */
interface Cursor {
	row: number;
	column: number | undefined;
}

/** The bytes that take the cursor to `row`, `column` (relative moves; never scrolls). */
function moveTo(cursor: Cursor, row: number, column: number): string {
	let bytes = '';
	if (row !== cursor.row) {
		// CPL / CNL: up / down, to column 0.
		bytes = row < cursor.row ? `${CSI}${times(cursor.row - row)}F` : `${CSI}${times(row - cursor.row)}E`;
		cursor.row = row;
		cursor.column = 0;
	}

	if (cursor.column !== column) bytes += column === 0 ? '\r' : `${CSI}${column + 1}G`;
	cursor.column = column;
	return bytes;
}

/** A line as cells of one column each: the character and its pen, as SGR parameters ('' = plain). */
interface Cells {
	readonly chars: readonly string[];
	readonly pens: readonly string[];
}

/**
 * Characters other than printable ASCII that ssmtop shows and that are one column wide in
 * terminals and for Ink (string-width): Latin-1, the status glyphs, arrows, quotes and dashes,
 * control pictures, block and box drawing. Any other character sends its line down the whole-line path.
 */
const NARROW = new Set('…·→←↑↓↔⇄⇔“”‘’‹›«»×–—•✓✗▶⏸⏎↳⊘§░▒▓█␡␛␍␇␊␉');
for (let code = 0x2500; code < 0x2580; code++) NARROW.add(String.fromCharCode(code));

function isNarrow(code: number, char: string): boolean {
	return (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code <= 0xff && code !== 0xad) || NARROW.has(char);
}

/** The pen as SGR knows it: attribute flags (bit n = SGR n, for 1–4 and 7–9) and colours ('' = default). */
interface Pen {
	flags: number;
	fg: string;
	bg: string;
}

const FLAG_BITS = [1, 2, 3, 4, 7, 8, 9];
/** SGR 22–29 turn attributes off: 22 both bold and dim. */
const FLAGS_OFF: Readonly<Record<number, number>> = {22: (1 << 1) | (1 << 2), 23: 1 << 3, 24: 1 << 4, 27: 1 << 7, 28: 1 << 8, 29: 1 << 9};

/** Applies one SGR parameter string to the pen; false for a parameter this model does not know. */
function applySgr(pen: Pen, parameters: string): boolean {
	const params = parameters === '' ? ['0'] : parameters.split(';');
	for (let index = 0; index < params.length; index++) {
		const param = params[index]!;
		const code = param === '' ? 0 : Number(param);
		if (code === 0) {
			pen.flags = 0;
			pen.fg = '';
			pen.bg = '';
		} else if (FLAG_BITS.includes(code)) pen.flags |= 1 << code;
		else if (FLAGS_OFF[code] !== undefined) pen.flags &= ~FLAGS_OFF[code];
		else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) pen.fg = param;
		else if (code === 39) pen.fg = '';
		else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) pen.bg = param;
		else if (code === 49) pen.bg = '';
		else if (code === 38 || code === 48) {
			const mode = params[index + 1];
			const length = mode === '5' ? 2 : mode === '2' ? 4 : 0;
			const values = params.slice(index + 2, index + 1 + length);
			if (length === 0 || values.length !== length - 1 || !values.every(value => /^\d{1,3}$/.test(value) && Number(value) <= 255)) return false;
			const color = [param, mode, ...values].join(';');
			if (code === 38) pen.fg = color;
			else pen.bg = color;
			index += length;
		} else return false;
	}

	return true;
}

function penParameters(pen: Pen): string {
	const parts: string[] = [];
	for (const bit of FLAG_BITS) if (pen.flags & (1 << bit)) parts.push(String(bit));
	if (pen.fg !== '') parts.push(pen.fg);
	if (pen.bg !== '') parts.push(pen.bg);
	return parts.join(';');
}

/** Lines parsed lately: a frame's lines are the next frame's "before". Emptied when it grows large. */
const parsed = new Map<string, Cells | null>();

/** The line as cells, or undefined if it holds anything but one-column characters and SGR. */
export function lineCells(line: string): Cells | undefined {
	let cells = parsed.get(line);
	if (cells === undefined) {
		cells = parseCells(line) ?? null;
		if (parsed.size >= 512) parsed.clear();
		parsed.set(line, cells);
	}

	return cells ?? undefined;
}

function parseCells(line: string): Cells | undefined {
	const chars: string[] = [];
	const pens: string[] = [];
	const pen: Pen = {flags: 0, fg: '', bg: ''};
	let current = '';
	for (let index = 0; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === 0x1b) {
			if (line.charCodeAt(index + 1) !== 0x5b) return undefined;
			let end = index + 2;
			for (let next = line.charCodeAt(end); (next >= 0x30 && next <= 0x39) || next === 0x3b; next = line.charCodeAt(++end));
			if (line.charCodeAt(end) !== 0x6d || !applySgr(pen, line.slice(index + 2, end))) return undefined;
			current = penParameters(pen);
			index = end;
			continue;
		}

		const char = line[index]!;
		if (!isNarrow(code, char)) return undefined;
		chars.push(char);
		pens.push(current);
	}

	return {chars, pens};
}

/** Runs of cells that differ (blank plain cells beyond a line's end), merged across short gaps. */
function changedRuns(before: Cells, after: Cells): Array<[number, number]> {
	const length = Math.max(before.chars.length, after.chars.length);
	const runs: Array<[number, number]> = [];
	for (let index = 0; index < length; index++) {
		const same = (before.chars[index] ?? ' ') === (after.chars[index] ?? ' ') && (before.pens[index] ?? '') === (after.pens[index] ?? '');
		if (same) continue;
		const last = runs.at(-1);
		// A gap of a few cells costs less written again than a new move and pen.
		if (last && index - last[1] <= 8) last[1] = index;
		else runs.push([index, index]);
	}

	return runs;
}

/** The cells from..to of a line, with their pens, ending with a plain pen. */
function cellText(cells: Cells, from: number, to: number): string {
	let text = '';
	let pen = '';
	for (let index = from; index <= to; index++) {
		const next = cells.pens[index] ?? '';
		if (next !== pen) text += next === '' ? RESET_PEN : `${CSI}${pen === '' ? '' : '0;'}${next}m`;
		text += cells.chars[index] ?? ' ';
		pen = next;
	}

	return pen === '' ? text : text + RESET_PEN;
}

/** Only the changed runs of a line, or undefined if the line cannot be drawn that way. */
function lineRunBytes(cursor: Cursor, row: number, before: string, after: string): string | undefined {
	const old = lineCells(before);
	const next = old && lineCells(after);
	if (!old || !next) return undefined;
	const start = {...cursor};
	let bytes = '';
	const end = next.chars.length;
	for (const [from, to] of changedRuns(old, next)) {
		if (from >= end) break;
		const last = Math.min(to, end - 1);
		bytes += moveTo(start, row, from) + cellText(next, from, last);
		start.column = last + 1;
	}

	// A shorter line: what is left of the old one goes.
	if (end < old.chars.length) bytes += moveTo(start, row, end) + ERASE_LINE_END;
	Object.assign(cursor, start);
	return bytes;
}

/** The line erased and written whole (the cursor ends somewhere on it). */
function wholeLineBytes(cursor: Cursor, row: number, line: string): string {
	const bytes = moveTo(cursor, row, 0) + ERASE_LINE + line;
	cursor.column = undefined;
	return bytes;
}

/**
 * The one block move that saves the most bytes, if any: lines [top, bottom] moved up (k > 0) or
 * down (k < 0) by |k| rows. Lines that match only after the move count for it; lines that match
 * only before count against it.
 */
function bestShift(before: readonly string[], after: readonly string[], top: number, bottom: number): number {
	let best = 0;
	// About what the four moves and two line operations cost.
	let bestGain = 24;
	// Only a shift that brings some line (not empty: those gain nothing) onto its place can gain:
	// those are the shifts tried, nearest first, as all of them would be.
	const rows = new Map<string, number[]>();
	for (let index = top; index <= bottom; index++) {
		const line = before[index]!;
		if (line !== '') rows.set(line, [...(rows.get(line) ?? []), index]);
	}

	const shifts = new Set<number>();
	for (let index = top; index <= bottom; index++) {
		for (const source of rows.get(after[index]!) ?? []) if (source !== index) shifts.add(source - index);
	}

	const nearestFirst = [...shifts].sort((a, b) => Math.abs(a) - Math.abs(b) || b - a);
	for (const k of nearestFirst) {
		let gain = 0;
		for (let index = top; index <= bottom; index++) {
			const source = index + k;
			const moved = source >= top && source <= bottom ? before[source]! : '';
			const line = after[index]!;
			if (line === moved && line !== before[index]) gain += line.length;
			else if (line !== moved && line === before[index]) gain -= line.length;
		}

		if (gain > bestGain) {
			bestGain = gain;
			best = k;
		}
	}

	return best;
}

/** Moves lines [top, bottom] up (k > 0) or down (k < 0) on the screen, leaving blank lines behind. */
function shiftBytes(cursor: Cursor, top: number, bottom: number, k: number): string {
	const count = Math.abs(k);
	// Up: delete k lines at the top of the block (all below rise), then insert k at the block's new
	// end (all below go back down; the blanks pushed off the screen are the ones the delete added).
	// Down: the same the other way round.
	const [deleteAt, insertAt] = k > 0 ? [top, bottom - count + 1] : [bottom - count + 1, top];
	return moveTo(cursor, deleteAt, 0) + `${CSI}${times(count)}M` + moveTo(cursor, insertAt, 0) + `${CSI}${times(count)}L`;
}

/**
 * The bytes that turn `before` (what the screen shows, cursor on its last line) into `after`, of
 * the same number of lines; '' if nothing changed.
 */
export function diffBytes(before: readonly string[], after: readonly string[]): string {
	if (before.length !== after.length) throw new RangeError('diffBytes: frames of different heights');
	const last = after.length - 1;
	let top = 0;
	while (top <= last && before[top] === after[top]) top++;
	if (top > last) return '';
	let bottom = last;
	while (before[bottom] === after[bottom]) bottom--;
	const cursor: Cursor = {row: last, column: undefined};
	const screen = [...before];
	let bytes = '';
	const shift = bottom - top >= 2 ? bestShift(before, after, top, bottom) : 0;
	if (shift !== 0) {
		bytes += shiftBytes(cursor, top, bottom, shift);
		for (let index = top; index <= bottom; index++) {
			const source = index + shift;
			screen[index] = source >= top && source <= bottom ? before[source]! : '';
		}
	}

	for (let index = top; index <= bottom; index++) {
		const line = after[index]!;
		const shown = screen[index]!;
		if (line === shown) continue;
		const runCursor = {...cursor};
		const runs = lineRunBytes(runCursor, index, shown, line);
		const wholeCursor = {...cursor};
		const whole = wholeLineBytes(wholeCursor, index, line);
		if (runs !== undefined && runs.length <= whole.length) {
			bytes += runs;
			Object.assign(cursor, runCursor);
		} else {
			bytes += whole;
			Object.assign(cursor, wholeCursor);
		}
	}

	return bytes + moveTo(cursor, last, 0);
}
