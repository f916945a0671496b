/**
 * The raw-input tokenizer, table by table with the bytes each terminal sends (the
 * sources are cited in source/ui/input/tokenizer.ts), then bursts, chunks split
 * anywhere, flush(), and a property: any keys, encoded, concatenated and cut into
 * arbitrary chunks, come back as exactly those keys.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {KeyPress} from '../../../source/ui/keymap.js';
import {createTokenizer, ESCAPE_WAIT_MS, type KeyToken} from '../../../source/ui/input/tokenizer.js';

type Key = Omit<KeyToken, 'sequence'>;

const named = (key: KeyPress): Key => ({input: '', key});
const char = (input: string): Key => ({input, key: /^[A-Z]$/.test(input) ? {shift: true} : {}});
const ctrl = (input: string): Key => ({input, key: {ctrl: true}});
const pasted = (input: string): Key => ({input, key: {}, paste: true});
/** A key ssmtop has no name for (F1, Insert …): no text, no flags. */
const UNNAMED = named({});
const ESCAPE = named({escape: true});
const ENTER = named({return: true});
const BACKSPACE = named({backspace: true});
const UP = named({upArrow: true});

const ESC = '\u001B';

/** Pushes the chunks in order, then flushes; the keys without their raw bytes. */
function tokenize(...chunks: string[]): Key[] {
	const tokenizer = createTokenizer();
	const tokens = [...chunks.flatMap(chunk => tokenizer.push(chunk)), ...tokenizer.flush()];
	expect(tokenizer.pending).toBe(false);
	return tokens.map(({sequence: _sequence, ...key}) => key);
}

/** Each row: what the key is, the bytes, the key they must give (undefined: no key at all). */
type Row = readonly [name: string, bytes: string, key: Key | undefined];

function tableTest(rows: readonly Row[]): void {
	it.each(rows)('%s', (_name, bytes, key) => {
		// Between two typed characters, so a sequence that eats too much or too little shows.
		expect(tokenize(`x${bytes}y`)).toEqual([char('x'), ...(key ? [key] : []), char('y')]);
		const tokens = createTokenizer().push(bytes);
		expect(tokens.map(token => token.sequence).join('')).toBe(key ? bytes : '');
	});
}

describe('printable text', () => {
	it('gives one key per character, with shift for A–Z', () => {
		expect(tokenize('yyy')).toEqual([char('y'), char('y'), char('y')]);
		expect(tokenize('nDeploy')).toEqual([...'nDeploy'].map(char));
		expect(tokenize('nDeploy')[1]).toEqual({input: 'D', key: {shift: true}});
		expect(tokenize(' ?/1')).toEqual([char(' '), char('?'), char('/'), char('1')]);
	});

	it('keeps UTF-8 text whole: accents, CJK, and astral characters as one key each', () => {
		expect(tokenize('äé日本')).toEqual([char('ä'), char('é'), char('日'), char('本')]);
		expect(tokenize('a😀b')).toEqual([char('a'), char('😀'), char('b')]);
		expect(tokenize('𝔘')).toEqual([char('𝔘')]);
	});

	it('joins a surrogate pair split across two chunks', () => {
		const tokenizer = createTokenizer();
		expect(tokenizer.push('a\uD83D')).toEqual([{input: 'a', key: {}, sequence: 'a'}]);
		expect(tokenizer.pending).toBe(true);
		expect(tokenizer.push('\uDE00')).toEqual([{input: '😀', key: {}, sequence: '😀'}]);
		expect(tokenizer.pending).toBe(false);
	});

	it('drops lone surrogates and C1 controls instead of typing them', () => {
		expect(tokenize('a\uDE00b')).toEqual([char('a'), char('b')]);
		expect(tokenize('a\uD83Db')).toEqual([char('a'), char('b')]);
		expect(tokenize('a\u009Bb\u0085')).toEqual([char('a'), char('b')]);
		expect(tokenize('\uD83D')).toEqual([]);
	});
});

