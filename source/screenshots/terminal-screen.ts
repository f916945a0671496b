/**
 * A minimal terminal: feeds an ANSI byte stream (what Ink, chalk or `tmux capture-pane -e` emit)
 * onto a fixed grid of cells, so a screenshot shows what a real terminal would show after the
 * same writes, including Ink's erase-and-redraw sequences. Pure: no I/O.
 */
import {charWidth} from './char-width.js';
import {applySgr, plainStyle, type CellStyle} from './sgr.js';

export type Cell = {
	/** The grapheme shown in this cell; '' for the right half of a wide character. */
	char: string;
	/** 1 for normal cells, 2 for the left half of a wide character, 0 for its right half. */
	width: 0 | 1 | 2;
	style: CellStyle;
};

export type Screen = {
	readonly columns: number;
	readonly rows: number;
	/** `rows` lines of exactly `columns` cells each. */
	readonly lines: Cell[][];
	readonly cursor: {x: number; y: number};
};

const ESC = '\u001B';
const TAB_WIDTH = 8;

function blankCell(style: CellStyle): Cell {
	// Erased cells keep only the background, as terminals do (background colour erase).
	return {char: ' ', width: 1, style: style.bg === undefined ? plainStyle : {bg: style.bg}};
}

function blankLine(columns: number, style: CellStyle): Cell[] {
	return Array.from({length: columns}, () => blankCell(style));
}

type Parsed =
	| {kind: 'csi'; parameters: string; final: string; end: number}
	| {kind: 'skip'; end: number}
	| {kind: 'esc'; final: string; end: number}
	/** The text ends inside the sequence: wait for the next write. */
	| {kind: 'incomplete'};

/** Reads the escape sequence starting at `start` (which holds ESC). */
function readEscape(text: string, start: number): Parsed {
	const next = text[start + 1];
	if (next === '[') {
		let index = start + 2;
		while (index < text.length && !/[\u0040-\u007E]/.test(text[index]!)) index++;
		if (index >= text.length) return {kind: 'incomplete'};
		return {kind: 'csi', parameters: text.slice(start + 2, index), final: text[index]!, end: index + 1};
	}

	if (next === ']' || next === 'P' || next === '_' || next === '^') {
		// OSC/DCS/APC/PM strings (hyperlinks, titles) end with BEL or ST and draw nothing.
		let index = start + 2;
		while (index < text.length) {
			if (text[index] === '\u0007') return {kind: 'skip', end: index + 1};
			if (text[index] === ESC && text[index + 1] === '\\') return {kind: 'skip', end: index + 2};
			index++;
		}

		return {kind: 'incomplete'};
	}

	if (next === undefined) return {kind: 'incomplete'};
	if (next === '(' || next === ')' || next === '*' || next === '+' || next === '#') {
		return start + 2 < text.length ? {kind: 'skip', end: start + 3} : {kind: 'incomplete'};
	}

	return {kind: 'esc', final: next, end: start + 2};
}

class TerminalState {
	readonly lines: Cell[][];
	x = 0;
	y = 0;
	pen: CellStyle = plainStyle;
	saved = {x: 0, y: 0};

	constructor(
		public columns: number,
		public rows: number,
	) {
		this.lines = Array.from({length: rows}, () => blankLine(columns, plainStyle));
	}

	/** Keeps the content at the top left, cut or padded with blanks (no reflow, as most terminals). */
	resize(columns: number, rows: number): void {
		// Lines go off the top only when the cursor would otherwise fall below the new bottom.
		const top = Math.max(0, this.y + 1 - rows);
		const kept = this.lines.slice(top, top + rows);
		this.y -= top;
		this.lines.length = 0;
		for (const line of kept) {
			const cut = line.slice(0, columns);
			if (cut.at(-1)?.width === 2) cut[cut.length - 1] = blankCell(cut.at(-1)!.style);
			this.lines.push([...cut, ...blankLine(Math.max(0, columns - cut.length), plainStyle)]);
		}

		while (this.lines.length < rows) this.lines.push(blankLine(columns, plainStyle));
		this.columns = columns;
		this.rows = rows;
		this.moveTo(Math.min(this.x, columns - 1), this.y);
	}

	lineFeed(): void {
		if (this.y < this.rows - 1) {
			this.y++;
			return;
		}

		this.lines.shift();
		this.lines.push(blankLine(this.columns, this.pen));
	}

