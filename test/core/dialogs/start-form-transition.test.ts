// The start dialog's keys go through the keymap: its focus picks the scopes, its hint line is the keymap's.
import {describe, expect, it} from 'vitest';
import {startCommand as handleStartCommand, startFocus} from '../../../source/core/dialogs/start-form-transition.js';
import {newStartForm, type StartFormState} from '../../../source/core/dialogs/start-form-state.js';
import type {KeyPress} from '../../../source/ui/keymap.js';
import {resolveDialogKey, startHint} from '../../../source/ui/modal/dialog-keys.js';

const form = (overrides: Partial<StartFormState> = {}): StartFormState => ({...newStartForm({id: 1, regions: ['us-east-1'], clientToken: 't'}), ...overrides});

/** A key as the dispatcher hands it over: resolved by the keymap with the form's focus. */
const handleStartKey = (state: StartFormState, input: string, key: KeyPress) =>
	handleStartCommand(state, resolveDialogKey(input, key, startFocus(state)), input);

describe('start form focus and hints', () => {
	it('starts in the runbook search: text, with ↑/↓ in the matches', () => {
		const state = form();
		expect(startFocus(state)).toBe('text-list');
		expect(startHint(state)).toBe('Tab/Shift-Tab: field · ↑/↓: move · Enter: choose · Esc: cancel');
	});

	it('on the owner choice offers ←/→ and on a question only y and n', () => {
		const owner = form({focus: 0});
		expect(startFocus(owner)).toBe('choice');
		expect(startHint(owner)).toBe('Tab/Shift-Tab: field · Enter: choose · ←/→: change · Esc: cancel');
		const asking = form({confirmingCancel: true});
		expect(startFocus(asking)).toBe('question');
		expect(startHint(asking)).toBe('y: discard · n: keep editing');
		expect(startHint(asking, true)).toBe('y: discard · n: keep editing');
	});

	it('types into the search through the keymap, and Esc on a dirty form asks first', () => {
		let state = form();
		for (const char of 'run') state = handleStartKey(state, char, {}).state;
		expect(state.query).toBe('run');
		state = handleStartKey(state, '', {leftArrow: true}).state;
		state = handleStartKey(state, 'x', {}).state;
		expect(state.query).toBe('ruxn');
		state = handleStartKey(state, 'u', {ctrl: true}).state;
		expect(state.query).toBe('');
		const asked = handleStartKey({...state, dirty: true}, '', {escape: true, meta: true});
		expect(asked.state.confirmingCancel).toBe(true);
		expect(handleStartKey(asked.state, 'Y', {shift: true}).outcome).toEqual({kind: 'close'});
		expect(handleStartKey(asked.state, 'n', {}).state.confirmingCancel).toBe(false);
		// Anything else leaves the question open.
		expect(handleStartKey(asked.state, 'q', {}).state.confirmingCancel).toBe(true);
	});

	it('→ cycles a choice; the same command on a text field moves the cursor', () => {
		const owner = form({focus: 0});
		expect(handleStartCommand(owner, 'choice.next', '').state.owner).not.toBe(owner.owner);
		expect(handleStartCommand(owner, 'choice.next', '').effects).toEqual([{kind: 'listDocuments', dialogId: 1, region: 'us-east-1', owner: 'Self'}]);
		expect(handleStartKey(owner, '', {rightArrow: true}).state.owner).not.toBe(owner.owner);
		const typed = form({query: 'ab', cursor: 0});
		expect(handleStartKey(typed, '', {rightArrow: true}).state.cursor).toBe(1);
	});
});