describe('control keys', () => {
	tableTest([
		['Enter (CR)', '\r', ENTER],
		['Enter (LF; tmux sends keypad Enter as \\n)', '\n', ENTER],
		['Tab', '\t', named({tab: true})],
		['Backspace (DEL 0x7f, most terminals)', '\u007F', BACKSPACE],
		['Backspace (BS 0x08; also Ctrl-H)', '\b', BACKSPACE],
		['Ctrl-C', '\u0003', ctrl('c')],
		['Ctrl-A', '\u0001', ctrl('a')],
		['Ctrl-U', '\u0015', ctrl('u')],
		['Ctrl-Z', '\u001A', ctrl('z')],
		['Ctrl-Space (NUL)', '\u0000', ctrl(' ')],
		['Ctrl-\\', '\u001C', ctrl('\\')],
		['Ctrl-_', '\u001F', ctrl('_')],
	]);

	it('maps every Ctrl-letter 0x01–0x1a to the lowercase letter with ctrl, except Backspace, Tab and Enter', () => {
		const special: Record<number, Key> = {8: BACKSPACE, 9: named({tab: true}), 10: ENTER, 13: ENTER};
		for (let code = 1; code <= 26; code++) {
			const expected = special[code] ?? ctrl(String.fromCharCode(0x60 + code));
			expect(tokenize(String.fromCharCode(code))).toEqual([expected]);
		}
	});
});

describe('Escape', () => {
	it('holds a lone ESC until the next push or flush(), then it is Escape', () => {
		const tokenizer = createTokenizer();
		expect(tokenizer.push(ESC)).toEqual([]);
		expect(tokenizer.pending).toBe(true);
		expect(tokenizer.flush()).toEqual([{input: '', key: {escape: true}, sequence: ESC}]);
		expect(tokenizer.pending).toBe(false);
		expect(tokenizer.flush()).toEqual([]);
	});

	it('gives two Escapes for ESC ESC and three for ESC ESC ESC', () => {
		expect(tokenize(`${ESC}${ESC}`)).toEqual([ESCAPE, ESCAPE]);
		expect(tokenize(`${ESC}${ESC}${ESC}`)).toEqual([ESCAPE, ESCAPE, ESCAPE]);
		// Ink hands "ESC ESC" over as one chunk: the first is Escape at once, the second waits for what follows.
		const tokenizer = createTokenizer();
		expect(tokenizer.push(`${ESC}${ESC}`).map(token => token.key)).toEqual([{escape: true}]);
		expect(tokenizer.pending).toBe(true);
		expect(tokenizer.flush().map(token => token.key)).toEqual([{escape: true}]);
	});

	it('reads ESC and a character that starts no sequence (Alt-j) as Escape then the character', () => {
		expect(tokenize(`${ESC}j`)).toEqual([ESCAPE, char('j')]);
		expect(tokenize(`${ESC}J`)).toEqual([ESCAPE, char('J')]);
		expect(tokenize(`${ESC}\u007F`)).toEqual([ESCAPE, BACKSPACE]);
		expect(tokenize(`${ESC}\r`)).toEqual([ESCAPE, ENTER]);
		expect(tokenize(`${ESC}😀`)).toEqual([ESCAPE, char('😀')]);
		expect(tokenize(ESC, 'j')).toEqual([ESCAPE, char('j')]);
	});

	it('reads ESC before a sequence as Escape then that key (Alt-Up)', () => {
		expect(tokenize(`${ESC}${ESC}[A`)).toEqual([ESCAPE, UP]);
		expect(tokenize(`${ESC}`, `${ESC}[A`)).toEqual([ESCAPE, UP]);
	});

	it('waits tens of milliseconds for the rest of a sequence', () => {
		expect(ESCAPE_WAIT_MS).toBeGreaterThanOrEqual(10);
		expect(ESCAPE_WAIT_MS).toBeLessThan(100);
	});
});

