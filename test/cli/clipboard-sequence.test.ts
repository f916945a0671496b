// OSC 52 carries the text base64-encoded: hostile text (ESC, BEL, a whole escape sequence) never
// reaches the terminal as bytes. Under tmux the sequence goes out plain and in the passthrough envelope.
import {describe, expect, it} from 'vitest';
import {clipboardSequence} from '../../source/cli/clipboard-sequence.js';
import {hyperlinksSupported} from '../../source/cli/hyperlink-support.js';

const CONTROLS = /[\u0000-\u0006\u0008-\u001A\u001C-\u001F\u007F-\u009F]/;

describe('clipboardSequence', () => {
	it('is OSC 52 with the base64 text, BEL-terminated', () => {
		expect(clipboardSequence('héllo')).toBe(`\u001B]52;c;${Buffer.from('héllo').toString('base64')}\u0007`);
	});

	it('hostile text stays inside: exactly one ESC and one BEL, and the payload decodes back to the text', () => {
		const hostile = 'id\u001B]0;pwned\u0007\u001B[2J\u009B31m\n';
		const sequence = clipboardSequence(hostile);
		expect([...sequence].filter(char => char === '\u001B')).toHaveLength(1);
		expect([...sequence].filter(char => char === '\u0007')).toHaveLength(1);
		expect(sequence).not.toMatch(CONTROLS);
		const payload = /^\u001B\]52;c;([A-Za-z\d+/=]+)\u0007$/.exec(sequence)![1]!;
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(hostile);
	});

	it('under tmux: as it is (set-clipboard), then wrapped for passthrough with ESC doubled', () => {
		const plain = clipboardSequence('x');
		expect(clipboardSequence('x', true)).toBe(`${plain}\u001BPtmux;${plain.replaceAll('\u001B', '\u001B\u001B')}\u001B\\`);
	});
});

describe('hyperlinksSupported', () => {
	it('is on in terminals known to show OSC 8 and off elsewhere', () => {
		expect(hyperlinksSupported({TERM_PROGRAM: 'iTerm.app'})).toBe(true);
		expect(hyperlinksSupported({TERM_PROGRAM: 'WezTerm'})).toBe(true);
		expect(hyperlinksSupported({WT_SESSION: 'abc'})).toBe(true);
		expect(hyperlinksSupported({VTE_VERSION: '6003'})).toBe(true);
		expect(hyperlinksSupported({VTE_VERSION: '4601'})).toBe(false);
		expect(hyperlinksSupported({TERM: 'xterm-kitty'})).toBe(true);
		expect(hyperlinksSupported({TERM: 'xterm-256color'})).toBe(false);
		expect(hyperlinksSupported({TERM_PROGRAM: 'Apple_Terminal'})).toBe(false);
		expect(hyperlinksSupported({})).toBe(false);
	});

	it('inside tmux only from tmux 3.4, which passes OSC 8 on (the outer terminal is not known from inside)', () => {
		expect(hyperlinksSupported({TMUX: '/tmp/tmux-1/default,1,0', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.4'})).toBe(true);
		expect(hyperlinksSupported({TMUX: '/tmp/tmux-1/default,1,0', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '3.3a'})).toBe(false);
		expect(hyperlinksSupported({TMUX: '/tmp/tmux-1/default,1,0', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: 'next-3.5'})).toBe(false);
		expect(hyperlinksSupported({TMUX: '/tmp/tmux-1/default,1,0', TERM_PROGRAM: 'tmux', TERM_PROGRAM_VERSION: '10.0'})).toBe(true);
	});

	it('SSMTOP_HYPERLINKS forces them off or on', () => {
		expect(hyperlinksSupported({TERM_PROGRAM: 'iTerm.app', SSMTOP_HYPERLINKS: '0'})).toBe(false);
		expect(hyperlinksSupported({SSMTOP_HYPERLINKS: '1'})).toBe(true);
	});
});
