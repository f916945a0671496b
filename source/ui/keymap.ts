/**
 * THE key table. Input handling (resolveKey), the footer hints, the `?` help
 * overlay and the README's key table are all generated from KEYMAP, so a key
 * cannot work without being documented, or be documented without working.
 */
import type {Command, DialogFocus} from '../core/commands.js';
import type {Modal, Screen} from '../store/state.js';

export type {Command, DialogFocus} from '../core/commands.js';

export type Scope =
	| 'global'
	| 'list'
	| 'detail'
	| 'grid'
	| 'location'
	| 'pulse'
	| 'locations'
	| 'command'
	| 'children'
	| 'filter-prompt'
	| 'help'
	| 'notices'
	/** The full-text viewer (`v`). */
	| 'viewer'
	// Inside the action dialogs: navigation, then what the focused part adds or shadows.
	| 'modal'
	| 'modal-list'
	| 'modal-choice'
	| 'text-field'
	| 'modal-review'
	| 'modal-confirm';

/** Every scope of the action dialogs, for the help overlay's "dialogs" section. */
export const DIALOG_SCOPES: readonly Scope[] = ['modal', 'modal-list', 'modal-choice', 'text-field', 'modal-review', 'modal-confirm'];

export type KeyName = 'up' | 'down' | 'left' | 'right' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'tab' | 'backspace';

/** One way to press a command: a printable character, or a named key, optionally with ctrl/shift. */
export interface KeySpec {
	readonly input?: string;
	readonly key?: KeyName;
	readonly ctrl?: boolean;
	readonly shift?: boolean;
}

export interface KeyBinding {
	readonly command: Command;
	readonly keys: readonly KeySpec[];
	readonly scopes: readonly Scope[];
	/** One line for the help overlay and the README. */
	readonly help: string;
	/** A word or two for the footer; bindings without one stay out of the footer. */
	readonly label?: string;
	/** Changes something in AWS: hidden and disabled by --read-only. */
	readonly mutating?: boolean;
}

/** The subset of Ink's Key that resolveKey reads (so tests can pass plain objects). */
export interface KeyPress {
	readonly upArrow?: boolean;
	readonly downArrow?: boolean;
	readonly leftArrow?: boolean;
	readonly rightArrow?: boolean;
	readonly pageUp?: boolean;
	readonly pageDown?: boolean;
	readonly home?: boolean;
	readonly end?: boolean;
	readonly return?: boolean;
	readonly escape?: boolean;
	readonly tab?: boolean;
	readonly backspace?: boolean;
	/** Ink reports the Backspace key of most terminals (DEL, 0x7f) as `delete`. */
	readonly delete?: boolean;
	readonly ctrl?: boolean;
	readonly shift?: boolean;
	readonly meta?: boolean;
}

export interface KeyContext {
	readonly screen: Screen;
	readonly modal: Modal['kind'];
	readonly filterPrompt: boolean;
	readonly readOnly: boolean;
	readonly dialog?: DialogFocus;
}

const MOVE: readonly Scope[] = ['list', 'detail', 'grid', 'location'];
const ON_EXECUTION: readonly Scope[] = ['list', 'detail', 'grid', 'location'];
const key = (name: KeyName, modifiers: {shift?: boolean; ctrl?: boolean} = {}): KeySpec => ({key: name, ...modifiers});
const char = (input: string): KeySpec => ({input});