// xterm, ctlseqs "PC-Style Function Keys" and "VT220-Style Function Keys"; normal and application cursor modes.
describe('xterm (TERM=xterm-256color)', () => {
	tableTest([
		['Up', `${ESC}[A`, UP],
		['Down', `${ESC}[B`, named({downArrow: true})],
		['Right', `${ESC}[C`, named({rightArrow: true})],
		['Left', `${ESC}[D`, named({leftArrow: true})],
		['Up (application cursor keys)', `${ESC}OA`, UP],
		['Left (application cursor keys)', `${ESC}OD`, named({leftArrow: true})],
		['Shift-Up', `${ESC}[1;2A`, named({upArrow: true, shift: true})],
		['Alt-Up', `${ESC}[1;3A`, named({upArrow: true, meta: true})],
		['Ctrl-Up', `${ESC}[1;5A`, named({upArrow: true, ctrl: true})],
		['Ctrl-Shift-Right', `${ESC}[1;6C`, named({rightArrow: true, ctrl: true, shift: true})],
		['Home', `${ESC}[H`, named({home: true})],
		['End', `${ESC}[F`, named({end: true})],
		['Home (application cursor keys)', `${ESC}OH`, named({home: true})],
		['End (application cursor keys)', `${ESC}OF`, named({end: true})],
		['Ctrl-Home', `${ESC}[1;5H`, named({home: true, ctrl: true})],
		['Insert', `${ESC}[2~`, UNNAMED],
		['Delete', `${ESC}[3~`, named({delete: true})],
		['Shift-Delete', `${ESC}[3;2~`, named({delete: true, shift: true})],
		['PgUp', `${ESC}[5~`, named({pageUp: true})],
		['PgDn', `${ESC}[6~`, named({pageDown: true})],
		['Ctrl-PgDn', `${ESC}[6;5~`, named({pageDown: true, ctrl: true})],
		['Shift-Tab', `${ESC}[Z`, named({tab: true, shift: true})],
		['keypad Enter (application keypad)', `${ESC}OM`, ENTER],
		['keypad 5 (Begin)', `${ESC}[E`, UNNAMED],
		['keypad * (application keypad)', `${ESC}Oj`, char('*')],
		['keypad 7 (application keypad)', `${ESC}Ow`, char('7')],
		['F1', `${ESC}OP`, UNNAMED],
		['F4', `${ESC}OS`, UNNAMED],
		['F5', `${ESC}[15~`, UNNAMED],
		['F12', `${ESC}[24~`, UNNAMED],
		['Ctrl-F1', `${ESC}[1;5P`, UNNAMED],
		['Shift-F5', `${ESC}[15;2~`, UNNAMED],
		['Shift-F1 (old xterm)', `${ESC}O2P`, UNNAMED],
		['F1 (vt220 keyboard)', `${ESC}[11~`, UNNAMED],
		['modifyOtherKeys Ctrl-a', `${ESC}[27;5;97~`, ctrl('a')],
		['modifyOtherKeys Ctrl-Enter', `${ESC}[27;5;13~`, named({return: true, ctrl: true})],
		// Not key presses: nothing at all.
		['focus in', `${ESC}[I`, undefined],
		['focus out', `${ESC}[O`, undefined],
		['SGR mouse press', `${ESC}[<0;12;5M`, undefined],
		['SGR mouse release', `${ESC}[<0;12;5m`, undefined],
		['SGR mouse wheel', `${ESC}[<64;120;40M`, undefined],
		['X10 mouse', `${ESC}[M !!`, undefined],
		['X10 mouse (bytes that look like keys)', `${ESC}[M#q\r`, undefined],
		['UTF-8 mouse (mode 1005), far column', `${ESC}[M Ā!`, undefined],
		['urxvt mouse (mode 1015)', `${ESC}[32;120;40M`, undefined],
		['device attributes reply', `${ESC}[?64;1;2;6;22c`, undefined],
		['stray paste end marker', `${ESC}[201~`, undefined],
	]);
});

// tmux input-keys.c: what tmux writes to the pane (TERM=screen or tmux-256color inside).
describe('tmux (TERM=screen, tmux-256color)', () => {
	tableTest([
		['Home', `${ESC}[1~`, named({home: true})],
		['End', `${ESC}[4~`, named({end: true})],
		['Up (cursor key mode)', `${ESC}OA`, UP],
		['Up', `${ESC}[A`, UP],
		['Shift-Down', `${ESC}[1;2B`, named({downArrow: true, shift: true})],
		['Ctrl-Home', `${ESC}[1;5H`, named({home: true, ctrl: true})],
		['PgUp', `${ESC}[5~`, named({pageUp: true})],
		['Alt-PgDn', `${ESC}[6;3~`, named({pageDown: true, meta: true})],
		['Insert', `${ESC}[2~`, UNNAMED],
		['Delete', `${ESC}[3~`, named({delete: true})],
		['BTab', `${ESC}[Z`, named({tab: true, shift: true})],
		['F1', `${ESC}OP`, UNNAMED],
		['F3', `${ESC}OR`, UNNAMED],
		['Ctrl-F3', `${ESC}[1;5R`, UNNAMED],
		['F11', `${ESC}[23~`, UNNAMED],
		['keypad Enter (keypad mode)', `${ESC}OM`, ENTER],
		['keypad 0 (keypad mode)', `${ESC}Op`, char('0')],
		['keypad . (keypad mode)', `${ESC}On`, char('.')],
		['keypad / (keypad mode)', `${ESC}Oo`, char('/')],
		['keypad Enter', '\n', ENTER],
		['extended key Ctrl-Shift-a (csi-u)', `${ESC}[97;6u`, {input: 'a', key: {ctrl: true, shift: true}}],
		['extended key Ctrl-c (xterm format)', `${ESC}[27;5;99~`, ctrl('c')],
		['Backspace', '\u007F', BACKSPACE],
	]);
});

