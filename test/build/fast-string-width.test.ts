// The bundle measures Ink's text with fast-string-width.ts instead of string-width: it must give
// string-width's answer for every string, fast path or not.
import stringWidth from 'string-width';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import fastStringWidth, {STANDALONE_RANGES} from '../../source/build/fast-string-width.js';

const standalone: string[] = STANDALONE_RANGES.flatMap(([first, last]) =>
	Array.from({length: last - first + 1}, (_, index) => String.fromCodePoint(first + index)),
);
const segmenter = new Intl.Segmenter();

describe('fast-string-width', () => {
	it('ranges are sorted and disjoint', () => {
		for (let index = 1; index < STANDALONE_RANGES.length; index++) expect(STANDALONE_RANGES[index]![0]).toBeGreaterThan(STANDALONE_RANGES[index - 1]![1]);
	});

	it("every code point of the fast ranges: string-width's width, alone and between neighbours, both ambiguity settings", () => {
		const wrong: string[] = [];
		for (const character of standalone) {
			for (const text of [character, `a${character}b`, `${character}${character}`, `${character}a${character}`]) {
				for (const options of [{}, {ambiguousIsNarrow: false}]) {
					if (fastStringWidth(text, options) !== stringWidth(text, options))
						wrong.push(`U+${character.codePointAt(0)!.toString(16)} in ${JSON.stringify(text)} ${JSON.stringify(options)}`);
				}
			}
		}

		expect(wrong).toEqual([]);
	});

	it('each code point of the fast ranges is a grapheme cluster of its own, whatever its neighbours', () => {
		const joined = standalone.filter(character => [...segmenter.segment(`a${character}${character}b`)].length !== 4);
		expect(joined.map(character => `U+${character.codePointAt(0)!.toString(16)}`)).toEqual([]);
	});

	it('any string: the same width as string-width (styled, emoji, combining marks, CJK, controls)', () => {
		const pieces = fc.oneof(
			fc.constantFrom(...standalone),
			fc.constantFrom('\u001B[1m', '\u001B[22m', '\u001B[38;5;12m', '\u001B]8;;https://x\u0007', '\u009B31m'),
			fc.constantFrom('\uFE0F', '\u200D', '\u0301', '\u20E3', '\u00AD', '\u200B', '\t', '\n', '\u0007', '\u007F'),
			fc.constantFrom('✅', '👍🏽', '👨‍👩‍👧', '🇫🇷', '日本', '한', 'ᄀ', '１', 'ｶﾞ', '▶️', '#️⃣'),
			fc.string({unit: 'binary', maxLength: 3}),
		);
		fc.assert(
			fc.property(fc.array(pieces, {maxLength: 12}), fc.boolean(), (parts, narrow) => {
				const text = parts.join('');
				const options = {ambiguousIsNarrow: narrow};
				expect(fastStringWidth(text, options)).toBe(stringWidth(text, options));
			}),
			{numRuns: Number(process.env['PROPERTY_RUNS'] ?? 2000)},
		);
	});

	it('counts escape codes when asked, as string-width does', () => {
		for (const text of ['\u001B[1mbold\u001B[22m', '▶ \u001B[36mrunning\u001B[39m']) {
			expect(fastStringWidth(text, {countAnsiEscapeCodes: true})).toBe(stringWidth(text, {countAnsiEscapeCodes: true}));
		}
	});
});
