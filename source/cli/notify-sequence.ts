/**
 * What a notification writes to the terminal: the bell, and for `--notify desktop` the two desktop
 * notification sequences terminals understand (OSC 9: iTerm2, WezTerm, Windows Terminal, foot; OSC
 * 777: urxvt, VTE terminals, kitty, Ghostty). Inside tmux each escape sequence is wrapped for
 * passthrough (tmux ≥ 3.3 with `set -g allow-passthrough on`); tmux passes the bell on by itself.
 * The text comes from AWS, so it is made visible first: it can never end the sequence early.
 */
import {visibleText} from '../core/visible-text.js';

export type NotifyMode = 'off' | 'bell' | 'desktop';

export const NOTIFY_MODES: readonly NotifyMode[] = ['off', 'bell', 'desktop'];

const BEL = '\u0007';
const ESC = '\u001B';

/** tmux's passthrough envelope: ESC P tmux; …ESC doubled… ESC \ */
export function tmuxPassthrough(sequence: string): string {
	return `${ESC}Ptmux;${sequence.replaceAll(ESC, ESC + ESC)}${ESC}\\`;
}

export function notificationSequence(mode: NotifyMode, title: string, body: string, inTmux: boolean): string {
	if (mode === 'off') return '';
	if (mode === 'bell') return BEL;
	// One line each; OSC 777 separates its fields with ';', so the title may not hold one.
	const safeTitle = visibleText(title, {oneLine: true}).replaceAll(';', ',');
	const safeBody = visibleText(body, {oneLine: true});
	const wrap = (sequence: string): string => (inTmux ? tmuxPassthrough(sequence) : sequence);
	// OSC 9 takes one text; "9;4;…" would be a progress report to some terminals, hence the title first.
	return `${BEL}${wrap(`${ESC}]9;${safeTitle}: ${safeBody}${BEL}`)}${wrap(`${ESC}]777;notify;${safeTitle};${safeBody}${BEL}`)}`;
}
