/** The `?` overlay: every key that works on the screen it was opened from, and in the dialogs, generated from the keymap. */
import {Box} from 'ink';
import {Text} from '../text.js';
import {fit} from '../../core/format.js';
import {DIALOG_SCOPES, KEYMAP, formatKey, formatKeys, scopeTitle, type KeyBinding, type Scope} from '../keymap.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';
import {bodyRows} from '../layout.js';
import type {Screen} from '../../store/state.js';

export interface HelpSection {
	readonly scope: Scope;
	readonly bindings: KeyBinding[];
}

/** Said at the top of the help when --read-only is on, so nobody looks for the missing keys. */
/** One line even at 80 columns (the overlay's budget counts it as one; found by the key-sequence property test). */
export const READ_ONLY_NOTE = 'Read-only mode (--read-only): no start, re-run, stop or signal keys.';

/** A column narrower than this truncates the help texts past reading: the dialogs section then gives way to a pointer. */
const MIN_COLUMN_WIDTH = 30;

/** Keys of the action dialogs (all their scopes under one "dialogs" heading); none in read-only mode, where no dialog acts. */
export function dialogSection(readOnly: boolean): HelpSection | undefined {
	if (readOnly) return undefined;
	// Ctrl-C is listed under "everywhere".
	const bindings = KEYMAP.filter(binding => binding.scopes.some(scope => DIALOG_SCOPES.includes(scope)) && !binding.scopes.includes('global'));
	return {scope: 'modal', bindings};
}

/** Groups shown for a screen: that screen's keys, then the ones that work everywhere, the help's own, then the dialogs'. */
export function helpSections(screen: Screen, readOnly: boolean): HelpSection[] {
	const scopes: Scope[] = [screen, 'global', 'help'];
	const sections = scopes.map(scope => ({
		scope,
		bindings: KEYMAP.filter(
			binding =>
				binding.scopes.includes(scope) &&
				!(readOnly && binding.mutating) &&
				// Each binding once: under the screen when it is the screen's, else under "everywhere".
				!(scope === 'global' && binding.scopes.includes(screen)) &&
				!(scope === 'help' && binding.scopes.includes('global')),
		),
	}));
	const dialogs = dialogSection(readOnly);
	return dialogs ? [...sections, dialogs] : sections;
}

export type HelpLine = {readonly heading: string} | {readonly keys: string; readonly help: string};

/** Sections flattened to lines and cut into as many side-by-side columns as the height needs. */
export function helpColumns(lines: readonly HelpLine[], height: number): HelpLine[][] {
	const perColumn = Math.max(1, height);
	const columns: HelpLine[][] = [];
	for (let start = 0; start < lines.length; start += perColumn) columns.push(lines.slice(start, start + perColumn));
	return columns;
}

function sectionLines(section: HelpSection, ascii: boolean): HelpLine[] {
	return [{heading: scopeTitle(section.scope)}, ...section.bindings.map(binding => ({keys: formatKeys(binding, ascii), help: binding.help}))];
}

const columnWidth = (columns: number, count: number): number => Math.floor((columns - 4) / Math.max(1, count)) - 1;

/** Said instead of the dialogs section when the window is too small for it. */
export const DIALOGS_LEFT_OUT = 'Dialog keys: in a larger window, or in the README.';

/**
 * The help's lines for a window: all sections when the columns they need stay
 * readable; otherwise without the dialogs section (dialogsLeftOut), so the
 * screen's own keys keep their room.
 */
export function helpLines(
	screen: Screen,
	readOnly: boolean,
	size: {readonly columns: number; readonly height: number},
	ascii = false,
): {readonly lines: HelpLine[]; readonly dialogsLeftOut: boolean} {
	const sections = helpSections(screen, readOnly);
	const all = sections.flatMap(section => sectionLines(section, ascii));
	const fits = columnWidth(size.columns, helpColumns(all, size.height).length) >= MIN_COLUMN_WIDTH;
	if (readOnly || fits) return {lines: all, dialogsLeftOut: false};
	return {lines: sections.filter(section => section.scope !== 'modal').flatMap(section => sectionLines(section, ascii)), dialogsLeftOut: true};
}

/** The closing line, with the keys as the keymap binds them. */
export function closingLine(ascii = false): string {
	const close = KEYMAP.find(binding => binding.command === 'help.close')!.keys.map(spec => formatKey(spec, ascii));
	const quit = KEYMAP.find(binding => binding.command === 'quit.force')!.keys.map(spec => formatKey(spec, ascii));
	const list = close.length > 1 ? `${close.slice(0, -1).join(', ')} or ${close.at(-1)!}` : close.join('');
	return `${list} closes this help. ${quit.join(' or ')} quits from anywhere.`;
}

export function HelpOverlay() {
	const theme = useTheme();
	const screen = useAppStore(state => state.screen);
	const readOnly = useAppStore(state => state.context.readOnly);
	const viewport = useAppStore(state => state.viewport);
	// Border (2), title (1), the read-only note or the dialogs pointer (never both), closing line (1).
	const height = bodyRows(viewport, false) - 5;
	const {lines, dialogsLeftOut} = helpLines(screen, readOnly, {columns: viewport.columns, height}, theme.ascii);
	const columns = helpColumns(lines, height);
	const width = columnWidth(viewport.columns, columns.length);
	const longestKeys = Math.max(...lines.map(line => ('keys' in line ? [...line.keys].length : 0)));
	const keyWidth = Math.min(longestKeys, Math.floor(width * 0.4));
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold>{glyphs(theme, `Keys · ${scopeTitle(screen)} screen`)}</Text>
			{readOnly ? <Text bold>{READ_ONLY_NOTE}</Text> : null}
			<Box flexDirection="row">
				{columns.map((column, index) => (
					<Box key={index} flexDirection="column" width={width} marginRight={1}>
						{column.map((line, row) =>
							'heading' in line ? (
								<Text key={row} bold underline>
									{line.heading}
								</Text>
							) : (
								<Text key={row} wrap="truncate-end">
									{fit(line.keys, keyWidth, {ascii: theme.ascii})} {fit(glyphs(theme, line.help), width - keyWidth - 1, {ascii: theme.ascii})}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
			{dialogsLeftOut ? <Text dimColor>{DIALOGS_LEFT_OUT}</Text> : null}
			<Text dimColor>{closingLine(theme.ascii)}</Text>
		</Box>
	);
}