export const KEYMAP: readonly KeyBinding[] = [
	// Screens first: the first binding that matches in the active scopes wins.
	{command: 'cursor.up', keys: [key('up'), char('k')], scopes: MOVE, help: 'Move up', label: 'move'},
	{command: 'cursor.down', keys: [key('down'), char('j')], scopes: MOVE, help: 'Move down'},
	{command: 'cursor.left', keys: [key('left'), char('h')], scopes: ['grid'], help: 'Move left (grid)'},
	{command: 'cursor.right', keys: [key('right'), char('l')], scopes: ['grid'], help: 'Move right (grid)'},
	{command: 'cursor.pageUp', keys: [key('pageUp')], scopes: MOVE, help: 'Page up'},
	{command: 'cursor.pageDown', keys: [key('pageDown')], scopes: MOVE, help: 'Page down'},
	{command: 'cursor.top', keys: [char('g'), key('home')], scopes: MOVE, help: 'Go to the first row'},
	{command: 'cursor.bottom', keys: [char('G'), key('end')], scopes: MOVE, help: 'Go to the last row (on the list, also loads older history)'},
	{
		command: 'open',
		keys: [key('return')],
		scopes: ['list', 'detail', 'grid', 'location'],
		help: "Drill in: list → detail → account × region grid → location → the child's own detail; a rate-control run → its target children; an aws:runCommand step → its Run Command output",
		label: 'open',
	},
	{
		command: 'back',
		keys: [key('escape'), key('backspace')],
		scopes: ['detail', 'grid', 'location', 'pulse'],
		help: 'Back to the previous screen',
		label: 'back',
	},
	{command: 'screen.pulse', keys: [char('P')], scopes: ['list'], help: 'Pulse: status counts per location over the last hour', label: 'pulse'},
	{
		command: 'parent.open',
		keys: [char('u')],
		scopes: ['detail'],
		help: "Up to the parent: a child's parent execution (a cross-account run's, in another account, or a rate-control run's)",
	},
	{
		command: 'screen.locations',
		keys: [char('L')],
		scopes: ['list'],
		help: 'Locations: every account × region, its state, last good refresh, calls per minute and exact error',
		label: 'locations',
	},
	{command: 'filter.clear', keys: [key('escape')], scopes: ['list'], help: 'Clear the filter'},
	{command: 'pane.next', keys: [key('tab')], scopes: ['detail'], help: 'Switch pane: steps ↔ parameters and outputs', label: 'pane'},
	{command: 'filter.open', keys: [char('/')], scopes: ['list'], help: 'Filter: text, doc:, status:, type:, region:, mode:, id:, ! to negate', label: 'filter'},
	{command: 'sort.next', keys: [char('s')], scopes: ['list'], help: 'Sort by the next column', label: 'sort'},
	{command: 'sort.reverse', keys: [char('S')], scopes: ['list'], help: 'Reverse the sort order'},
	{command: 'quick.running', keys: [char('1')], scopes: ['list'], help: 'Show only running (again: show all)', label: 'running…'},
	{command: 'quick.waiting', keys: [char('2')], scopes: ['list'], help: 'Show only waiting (again: show all)'},
	{command: 'quick.problem', keys: [char('3')], scopes: ['list'], help: 'Show only failed and timed out (again: show all)'},
	{command: 'quick.success', keys: [char('4')], scopes: ['list'], help: 'Show only succeeded (again: show all)'},
	{command: 'quick.cancelled', keys: [char('5')], scopes: ['list'], help: 'Show only cancelled (again: show all)'},
	{command: 'quick.clear', keys: [char('0')], scopes: ['list'], help: 'Remove the status filter'},
	{command: 'run.start', keys: [char('n')], scopes: ['global'], help: 'Start a new run', label: 'new', mutating: true},
	{command: 'run.rerun', keys: [char('R')], scopes: ON_EXECUTION, help: 'Re-run this execution (form pre-filled)', label: 're-run', mutating: true},
	{command: 'run.stop', keys: [char('x')], scopes: ON_EXECUTION, help: 'Stop or cancel this execution', label: 'stop', mutating: true},
	{command: 'run.signal', keys: [char('a')], scopes: ON_EXECUTION, help: 'Approve, reject or signal a waiting step', label: 'signal', mutating: true},
	{
		command: 'run.watch',
		keys: [char('w')],
		scopes: ON_EXECUTION,
		help: 'Watch this execution: be told (bell, desktop notification) when it ends',
		label: 'watch',
	},
	// Links and copy: through the terminal (OSC 52), so it works over SSH and in tmux.
	{
		command: 'copy.id',
		keys: [char('y')],
		scopes: ON_EXECUTION,
		help: "Copy the id to the clipboard: the execution's; in the detail and location, the selected step's",
		label: 'copy id',
	},
	{command: 'copy.url', keys: [char('o')], scopes: ON_EXECUTION, help: "Copy this execution's AWS console URL (its Region's console)", label: 'console URL'},
	{
		command: 'viewer.open',
		keys: [char('v')],
		scopes: ['detail', 'location'],
		help: "View full text: the selected step's values whole (name, action, failure, inputs, outputs; Tab pane: the execution's)",
		label: 'full text',
	},
	{command: 'notices.open', keys: [char('!')], scopes: ['global'], help: 'Notifications: what ended or waits for you', label: 'alerts'},
	{command: 'refresh', keys: [char('r')], scopes: ['global'], help: 'Refresh now', label: 'refresh'},
	{command: 'pause', keys: [char('p')], scopes: ['global'], help: 'Pause or resume refreshing', label: 'pause'},
	{command: 'help', keys: [char('?')], scopes: ['global'], help: 'Show this help', label: 'help'},
	{command: 'quit', keys: [char('q')], scopes: ['global'], help: 'Quit', label: 'quit'},
	{
		command: 'quit.force',
		keys: [{input: 'c', ctrl: true}],
		scopes: ['global', 'filter-prompt', 'help', 'notices', 'viewer', 'modal', 'modal-confirm'],
		help: 'Quit from anywhere, restoring the terminal',
	},
	{
		command: 'suspend',
		keys: [{input: 'z', ctrl: true}],
		scopes: ['global', 'filter-prompt', 'help', 'notices', 'viewer', 'modal', 'modal-confirm'],
		help: 'Suspend to the shell (fg brings ssmtop back)',
	},
	// The Run Command output of an aws:runCommand step (Enter on the step in the detail).
	{command: 'cursor.up', keys: [key('up'), char('k')], scopes: ['command'], help: 'Run Command: previous instance', label: 'instance'},
	{command: 'cursor.down', keys: [key('down'), char('j')], scopes: ['command'], help: 'Run Command: next instance'},
	{command: 'cursor.top', keys: [char('g'), key('home')], scopes: ['command'], help: 'Run Command: first instance'},
	{command: 'cursor.bottom', keys: [char('G'), key('end')], scopes: ['command'], help: 'Run Command: last instance'},
	{command: 'back', keys: [key('escape'), key('backspace')], scopes: ['command'], help: 'Run Command: back to the step in the detail', label: 'back'},
	// The locations screen (L).
	{command: 'cursor.up', keys: [key('up'), char('k')], scopes: ['locations'], help: 'Locations: previous location', label: 'move'},
	{command: 'cursor.down', keys: [key('down'), char('j')], scopes: ['locations'], help: 'Locations: next location'},
	{command: 'cursor.pageUp', keys: [key('pageUp')], scopes: ['locations'], help: 'Locations: page up'},
	{command: 'cursor.pageDown', keys: [key('pageDown')], scopes: ['locations'], help: 'Locations: page down'},
	{command: 'cursor.top', keys: [char('g'), key('home')], scopes: ['locations'], help: 'Locations: first location'},
	{command: 'cursor.bottom', keys: [char('G'), key('end')], scopes: ['locations'], help: 'Locations: last location'},
	{command: 'back', keys: [key('escape'), key('backspace')], scopes: ['locations'], help: 'Locations: back to the list', label: 'back'},
	// The target children of a rate-control parent (Enter on its detail).
	{command: 'cursor.up', keys: [key('up'), char('k')], scopes: ['children'], help: 'Children: previous target', label: 'move'},
	{command: 'cursor.down', keys: [key('down'), char('j')], scopes: ['children'], help: 'Children: next target'},
	{command: 'cursor.top', keys: [char('g'), key('home')], scopes: ['children'], help: 'Children: first target'},
	{command: 'cursor.bottom', keys: [char('G'), key('end')], scopes: ['children'], help: 'Children: last target'},
	{command: 'open', keys: [key('return')], scopes: ['children'], help: "Children: open that target's child execution", label: 'open'},
	{command: 'back', keys: [key('escape'), key('backspace')], scopes: ['children'], help: 'Children: back to the parent', label: 'back'},
	// The filter prompt.
	{command: 'filter.apply', keys: [key('return')], scopes: ['filter-prompt'], help: 'Apply the filter', label: 'apply'},
	{command: 'filter.cancel', keys: [key('escape')], scopes: ['filter-prompt'], help: 'Cancel, keep the previous filter', label: 'cancel'},
	{command: 'filter.deleteChar', keys: [key('backspace')], scopes: ['filter-prompt'], help: 'Delete the last character'},
	{command: 'filter.clearDraft', keys: [{input: 'u', ctrl: true}], scopes: ['filter-prompt'], help: 'Clear what you typed'},
	// Overlays.
	{command: 'cursor.up', keys: [key('up'), char('k')], scopes: ['notices'], help: 'Notifications: move up'},
	{command: 'cursor.down', keys: [key('down'), char('j')], scopes: ['notices'], help: 'Notifications: move down'},
	{command: 'open', keys: [key('return')], scopes: ['notices'], help: 'Notifications: open that execution', label: 'open'},
	{command: 'notices.close', keys: [key('escape'), char('!'), char('q')], scopes: ['notices'], help: 'Close the notifications', label: 'close'},
	{command: 'help.close', keys: [key('escape'), char('?'), char('q')], scopes: ['help'], help: 'Close the help', label: 'close'},
	// The full-text viewer: a pager's keys.
	{command: 'cursor.up', keys: [key('up'), char('k')], scopes: ['viewer'], help: 'Full text: scroll up', label: 'scroll'},
	{command: 'cursor.down', keys: [key('down'), char('j')], scopes: ['viewer'], help: 'Full text: scroll down'},
	{command: 'cursor.pageUp', keys: [key('pageUp')], scopes: ['viewer'], help: 'Full text: page up'},
	{command: 'cursor.pageDown', keys: [key('pageDown'), char(' ')], scopes: ['viewer'], help: 'Full text: page down'},
	{command: 'cursor.top', keys: [char('g'), key('home')], scopes: ['viewer'], help: 'Full text: to the top'},
	{command: 'cursor.bottom', keys: [char('G'), key('end')], scopes: ['viewer'], help: 'Full text: to the end'},
	{command: 'viewer.previous', keys: [key('left'), char('h')], scopes: ['viewer'], help: 'Full text: the previous value', label: 'value'},
	{command: 'viewer.next', keys: [key('right'), char('l'), key('tab')], scopes: ['viewer'], help: 'Full text: the next value', label: 'value'},
	{command: 'viewer.copy', keys: [char('y')], scopes: ['viewer'], help: 'Full text: copy the whole value to the clipboard', label: 'copy'},
	{command: 'viewer.close', keys: [key('escape'), char('v'), char('q')], scopes: ['viewer'], help: 'Close the full text', label: 'close'},
	// The action dialogs (start / re-run, stop, signal). A dialog resolves its keys with its DialogFocus.
	{
		command: 'modal.close',
		keys: [key('escape')],
		scopes: ['modal'],
		help: 'Cancel the dialog (asks first if something was typed); close an open list',
		label: 'cancel',
	},
	{command: 'modal.next', keys: [key('tab'), key('down')], scopes: ['modal'], help: 'Next field or option', label: 'next field'},
	{command: 'modal.previous', keys: [key('tab', {shift: true}), key('up')], scopes: ['modal'], help: 'Previous field or option'},
	{command: 'modal.confirm', keys: [key('return')], scopes: ['modal'], help: 'Choose, press, flip, or go on to the next field', label: 'choose'},
	{command: 'list.up', keys: [key('up')], scopes: ['modal-list'], help: 'List: move up (runbooks, options, an open choice)', label: 'move'},
	{command: 'list.down', keys: [key('down')], scopes: ['modal-list'], help: 'List: move down', label: 'move'},
	{command: 'choice.previous', keys: [key('left')], scopes: ['modal-choice'], help: 'Choice: previous value', label: 'change'},
	{command: 'choice.next', keys: [key('right')], scopes: ['modal-choice'], help: 'Choice: next value', label: 'change'},
	{command: 'choice.open', keys: [char(' ')], scopes: ['modal-choice'], help: 'Choice: open its list; yes/no field: flip it', label: 'open'},
	{command: 'text.deleteChar', keys: [key('backspace')], scopes: ['text-field'], help: 'Text: delete before the cursor'},
	{command: 'text.left', keys: [key('left')], scopes: ['text-field'], help: 'Text: cursor left'},
	{command: 'text.right', keys: [key('right')], scopes: ['text-field'], help: 'Text: cursor right'},
	{command: 'text.home', keys: [key('home'), {input: 'a', ctrl: true}], scopes: ['text-field'], help: 'Text: to the start'},
	{command: 'text.end', keys: [key('end'), {input: 'e', ctrl: true}], scopes: ['text-field'], help: 'Text: to the end'},
	{command: 'text.clear', keys: [{input: 'u', ctrl: true}], scopes: ['text-field'], help: 'Text: clear the field'},
	{command: 'form.copy', keys: [char('c')], scopes: ['modal-review'], help: 'Review: copy the AWS CLI command as one line', label: 'copy'},
	{command: 'confirm.yes', keys: [char('y'), char('Y')], scopes: ['modal-confirm'], help: 'y/n question: yes', label: 'yes'},
	{command: 'confirm.no', keys: [char('n'), char('N'), key('escape')], scopes: ['modal-confirm'], help: 'y/n question: no, back to the dialog', label: 'no'},
];

