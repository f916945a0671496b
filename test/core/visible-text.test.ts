import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {unicodeEscape, visibleText} from '../../source/core/visible-text.js';

/** Everything that must never reach the terminal as itself. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_BUT_LINE_FEED = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_CODES = [
	...Array.from({length: 0x20}, (_, code) => code),
	...Array.from({length: 0x21}, (_, code) => 0x7f + code),
	...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069],
];

/** Strings mixing printable text, line breaks and every control, so the properties meet them all. */
const textWithControls = fc
	.array(
		fc.oneof(
			fc.string({unit: 'grapheme', maxLength: 6}),
			fc.constantFrom(...CONTROL_CODES.map(code => String.fromCharCode(code))),
			fc.constantFrom('\r\n', '\n', '\u001B]2;pwned\u0007', '\u001B[41m', '\u009B31m', '⏎', '␛', '\\u009b'),
		),
		{maxLength: 12},
	)
	.map(parts => parts.join(''));

describe('visibleText', () => {
	it.each([
		['ESC', '\u001B', '␛'],
		['BEL', '\u0007', '␇'],
		['NUL', '\u0000', '␀'],
		['carriage return', '\r', '␍'],
		['unit separator', '\u001F', '␟'],
		['DEL', '\u007F', '␡'],
		['C1 CSI', '\u009B', '\\u009b'],
		['C1 first', '\u0080', '\\u0080'],
		['C1 last', '\u009F', '\\u009f'],
		['right-to-left override', '\u202E', '\\u202e'],
		['left-to-right embedding', '\u202A', '\\u202a'],
		['first strong isolate', '\u2068', '\\u2068'],
		['pop directional isolate', '\u2069', '\\u2069'],
		['tab', '\t', ' '],
	])('%s becomes visible', (_name, control, visible) => {
		expect(visibleText(`a${control}b`)).toBe(`a${visible}b`);
		expect(visibleText(`a${control}b`, {oneLine: true})).toBe(`a${visible}b`);
	});

	it('shows a title change, a colour and a one-byte CSI as text', () => {
		expect(visibleText('x\u001B]2;pwned\u0007\u001B[41mred\u009B31m')).toBe('x␛]2;pwned␇␛[41mred\\u009b31m');
	});

	it('keeps line breaks in wrapping text, and marks them on one line', () => {
		expect(visibleText('one\ntwo\r\nthree')).toBe('one\ntwo\nthree');
		expect(visibleText('one\ntwo\r\nthree', {oneLine: true})).toBe('one⏎two⏎three');
		expect(visibleText('lone\rreturn', {oneLine: true})).toBe('lone␍return');
	});

	it('returns clean text as the very same string', () => {
		const clean = 'Step stopInstances failed: AccessDenied · 日本語 😀 ✓';
		expect(visibleText(clean)).toBe(clean);
		expect(visibleText('two\nlines')).toBe('two\nlines');
		expect(visibleText('')).toBe('');
	});

	it('escapes a code unit the way JSON does', () => {
		expect(unicodeEscape('\u009B')).toBe('\\u009b');
		expect(JSON.parse(`"${unicodeEscape('\u202E')}"`)).toBe('\u202E');
	});

	it('never lets a control through, on one line or wrapped', () => {
		fc.assert(
			fc.property(textWithControls, text => {
				expect(visibleText(text, {oneLine: true})).not.toMatch(CONTROL);
				expect(visibleText(text)).not.toMatch(CONTROL_BUT_LINE_FEED);
			}),
		);
	});

	it('leaves printable text unchanged', () => {
		fc.assert(
			fc.property(
				fc.string({unit: 'grapheme'}).filter(text => !CONTROL.test(text)),
				text => {
					expect(visibleText(text)).toBe(text);
					expect(visibleText(text, {oneLine: true})).toBe(text);
				},
			),
		);
	});

	it('is idempotent', () => {
		fc.assert(
			fc.property(textWithControls, fc.boolean(), (text, oneLine) => {
				const once = visibleText(text, {oneLine});
				expect(visibleText(once, {oneLine})).toBe(once);
			}),
		);
	});

	it('changes only the controls: the printable characters stay, in order', () => {
		fc.assert(
			fc.property(textWithControls, text => {
				const printable = [...text].filter(char => !CONTROL.test(char)).join('');
				const controls = [...text].filter(char => CONTROL.test(char)).length;
				const shown = visibleText(text, {oneLine: true});
				// Every printable character of the input survives, in order (a subsequence of the output).
				let at = 0;
				for (const char of shown) if (at < printable.length && printable.startsWith(char, at)) at += char.length;
				expect(at).toBe(printable.length);
				if (controls === 0) expect(shown).toBe(text);
			}),
		);
	});
});
