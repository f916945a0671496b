import {describe, expect, it} from 'vitest';
import {applySgr, plainStyle} from '../../source/screenshots/sgr.js';
import {renderAnsiToScreen, screenText, VirtualTerminal} from '../../source/screenshots/terminal-screen.js';

const ESC = '\u001B';
const size = {columns: 10, rows: 3};

describe('applySgr', () => {
	it('sets and clears attributes', () => {
		const styled = applySgr(plainStyle, '1;2;3;4;7;8;9');
		expect(styled).toEqual({bold: true, dim: true, italic: true, underline: true, inverse: true, hidden: true, strikethrough: true});
		expect(applySgr(styled, '22;23;24;27;28;29')).toEqual({});
		expect(applySgr(styled, '0')).toEqual({});
		expect(applySgr(styled, '')).toEqual({});
		expect(applySgr({underline: true}, '4:0')).toEqual({});
	});

	it('reads the 16 colours, bright ones and their resets', () => {
		expect(applySgr(plainStyle, '31;42')).toEqual({fg: 1, bg: 2});
		expect(applySgr(plainStyle, '97;104')).toEqual({fg: 15, bg: 12});
		expect(applySgr({fg: 1, bg: 2, bold: true}, '39;49')).toEqual({bold: true});
	});

	it('reads 256-colour and truecolor in semicolon and colon forms', () => {
		expect(applySgr(plainStyle, '38;5;208;48;5;17')).toEqual({fg: 208, bg: 17});
		expect(applySgr(plainStyle, '38;2;255;128;0;1')).toEqual({fg: '#ff8000', bold: true});
		expect(applySgr(plainStyle, '48;2;1;2;3')).toEqual({bg: '#010203'});
		expect(applySgr(plainStyle, '38:2::10:20:30')).toEqual({fg: '#0a141e'});
		expect(applySgr(plainStyle, '38:5:9')).toEqual({fg: 9});
	});

	it('ignores malformed extended colours without eating later parameters wrongly', () => {
		expect(applySgr(plainStyle, '38;5;999')).toEqual({});
		// An unknown colour mode consumes nothing, so the following parameters still apply.
		expect(applySgr(plainStyle, '38;7;1')).toEqual({inverse: true, bold: true});
	});
});

describe('renderAnsiToScreen', () => {
	it('places text on the grid with styles per cell', () => {
		const screen = renderAnsiToScreen(`ab${ESC}[31mc${ESC}[0md\nxy`, size);
		expect(screenText(screen)).toBe('abcd\nxy\n');
		expect(screen.lines[0]![2]).toEqual({char: 'c', width: 1, style: {fg: 1}});
		expect(screen.lines[0]![3]!.style).toEqual({});
		expect(screen.lines[0]).toHaveLength(10);
		expect(screen.lines).toHaveLength(3);
	});

	it('keeps only the last frame of an Ink erase-and-redraw stream', () => {
		const eraseTwoLines = `${ESC}[2K${ESC}[1A${ESC}[2K${ESC}[G`;
		const screen = renderAnsiToScreen(`first\n${eraseTwoLines}second\n`, size);
		expect(screenText(screen)).toBe('second\n\n');
	});

	it('clears the terminal on ESC[2J ESC[3J ESC[H and homes the cursor', () => {
		const screen = renderAnsiToScreen(`old\nold\n${ESC}[2J${ESC}[3J${ESC}[Hnew`, size);
		expect(screenText(screen)).toBe('new\n\n');
	});

	it('moves the cursor with CUP, CHA and relative moves', () => {
		const screen = renderAnsiToScreen(`${ESC}[2;3HX${ESC}[1GY${ESC}[1AZ${ESC}[2CW`, size);
		expect(screenText(screen)).toBe(' Z  W\nY X\n');
	});

	it('erases to the end of the line with the current background', () => {
		const screen = renderAnsiToScreen(`abcdef${ESC}[3G${ESC}[44m${ESC}[K`, size);
		expect(screenText(screen)).toBe('ab\n\n');
		expect(screen.lines[0]![5]!.style).toEqual({bg: 4});
		expect(screen.lines[0]![1]!.style).toEqual({});
	});

	it('gives wide characters two cells and appends combining marks to the previous cell', () => {
		const screen = renderAnsiToScreen('漢a e\u0301', size);
		expect(screen.lines[0]!.slice(0, 3).map(cell => [cell.char, cell.width])).toEqual([['漢', 2], ['', 0], ['a', 1]]);
		expect(screen.lines[0]![4]!.char).toBe('e\u0301');
		expect(screen.cursor).toEqual({x: 5, y: 0});
	});

	it('wraps at the last column without an extra blank line before a newline', () => {
		const screen = renderAnsiToScreen('0123456789\nnext', size);
		expect(screenText(screen)).toBe('0123456789\nnext\n');
		const wrapped = renderAnsiToScreen('0123456789ab', size);
		expect(screenText(wrapped)).toBe('0123456789\nab\n');
	});

	it('scrolls when writing past the last row', () => {
		const screen = renderAnsiToScreen('1\n2\n3\n4', size);
		expect(screenText(screen)).toBe('2\n3\n4');
	});

	it('skips OSC strings, private modes and charset designations', () => {
		const link = `${ESC}]8;;https://example.com${ESC}\\link${ESC}]8;;\u0007`;
		const screen = renderAnsiToScreen(`${ESC}[?25l${ESC}[?2026h${ESC}(B${link}${ESC}[?2026l`, size);
		expect(screenText(screen)).toBe('link\n\n');
	});

	it('rejects a screen without cells', () => {
		expect(() => renderAnsiToScreen('', {columns: 0, rows: 3})).toThrow(RangeError);
	});
});

describe('VirtualTerminal', () => {
	it('completes an escape sequence or surrogate pair split across writes', () => {
		const terminal = new VirtualTerminal(size);
		terminal.write(`a${ESC}[3`);
		terminal.write('1mb');
		terminal.write('\uD83D');
		terminal.write('\uDE80c');
		const screen = terminal.screen();
		expect(screenText(screen)).toBe('ab🚀c\n\n');
		expect(screen.lines[0]![1]!.style).toEqual({fg: 1});
	});

	it('returns copies, so later writes do not change an earlier snapshot', () => {
		const terminal = new VirtualTerminal(size);
		terminal.write('one');
		const before = terminal.screen();
		terminal.write('\rtwo');
		expect(screenText(before)).toBe('one\n\n');
		expect(screenText(terminal.screen())).toBe('two\n\n');
	});

	it('keeps content top-left on resize and scrolls only to keep the cursor on screen', () => {
		const terminal = new VirtualTerminal({columns: 6, rows: 4});
		terminal.write('abcdef\n12\nxy');
		terminal.resize({columns: 3, rows: 4});
		expect(screenText(terminal.screen())).toBe('abc\n12\nxy\n');
		terminal.resize({columns: 3, rows: 2});
		const screen = terminal.screen();
		expect(screenText(screen)).toBe('12\nxy');
		expect(screen.cursor).toEqual({x: 2, y: 1});
		terminal.resize({columns: 5, rows: 3});
		expect(screenText(terminal.screen())).toBe('12\nxy\n');
		expect(terminal.screen().lines.every(line => line.length === 5)).toBe(true);
	});
});