const FOCUS_SCOPES: Readonly<Record<DialogFocus, readonly Scope[]>> = {
	fields: ['modal'],
	list: ['modal-list', 'modal'],
	text: ['text-field', 'modal'],
	'text-list': ['modal-list', 'text-field', 'modal'],
	choice: ['modal-choice', 'modal'],
	review: ['modal-review', 'modal'],
	question: ['modal-confirm'],
};

/** The scopes whose keys work here, first match first: a dialog's focused part before its navigation, a screen before 'global'. */
export function activeScopes(context: KeyContext): Scope[] {
	if (context.modal === 'help') return ['help'];
	if (context.modal === 'notices') return ['notices'];
	if (context.modal === 'viewer') return ['viewer'];
	if (context.modal !== 'none') return [...FOCUS_SCOPES[context.dialog ?? 'fields']];
	if (context.filterPrompt) return ['filter-prompt'];
	return [context.screen, 'global'];
}

function isAvailable(binding: KeyBinding, context: KeyContext): boolean {
	return !(binding.mutating && context.readOnly);
}

/** Bindings usable in this context, in table order (for the footer and the help overlay). */
export function bindingsFor(context: KeyContext): KeyBinding[] {
	const scopes = activeScopes(context);
	return KEYMAP.filter(binding => isAvailable(binding, context) && binding.scopes.some(scope => scopes.includes(scope)));
}