// GNU screen manual, "Input Translation".
describe('GNU screen', () => {
	tableTest([
		['Cursor up', `${ESC}[A`, UP],
		['Cursor up (application mode)', `${ESC}OA`, UP],
		['Cursor right (application mode)', `${ESC}OC`, named({rightArrow: true})],
		['Home', `${ESC}[1~`, named({home: true})],
		['End', `${ESC}[4~`, named({end: true})],
		['Insert', `${ESC}[2~`, UNNAMED],
		['Delete', `${ESC}[3~`, named({delete: true})],
		['Page up', `${ESC}[5~`, named({pageUp: true})],
		['Page down', `${ESC}[6~`, named({pageDown: true})],
		['Function key 0', `${ESC}[10~`, UNNAMED],
		['Function key 1', `${ESC}OP`, UNNAMED],
		['Function key 5', `${ESC}[15~`, UNNAMED],
		['Function key 12', `${ESC}[24~`, UNNAMED],
		['Keypad enter (application mode)', `${ESC}OM`, ENTER],
		['Keypad 9 (application mode)', `${ESC}Oy`, char('9')],
		['Keypad - (application mode)', `${ESC}Om`, char('-')],
		['Keypad , (application mode)', `${ESC}Ol`, char(',')],
	]);
});

// Linux console (defkeymap) and rxvt-unicode (urxvt(7) "Key Codes").
describe('Linux console and rxvt', () => {
	tableTest([
		['console F1', `${ESC}[[A`, UNNAMED],
		['console F5', `${ESC}[[E`, UNNAMED],
		['console Home', `${ESC}[1~`, named({home: true})],
		['console End', `${ESC}[4~`, named({end: true})],
		['rxvt Home', `${ESC}[7~`, named({home: true})],
		['rxvt End', `${ESC}[8~`, named({end: true})],
		['rxvt F1', `${ESC}[11~`, UNNAMED],
		['rxvt Shift-Up', `${ESC}[a`, named({upArrow: true, shift: true})],
		['rxvt Ctrl-Left', `${ESC}Od`, named({leftArrow: true, ctrl: true})],
		['rxvt Ctrl-PgUp', `${ESC}[5^`, named({pageUp: true, ctrl: true})],
		['rxvt Shift-Delete', `${ESC}[3$`, named({delete: true, shift: true})],
		['rxvt Ctrl-Shift-Home', `${ESC}[7@`, named({home: true, ctrl: true, shift: true})],
		['rxvt Shift-F1', `${ESC}[23$`, UNNAMED],
	]);
});

