/**
 * THE tokenizer for raw terminal input: it splits what stdin delivers into key
 * presses. Ink 6.8 hands several keys that arrive in one read to useInput as one
 * event (two Escapes, Esc+j, `n` then `Deploy`, `yyy`, Backspace bursts), and keys
 * are lost; the input dispatcher feeds this module Ink's raw input chunks instead.
 * It is pure (no clock, no I/O): the caller owns the Escape timer (ESCAPE_WAIT_MS).
 *
 * Where the bytes come from (each table below names its source):
 * - xterm: ctlseqs, https://invisible-island.net/xterm/ctlseqs/ctlseqs.html ("PC-Style
 *   Function Keys", "VT220-Style Function Keys", "Bracketed Paste Mode", "Mouse Tracking",
 *   "FocusIn/FocusOut"); modifiers are `CSI 1 ; m X` / `CSI n ; m ~` with m = 1 + bits.
 * - tmux (TERM=screen, tmux-256color): input-keys.c, what tmux writes to a pane: Home
 *   `ESC[1~`, End `ESC[4~`, arrows `ESC O A` in cursor-key mode, keypad Enter `\n`,
 *   keypad keys `ESC O p`…`ESC O y` in keypad mode, extended keys `CSI code ; m u` or
 *   `CSI 27 ; m ; code ~` (extended-keys-format xterm), paste markers `ESC[200~`/`ESC[201~`.
 * - GNU screen: manual, "Input Translation": the same VT100/VT220 forms (`ESC[A`/`ESC O A`,
 *   `ESC[1~` Home, `ESC[4~` End, F0 `ESC[10~`, F1 `ESC O P` … F12 `ESC[24~`, keypad `ESC O M`).
 * - kitty: keyboard protocol, https://sw.kovidgoyal.net/kitty/keyboard-protocol/
 *   (`CSI code[:shifted[:base]] ; mods[:event] ; text u`, legacy `CSI 1 ; m X`, F3 `CSI 13~`).
 * - Linux console: F1–F5 `ESC[[A`…`ESC[[E` (drivers/tty/vt/defkeymap.c_shipped).
 * - rxvt: urxvt(7) "Key Codes": Home `ESC[7~`, End `ESC[8~`, `$` Shift, `^` Ctrl, `@` Ctrl-Shift
 *   as the final byte of `ESC[n~` keys, Shift-arrows `ESC[a`…, Ctrl-arrows `ESC O a`….
 *
 * Decisions:
 * - DEL 0x7f and BS 0x08 are `backspace` (so Ctrl-H is Backspace). The Delete key `ESC[3~`
 *   is `delete`, which the keymap, like Ink today, treats as Backspace: ssmtop has no
 *   forward delete, so KeyPress stays as it is.
 * - ESC followed by a byte that starts no sequence is Escape, then that byte's own key: ssmtop
 *   binds no Alt keys, so Alt-j (ESC j) is Escape then j, and ESC ESC is two Escapes.
 * - An ESC or an incomplete sequence at the end of a chunk is held for the next push. flush()
 *   makes a held ESC the Escape key and a held `ESC[` / `ESC O` Escape then `[` / `O` (the user
 *   typed them); a longer truncated sequence is dropped, never typed. The one ambiguity: Esc
 *   followed at once (same read, or within ESCAPE_WAIT_MS) by `[` or `O` reads as a sequence.
 * - Keys ssmtop has no name for (F1–F35, Insert, keypad 5, kitty's media and lock keys) give a
 *   token with input '' and no flags. What is not a key press gives nothing: focus events,
 *   mouse reports, terminal replies (`CSI ? …`), kitty key releases and modifier-only keys,
 *   and unknown or malformed sequences. No escape sequence ever becomes text.
 * - Bracketed paste is one token with paste: true. flush() during a paste hands over the text so
 *   far but stays inside the paste until `ESC[201~`: a paste that stalls (slow SSH) must never
 *   turn into key presses, whose newlines would be Enter.
 * - Modifiers (xterm and kitty alike, m = 1 + bits): shift 1, ctrl 4; alt 2 and kitty's super 8
 *   and meta 32 are `meta` (Ink's name for Alt). Caps and Num Lock are ignored.
 */
import type {KeyPress} from '../keymap.js';