const NAMED: Readonly<Record<KeyName, (press: KeyPress) => boolean>> = {
	up: press => Boolean(press.upArrow),
	down: press => Boolean(press.downArrow),
	left: press => Boolean(press.leftArrow),
	right: press => Boolean(press.rightArrow),
	pageUp: press => Boolean(press.pageUp),
	pageDown: press => Boolean(press.pageDown),
	home: press => Boolean(press.home),
	end: press => Boolean(press.end),
	return: press => Boolean(press.return),
	escape: press => Boolean(press.escape),
	tab: press => Boolean(press.tab),
	backspace: press => Boolean(press.backspace || press.delete),
};

function matches(spec: KeySpec, input: string, press: KeyPress): boolean {
	if (Boolean(spec.ctrl) !== Boolean(press.ctrl)) return false;
	if (spec.key) {
		if (!NAMED[spec.key](press)) return false;
		// Only Tab distinguishes shift (Shift-Tab); elsewhere shift is part of the character.
		return spec.key !== 'tab' || Boolean(spec.shift) === Boolean(press.shift);
	}

	return spec.input === input;
}

const isNamedKey = (press: KeyPress): boolean => Object.values(NAMED).some(test => test(press));

/** The command a key press means here, or undefined. Pure: the input handler and tests call it. */
export function resolveKey(input: string, press: KeyPress, context: KeyContext): Command | undefined {
	const scopes = activeScopes(context);
	for (const scope of scopes) {
		for (const binding of KEYMAP) {
			if (!binding.scopes.includes(scope) || !isAvailable(binding, context)) continue;
			if (binding.keys.some(spec => matches(spec, input, press))) return binding.command;
		}
	}

	// Whatever else is typed into the filter prompt or a dialog's text field is text.
	const typed = input.length > 0 && !press.ctrl && !isNamedKey(press);
	if (scopes.includes('filter-prompt') && typed) return 'filter.type';
	if (scopes.includes('text-field') && typed && !press.meta) return 'text.type';
	return undefined;
}

