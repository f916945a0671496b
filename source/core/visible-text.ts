/**
 * Text that came from AWS (runbook and step names, parameters, outputs, failure messages, tags…)
 * shown as text: every control character made visible, so data cannot drive the terminal. Ink's
 * own sanitiser keeps SGR and OSC sequences on purpose, so `ESC ] 2 ; … BEL` in a parameter would
 * retitle the terminal and `ESC [ 41 m` would paint the screen; only the app's styling may emit
 * escape sequences. Pure, and cheap on clean text (one regex test): it runs on every rendered string.
 *
 * - C0 controls (0x00–0x1F) become their Control Pictures (U+2400 + code: ESC → ␛, BEL → ␇), DEL → ␡:
 *   one column each, like the character counts `fit` already made.
 * - C1 controls (0x80–0x9F, e.g. the one-byte CSI 0x9B) and the bidi overrides and isolates
 *   (U+202A–U+202E, U+2066–U+2069, "Trojan source") have no picture: they read `\u009b`.
 * - Tab becomes a space (Ink measures a tab as one column; the terminal moves to the next stop).
 * - Line breaks (`\n`, `\r\n`) stay line breaks in wrapping text. In one-line text (a truncated
 *   cell) a break would add a line and push the layout down, so it reads ⏎: visible, one column,
 *   and unlike a space it tells "a⏎b" (two lines) from "a b". A lone `\r` is a control (␍).
 */

/** Characters that never reach the terminal as themselves. */
const CONTROLS = '\\u0000-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';
/** The same without the line feed, which wrapping text keeps. */
const CONTROLS_BUT_LINE_FEED = '\\u0000-\\u0009\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

const HAS_CONTROL = new RegExp(`[${CONTROLS}]`);
const HAS_CONTROL_BUT_LINE_FEED = new RegExp(`[${CONTROLS_BUT_LINE_FEED}]`);
const EACH_CONTROL = new RegExp(`\\r\\n|[${CONTROLS}]`, 'g');
const EACH_CONTROL_BUT_LINE_FEED = new RegExp(`\\r\\n|[${CONTROLS_BUT_LINE_FEED}]`, 'g');

/** The characters outside C0 that JSON.stringify leaves as they are: DEL, C1 and the bidi controls. */
export const NON_C0_CONTROLS = /[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** `\u009b`: the JSON and JavaScript escape of one UTF-16 code unit. */
export function unicodeEscape(char: string): string {
	return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

export const LINE_BREAK_MARK = '⏎';

function picture(char: string, oneLine: boolean): string {
	if (char === '\r\n' || char === '\n') return oneLine ? LINE_BREAK_MARK : '\n';
	if (char === '\t') return ' ';
	const code = char.charCodeAt(0);
	if (code <= 0x1f) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '␡';
	return unicodeEscape(char);
}

export interface VisibleTextOptions {
	/** The text is shown on one line (a truncated cell): a line break must not add a line. */
	readonly oneLine?: boolean;
}

/** `text` with every control character made visible; clean text comes back as the same string. */
export function visibleText(text: string, options: VisibleTextOptions = {}): string {
	const oneLine = options.oneLine ?? false;
	if (!(oneLine ? HAS_CONTROL : HAS_CONTROL_BUT_LINE_FEED).test(text)) return text;
	return text.replace(oneLine ? EACH_CONTROL : EACH_CONTROL_BUT_LINE_FEED, char => picture(char, oneLine));
}
