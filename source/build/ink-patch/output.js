// Ink 6.8's output.js as patched by ssmtop (source/build/patch-ink.mjs copies it over the original):
// the same rows, byte for byte, for less work. Ink's version lays every cell of every row out
// and serialises it again on every frame, with text caches made afresh for each frame:
// - the caches are shared by all frames, bounded (text-cache.js);
// - a row is known by what was written on it (the x and text of each write, in order, and the
//   width), and its string is kept: only rows whose writes changed are laid out again;
// - a clip that cuts nothing off a line leaves the line as it is instead of re-slicing it;
// - serialising a row skips the style diff between two characters of the same style, and a row
//   of one write is serialised without being laid out in cells first.
import sliceAnsi from 'slice-ansi';
import {ansiCodesToString, diffAnsiCodes} from '@alcalzone/ansi-tokenize';
import {cachedStringWidth, cachedStyledChars, cachedWidestLine, rowStrings} from './text-cache.js';

const caches = {
	getStyledChars: cachedStyledChars,
	getStringWidth: cachedStringWidth,
	getWidestLine: cachedWidestLine,
};

/** Never changed in place (cells are replaced, not edited), so one blank serves every cell. */
const blank = Object.freeze({type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([])});

const sameStyles = (a, b) => {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
	return true;
};

/** ansi-tokenize's styledCharsToString, without diffing styles that did not change. */
const styledCharsToString = chars => {
	let text = '';
	let styles = blank.styles;
	for (const char of chars) {
		if (!sameStyles(styles, char.styles)) text += ansiCodesToString(diffAnsiCodes(styles, char.styles));
		text += char.value;
		styles = char.styles;
	}

	if (styles.length > 0) text += ansiCodesToString(diffAnsiCodes(styles, []));
	return text;
};

/**
 * One row from its writes (pairs of x and text), as Ink 6.8 lays it out cell by cell. A row of
 * one write that starts within the row (most rows: a Text on a line of its own) is the same
 * without the cells: blanks up to x, then the text's characters; the blanks after it are trimmed.
 */
const renderRow = (width, writes) => {
	const x = writes[0];
	if (writes.length === 2 && Number.isInteger(x) && x >= 0 && x <= width) {
		return (' '.repeat(x) + styledCharsToString(caches.getStyledChars(writes[1]))).trimEnd();
	}

	return renderCells(width, writes);
};

const renderCells = (width, writes) => {
	const currentLine = [];
	for (let x = 0; x < width; x++) currentLine.push(blank);
	for (let write = 0; write < writes.length; write += 2) {
		let offsetX = writes[write];
		for (const character of caches.getStyledChars(writes[write + 1])) {
			currentLine[offsetX] = character;
			// Determine printed width using string-width to align with measurement
			const characterWidth = Math.max(1, caches.getStringWidth(character.value));
			// For multi-column characters, clear following cells to avoid stray spaces/artifacts
			if (characterWidth > 1) {
				for (let index = 1; index < characterWidth; index++) {
					currentLine[offsetX + index] = {type: 'char', value: '', fullWidth: false, styles: character.styles};
				}
			}

			offsetX += characterWidth;
		}
	}

	// See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
	return styledCharsToString(currentLine.filter(item => item !== undefined)).trimEnd();
};

export default class Output {
	width;
	height;
	operations = [];
	caches = caches;
	constructor(options) {
		const {width, height} = options;
		this.width = width;
		this.height = height;
	}

	write(x, y, text, options) {
		const {transformers} = options;
		if (!text) {
			return;
		}

		this.operations.push({
			type: 'write',
			x,
			y,
			text,
			transformers,
		});
	}

	clip(clip) {
		this.operations.push({
			type: 'clip',
			clip,
		});
	}

	unclip() {
		this.operations.push({
			type: 'unclip',
		});
	}

	get() {
		// What is written on each row, as pairs of x and text; the rows of the output.
		const output = [];
		for (let y = 0; y < this.height; y++) output.push([]);
		const clips = [];
		for (const operation of this.operations) {
			if (operation.type === 'clip') {
				clips.push(operation.clip);
			}

			if (operation.type === 'unclip') {
				clips.pop();
			}

			if (operation.type === 'write') {
				const {text, transformers} = operation;
				let {x, y} = operation;
				let lines = text.split('\n');
				const clip = clips.at(-1);
				if (clip) {
					const clipHorizontally = typeof clip?.x1 === 'number' && typeof clip?.x2 === 'number';
					const clipVertically = typeof clip?.y1 === 'number' && typeof clip?.y2 === 'number';
					// If text is positioned outside of clipping area altogether,
					// skip to the next operation to avoid unnecessary calculations
					if (clipHorizontally) {
						const width = this.caches.getWidestLine(text);
						if (x + width < clip.x1 || x > clip.x2) {
							continue;
						}
					}

					if (clipVertically) {
						const height = lines.length;
						if (y + height < clip.y1 || y > clip.y2) {
							continue;
						}
					}

					if (clipHorizontally) {
						lines = lines.map(line => {
							const from = x < clip.x1 ? clip.x1 - x : 0;
							const width = this.caches.getStringWidth(line);
							const to = x + width > clip.x2 ? clip.x2 - x : width;
							// A line the clip leaves whole stays as it is.
							if (from === 0 && to >= width) return line;
							return sliceAnsi(line, from, to);
						});
						if (x < clip.x1) {
							x = clip.x1;
						}
					}

					if (clipVertically) {
						const from = y < clip.y1 ? clip.y1 - y : 0;
						const height = lines.length;
						const to = y + height > clip.y2 ? clip.y2 - y : height;
						lines = lines.slice(from, to);
						if (y < clip.y1) {
							y = clip.y1;
						}
					}
				}

				let offsetY = 0;
				for (let [index, line] of lines.entries()) {
					const currentLine = output[y + offsetY];
					// Line can be missing if `text` is taller than height of pre-initialized `this.output`
					if (!currentLine) {
						continue;
					}

					for (const transformer of transformers) {
						line = transformer(line, index);
					}

					currentLine.push(x, line);
					offsetY++;
				}
			}
		}

		const rows = [];
		for (const writes of output) {
			if (writes.length === 0) {
				// A row of blanks, trimmed.
				rows.push('');
				continue;
			}

			let key = String(this.width);
			for (let write = 0; write < writes.length; write += 2) key += `\u0000${writes[write]}\u0001${writes[write + 1]}`;
			let row = rowStrings.get(key);
			if (row === undefined) {
				row = renderRow(this.width, writes);
				rowStrings.set(key, row);
			}

			rows.push(row);
		}

		return {
			output: rows.join('\n'),
			height: output.length,
		};
	}
}
