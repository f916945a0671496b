// Dialog keys go through the keymap: resolveKey with a DialogFocus, and hint lines generated from the same bindings.
import {describe, expect, it} from 'vitest';
import {
	activeScopes,
	DIALOG_SCOPES,
	hintLine,
	KEYMAP,
	keysMarkdownTable,
	resolveKey,
	type Command,
	type DialogFocus,
	type KeyContext,
	type KeyPress,
} from '../../source/ui/keymap.js';
import {chooseHint, dialogContext, dialogHint, resolveDialogKey} from '../../source/ui/modal/dialog-keys.js';

const FOCUSES: readonly DialogFocus[] = ['fields', 'list', 'text', 'text-list', 'choice', 'review', 'question'];
const in_ = (dialog: DialogFocus): KeyContext => ({screen: 'list', modal: 'stop', filterPrompt: false, readOnly: false, dialog});

describe('dialog keys through resolveKey', () => {
	it.each<[string, string, KeyPress, DialogFocus, Command | undefined]>([
		// Navigation, with any focus but a question.
		['Esc cancels', '', {escape: true, meta: true}, 'fields', 'modal.close'],
		['Tab: next field', '', {tab: true}, 'text', 'modal.next'],
		['Shift-Tab: previous field', '', {tab: true, shift: true}, 'choice', 'modal.previous'],
		['↓ on a button: next field', '', {downArrow: true}, 'fields', 'modal.next'],
		['↑ in a text field: previous field', '', {upArrow: true}, 'text', 'modal.previous'],
		['Enter on a button', '', {return: true}, 'fields', 'modal.confirm'],
		['Enter in a text field', '', {return: true}, 'text', 'modal.confirm'],
		['q is not quit', 'q', {}, 'fields', undefined],
		['Ctrl-C quits', 'c', {ctrl: true}, 'fields', 'quit.force'],
		// Lists: ↑/↓ move in the list instead of between fields.
		['↑ in a list', '', {upArrow: true}, 'list', 'list.up'],
		['↓ in a list', '', {downArrow: true}, 'list', 'list.down'],
		['Tab in a list still moves on', '', {tab: true}, 'list', 'modal.next'],
		['↓ in the runbook search', '', {downArrow: true}, 'text-list', 'list.down'],
		['typing in the runbook search', 'j', {}, 'text-list', 'text.type'],
		// Choices and yes/no fields.
		['← on a choice', '', {leftArrow: true}, 'choice', 'choice.previous'],
		['→ on a choice', '', {rightArrow: true}, 'choice', 'choice.next'],
		['Space on a choice', ' ', {}, 'choice', 'choice.open'],
		['← on a button does nothing', '', {leftArrow: true}, 'fields', undefined],
		['Space on a button does nothing', ' ', {}, 'fields', undefined],
		// Text fields: editing keys, and printable keys are text.
		['Backspace (DEL)', '', {delete: true}, 'text', 'text.deleteChar'],
		['Backspace (BS)', '', {backspace: true}, 'text', 'text.deleteChar'],
		['← moves the cursor', '', {leftArrow: true}, 'text', 'text.left'],
		['→ moves the cursor', '', {rightArrow: true}, 'text', 'text.right'],
		['Home', '', {home: true}, 'text', 'text.home'],
		['Ctrl-A', 'a', {ctrl: true}, 'text', 'text.home'],
		['End', '', {end: true}, 'text', 'text.end'],
		['Ctrl-E', 'e', {ctrl: true}, 'text', 'text.end'],
		['Ctrl-U clears', 'u', {ctrl: true}, 'text', 'text.clear'],
		['a letter is text', 'y', {}, 'text', 'text.type'],
		['a capital is text', 'Q', {shift: true}, 'text', 'text.type'],
		['a space is text', ' ', {}, 'text', 'text.type'],
		['a paste is text', 'i-1, i-2', {}, 'text', 'text.type'],
		['c is text, not copy', 'c', {}, 'text', 'text.type'],
		['Ctrl-K is nothing', 'k', {ctrl: true}, 'text', undefined],
		['Alt-x is nothing', 'x', {meta: true}, 'text', undefined],
		['PgDn is nothing', '', {pageDown: true}, 'text', undefined],
		['Ctrl-C still quits', 'c', {ctrl: true}, 'text', 'quit.force'],
		// The review step.
		['c copies on the review', 'c', {}, 'review', 'form.copy'],
		['Enter presses on the review', '', {return: true}, 'review', 'modal.confirm'],
		['Ctrl-C on the review quits', 'c', {ctrl: true}, 'review', 'quit.force'],
		// y/n questions: only y, n and Esc.
		['y', 'y', {}, 'question', 'confirm.yes'],
		['Y', 'Y', {shift: true}, 'question', 'confirm.yes'],
		['n', 'n', {}, 'question', 'confirm.no'],
		['N', 'N', {shift: true}, 'question', 'confirm.no'],
		['Esc answers no', '', {escape: true, meta: true}, 'question', 'confirm.no'],
		['Enter is no answer', '', {return: true}, 'question', undefined],
		['Tab is no answer', '', {tab: true}, 'question', undefined],
		['Ctrl-C in a question quits', 'c', {ctrl: true}, 'question', 'quit.force'],
	])('%s', (_name, input, press, dialog, expected) => {
		expect(resolveKey(input, press, in_(dialog))).toBe(expected);
		expect(resolveDialogKey(input, press, dialog)).toBe(expected);
	});

	it('is plain dialog navigation when the store alone is asked (no focus), and never for screens', () => {
		expect(activeScopes({screen: 'list', modal: 'signal', filterPrompt: false, readOnly: false})).toEqual(['modal']);
		expect(activeScopes({screen: 'detail', modal: 'none', filterPrompt: false, readOnly: false, dialog: 'text'})).toEqual(['detail', 'global']);
		expect(resolveKey('y', {}, {screen: 'list', modal: 'start', filterPrompt: false, readOnly: false})).toBeUndefined();
	});

	it('has no two bindings for the same key in one scope, for every focus', () => {
		for (const focus of FOCUSES) {
			for (const scope of activeScopes(dialogContext(focus))) {
				const seen = new Set<string>();
				for (const binding of KEYMAP.filter(b => b.scopes.includes(scope)))
					for (const spec of binding.keys) {
						const id = JSON.stringify(spec);
						expect(seen.has(id), `${id} twice in ${scope}`).toBe(false);
						seen.add(id);
					}
			}
		}
	});

	it('puts every dialog scope under some focus, and every dialog binding in the README table', () => {
		const reachable = new Set(FOCUSES.flatMap(focus => activeScopes(dialogContext(focus))));
		expect([...reachable].sort()).toEqual([...DIALOG_SCOPES].sort());
		const table = keysMarkdownTable();
		expect(table).toContain('| `y` `Y` | y/n questions | y/n question: yes |');
		expect(table).toContain('| `Home` `Ctrl-A` | text fields | Text: to the start |');
		expect(table).toContain('| `Space` | choice and yes/no fields |');
	});
});

