import {describe, expect, it} from 'vitest';
import {
	activeScopes,
	bindingsFor,
	KEYMAP,
	keysMarkdownTable,
	resolveKey,
	type Command,
	type KeyContext,
	type KeyPress,
	type Scope,
} from '../../source/ui/keymap.js';

const list: KeyContext = {screen: 'list', modal: 'none', filterPrompt: false, readOnly: false};
const at = (overrides: Partial<KeyContext>): KeyContext => ({...list, ...overrides});
/** A dialog focus under which each dialog scope is the first one looked at. */
const DIALOG_FOCUS: Partial<Record<Scope, Pick<KeyContext, 'dialog'>>> = {
	modal: {},
	'modal-list': {dialog: 'list'},
	'modal-choice': {dialog: 'choice'},
	'text-field': {dialog: 'text'},
	'modal-review': {dialog: 'review'},
	'modal-confirm': {dialog: 'question'},
};

describe('resolveKey', () => {
	it.each<[string, string, KeyPress, KeyContext, Command | undefined]>([
		['j on the list', 'j', {}, list, 'cursor.down'],
		['↓ on the list', '', {downArrow: true}, list, 'cursor.down'],
		['k', 'k', {}, list, 'cursor.up'],
		['↑', '', {upArrow: true}, list, 'cursor.up'],
		['PgDn', '', {pageDown: true}, list, 'cursor.pageDown'],
		['PgUp', '', {pageUp: true}, list, 'cursor.pageUp'],
		['g', 'g', {}, list, 'cursor.top'],
		['Home', '', {home: true}, list, 'cursor.top'],
		['G', 'G', {shift: true}, list, 'cursor.bottom'],
		['End', '', {end: true}, list, 'cursor.bottom'],
		['Enter on the list', '', {return: true}, list, 'open'],
		['Esc on the list clears the filter', '', {escape: true, meta: true}, list, 'filter.clear'],
		['Esc on detail goes back', '', {escape: true, meta: true}, at({screen: 'detail'}), 'back'],
		['Backspace (DEL) on detail goes back', '', {delete: true}, at({screen: 'detail'}), 'back'],
		['Backspace (BS) on location goes back', '', {backspace: true}, at({screen: 'location'}), 'back'],
		['Tab on detail', '', {tab: true}, at({screen: 'detail'}), 'pane.next'],
		['Tab on the list does nothing', '', {tab: true}, list, undefined],
		['h on the grid', 'h', {}, at({screen: 'grid'}), 'cursor.left'],
		['→ on the grid', '', {rightArrow: true}, at({screen: 'grid'}), 'cursor.right'],
		['h on the list does nothing', 'h', {}, list, undefined],
		['/', '/', {}, list, 'filter.open'],
		['s', 's', {}, list, 'sort.next'],
		['S', 'S', {shift: true}, list, 'sort.reverse'],
		['1', '1', {}, list, 'quick.running'],
		['2', '2', {}, list, 'quick.waiting'],
		['3', '3', {}, list, 'quick.problem'],
		['4', '4', {}, list, 'quick.success'],
		['5', '5', {}, list, 'quick.cancelled'],
		['0', '0', {}, list, 'quick.clear'],
		['n', 'n', {}, list, 'run.start'],
		['R', 'R', {shift: true}, at({screen: 'detail'}), 'run.rerun'],
		['x', 'x', {}, at({screen: 'grid'}), 'run.stop'],
		['a', 'a', {}, list, 'run.signal'],
		['r', 'r', {}, list, 'refresh'],
		['p', 'p', {}, at({screen: 'location'}), 'pause'],
		['?', '?', {}, list, 'help'],
		['q', 'q', {}, list, 'quit'],
		['Ctrl-C', 'c', {ctrl: true}, list, 'quit.force'],
		['c without ctrl', 'c', {}, list, undefined],
		['read-only hides n', 'n', {}, at({readOnly: true}), undefined],
		['read-only hides x', 'x', {}, at({readOnly: true, screen: 'detail'}), undefined],
		['read-only keeps r', 'r', {}, at({readOnly: true}), 'refresh'],
		['prompt: letters are text', 'q', {}, at({filterPrompt: true}), 'filter.type'],
		['prompt: digits are text', '3', {}, at({filterPrompt: true}), 'filter.type'],
		['prompt: Enter applies', '', {return: true}, at({filterPrompt: true}), 'filter.apply'],
		['prompt: Esc cancels', '', {escape: true, meta: true}, at({filterPrompt: true}), 'filter.cancel'],
		['prompt: Backspace deletes', '', {delete: true}, at({filterPrompt: true}), 'filter.deleteChar'],
		['prompt: Ctrl-U clears', 'u', {ctrl: true}, at({filterPrompt: true}), 'filter.clearDraft'],
		['prompt: arrows are ignored', '', {upArrow: true}, at({filterPrompt: true}), undefined],
		['prompt: Ctrl-C still quits', 'c', {ctrl: true}, at({filterPrompt: true}), 'quit.force'],
		['help: Esc closes', '', {escape: true, meta: true}, at({modal: 'help'}), 'help.close'],
		['help: ? closes', '?', {}, at({modal: 'help'}), 'help.close'],
		['help: q closes rather than quits', 'q', {}, at({modal: 'help'}), 'help.close'],
		['help: j does nothing', 'j', {}, at({modal: 'help'}), undefined],
		['dialog: q is not quit', 'q', {}, at({modal: 'start'}), undefined],
		['dialog: Esc', '', {escape: true, meta: true}, at({modal: 'stop'}), 'modal.close'],
		['dialog: Tab', '', {tab: true}, at({modal: 'start'}), 'modal.next'],
		['dialog: Shift-Tab', '', {tab: true, shift: true}, at({modal: 'start'}), 'modal.previous'],
		['dialog: Enter', '', {return: true}, at({modal: 'signal'}), 'modal.confirm'],
		['dialog: Ctrl-C quits', 'c', {ctrl: true}, at({modal: 'start'}), 'quit.force'],
	])('%s', (_name, input, press, context, expected) => {
		expect(resolveKey(input, press, context)).toBe(expected);
	});
});