// kitty keyboard protocol: CSI u, the legacy functional keys, progressive enhancements.
describe('kitty keyboard protocol', () => {
	tableTest([
		['Escape', `${ESC}[27u`, ESCAPE],
		['Enter', `${ESC}[13u`, ENTER],
		['Tab', `${ESC}[9u`, named({tab: true})],
		['Shift-Tab', `${ESC}[9;2u`, named({tab: true, shift: true})],
		['Backspace', `${ESC}[127u`, BACKSPACE],
		['Ctrl-Backspace', `${ESC}[127;5u`, named({backspace: true, ctrl: true})],
		['Ctrl-a', `${ESC}[97;5u`, ctrl('a')],
		['Ctrl-c', `${ESC}[99;5u`, ctrl('c')],
		['Alt-j', `${ESC}[106;3u`, {input: 'j', key: {meta: true}}],
		['a (report all keys)', `${ESC}[97u`, char('a')],
		['Shift-a', `${ESC}[97;2u`, char('A')],
		['Shift-a as 65', `${ESC}[65;2u`, char('A')],
		['Shift-a with alternate keys', `${ESC}[97:65;2u`, char('A')],
		['Shift-1 with alternate keys', `${ESC}[49:33;2u`, {input: '!', key: {shift: true}}],
		['Shift-a with associated text', `${ESC}[97;2;65u`, char('A')],
		['Alt-a with associated text å', `${ESC}[97;;229u`, char('å')],
		['text with no key', `${ESC}[0;;228u`, char('ä')],
		['a, repeat event', `${ESC}[97;1:2u`, char('a')],
		['a, release event', `${ESC}[97;1:3u`, undefined],
		['Up, release event', `${ESC}[1;1:3A`, undefined],
		['Ctrl-Up', `${ESC}[1;5A`, named({upArrow: true, ctrl: true})],
		['F1', `${ESC}[P`, UNNAMED],
		['F3', `${ESC}[13~`, UNNAMED],
		['F13', `${ESC}[57376u`, UNNAMED],
		['Home (alternate)', `${ESC}[7~`, named({home: true})],
		['KP_ENTER', `${ESC}[57414u`, ENTER],
		['KP_UP', `${ESC}[57419u`, UP],
		['KP_7', `${ESC}[57406u`, char('7')],
		['KP_BEGIN', `${ESC}[57427~`, UNNAMED],
		['MEDIA_PLAY', `${ESC}[57428u`, UNNAMED],
		['LEFT_SHIFT pressed alone', `${ESC}[57441;2u`, undefined],
		['progressive enhancement reply', `${ESC}[?1u`, undefined],
	]);
});

describe('unknown and malformed sequences', () => {
	tableTest([
		['unknown CSI final byte', `${ESC}[99z`, undefined],
		['unknown CSI with intermediate byte', `${ESC}[1 q`, undefined],
		['unknown SS3', `${ESC}Oz`, undefined],
		['unknown tilde key', `${ESC}[99~`, undefined],
		['unknown kitty code point', `${ESC}[1114112u`, undefined],
		['arrow with a count', `${ESC}[2A`, undefined],
	]);

	it('drops a sequence cut off by a control byte and reads the byte itself', () => {
		expect(tokenize(`${ESC}[1;5\rx`)).toEqual([ENTER, char('x')]);
		expect(tokenize(`${ESC}O5\u007F`)).toEqual([BACKSPACE]);
		expect(tokenize(`${ESC}[12${ESC}[A`)).toEqual([UP]);
	});

	it('reads ESC [ and ESC O followed by a byte that cannot continue them as Escape then text', () => {
		expect(tokenize(`${ESC}[\r`)).toEqual([ESCAPE, char('['), ENTER]);
		expect(tokenize(`${ESC}O\t`)).toEqual([ESCAPE, char('O'), named({tab: true})]);
		expect(tokenize(`${ESC}[é`)).toEqual([ESCAPE, char('['), char('é')]);
	});

	it('never turns a sequence into text', () => {
		const garbage = [`${ESC}[<0;1;1M`, `${ESC}[?1049h`, `${ESC}[>0;276;0c`, `${ESC}[2;3R`, `${ESC}[I`, `${ESC}Oz`, `${ESC}[[Z`];
		const typed = tokenize(garbage.join('')).filter(key => key.input !== '');
		expect(typed).toEqual([]);
	});
});

describe('bursts (several keys in one read)', () => {
	it('splits them into single keys', () => {
		expect(tokenize('\u007F\u007F\u007F')).toEqual([BACKSPACE, BACKSPACE, BACKSPACE]);
		expect(tokenize('\b\b')).toEqual([BACKSPACE, BACKSPACE]);
		expect(tokenize(`${ESC}[B${ESC}[B${ESC}[B\r`)).toEqual([named({downArrow: true}), named({downArrow: true}), named({downArrow: true}), ENTER]);
		expect(tokenize(`n${ESC}[ADeploy\r`)).toEqual([char('n'), UP, ...[...'Deploy'].map(char), ENTER]);
		expect(tokenize(`ab\u0015c${ESC}${ESC}[6~\t`)).toEqual([char('a'), char('b'), ctrl('u'), char('c'), ESCAPE, named({pageDown: true}), named({tab: true})]);
	});

	it('gives each token the bytes it came from', () => {
		const tokens = createTokenizer().push(`j${ESC}[1;5A${ESC}[M !!😀\r`);
		expect(tokens.map(token => token.sequence)).toEqual(['j', `${ESC}[1;5A`, '😀', '\r']);
	});
});

