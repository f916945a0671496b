/**
 * The frame writer draws only what changed, and the screen it leaves is the screen the frame is:
 * every frame of random sequences (edits, rows scrolling, restyled rows, other heights, resizes,
 * clears, frames Ink drew itself) is replayed through the repo's terminal emulator and compared,
 * cell by cell, with the frame drawn whole on a blank terminal.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {BEGIN_SYNCHRONIZED_UPDATE, createFrameWriter, END_SYNCHRONIZED_UPDATE} from '../../source/cli/frame-writer.js';
import {diffBytes, lineCells} from '../../source/cli/frame-diff.js';
import {charWidth} from '../../source/screenshots/char-width.js';
import {renderAnsiToScreen, VirtualTerminal, type Screen} from '../../source/screenshots/terminal-screen.js';

const ESC = '\u001B';
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);
const SEED = Number(process.env['PROPERTY_SEED'] ?? 20_261_125);

/** A terminal stream: what is written goes onto a VirtualTerminal; the writes are kept. */
function terminalStream(columns: number, rows: number) {
	const terminal = new VirtualTerminal({columns, rows});
	const listeners: Array<() => void> = [];
	const stream = {
		isTTY: true,
		on(event: string, listener: () => void) {
			if (event === 'resize') listeners.push(listener);
			return stream;
		},
		columns,
		rows,
		writes: [] as string[],
		write(text: string) {
			stream.writes.push(text);
			terminal.write(text);
			return true;
		},
		resize(nextColumns: number, nextRows: number) {
			stream.columns = nextColumns;
			stream.rows = nextRows;
			terminal.resize({columns: nextColumns, rows: nextRows});
			for (const listener of listeners) listener();
		},
	};
	return {stream, terminal};
}

/** The screen a frame is: its lines drawn whole on a blank terminal of the same size. */
function expectedScreen(lines: readonly string[], columns: number, rows: number): Screen {
	return renderAnsiToScreen(lines.join('\n'), {columns, rows});
}

function expectSameScreen(actual: Screen, expected: Screen, context: string): void {
	// Cells compared by what they show: character, width and style (plain objects compared deeply).
	expect(actual.lines, context).toEqual(expected.lines);
	expect(actual.cursor.y, `${context}: the cursor rests on the frame's last line`).toBe(expected.cursor.y);
}

// ---- Frames as Ink makes them: rows of styled segments, each fitted to the width ------------------

const STYLES: ReadonlyArray<readonly [string, string]> = [
	['', ''],
	['31', '39'],
	['32', '39'],
	['36', '39'],
	['1', '22'],
	['2', '22'],
	['7', '27'],
	['44', '49'],
	['38;5;208', '39'],
	['1;31', '22;39'],
];
/** Mostly one-column text (ASCII, the status glyphs), some wide (CJK, emoji) and zero-width (a combining accent). */
const CHARACTERS = ['a', 'b', 'x', 'Z', '0', '7', ' ', ' ', '-', ':', '…', '▶', '✓', '✗', '·', '─', 'é', '界', '🙂', 'e\u0301'];

type Segment = {readonly text: string; readonly style: number};
type Row = {readonly segments: readonly Segment[]; readonly inverse: boolean};

const segment = fc.record({
	text: fc.array(fc.constantFrom(...CHARACTERS), {minLength: 1, maxLength: 8}).map(chars => chars.join('')),
	style: fc.nat({max: STYLES.length - 1}),
});
const row = fc.record({segments: fc.array(segment, {maxLength: 4}), inverse: fc.boolean()});

function width(text: string): number {
	let total = 0;
	for (const char of text) total += charWidth(char.codePointAt(0)!);
	return total;
}

/** A row as Ink serialises it, cut to `columns` cells (whole characters only). */
function rowText(value: Row, columns: number): string {
	let used = 0;
	let text = value.inverse ? `${ESC}[7m` : '';
	for (const {text: content, style} of value.segments) {
		let kept = '';
		for (const char of content) {
			const next = width(char);
			if (used + next > columns) break;
			kept += char;
			used += next;
		}

		if (kept === '') break;
		const [open, close] = STYLES[style]!;
		text += open ? `${ESC}[${open}m${kept}${ESC}[${close}m` : kept;
	}

	return value.inverse ? `${text}${ESC}[27m` : text;
}

type Step =
	| {readonly kind: 'set'; readonly index: number; readonly row: Row}
	/** One character of a row replaced (a ticking duration), or the row's inverse toggled (the selection). */
	| {readonly kind: 'poke'; readonly index: number; readonly segment: number; readonly at: number; readonly char: string; readonly toggle: boolean}
	| {readonly kind: 'scroll'; readonly by: number; readonly top: number; readonly bottom: number; readonly fill: readonly Row[]}
	| {readonly kind: 'height'; readonly height: number}
	| {readonly kind: 'resize'; readonly columns: number; readonly rows: number}
	| {readonly kind: 'same'}
	| {readonly kind: 'clear'}
	| {readonly kind: 'inkDrew'};

