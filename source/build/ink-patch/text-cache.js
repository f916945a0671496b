// Text measurement that stays warm across frames, in bounded memory (ssmtop's patch of Ink 6.8,
// copied to node_modules/ink/build/text-cache.js by source/build/patch-ink.mjs).
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';
import {reduceAnsiCodesIncremental, styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';
import sanitizeAnsi from './sanitize-ansi.js';

/**
 * A cache of two generations: entries go into the current one; when it holds `limit` entries it
 * becomes the previous one and the previous one is dropped. A hit in the previous generation moves
 * the entry back into the current one, so whatever the last frames used survives the turnover,
 * and at most 2 × limit entries are ever held.
 */
export class BoundedCache {
	limit;
	current = new Map();
	previous = new Map();
	hits = 0;
	misses = 0;
	constructor(limit) {
		this.limit = limit;
	}

	get(key) {
		let value = this.current.get(key);
		if (value !== undefined) {
			this.hits++;
			return value;
		}

		value = this.previous.get(key);
		if (value !== undefined) {
			this.hits++;
			this.previous.delete(key);
			this.set(key, value);
			return value;
		}

		this.misses++;
		return undefined;
	}

	set(key, value) {
		if (this.current.size >= this.limit) {
			this.previous = this.current;
			this.current = new Map();
		}

		this.current.set(key, value);
	}

	get size() {
		return this.current.size + this.previous.size;
	}
}

/** Widths of single lines and of single characters (numbers: cheap to keep many). */
const widths = new BoundedCache(4096);
/** Widest-line widths of multi-line texts. */
const blockWidths = new BoundedCache(1024);
/** Styled characters of whole lines (about 100 bytes a character: a few frames' worth). */
const styledChars = new BoundedCache(256);
/** Dimensions of texts (measure-text.js). */
export const measuredTexts = new BoundedCache(2048);
/** Wrapped or truncated texts (wrap-text.js). */
export const wrappedTexts = new BoundedCache(1024);
/** Whole output rows (output.js), by what was written on them. */
export const rowStrings = new BoundedCache(512);
/** Texts of text nodes, cleaned of escape sequences Ink does not keep (squash-text-nodes.js). */
const sanitizedTexts = new BoundedCache(1024);
export const textCaches = {widths, blockWidths, styledChars, measuredTexts, wrappedTexts, rowStrings, sanitizedTexts};

/** sanitize-ansi.js's answer, kept: the same styled rows are squashed on every frame. */
export const cachedSanitizeAnsi = text => {
	let clean = sanitizedTexts.get(text);
	if (clean === undefined) {
		clean = sanitizeAnsi(text);
		sanitizedTexts.set(text, clean);
	}

	return clean;
};

/**
 * Widths of the code units that are always a grapheme of their own, by code unit; -1 for the
 * others. Candidates: Latin-1 and Latin Extended (U+00A0–U+02FF), and the punctuation, symbol,
 * arrow, box-drawing, shape and dingbat blocks (U+2000–U+27BF), where status glyphs (▶ ✓ ✗ ●)
 * and "…" live. Of those, letters, digits, punctuation, symbols and spaces: no combining mark, no
 * joiner, no variation selector, no format character, nothing that joins its neighbours into
 * one grapheme (the Unicode grapheme rules GB6–GB13 need jamo, marks, ZWJ or regional
 * indicators, none of which is here). So a text made of them and printable ASCII is as wide as
 * the sum of its characters' widths, each as string-width gives it.
 */
const unitWidths = new Int8Array(0x2800).fill(-2);
const standalone = /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}]$/u;
const unitWidth = code => {
	if (code >= 0x2800 || (code >= 0x0300 && code < 0x2000)) return -1;
	let width = unitWidths[code];
	if (width === -2) {
		const character = String.fromCharCode(code);
		width = code >= 0xa0 && standalone.test(character) ? stringWidth(character) : -1;
		unitWidths[code] = width;
	}

	return width;
};

/**
 * string-width without its grapheme segmentation, for the texts where that changes nothing
 * (undefined for the others). string-width segments any text with a character beyond ASCII,
 * which made a row with a status glyph cost as much as a row of CJK.
 */
export const simpleStringWidth = text => {
	const plain = text.includes('\u001B') || text.includes('\u009B') ? stripAnsi(text) : text;
	let width = 0;
	for (let index = 0; index < plain.length; index++) {
		const code = plain.charCodeAt(index);
		if (code >= 0x20 && code < 0x7f) {
			width++;
			continue;
		}

		const unit = unitWidth(code);
		if (unit < 0) return undefined;
		width += unit;
	}

	return width;
};

export const cachedStringWidth = text => {
	let width = widths.get(text);
	if (width === undefined) {
		width = simpleStringWidth(text) ?? stringWidth(text);
		widths.set(text, width);
	}

	return width;
};

export const cachedWidestLine = text => {
	if (!text.includes('\n')) return cachedStringWidth(text);
	let width = blockWidths.get(text);
	if (width === undefined) {
		width = 0;
		for (const line of text.split('\n')) width = Math.max(width, cachedStringWidth(line));
		blockWidths.set(text, width);
	}

	return width;
};

/** ansi-tokenize's tokens of one SGR sequence (a compound one is split into its codes). */
const sgrTokens = new BoundedCache(256);

/**
 * ansi-tokenize's styledCharsFromTokens(tokenize(line)) without the grapheme segmentation, for
 * lines where that changes nothing (undefined for the others): printable ASCII and the one-column
 * characters of unitWidths (each a grapheme of its own, none full-width), with no escape sequence
 * but SGR (colours, bold, inverse…). Characters of the same style share one (frozen) styles array.
 */
export const simpleStyledChars = line => {
	const characters = [];
	let codes = [];
	let styles = Object.freeze([]);
	for (let index = 0; index < line.length; index++) {
		const code = line.charCodeAt(index);
		if (code === 0x1b) {
			if (line.charCodeAt(index + 1) !== 0x5b) return undefined;
			let end = index + 2;
			for (; end < line.length; end++) {
				const next = line.charCodeAt(end);
				if (next !== 0x3b && (next < 0x30 || next > 0x39)) break;
			}

			if (line.charCodeAt(end) !== 0x6d) return undefined;
			const sequence = line.slice(index, end + 1);
			let tokens = sgrTokens.get(sequence);
			if (tokens === undefined) {
				tokens = tokenize(sequence);
				if (!tokens.every(token => token.type === 'ansi')) return undefined;
				sgrTokens.set(sequence, tokens);
			}

			for (const token of tokens) codes = reduceAnsiCodesIncremental(codes, [token]);
			styles = Object.freeze([...codes]);
			index = end;
			continue;
		}

		if ((code < 0x20 || code >= 0x7f) && unitWidth(code) !== 1) return undefined;
		characters.push({type: 'char', value: line[index], fullWidth: false, styles});
	}

	return characters;
};

export const cachedStyledChars = line => {
	let characters = styledChars.get(line);
	if (characters === undefined) {
		characters = simpleStyledChars(line) ?? styledCharsFromTokens(tokenize(line));
		styledChars.set(line, characters);
	}

	return characters;
};
