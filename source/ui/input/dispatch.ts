/**
 * The one key dispatcher: each key goes to the top layer only — the open dialog, else the help
 * overlay, else the filter prompt, else the screen — resolved through the keymap in that layer's
 * scopes. A key never reaches a layer below the top one, so Esc closes only what is on top.
 * It reads store.getState() for every key, so keys that arrive together (one read, several keys)
 * each see the state the previous one left.
 */
import type {AppState, AppStore} from '../../store/app-store.js';
import {READ_ONLY_REFUSAL, selectDialogFocus} from '../../store/dialog-actions.js';
import {bindingOf, resolveKey, type KeyContext} from '../keymap.js';
import {keyContextOf} from './key-context.js';
import {runCommand, type CommandEffects} from './run-command.js';
import type {KeyToken} from './tokenizer.js';

export type Layer = 'dialog' | 'help' | 'notices' | 'filter-prompt' | 'screen';

/** The layer that has the keys now: exactly one. */
export function topLayer(state: AppState): Layer {
	if (state.modal.kind === 'help') return 'help';
	if (state.modal.kind === 'notices') return 'notices';
	if (state.modal.kind !== 'none') return 'dialog';
	if (state.filterDraft !== undefined) return 'filter-prompt';
	return 'screen';
}

/** The key context of the top layer, a dialog's focus included. */
export function dispatchContext(state: AppState): KeyContext {
	const context = keyContextOf(state);
	const dialog = selectDialogFocus(state);
	return dialog === undefined ? context : {...context, dialog};
}

function dispatchPaste(store: AppStore, text: string, effects: CommandEffects): void {
	const state = store.getState();
	const context = dispatchContext(state);
	const layer = topLayer(state);
	// Pasted text is text: it fills the field that has the keys, and is never taken as key presses.
	if (layer === 'dialog' && (context.dialog === 'text' || context.dialog === 'text-list')) state.actions.dialogCommand('text.type', text);
	else if (layer === 'filter-prompt') runCommand('filter.type', text, store, effects);
	else state.actions.flashShown('Pasted text ignored: there is no text field here');
}

/** The notifications pane's keys: move, open the execution (and close), close. */
function noticesCommand(store: AppStore, command: string): void {
	const state = store.getState();
	const {actions} = state;
	if (command === 'cursor.up' || command === 'cursor.down') actions.noticeCursorMoved(command === 'cursor.up' ? -1 : 1);
	else if (command === 'notices.close') actions.modalClosed();
	else if (command === 'suspend') actions.effectRequested({kind: 'suspend'});
	else if (command === 'open' && state.modal.kind === 'notices') {
		const notice = state.notices[state.modal.cursor];
		actions.modalClosed();
		if (notice && (state.executions[notice.executionId] ?? state.details[notice.executionId])) actions.screenOpened('detail', notice.executionId);
		else if (notice) actions.flashShown(`${notice.executionId} is no longer listed`);
	}
}

export function dispatchKey(store: AppStore, token: KeyToken, effects: CommandEffects): void {
	if (token.paste) {
		dispatchPaste(store, token.input, effects);
		return;
	}
	const state = store.getState();
	const {actions} = state;
	const context = dispatchContext(state);
	const command = resolveKey(token.input, token.key, context);
	// A flash message lasts until the next key.
	if (state.flash !== undefined && command !== 'refresh' && command !== 'pause') actions.flashShown(undefined);
	if (command === 'quit.force') {
		effects.exit();
		return;
	}
	if (command === undefined) {
		// A key --read-only hides: say why it does nothing rather than nothing at all.
		const hidden = context.readOnly ? resolveKey(token.input, token.key, {...context, readOnly: false}) : undefined;
		if (hidden !== undefined && bindingOf(hidden, {...context, readOnly: false})?.mutating) actions.flashShown(READ_ONLY_REFUSAL);
		return;
	}
	switch (topLayer(state)) {
		case 'dialog':
			if (command === 'suspend') actions.effectRequested({kind: 'suspend'});
			else actions.dialogCommand(command, token.input);
			return;
		case 'help':
			if (command === 'help.close') actions.modalClosed();
			else if (command === 'suspend') actions.effectRequested({kind: 'suspend'});
			return;
		case 'notices':
			noticesCommand(store, command);
			return;
		default:
			runCommand(command, token.input, store, effects);
	}
}