export interface KeyToken {
	/** Printable text of the key ('' for named keys); for a paste, the pasted text. */
	readonly input: string;
	/** Ink-style flags the keymap's resolveKey(input, key, context) reads. */
	readonly key: KeyPress;
	/** The raw bytes this token came from (for tests and debugging). */
	readonly sequence: string;
	/** Bracketed paste: the whole pasted text as one token. */
	readonly paste?: boolean;
}

export interface Tokenizer {
	/** Splits one chunk into keys; an incomplete escape sequence (or a lone ESC) at the end is held for the next push. */
	push(chunk: string): KeyToken[];
	/** True while bytes are held, and all through a bracketed paste (the caller then waits ESCAPE_WAIT_MS and calls flush()). */
	readonly pending: boolean;
	/** Stop waiting: the held bytes become keys (a lone ESC is the Escape key); inside a paste, the text so far. */
	flush(): KeyToken[];
}

/**
 * How long a held ESC waits for the rest of its sequence. A terminal writes a key's
 * sequence in one write(), so its bytes arrive in one read unless a network splits
 * them; 50 ms covers such a gap on a LAN or a good SSH link and is still below what a
 * person notices after pressing Escape. It is Neovim's 'ttimeoutlen' default (Vim's
 * defaults.vim uses 100 ms, GNU screen's maptimeout is 300 ms, tmux 3.5's escape-time
 * 10 ms); under tmux or screen the multiplexer has already waited once and forwards
 * whole sequences, so the wait here rarely matters there.
 */
export const ESCAPE_WAIT_MS = 50;

const ESC = '\u001B';
const PASTE_END = `${ESC}[201~`;

interface Press {
	readonly input: string;
	readonly key: KeyPress;
}

/** One scan step: the end of what was read and the key it was (none for a sequence that is no key press), or 'more' bytes needed. */
type Step = {readonly end: number; readonly press?: Press; readonly pasteStart?: true} | 'more';

const named = (key: KeyPress): Press => ({input: '', key});
const text = (input: string): Press => ({input, key: /^[A-Z]$/.test(input) ? {shift: true} : {}});
const ESCAPE = named({escape: true});
/** A key ssmtop has no name for (F1, Insert …): a press, but neither text nor a named key. */
const UNNAMED = named({});

// C0 controls with a name (xterm, tmux and screen all send these; kitty's "C0 controls" table).
const CONTROL: Readonly<Record<string, Press>> = {
	'\r': named({return: true}),
	// tmux sends keypad Enter as "\n" outside keypad mode (input-keys.c).
	'\n': named({return: true}),
	'\t': named({tab: true}),
	'\u007F': named({backspace: true}),
	'\b': named({backspace: true}),
};

// The final byte of `CSI X`, `CSI 1 ; m X` and `SS3 X` (xterm "PC-Style Function Keys", kitty "legacy functional keys").
const LETTER_KEYS: Readonly<Record<string, KeyPress>> = {
	A: {upArrow: true},
	B: {downArrow: true},
	C: {rightArrow: true},
	D: {leftArrow: true},
	H: {home: true},
	F: {end: true},
	// Keypad 5 (Begin), then F1–F4. `CSI 1 ; m R` is also a cursor position report, which ssmtop never asks for.
	E: {},
	P: {},
	Q: {},
	R: {},
	S: {},
	Z: {tab: true, shift: true},
};

// `CSI n ~` (xterm "VT220-Style Function Keys"; tmux and screen Home 1 / End 4; rxvt Home 7 / End 8).
const TILDE_KEYS: Readonly<Record<number, KeyPress>> = {
	1: {home: true},
	7: {home: true},
	4: {end: true},
	8: {end: true},
	2: {}, // Insert
	3: {delete: true},
	5: {pageUp: true},
	6: {pageDown: true},
	// F0 (screen), F1–F4 (vt220, rxvt, kitty's F3), F5–F12, F13–F20 (vt220), kitty's KP_BEGIN.
	...Object.fromEntries([10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 26, 28, 29, 31, 32, 33, 34, 57427].map(n => [n, {}])),
};

// rxvt puts the modifiers of a `CSI n ~` key in its final byte instead.
const RXVT_FINALS: Readonly<Record<string, KeyPress>> = {$: {shift: true}, '^': {ctrl: true}, '@': {ctrl: true, shift: true}};

