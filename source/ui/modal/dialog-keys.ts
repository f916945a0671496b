/**
 * The dialogs' way into the keymap: a key press resolved for what has the keys
 * inside the dialog (its DialogFocus), and hint lines generated from the same
 * bindings, so a dialog key cannot work without being in KEYMAP and the help.
 */
import {KEY_REF} from '../../core/dialogs/key-ref.js';
import type {StartFormState} from '../../core/dialogs/start-form-state.js';
import {startFocus} from '../../core/dialogs/start-form-transition.js';
import {bindingOf, formatKey, hintLine, resolveKey, type Command, type DialogFocus, type KeyContext, type KeyPress} from '../keymap.js';

/** A key context for an open action dialog; the screen behind it does not matter to its keys. */
export function dialogContext(dialog: DialogFocus): KeyContext {
	return {screen: 'list', modal: 'start', filterPrompt: false, readOnly: false, dialog};
}

export function resolveDialogKey(input: string, key: KeyPress, dialog: DialogFocus): Command | undefined {
	return resolveKey(input, key, dialogContext(dialog));
}

/** "key: label · key: label" for these commands as the keymap binds them with this focus (see hintLine). */
export function dialogHint(dialog: DialogFocus, commands: readonly Command[], labels: Partial<Record<Command, string>> = {}, ascii = false): string {
	return hintLine(dialogContext(dialog), commands, {labels, ascii});
}

/** The hint under a list of options (stop types, signals). */
export function chooseHint(ascii = false): string {
	return dialogHint(
		'list',
		['list.up', 'list.down', 'modal.confirm', 'modal.close'],
		{'list.up': 'choose', 'list.down': 'choose', 'modal.confirm': 'continue', 'modal.close': 'close'},
		ascii,
	);
}

/** The first key of a command with this focus, for hints inside a field's text ("↑/↓ pick"); '' when it has none there. */
export function dialogKey(command: Command, dialog: DialogFocus, ascii = false): string {
	const first = bindingOf(command, dialogContext(dialog))?.keys[0];
	return first ? formatKey(first, ascii) : '';
}

/** A dialog text with each `{command@focus}` (core/dialogs/key-ref.ts) replaced by that command's key. */
export function fillKeyRefs(text: string, ascii = false): string {
	if (!text.includes('{')) return text;
	return text.replaceAll(KEY_REF, (whole, command: string, focus: string) => dialogKey(command as Command, focus as DialogFocus, ascii) || whole);
}

/** The keymap commands the start dialog's hint line offers with this focus. */
export function startHint(state: StartFormState, ascii = false): string {
	const focus = startFocus(state);
	if (focus === 'question')
		return state.confirmingStart
			? dialogHint(focus, ['confirm.yes', 'confirm.no'], {'confirm.yes': 'start it', 'confirm.no': 'back'}, ascii)
			: dialogHint(focus, ['confirm.yes', 'confirm.no'], {'confirm.yes': 'discard', 'confirm.no': 'keep editing'}, ascii);
	return dialogHint(
		focus,
		['modal.next', 'modal.previous', 'list.up', 'list.down', 'modal.confirm', 'choice.previous', 'choice.next', 'form.copy', 'modal.close'],
		{'modal.next': 'field', 'modal.previous': 'field', 'modal.close': 'cancel'},
		ascii,
	);
}