const step: fc.Arbitrary<Step> = fc.oneof(
	{weight: 6, arbitrary: fc.record({kind: fc.constant('set' as const), index: fc.nat({max: 40}), row})},
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('poke' as const),
			index: fc.nat({max: 40}),
			segment: fc.nat({max: 3}),
			at: fc.nat({max: 8}),
			char: fc.constantFrom(...CHARACTERS),
			toggle: fc.boolean(),
		}),
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('scroll' as const),
			by: fc.integer({min: -4, max: 4}),
			top: fc.nat({max: 40}),
			bottom: fc.nat({max: 40}),
			fill: fc.array(row, {minLength: 4, maxLength: 4}),
		}),
	},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('height' as const), height: fc.integer({min: 1, max: 14})})},
	{weight: 1, arbitrary: fc.record({kind: fc.constant('resize' as const), columns: fc.integer({min: 6, max: 24}), rows: fc.integer({min: 3, max: 12})})},
	{weight: 1, arbitrary: fc.constant({kind: 'same' as const})},
	{weight: 1, arbitrary: fc.constant({kind: 'clear' as const})},
	{weight: 1, arbitrary: fc.constant({kind: 'inkDrew' as const})},
);

/** The next rows of content after a step (the frame adds the empty line the cursor rests on). */
function applyStep(rows: Row[], value: Step): Row[] {
	const next = [...rows];
	if (value.kind === 'set' && next.length > 0) next[value.index % next.length] = value.row;
	if (value.kind === 'poke' && next.length > 0) {
		const index = value.index % next.length;
		const {segments, inverse} = next[index]!;
		if (value.toggle) next[index] = {segments, inverse: !inverse};
		else if (segments.length > 0) {
			const which = value.segment % segments.length;
			const chars = [...segments[which]!.text];
			chars[value.at % chars.length] = value.char;
			next[index] = {segments: segments.map((part, at) => (at === which ? {...part, text: chars.join('')} : part)), inverse};
		}
	}
	if (value.kind === 'scroll' && next.length > 1) {
		const top = value.top % next.length;
		const bottom = top + (value.bottom % (next.length - top));
		const block = next.slice(top, bottom + 1);
		const by = value.by % Math.max(1, block.length);
		const moved = by >= 0 ? [...block.slice(by), ...value.fill.slice(0, by)] : [...value.fill.slice(0, -by), ...block.slice(0, by)];
		next.splice(top, block.length, ...moved.slice(0, block.length));
	}

	if (value.kind === 'height') {
		while (next.length < value.height) next.push({segments: [{text: `row${next.length}`, style: 0}], inverse: false});
		next.length = value.height;
	}

	return next;
}

describe('the frame writer', () => {
	it('leaves the screen a whole repaint leaves, over random frame sequences', () => {
		fc.assert(
			fc.property(
				fc.integer({min: 6, max: 24}),
				fc.integer({min: 3, max: 12}),
				fc.array(row, {minLength: 1, maxLength: 12}),
				fc.array(step, {minLength: 1, maxLength: 25}),
				fc.array(fc.boolean(), {minLength: 25, maxLength: 25}),
				(startColumns, startRows, startContent, steps, deferredFirst) => {
					const {stream, terminal} = terminalStream(startColumns, startRows);
					// The repaint a resize defers runs before or after the next frame, as it may.
					const deferred: Array<() => void> = [];
					const runDeferred = () => {
						for (const callback of deferred.splice(0)) callback();
					};
					const writer = createFrameWriter(stream, {defer: callback => deferred.push(callback)});
					let content: Row[] = startContent.slice(0, startRows - 1);
					const frameOf = (rows: readonly Row[]) => [...rows.map(value => rowText(value, stream.columns)), ''];
					let lines = frameOf(content);
					writer(lines.join('\n'));
					expectSameScreen(terminal.screen(), expectedScreen(lines, stream.columns, stream.rows), 'first frame');
					for (const [index, value] of steps.entries()) {
						const context = `step ${index} (${value.kind})`;
						if (value.kind === 'clear') {
							writer.clear();
							expect(terminal.screen().lines, `${context}: a cleared frame leaves blank lines`).toEqual(expectedScreen([], stream.columns, stream.rows).lines);
							// Ink draws the frame again after clearing (what it wrote in between is not part of the frame).
							writer(lines.join('\n'));
						} else if (value.kind === 'inkDrew') {
							// Ink's own full-screen path: clear the terminal, write the frame without its last newline, sync.
							stream.write(`${ESC}[2J${ESC}[3J${ESC}[H${lines.slice(0, -1).join('\n')}`);
							writer.sync(lines.join('\n'));
							// A frame that differs, so it is drawn (the cursor is wherever Ink left it until then).
							content = applyStep(content, {kind: 'set', index: 0, row: {segments: [{text: `after${index}`, style: 1}], inverse: false}});
							lines = frameOf(content);
							writer(lines.join('\n'));
						} else {
							if (value.kind === 'resize') {
								const narrower = value.columns < stream.columns;
								stream.resize(value.columns, value.rows);
								// As Ink's resized() does for a narrower terminal.
								if (narrower) writer.clear();
							}

							if (deferredFirst[index]) runDeferred();
							content = applyStep(content, value);
							lines = frameOf(content);
							const before = stream.writes.length;
							const wrote = writer(lines.join('\n'));
							if (wrote) {
								// One write per frame, wrapped in synchronized-update markers.
								expect(stream.writes.length, context).toBe(before + 1);
								expect(stream.writes.at(-1)!.startsWith(BEGIN_SYNCHRONIZED_UPDATE), context).toBe(true);
								expect(stream.writes.at(-1)!.endsWith(END_SYNCHRONIZED_UPDATE), context).toBe(true);
							} else {
								expect(stream.writes.length, `${context}: an unchanged frame writes nothing`).toBe(before);
							}
						}

						runDeferred();
						expectSameScreen(terminal.screen(), expectedScreen(lines, stream.columns, stream.rows), context);
					}
				},
			),
			{numRuns: RUNS, seed: SEED},
		);
	});

	it('writes nothing for a frame the screen shows already', () => {
		const {stream} = terminalStream(20, 5);
		const writer = createFrameWriter(stream);
		expect(writer('a\nb\n')).toBe(true);
		expect(writer.willRender('a\nb\n')).toBe(false);
		expect(writer('a\nb\n')).toBe(false);
		expect(stream.writes).toHaveLength(1);
	});

	it('hides the cursor with the first frame and shows it when done', () => {
		const {stream} = terminalStream(20, 5);
		const writer = createFrameWriter(stream);
		writer('a\n');
		writer('b\n');
		expect(stream.writes.join('').split(`${ESC}[?25l`)).toHaveLength(2);
		writer.done();
		expect(stream.writes.at(-1)).toBe(`${ESC}[?25h`);
	});

	it('leaves synchronized output and the cursor alone on a stream that is not a terminal', () => {
		const writes: string[] = [];
		const writer = createFrameWriter({write: (text: string) => writes.push(text) > 0});
		writer('a\n');
		writer.done();
		expect(writer.synchronized).toBe(false);
		expect(writes.join('')).not.toContain('?2026');
		expect(writes.join('')).not.toContain('?25');
	});
});