describe('the key table', () => {
	const screens: KeyContext['screen'][] = ['list', 'detail', 'grid', 'location'];

	it('has no two bindings for the same key where both are active', () => {
		const contexts: KeyContext[] = [...screens.map(screen => at({screen})), at({filterPrompt: true}), at({modal: 'help'}), at({modal: 'start'})];
		for (const context of contexts) {
			const scopes = activeScopes(context);
			for (const scope of scopes) {
				const seen = new Map<string, Command>();
				for (const binding of KEYMAP.filter(b => b.scopes.includes(scope))) {
					for (const spec of binding.keys) {
						const id = JSON.stringify(spec);
						expect(seen.get(id), `${id} in ${scope}`).toBeUndefined();
						seen.set(id, binding.command);
					}
				}
			}
		}
	});

	it('resolves every binding of every scope to its own command', () => {
		const contextFor = (scope: Scope): KeyContext =>
			scope === 'filter-prompt'
				? at({filterPrompt: true})
				: scope === 'help'
					? at({modal: 'help'})
					: scope in DIALOG_FOCUS
						? at({modal: 'start', ...DIALOG_FOCUS[scope]})
						: scope === 'global'
							? list
							: at({screen: scope as KeyContext['screen']});
		for (const binding of KEYMAP) {
			for (const scope of binding.scopes) {
				for (const spec of binding.keys) {
					const press: KeyPress = spec.key
						? {
								[{up: 'upArrow', down: 'downArrow', left: 'leftArrow', right: 'rightArrow'}[spec.key as string] ?? spec.key]: true,
								shift: spec.shift ?? false,
								ctrl: spec.ctrl ?? false,
							}
						: {ctrl: spec.ctrl ?? false};
					const resolved = resolveKey(spec.input ?? '', press, contextFor(scope));
					// A screen binding may shadow a global one with the same key (by design, screen first).
					if (scope === 'global' && binding.command !== resolved) {
						expect(KEYMAP.find(b => b.command === resolved)?.scopes).toContain('list');
						continue;
					}

					expect(resolved, `${binding.command} via ${JSON.stringify(spec)} in ${scope}`).toBe(binding.command);
				}
			}
		}
	});

	it('hides mutating bindings in read-only mode, and only those', () => {
		const all = bindingsFor(list).map(b => b.command);
		const readOnly = bindingsFor(at({readOnly: true})).map(b => b.command);
		expect(all.filter(command => !readOnly.includes(command)).sort()).toEqual(['run.rerun', 'run.signal', 'run.start', 'run.stop']);
	});

	it('gives every binding help text and renders a README table with a row per binding', () => {
		const table = keysMarkdownTable();
		expect(table.split('\n')).toHaveLength(KEYMAP.length + 2);
		for (const binding of KEYMAP) expect(table).toContain(binding.help.replaceAll('|', '\\|'));
		expect(table).toContain('| `↑` `k` | list, detail, grid, location | Move up |');
		expect(table).toContain('`Ctrl-C`');
		expect(table).toContain('Start a new run (hidden by `--read-only`)');
	});
});