// `SS3 X` from the keypad in application keypad mode (xterm's keypad table, tmux input-keys.c, screen).
const SS3_KEYPAD: Readonly<Record<string, Press>> = {
	M: named({return: true}),
	I: named({tab: true}),
	...Object.fromEntries([...'*+,-./0123456789'].map((char, index) => ['jklmnopqrstuvwxy'[index], text(char)])),
	X: text('='),
};

// kitty's functional key codes (keyboard protocol, "Functional key definitions").
const KITTY_KEYS: Readonly<Record<number, Press>> = {
	27: ESCAPE,
	13: named({return: true}),
	9: named({tab: true}),
	127: named({backspace: true}),
	57414: named({return: true}), // KP_ENTER
	57417: named({leftArrow: true}),
	57418: named({rightArrow: true}),
	57419: named({upArrow: true}),
	57420: named({downArrow: true}),
	57421: named({pageUp: true}),
	57422: named({pageDown: true}),
	57423: named({home: true}),
	57424: named({end: true}),
	57425: UNNAMED, // KP_INSERT
	57426: named({delete: true}),
	// KP_0 … KP_ADD, KP_EQUAL, KP_SEPARATOR.
	...Object.fromEntries([...'0123456789./*-+'].map((char, index) => [57_399 + index, text(char)])),
	57415: text('='),
	57416: text(','),
};
const KITTY_MODIFIER_KEYS = {from: 57_441, to: 57_454}; // LEFT_SHIFT … ISO_LEVEL5_SHIFT: not key presses of their own
const PRIVATE_USE = {from: 57_344, to: 63_743};

const within = (code: number, range: {from: number; to: number}): boolean => code >= range.from && code <= range.to;
const isFinalByte = (code: number): boolean => code >= 0x40 && code <= 0x7e;
/** Parameter (0x30–0x3f) and intermediate (0x20–0x2f) bytes of a CSI sequence (ECMA-48). */
const isCsiBody = (code: number): boolean => code >= 0x20 && code <= 0x3f;
/** A code point that is text: not a C0/C1 control or DEL, not a surrogate, in range. */
const isTextCodePoint = (code: number | undefined): code is number =>
	code !== undefined &&
	Number.isInteger(code) &&
	code >= 0x20 &&
	!(code >= 0x7f && code <= 0x9f) &&
	!within(code, {from: 0xd800, to: 0xdfff}) &&
	code <= 0x10ffff;

/** m = 1 + bits: shift 1, alt 2, ctrl 4, super 8, hyper 16, meta 32 (xterm and kitty). */
function modifierFlags(parameter: number | undefined): KeyPress {
	const bits = (parameter ?? 1) - 1;
	return {
		...(bits & 1 ? {shift: true} : {}),
		...(bits & (2 | 8 | 32) ? {meta: true} : {}),
		...(bits & 4 ? {ctrl: true} : {}),
	};
}

/** A key with its modifiers; a key ssmtop has no name for stays UNNAMED (no flags at all). */
const withModifiers = (press: Press, modifiers: KeyPress): Press =>
	press.input === '' && Object.keys(press.key).length === 0 ? UNNAMED : {input: press.input, key: {...press.key, ...modifiers}};

/** A kitty `CSI u` key (also xterm's and tmux's `CSI 27 ; m ; code ~`). */
function kittyKey(
	code: number | undefined,
	shifted: number | undefined,
	modifiers: KeyPress,
	textCodes: ReadonlyArray<number | undefined> = [],
): Press | undefined {
	if (code === undefined) return undefined;
	const known = KITTY_KEYS[code];
	if (known) return withModifiers(known, modifiers);
	if (within(code, KITTY_MODIFIER_KEYS)) return undefined;
	if (within(code, PRIVATE_USE)) return UNNAMED;
	const reported = textCodes.filter(isTextCodePoint);
	let input: string;
	if (reported.length > 0) input = String.fromCodePoint(...reported);
	else if (!isTextCodePoint(code)) return undefined;
	// With Ctrl the key is the unshifted one, as the legacy 0x01–0x1a bytes are.
	else if (modifiers.shift && !modifiers.ctrl) input = isTextCodePoint(shifted) ? String.fromCodePoint(shifted) : String.fromCodePoint(code).toUpperCase();
	else input = String.fromCodePoint(code);
	return withModifiers(text(input), modifiers);
}