// ---- What a frame costs on the wire --------------------------------------------------------------

/** A list-like frame: a header, `count` rows of 118 columns with a coloured status, a footer. */
function listFrame(count: number, options: {selected?: number; first?: number; tick?: number} = {}): string[] {
	const {selected = 0, first = 0, tick = 0} = options;
	const rows = Array.from({length: count}, (_, index) => {
		const id = first + index;
		const text = `${ESC}[36m▶ InProgress${ESC}[39m ${id.toString(16).padStart(8, '0')} Ops-MigrateDataInChunks:1   Auto  Local  eu-west-1     5m  5m${String(tick).padStart(2, '0')}s copyChunk1    ssmtop-emula…`;
		return index === selected ? `${ESC}[7m${text}${ESC}[27m` : text;
	});
	return [`${ESC}[1mssmtop · local emulator${ESC}[22m`, ...rows, `${ESC}[2mq: quit${ESC}[22m`, ''];
}

describe('bytes per frame', () => {
	const full = listFrame(30).join('\n').length;

	it('a ticking duration: a few bytes for each row that ticks', () => {
		const bytes = diffBytes(listFrame(30, {tick: 1}), listFrame(30, {tick: 2}));
		// 30 rows change one digit each: a move and one character apiece, not 30 rows written again.
		expect(bytes.length).toBeLessThan(30 * 12);
		expect(bytes.length).toBeLessThan(full / 10);
	});

	it('the selection moving down a row: about the two rows it changes', () => {
		const bytes = diffBytes(listFrame(30, {selected: 4}), listFrame(30, {selected: 5}));
		expect(bytes.length).toBeLessThan(2 * 160);
	});

	it('the list scrolling one row: lines moved on the screen, one new row written', () => {
		const bytes = diffBytes(listFrame(30, {selected: 29, first: 0}), listFrame(30, {selected: 29, first: 1}));
		expect(bytes).toContain(`${ESC}[M`);
		expect(bytes).toContain(`${ESC}[L`);
		expect(bytes.length).toBeLessThan(3 * 160);
	});

	it('an unchanged frame: nothing', () => {
		expect(diffBytes(listFrame(30), listFrame(30))).toBe('');
	});
});

describe('lineCells', () => {
	it('reads characters and their pens from SGR, and gives up on what it cannot place by column', () => {
		expect(lineCells(`a${ESC}[1;31mb${ESC}[39mc${ESC}[22m`)).toEqual({chars: ['a', 'b', 'c'], pens: ['', '1;31', '1']});
		expect(lineCells(`${ESC}[38;5;208mx`)).toEqual({chars: ['x'], pens: ['38;5;208']});
		// Wide and zero-width characters, other escape sequences, unknown SGR parameters.
		expect(lineCells('界')).toBeUndefined();
		expect(lineCells('e\u0301')).toBeUndefined();
		expect(lineCells(`${ESC}]8;;http://x${ESC}\\x`)).toBeUndefined();
		expect(lineCells(`${ESC}[5mx`)).toBeUndefined();
	});
});
