/** SGR (Select Graphic Rendition, `ESC [ … m`): how each parameter changes the pen. */
import {rgbToHex, type TerminalColor} from './palette.js';

export type CellStyle = {
	readonly fg?: TerminalColor;
	readonly bg?: TerminalColor;
	readonly bold?: true;
	readonly dim?: true;
	readonly italic?: true;
	readonly underline?: true;
	readonly inverse?: true;
	readonly hidden?: true;
	readonly strikethrough?: true;
};

export const plainStyle: CellStyle = Object.freeze({});

type Flag = 'bold' | 'dim' | 'italic' | 'underline' | 'inverse' | 'hidden' | 'strikethrough';

const SET_FLAG: Record<number, Flag> = {1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 7: 'inverse', 8: 'hidden', 9: 'strikethrough', 21: 'underline'};
const CLEAR_FLAGS: Record<number, Flag[]> = {22: ['bold', 'dim'], 23: ['italic'], 24: ['underline'], 27: ['inverse'], 28: ['hidden'], 29: ['strikethrough']};

function withFlag(style: CellStyle, flag: Flag, on: boolean): CellStyle {
	const next: Record<string, unknown> = {...style};
	if (on) next[flag] = true;
	else delete next[flag];
	return next as CellStyle;
}

function withColor(style: CellStyle, key: 'fg' | 'bg', color: TerminalColor): CellStyle {
	const next: Record<string, unknown> = {...style};
	if (color === undefined) delete next[key];
	else next[key] = color;
	return next as CellStyle;
}

/**
 * Reads an extended colour (`38;5;n`, `38;2;r;g;b`, or the colon forms `38:5:n`, `38:2::r:g:b`).
 * Returns the colour and how many of the following parameters it consumed.
 */
function extendedColor(parts: readonly string[], rest: readonly string[]): {color: TerminalColor | null; consumed: number} {
	if (parts.length > 1) {
		// Colon form: everything is in this one parameter; `38:2:` may carry a colour-space id first.
		const [, mode, ...values] = parts;
		if (mode === '5') return {color: paletteIndex(values[0]), consumed: 0};
		if (mode === '2') {
			const channels = values.length >= 4 ? values.slice(1) : values;
			return {color: truecolor(channels), consumed: 0};
		}

		return {color: null, consumed: 0};
	}

	if (rest[0] === '5') return {color: paletteIndex(rest[1]), consumed: 2};
	if (rest[0] === '2') return {color: truecolor(rest.slice(1, 4)), consumed: 4};
	return {color: null, consumed: 0};
}

function paletteIndex(text: string | undefined): TerminalColor | null {
	const index = Number(text);
	return Number.isInteger(index) && index >= 0 && index <= 255 ? index : null;
}

function truecolor(channels: readonly string[]): TerminalColor | null {
	if (channels.length < 3) return null;
	const [red, green, blue] = channels.map(Number);
	if ([red, green, blue].some(value => !Number.isFinite(value))) return null;
	return rgbToHex(red!, green!, blue!);
}

/** Applies the parameter string of one SGR sequence (what sits between `ESC [` and `m`). */
export function applySgr(style: CellStyle, parameters: string): CellStyle {
	const params = parameters === '' ? ['0'] : parameters.split(';');
	let pen = style;
	for (let index = 0; index < params.length; index++) {
		const parts = params[index]!.split(':');
		const code = parts[0] === '' ? 0 : Number(parts[0]);
		if (code === 0) pen = plainStyle;
		else if (code === 4 && parts[1] === '0') pen = withFlag(pen, 'underline', false);
		else if (SET_FLAG[code]) pen = withFlag(pen, SET_FLAG[code], true);
		else if (CLEAR_FLAGS[code]) for (const flag of CLEAR_FLAGS[code]) pen = withFlag(pen, flag, false);
		else if (code >= 30 && code <= 37) pen = withColor(pen, 'fg', code - 30);
		else if (code >= 90 && code <= 97) pen = withColor(pen, 'fg', code - 90 + 8);
		else if (code >= 40 && code <= 47) pen = withColor(pen, 'bg', code - 40);
		else if (code >= 100 && code <= 107) pen = withColor(pen, 'bg', code - 100 + 8);
		else if (code === 39) pen = withColor(pen, 'fg', undefined);
		else if (code === 49) pen = withColor(pen, 'bg', undefined);
		else if (code === 38 || code === 48) {
			const {color, consumed} = extendedColor(parts, params.slice(index + 1));
			if (color !== null) pen = withColor(pen, code === 38 ? 'fg' : 'bg', color);
			index += consumed;
		}
		// Anything else (blink, fonts, overline, …) does not change what a screenshot shows.
	}

	return pen;
}