/** The key of a complete `CSI body final`, or undefined for a sequence that is no key press. */
function csiKey(body: string, final: string): Press | undefined {
	// SGR mouse reports (`<`), terminal replies (`?` …), and anything with intermediate bytes.
	if (/^[<=>?]/.test(body) || /[ -/]/.test(body)) return undefined;
	const fields = body.split(';').map(field => field.split(':').map(part => (part === '' ? undefined : Number(part))));
	const [number = 1, shifted] = fields[0] ?? [];
	const [modifier, event] = fields[1] ?? [];
	if (event === 3) return undefined; // a kitty key release
	const modifiers = modifierFlags(modifier);
	if (final === 'u') return kittyKey(number, shifted, modifiers, fields[2]);
	if (final === '~' && number === 27) return kittyKey(fields[2]?.[0], undefined, modifiers);
	const letter = LETTER_KEYS[final];
	if (letter) return number === 1 ? withModifiers(named(letter), modifiers) : undefined;
	// rxvt: Shift-arrows `ESC[a` … `ESC[d`.
	const rxvtArrow = 'abcd'.indexOf(final);
	if (rxvtArrow !== -1 && body === '') return named({...LETTER_KEYS['ABCD'[rxvtArrow]!], shift: true});
	const tilde = TILDE_KEYS[number];
	const tildeModifiers = final === '~' ? modifiers : RXVT_FINALS[final];
	return tilde && tildeModifiers ? withModifiers(named(tilde), tildeModifiers) : undefined;
}

/** `ESC [` …: a CSI sequence, the Linux console's `ESC [ [ X`, an X10 mouse report, or a paste start. */
function scanCsi(s: string, start: number): Step {
	const from = start + 2;
	if (from >= s.length) return 'more';
	if (s[from] === '[') {
		if (from + 1 >= s.length) return 'more';
		return {end: from + 2, press: 'ABCDE'.includes(s[from + 1]!) ? UNNAMED : undefined};
	}

	let at = from;
	// rxvt ends Shift-modified keys with `$` (`ESC[2$`), an intermediate byte in ECMA-48.
	while (at < s.length && isCsiBody(s.charCodeAt(at)) && !(s[at] === '$' && /^\d+$/.test(s.slice(from, at)))) at++;
	if (at >= s.length) return 'more';
	const final = s[at]!;
	if (final !== '$' && !isFinalByte(s.charCodeAt(at))) {
		// Not a sequence: right after `ESC [` the user typed Esc then `[`; later, drop what was read.
		return at === from ? {end: start + 1, press: ESCAPE} : {end: at};
	}

	const body = s.slice(from, at);
	// X10 mouse: `CSI M` and three bytes (button, column, row), one code unit each, also in UTF-8 mode 1005.
	if (body === '' && final === 'M') return at + 4 <= s.length ? {end: at + 4} : 'more';
	if (body === '200' && final === '~') return {end: at + 1, pasteStart: true};
	return {end: at + 1, press: csiKey(body, final)};
}

/** `ESC O X` (SS3), with old xterm's modifier digit (`ESC O 2 P`, Shift-F1). */
function scanSs3(s: string, start: number): Step {
	let at = start + 2;
	while (at < s.length && /\d/.test(s[at]!)) at++;
	if (at >= s.length) return 'more';
	if (!isFinalByte(s.charCodeAt(at))) return at === start + 2 ? {end: start + 1, press: ESCAPE} : {end: at};
	const final = s[at]!;
	const digits = s.slice(start + 2, at);
	const modifiers = digits === '' ? {} : modifierFlags(Number(digits));
	const letter = LETTER_KEYS[final];
	const keypad = SS3_KEYPAD[final];
	// rxvt: Ctrl-arrows `ESC O a` … `ESC O d`.
	const rxvtArrow = 'abcd'.indexOf(final);
	let press: Press | undefined;
	if (letter) press = withModifiers(named(letter), modifiers);
	else if (keypad) press = keypad;
	else if (rxvtArrow !== -1) press = named({...LETTER_KEYS['ABCD'[rxvtArrow]!], ctrl: true});
	return {end: at + 1, press};
}