	print(grapheme: string, width: 0 | 1 | 2): void {
		if (width === 0) {
			this.appendToPrevious(grapheme);
			return;
		}

		if (width > this.columns) return;
		if (this.x + width > this.columns) {
			// Auto-wrap: a glyph that does not fit starts the next line.
			this.x = 0;
			this.lineFeed();
		}

		const line = this.lines[this.y]!;
		this.clearWideNeighbours(line, this.x, width);
		line[this.x] = {char: grapheme, width, style: this.pen};
		if (width === 2) line[this.x + 1] = {char: '', width: 0, style: this.pen};
		this.x += width;
	}

	/** Overwriting half of a wide character blanks its other half, as terminals do. */
	private clearWideNeighbours(line: Cell[], x: number, width: number): void {
		for (let column = x; column < x + width; column++) {
			const cell = line[column];
			if (cell?.width === 0 && column > 0) line[column - 1] = blankCell(line[column - 1]!.style);
			if (cell?.width === 2 && column + 1 < this.columns) line[column + 1] = blankCell(cell.style);
		}
	}

	private appendToPrevious(mark: string): void {
		const line = this.lines[this.y]!;
		let column = Math.min(this.x, this.columns) - 1;
		while (column > 0 && line[column]!.width === 0) column--;
		const cell = line[column];
		if (cell) line[column] = {...cell, char: cell.char + mark};
	}

	eraseInLine(mode: number): void {
		const line = this.lines[this.y]!;
		const [from, to] = mode === 1 ? [0, this.x + 1] : mode === 2 ? [0, this.columns] : [this.x, this.columns];
		for (let column = from; column < Math.min(to, this.columns); column++) line[column] = blankCell(this.pen);
	}

	eraseInDisplay(mode: number): void {
		if (mode === 2 || mode === 3) {
			for (let row = 0; row < this.rows; row++) this.lines[row] = blankLine(this.columns, this.pen);
			return;
		}

		const saved = this.y;
		this.eraseInLine(mode === 1 ? 1 : 0);
		const rows = mode === 1 ? [...Array(saved).keys()] : [...Array(this.rows - saved - 1).keys()].map(index => index + saved + 1);
		for (const row of rows) this.lines[row] = blankLine(this.columns, this.pen);
	}

	moveTo(x: number, y: number): void {
		this.x = Math.max(0, Math.min(this.columns - 1, x));
		this.y = Math.max(0, Math.min(this.rows - 1, y));
	}

	scroll(count: number, up: boolean): void {
		for (let step = 0; step < count; step++) {
			if (up) {
				this.lines.shift();
				this.lines.push(blankLine(this.columns, this.pen));
			} else {
				this.lines.pop();
				this.lines.unshift(blankLine(this.columns, this.pen));
			}
		}
	}

	/** IL: blank lines at the cursor's row, the lines from there down pushed down (those past the bottom go). */
	insertLines(count: number): void {
		const inserted = Math.min(count, this.rows - this.y);
		this.lines.splice(this.rows - inserted, inserted);
		this.lines.splice(this.y, 0, ...Array.from({length: inserted}, () => blankLine(this.columns, this.pen)));
		this.x = 0;
	}

	/** DL: the cursor's row and those below it go, the rest pull up, blank lines come in at the bottom. */
	deleteLines(count: number): void {
		const deleted = Math.min(count, this.rows - this.y);
		this.lines.splice(this.y, deleted);
		this.lines.push(...Array.from({length: deleted}, () => blankLine(this.columns, this.pen)));
		this.x = 0;
	}

	csi(parameters: string, final: string): void {
		if (final === 'm') {
			this.pen = applySgr(this.pen, parameters);
			return;
		}

		// Private modes (`?25l`, `?2026h`, …) and other prefixed sequences change nothing visible.
		if (/^[?>=<]/.test(parameters)) return;
		const numbers = parameters.split(';').map(part => Number.parseInt(part, 10));
		const first = numbers[0] !== undefined && Number.isFinite(numbers[0]) ? numbers[0] : undefined;
		const count = Math.max(1, first ?? 1);
		const column = Math.min(this.x, this.columns - 1);
		switch (final) {
			case 'A': this.moveTo(column, this.y - count); break;
			case 'B': this.moveTo(column, this.y + count); break;
			case 'C': this.moveTo(column + count, this.y); break;
			case 'D': this.moveTo(column - count, this.y); break;
			case 'E': this.moveTo(0, this.y + count); break;
			case 'F': this.moveTo(0, this.y - count); break;
			case 'G': this.moveTo(count - 1, this.y); break;
			case 'd': this.moveTo(column, count - 1); break;
			case 'H':
			case 'f': {
				const second = numbers[1] !== undefined && Number.isFinite(numbers[1]) ? numbers[1] : 1;
				this.moveTo(Math.max(1, second) - 1, count - 1);
				break;
			}

			case 'J': this.eraseInDisplay(first ?? 0); break;
			case 'K': this.eraseInLine(first ?? 0); break;
			case 'L': this.insertLines(count); break;
			case 'M': this.deleteLines(count); break;
			case 'S': this.scroll(count, true); break;
			case 'T': this.scroll(count, false); break;
			case 's': this.saved = {x: this.x, y: this.y}; break;
			case 'u': this.moveTo(this.saved.x, this.saved.y); break;
			default: break;
		}
	}