describe('dialog hint lines come from the keymap', () => {
	it('take each command’s first key and label, merging neighbours with one label', () => {
		expect(hintLine(in_('list'), ['list.up', 'list.down', 'modal.confirm', 'modal.close'])).toBe('↑/↓: move · Enter: choose · Esc: cancel');
		expect(chooseHint()).toBe('↑/↓: choose · Enter: continue · Esc: close');
		expect(chooseHint(true)).toBe('Up/Down: choose · Enter: continue · Esc: close');
	});

	it('leave out commands that do not work with this focus', () => {
		expect(dialogHint('text', ['modal.next', 'choice.previous', 'choice.next', 'form.copy', 'modal.close'])).toBe('Tab: next field · Esc: cancel');
		expect(dialogHint('choice', ['choice.previous', 'choice.next'], {'choice.previous': 'change', 'choice.next': 'change'})).toBe('←/→: change');
		expect(dialogHint('question', ['modal.close', 'confirm.yes', 'confirm.no'])).toBe('y: yes · n: no');
	});

	it('follow the keymap when a binding’s keys change', () => {
		const binding = KEYMAP.find(b => b.command === 'confirm.yes')!;
		const keys = binding.keys;
		try {
			(binding as {keys: typeof keys}).keys = [{input: 'j'}];
			expect(dialogHint('question', ['confirm.yes', 'confirm.no'])).toBe('j: yes · n: no');
		} finally {
			(binding as {keys: typeof keys}).keys = keys;
		}
	});
});
