/**
 * A key named inside a dialog's text (a field hint, a placeholder) by the command it gives, so the
 * text stays in core while the key itself comes from the one keymap: the view fills each
 * `{command@focus}` in with that command's first key for that focus (ui/modal/dialog-keys.ts).
 */
import type {Command, DialogFocus} from '../commands.js';

export function keyRef(command: Command, focus: DialogFocus): string {
	return `{${command}@${focus}}`;
}

/** Matches one key reference: the command, then the focus. */
export const KEY_REF = /\{([a-z.A-Z]+)@([a-z-]+)\}/g;