function scan(s: string, at: number): Step {
	const char = s[at]!;
	if (char === ESC) {
		const next = s[at + 1];
		if (next === undefined) return 'more';
		if (next === '[') return scanCsi(s, at);
		if (next === 'O') return scanSs3(s, at);
		return {end: at + 1, press: ESCAPE};
	}

	const code = s.charCodeAt(at);
	if (within(code, {from: 0xd800, to: 0xdbff})) {
		// An astral character is two code units, which a chunk boundary may split.
		if (at + 1 >= s.length) return 'more';
		const pair = within(s.charCodeAt(at + 1), {from: 0xdc00, to: 0xdfff});
		return pair ? {end: at + 2, press: text(s.slice(at, at + 2))} : {end: at + 1};
	}

	const control = CONTROL[char];
	if (control) return {end: at + 1, press: control};
	// Ctrl-letter 0x01–0x1a is the lowercase letter with ctrl; 0x00 is Ctrl-Space, 0x1c–0x1f Ctrl-\ ] ^ _.
	if (code < 0x20) return {end: at + 1, press: {input: code === 0 ? ' ' : String.fromCharCode(code + 0x40).toLowerCase(), key: {ctrl: true}}};
	return {end: at + 1, press: isTextCodePoint(code) ? text(char) : undefined};
}

/** How many bytes at the end of s (from `from` on) could be the start of the paste end marker. */
function partialPasteEnd(s: string, from: number): number {
	for (let length = Math.min(PASTE_END.length - 1, s.length - from); length > 0; length--) {
		if (s.endsWith(PASTE_END.slice(0, length))) return length;
	}

	return 0;
}

interface Paste {
	text: string;
	sequence: string;
}

export function createTokenizer(): Tokenizer {
	/** Bytes of an incomplete sequence (or half a surrogate pair, or part of the paste end marker). */
	let held = '';
	/** Inside a bracketed paste: the text so far and its raw bytes. */
	let paste: Paste | undefined;

	const pasted = (inPaste: Paste, tokens: KeyToken[]): void => {
		if (inPaste.text !== '') tokens.push({input: inPaste.text, key: {}, sequence: inPaste.sequence, paste: true});
	};

	/** Reads paste text from `at` up to the end marker (or the end of s); returns where reading stops. */
	const readPaste = (s: string, at: number, inPaste: Paste, tokens: KeyToken[]): number => {
		const end = s.indexOf(PASTE_END, at);
		const stop = end === -1 ? s.length - partialPasteEnd(s, at) : end;
		inPaste.text += s.slice(at, stop);
		inPaste.sequence += s.slice(at, end === -1 ? stop : end + PASTE_END.length);
		if (end === -1) {
			held = s.slice(stop);
			return s.length;
		}

		pasted(inPaste, tokens);
		paste = undefined;
		return end + PASTE_END.length;
	};

	return {
		get pending() {
			return held !== '' || paste !== undefined;
		},
		push(chunk) {
			const s = held + chunk;
			held = '';
			const tokens: KeyToken[] = [];
			let at = 0;
			while (at < s.length) {
				if (paste) {
					at = readPaste(s, at, paste, tokens);
					continue;
				}

				const step = scan(s, at);
				if (step === 'more') {
					held = s.slice(at);
					break;
				}

				if (step.pasteStart) paste = {text: '', sequence: s.slice(at, step.end)};
				else if (step.press) tokens.push({...step.press, sequence: s.slice(at, step.end)});
				at = step.end;
			}

			return tokens;
		},
		flush() {
			const tokens: KeyToken[] = [];
			if (paste) {
				// Still inside the paste: the text so far goes; held bytes may be the start of the end marker and stay.
				pasted(paste, tokens);
				paste = {text: '', sequence: ''};
				return tokens;
			}

			const rest = held;
			held = '';
			// Only `ESC`, `ESC [` and `ESC O` are held at two bytes or fewer; anything longer is a truncated sequence
			// (dropped), as is half a surrogate pair.
			if (rest.startsWith(ESC) && rest.length <= 2) {
				tokens.push({...ESCAPE, sequence: ESC});
				if (rest.length === 2) tokens.push({...text(rest.slice(1)), sequence: rest.slice(1)});
			}

			return tokens;
		},
	};
}