describe('sequences split across chunks', () => {
	it('joins ESC [ and A', () => {
		const tokenizer = createTokenizer();
		expect(tokenizer.push(`${ESC}[`)).toEqual([]);
		expect(tokenizer.pending).toBe(true);
		expect(tokenizer.push('A')).toEqual([{input: '', key: {upArrow: true}, sequence: `${ESC}[A`}]);
		expect(tokenizer.pending).toBe(false);
	});

	it('joins ESC and [5~', () => {
		expect(tokenize(ESC, '[5~')).toEqual([named({pageUp: true})]);
	});

	it('gives the same keys for every split of a burst', () => {
		const burst = `a${ESC}[1;5A${ESC}OP${ESC}[97:65;2u${ESC}[M !!${ESC}[<0;3;4M😀${ESC}[200~p${ESC}[Aq${ESC}[201~${ESC}${ESC}[[A\r`;
		const whole = tokenize(burst);
		expect(whole).toEqual([char('a'), named({upArrow: true, ctrl: true}), UNNAMED, char('A'), char('😀'), pasted(`p${ESC}[Aq`), ESCAPE, UNNAMED, ENTER]);
		for (let cut = 1; cut < burst.length; cut++) expect(tokenize(burst.slice(0, cut), burst.slice(cut))).toEqual(whole);
		expect(tokenize(...burst)).toEqual(whole);
	});
});

describe('flush()', () => {
	it('makes a held ESC [ or ESC O Escape then the character (the user typed them)', () => {
		expect(tokenize(`${ESC}[`)).toEqual([ESCAPE, char('[')]);
		expect(tokenize(`${ESC}O`)).toEqual([ESCAPE, char('O')]);
		expect(tokenize(`x${ESC}[`)).toEqual([char('x'), ESCAPE, char('[')]);
	});

	it('drops a longer truncated sequence rather than typing it', () => {
		expect(tokenize(`${ESC}[1;5`)).toEqual([]);
		expect(tokenize(`${ESC}[<0;12;`)).toEqual([]);
		expect(tokenize(`${ESC}[M `)).toEqual([]);
		expect(tokenize(`${ESC}[[`)).toEqual([]);
		expect(tokenize(`${ESC}O2`)).toEqual([]);
	});

	it('starts afresh: what comes after a flush is read on its own', () => {
		const tokenizer = createTokenizer();
		tokenizer.push(`${ESC}[`);
		expect(tokenizer.flush().map(token => token.input)).toEqual(['', '[']);
		expect(tokenizer.push('A').map(token => token.input)).toEqual(['A']);
	});

	it('gives nothing when nothing is held', () => {
		const tokenizer = createTokenizer();
		expect(tokenizer.pending).toBe(false);
		expect(tokenizer.flush()).toEqual([]);
		tokenizer.push('abc');
		expect(tokenizer.pending).toBe(false);
		expect(tokenizer.flush()).toEqual([]);
	});
});