const KEY_LABELS: Readonly<Record<KeyName, readonly [unicode: string, ascii: string]>> = {
	up: ['↑', 'Up'],
	down: ['↓', 'Down'],
	left: ['←', 'Left'],
	right: ['→', 'Right'],
	pageUp: ['PgUp', 'PgUp'],
	pageDown: ['PgDn', 'PgDn'],
	home: ['Home', 'Home'],
	end: ['End', 'End'],
	return: ['Enter', 'Enter'],
	escape: ['Esc', 'Esc'],
	tab: ['Tab', 'Tab'],
	backspace: ['Backspace', 'Backspace'],
};

export function formatKey(spec: KeySpec, ascii = false): string {
	const base = spec.key ? KEY_LABELS[spec.key][ascii ? 1 : 0] : spec.input === ' ' ? 'Space' : (spec.input ?? '');
	const withShift = spec.shift ? `Shift-${base}` : base;
	return spec.ctrl ? `Ctrl-${withShift.toUpperCase()}` : withShift;
}

export function formatKeys(binding: KeyBinding, ascii = false): string {
	return binding.keys.map(spec => formatKey(spec, ascii)).join('/');
}

/** The binding that gives this command here (active scope, not hidden by --read-only), if any. */
export function bindingOf(command: Command, context: KeyContext): KeyBinding | undefined {
	const scopes = activeScopes(context);
	return KEYMAP.find(binding => binding.command === command && isAvailable(binding, context) && binding.scopes.some(scope => scopes.includes(scope)));
}

