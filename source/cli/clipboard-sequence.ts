/**
 * OSC 52: the terminal puts text on the clipboard (`ESC ] 52 ; c ; base64 BEL`). It works over SSH,
 * because the terminal, not the host, owns the clipboard. The text travels base64-encoded, so
 * whatever it holds (ESC, BEL, a whole escape sequence from AWS) can never end the sequence early.
 *
 * Inside tmux ($TMUX) it is written twice: as it is, which tmux takes when `set-clipboard` is on
 * (tmux then keeps it as a paste buffer and sets the outer terminal's clipboard), and wrapped for
 * passthrough, which reaches the outer terminal when `allow-passthrough` is on. With both on the
 * outer clipboard is set twice to the same text.
 */
import {tmuxPassthrough} from './notify-sequence.js';

export function clipboardSequence(text: string, inTmux = false): string {
	const sequence = `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
	return inTmux ? sequence + tmuxPassthrough(sequence) : sequence;
}