describe('bracketed paste', () => {
	const START = `${ESC}[200~`;
	const END = `${ESC}[201~`;

	it('is one token with the pasted text, whatever it holds', () => {
		const tokenizer = createTokenizer();
		const text = `q\rn${ESC}[A${ESC}\u0003 😀 ${START}`;
		expect(tokenizer.push(`a${START}${text}${END}b`)).toEqual([
			{input: 'a', key: {}, sequence: 'a'},
			{input: text, key: {}, sequence: `${START}${text}${END}`, paste: true},
			{input: 'b', key: {}, sequence: 'b'},
		]);
		expect(tokenizer.pending).toBe(false);
	});

	it('is held until the end marker when it spans several chunks', () => {
		const tokenizer = createTokenizer();
		expect(tokenizer.push(`${START}hello `)).toEqual([]);
		expect(tokenizer.pending).toBe(true);
		expect(tokenizer.push('wor')).toEqual([]);
		expect(tokenizer.push(`ld${ESC}[20`)).toEqual([]);
		expect(tokenizer.push('1~')).toEqual([{input: 'hello world', key: {}, sequence: `${START}hello world${END}`, paste: true}]);
		expect(tokenizer.pending).toBe(false);
	});

	it('joins markers split anywhere', () => {
		const bytes = `${START}ab${END}`;
		for (let cut = 1; cut < bytes.length; cut++) expect(tokenize(bytes.slice(0, cut), bytes.slice(cut))).toEqual([pasted('ab')]);
	});

	it('on flush() gives the text so far as the paste, and stays in the paste until its end marker', () => {
		const tokenizer = createTokenizer();
		tokenizer.push(`${START}first\r`);
		expect(tokenizer.flush()).toEqual([{input: 'first\r', key: {}, sequence: `${START}first\r`, paste: true}]);
		expect(tokenizer.pending).toBe(true);
		expect(tokenizer.flush()).toEqual([]);
		// What arrives later is still pasted text, never key presses (its \r would be Enter).
		expect(tokenizer.push('q\r')).toEqual([]);
		// Bytes that may start the end marker stay held through a flush.
		expect(tokenizer.push(`${ESC}[20`)).toEqual([]);
		expect(tokenizer.flush()).toEqual([{input: 'q\r', key: {}, sequence: 'q\r', paste: true}]);
		expect(tokenizer.push('1~j')).toEqual([{input: 'j', key: {}, sequence: 'j'}]);
		expect(tokenizer.pending).toBe(false);
	});

	it('gives nothing for an empty paste', () => {
		expect(tokenize(`${START}${END}x`)).toEqual([char('x')]);
	});
});

/**
 * The property: keys drawn from what terminals send, each encoded one of its ways,
 * concatenated, cut into arbitrary chunks, come back exactly (sequences that are
 * not key presses, mixed in, come back as nothing).
 */