export interface HintOptions {
	/** The dialog's own word for a command here ("discard", "send"); else the binding's label. */
	readonly labels?: Partial<Record<Command, string>>;
	readonly ascii?: boolean;
}

/**
 * A dialog's hint line, generated from the keymap: "key: label" for each command
 * in the order given, with the command's first key in this context. Commands
 * not active here are left out; neighbours with the same label share one hint
 * ("Tab/Shift-Tab: field", "↑/↓: choose").
 */
export function hintLine(context: KeyContext, commands: readonly Command[], options: HintOptions = {}): string {
	const hints: Array<{keys: string[]; label: string}> = [];
	for (const command of commands) {
		const binding = bindingOf(command, context);
		const first = binding?.keys[0];
		if (!binding || !first) continue;
		const label = options.labels?.[command] ?? binding.label ?? binding.help;
		const keys = formatKey(first, options.ascii);
		const last = hints.at(-1);
		if (last?.label === label) last.keys.push(keys);
		else hints.push({keys: [keys], label});
	}

	return hints.map(hint => `${hint.keys.join('/')}: ${hint.label}`).join(' · ');
}

const SCOPE_TITLES: Readonly<Record<Scope, string>> = {
	global: 'everywhere',
	list: 'list',
	detail: 'detail',
	grid: 'grid',
	location: 'location',
	pulse: 'pulse',
	locations: 'locations',
	command: 'Run Command output',
	children: 'rate-control children',
	'filter-prompt': 'filter prompt',
	help: 'help',
	notices: 'notifications',
	viewer: 'full text',
	modal: 'dialogs',
	'modal-list': 'lists in dialogs',
	'modal-choice': 'choice and yes/no fields',
	'text-field': 'text fields',
	'modal-review': 'review step',
	'modal-confirm': 'y/n questions',
};

export function scopeTitle(scope: Scope): string {
	return SCOPE_TITLES[scope];
}

/** The README's key table, generated so a test can catch drift. */
export function keysMarkdownTable(): string {
	const lines = ['| Keys | Where | What |', '| --- | --- | --- |'];
	for (const binding of KEYMAP) {
		const keys = binding.keys.map(spec => `\`${formatKey(spec)}\``).join(' ');
		const where = binding.scopes.map(scopeTitle).join(', ');
		const what = binding.help.replaceAll('|', '\\|') + (binding.mutating ? ' (hidden by `--read-only`)' : '');
		lines.push(`| ${keys} | ${where} | ${what} |`);
	}

	return lines.join('\n');
}
