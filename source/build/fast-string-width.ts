/**
 * string-width with a fast path for the text ssmtop draws, bundled in its place for Ink and its
 * helpers (bundle.ts aliases every `string-width` import to this module; tests and the unbundled
 * dist/ use the package itself).
 *
 * Why (issue 10): string-width measures any string that is not printable ASCII by grapheme
 * segmentation and a `\p{RGI_Emoji}` regular expression, and V8 compiles that expression the first
 * time it runs (≈90 ms) and again when it tiers up (≈15 ms), after loading ICU's segmentation data
 * (≈30 ms). The first frame's header has ▶ ✗ ✓, so that was a third of the first render.
 *
 * The fast path covers strings made only of code points that stand alone: each is its own
 * grapheme cluster whatever its neighbours, none is an emoji on its own (Emoji_Presentation), and
 * string-width gives each its East Asian Width. Then the width is the sum of those widths, with no
 * segmentation. Anything else (an emoji, a combining mark, a variation selector, a joiner, CJK…)
 * goes to string-width itself. test/build/fast-string-width.test.ts checks every code point of
 * the ranges below against string-width, alone and between neighbours.
 */
import {eastAsianWidth} from 'get-east-asian-width';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';

type Options = {readonly ambiguousIsNarrow?: boolean; readonly countAnsiEscapeCodes?: boolean};

/** [first, last] code points, inclusive, that stand alone (see above). Sorted. */
export const STANDALONE_RANGES: ReadonlyArray<readonly [number, number]> = [
	[0x20, 0x7e],
	// Latin-1 and Latin Extended, IPA, spacing modifiers (U+00AD, the soft hyphen, is zero-width).
	[0xa0, 0xac],
	[0xae, 0x2ff],
	// General Punctuation without the zero-width and bidi controls, and Super/Subscripts, Currency.
	[0x2010, 0x2027],
	[0x2030, 0x205e],
	[0x2070, 0x20cf],
	// Letterlike symbols, arrows, maths, technical, control pictures, box drawing, blocks, shapes, dingbats.
	[0x2100, 0x2bff],
];

function standsAlone(code: number): boolean {
	for (const [first, last] of STANDALONE_RANGES) {
		if (code < first) return false;
		if (code <= last) return true;
	}

	return false;
}

export default function fastStringWidth(input: string, options: Options = {}): number {
	if (typeof input !== 'string' || input.length === 0) return 0;
	const string = !options.countAnsiEscapeCodes && (input.includes('\u001B') || input.includes('\u009B')) ? stripAnsi(input) : input;
	const ambiguousAsWide = options.ambiguousIsNarrow === false;
	let width = 0;
	for (let index = 0; index < string.length; index++) {
		const code = string.charCodeAt(index);
		if (code >= 0x20 && code <= 0x7e) width += 1;
		// Surrogates (astral code points) are never in the ranges: the whole string goes the slow way.
		else if (standsAlone(code)) width += eastAsianWidth(code, {ambiguousAsWide});
		else return stringWidth(string, options);
	}

	return width;
}