describe('any keys, encoded and cut into chunks', () => {
	interface Encoded {
		readonly key: Key | undefined;
		readonly bytes: string;
	}

	const fixed: ReadonlyArray<readonly [Key | undefined, readonly string[]]> = [
		[ENTER, ['\r', '\n', `${ESC}OM`, `${ESC}[13u`, `${ESC}[57414u`]],
		[named({tab: true}), ['\t', `${ESC}[9u`]],
		[named({tab: true, shift: true}), [`${ESC}[Z`, `${ESC}[9;2u`]],
		[BACKSPACE, ['\u007F', '\b', `${ESC}[127u`]],
		[ESCAPE, [ESC, `${ESC}[27u`]],
		[UP, [`${ESC}[A`, `${ESC}OA`, `${ESC}[1;1A`, `${ESC}[57419u`]],
		[named({downArrow: true}), [`${ESC}[B`, `${ESC}OB`]],
		[named({rightArrow: true}), [`${ESC}[C`, `${ESC}OC`]],
		[named({leftArrow: true}), [`${ESC}[D`, `${ESC}OD`, `${ESC}[57417u`]],
		[named({upArrow: true, shift: true}), [`${ESC}[1;2A`, `${ESC}[a`]],
		[named({upArrow: true, ctrl: true}), [`${ESC}[1;5A`, `${ESC}Oa`]],
		[named({upArrow: true, meta: true}), [`${ESC}[1;3A`]],
		[named({home: true}), [`${ESC}[H`, `${ESC}OH`, `${ESC}[1~`, `${ESC}[7~`]],
		[named({end: true}), [`${ESC}[F`, `${ESC}OF`, `${ESC}[4~`, `${ESC}[8~`]],
		[named({pageUp: true}), [`${ESC}[5~`]],
		[named({pageDown: true}), [`${ESC}[6~`]],
		[named({pageUp: true, ctrl: true}), [`${ESC}[5;5~`, `${ESC}[5^`]],
		[named({delete: true}), [`${ESC}[3~`]],
		[UNNAMED, [`${ESC}[2~`, `${ESC}OP`, `${ESC}[11~`, `${ESC}[[A`, `${ESC}[15~`, `${ESC}[24~`, `${ESC}[1;5P`, `${ESC}O2P`, `${ESC}[P`, `${ESC}[57376u`]],
		[char('a'), ['a', `${ESC}[97u`]],
		[char('A'), ['A', `${ESC}[97;2u`, `${ESC}[97:65;2u`]],
		[char('*'), ['*', `${ESC}Oj`]],
		[
			undefined,
			[`${ESC}[I`, `${ESC}[O`, `${ESC}[<0;12;5M`, `${ESC}[<0;12;5m`, `${ESC}[M !!`, `${ESC}[?1u`, `${ESC}[97;1:3u`, `${ESC}[57441;2u`, `${ESC}[201~`],
		],
	];
	const fixedKeys = fc.constantFrom(...fixed).chain(([key, encodings]) => fc.constantFrom(...encodings).map((bytes): Encoded => ({key, bytes})));

	const ctrlLetters = fc
		.integer({min: 1, max: 26})
		.filter(code => ![8, 9, 10, 13].includes(code))
		.chain(code => {
			const letter = String.fromCharCode(0x60 + code);
			return fc
				.constantFrom(String.fromCharCode(code), `${ESC}[${0x60 + code};5u`, `${ESC}[27;5;${0x60 + code}~`)
				.map((bytes): Encoded => ({key: ctrl(letter), bytes}));
		});

	const textCodePoint = fc.oneof(
		// Characters that also occur inside sequences, typed right after one (or after Escape).
		fc.constantFrom(...[...'[O~;:0123456789ABMPu<?$^@'].map(char => char.codePointAt(0)!)),
		fc.integer({min: 0x20, max: 0x7e}),
		fc.integer({min: 0xa0, max: 0x10_ffff}).filter(code => code < 0xd800 || code > 0xdfff),
	);
	const printable = textCodePoint.map((code): Encoded => {
		const input = String.fromCodePoint(code);
		return {key: char(input), bytes: input};
	});

	const pasteText = fc
		.string({unit: fc.constantFrom('a', 'Z', ' ', '\r', '\n', ESC, '[', 'O', '2', '0', '1', '~', '😀', 'é'), minLength: 1, maxLength: 20})
		.filter(text => !text.includes(`${ESC}[201~`));
	const paste = pasteText.map((text): Encoded => ({key: pasted(text), bytes: `${ESC}[200~${text}${ESC}[201~`}));

	// A bare Escape often, so that it meets every other key, and the two characters that could continue it.
	const bareEscape = fc.constant<Encoded>({key: ESCAPE, bytes: ESC});
	const bracketOrO = fc.constantFrom<Encoded>({key: char('['), bytes: '['}, {key: char('O'), bytes: 'O'});
	const anyKey = fc.oneof(fixedKeys, ctrlLetters, printable, paste, bareEscape, bracketOrO);
	/** The one ambiguity: a bare ESC right before `[` or `O` starts a sequence, so that Escape is sent kitty's way. */
	const unambiguous = (keys: Encoded[]): Encoded[] =>
		keys.map((encoded, index) => (encoded.bytes === ESC && /^[[O]/.test(keys[index + 1]?.bytes ?? '') ? {...encoded, bytes: `${ESC}[27u`} : encoded));
	const encodedKeys = fc.array(anyKey, {maxLength: 30}).map(unambiguous);

	it('gives back exactly the keys, with their bytes', () => {
		fc.assert(
			fc.property(encodedKeys, fc.array(fc.nat(), {maxLength: 12}), (keys, cuts) => {
				const bytes = keys.map(encoded => encoded.bytes).join('');
				const points = [...new Set(cuts.map(cut => cut % (bytes.length + 1)))].sort((a, b) => a - b);
				const chunks = [0, ...points].map((start, index) => bytes.slice(start, [...points, bytes.length][index]));
				const tokenizer = createTokenizer();
				const tokens = [...chunks.flatMap(chunk => tokenizer.push(chunk)), ...tokenizer.flush()];
				const expected = keys.filter(encoded => encoded.key !== undefined);
				expect(tokens.map(({sequence: _sequence, ...key}) => key)).toEqual(expected.map(encoded => encoded.key));
				expect(tokens.map(token => token.sequence)).toEqual(expected.map(encoded => encoded.bytes));
				expect(tokenizer.pending).toBe(false);
			}),
			{numRuns: 500},
		);
	});
});