	esc(final: string): void {
		if (final === '7') this.saved = {x: this.x, y: this.y};
		else if (final === '8') this.moveTo(this.saved.x, this.saved.y);
		else if (final === 'c') {
			this.eraseInDisplay(2);
			this.pen = plainStyle;
			this.moveTo(0, 0);
		} else if (final === 'D') this.lineFeed();
		else if (final === 'E') {
			this.x = 0;
			this.lineFeed();
		} else if (final === 'M') {
			if (this.y > 0) this.y--;
			else this.scroll(1, false);
		}
	}

	control(char: string): void {
		switch (char) {
			case '\r': this.x = 0; break;
			// Output to a TTY goes through ONLCR, so a bare LF also returns the carriage.
			case '\n': this.x = 0; this.lineFeed(); break;
			case '\b': this.x = Math.max(0, Math.min(this.x, this.columns) - 1); break;
			case '\t': this.x = Math.min(this.columns - 1, (Math.floor(this.x / TAB_WIDTH) + 1) * TAB_WIDTH); break;
			default: break;
		}
	}
}

export type ScreenSize = {columns: number; rows: number};

function checkSize(size: ScreenSize): void {
	if (!Number.isInteger(size.columns) || !Number.isInteger(size.rows) || size.columns < 1 || size.rows < 1) {
		throw new RangeError(`screen size must be positive integers, got ${size.columns}×${size.rows}`);
	}
}

/**
 * A terminal that output can be written to piece by piece (an escape sequence split across two
 * writes is completed by the next), with a snapshot of its screen at any time.
 */
export class VirtualTerminal {
	private readonly state: TerminalState;
	private pending = '';

	constructor(size: ScreenSize) {
		checkSize(size);
		this.state = new TerminalState(size.columns, size.rows);
	}

	write(chunk: string): void {
		const text = this.pending + chunk;
		this.pending = '';
		const state = this.state;
		let index = 0;
		while (index < text.length) {
			const char = text[index]!;
			if (char === ESC) {
				const parsed = readEscape(text, index);
				if (parsed.kind === 'incomplete') {
					this.pending = text.slice(index);
					return;
				}

				if (parsed.kind === 'csi') state.csi(parsed.parameters, parsed.final);
				else if (parsed.kind === 'esc') state.esc(parsed.final);
				index = parsed.end;
				continue;
			}

			const codePoint = text.codePointAt(index)!;
			if (codePoint >= 0xd800 && codePoint <= 0xdbff && index === text.length - 1) {
				// The first half of a surrogate pair: its second half comes with the next write.
				this.pending = char;
				return;
			}

			const grapheme = String.fromCodePoint(codePoint);
			index += grapheme.length;
			if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) {
				state.control(char);
				continue;
			}

			state.print(grapheme, charWidth(codePoint));
		}
	}

	/** Changes the size as a terminal window would: content stays top-left, the cursor stays in bounds. */
	resize(size: ScreenSize): void {
		checkSize(size);
		this.state.resize(size.columns, size.rows);
	}

	/** A copy of the current screen. */
	screen(): Screen {
		const {columns, rows, lines, x, y} = this.state;
		return {columns, rows, lines: lines.map(line => [...line]), cursor: {x, y}};
	}
}

/** Writes `text` onto a blank screen of the given size and returns the resulting grid. */
export function renderAnsiToScreen(text: string, size: ScreenSize): Screen {
	const terminal = new VirtualTerminal(size);
	terminal.write(text);
	return terminal.screen();
}

/** The screen as plain text, one line per row with trailing blanks trimmed (handy for assertions). */
export function screenText(screen: Screen): string {
	return screen.lines.map(line => line.map(cell => cell.char).join('').trimEnd()).join('\n');
}
