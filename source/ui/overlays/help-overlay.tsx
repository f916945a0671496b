/** The `?` overlay: every key that works on the screen it was opened from, generated from the keymap. */
import {Box, Text} from 'ink';
import {fit} from '../../core/format.js';
import {KEYMAP, formatKeys, scopeTitle, type KeyBinding, type Scope} from '../keymap.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';
import {bodyRows} from '../layout.js';
import type {Screen} from '../../store/state.js';

/** Groups shown for a screen: that screen's keys, then the ones that work everywhere. */
export function helpSections(screen: Screen, readOnly: boolean): Array<{readonly scope: Scope; readonly bindings: KeyBinding[]}> {
	const scopes: Scope[] = [screen, 'global', 'help'];
	return scopes.map(scope => ({
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
}

type HelpLine = {readonly heading: string} | {readonly keys: string; readonly help: string};

/** Sections flattened to lines and cut into as many side-by-side columns as the height needs. */
export function helpColumns(lines: readonly HelpLine[], height: number): HelpLine[][] {
	const perColumn = Math.max(1, height);
	const columns: HelpLine[][] = [];
	for (let start = 0; start < lines.length; start += perColumn) columns.push(lines.slice(start, start + perColumn));
	return columns;
}

export function HelpOverlay() {
	const theme = useTheme();
	const screen = useAppStore(state => state.screen);
	const readOnly = useAppStore(state => state.context.readOnly);
	const viewport = useAppStore(state => state.viewport);
	const lines: HelpLine[] = helpSections(screen, readOnly).flatMap(section => [
		{heading: scopeTitle(section.scope)},
		...section.bindings.map(binding => ({keys: formatKeys(binding, theme.ascii), help: binding.help})),
	]);
	// Border (2), title (1), read-only note and closing line (2).
	const columns = helpColumns(lines, bodyRows(viewport, false) - 5);
	const columnWidth = Math.floor((viewport.columns - 4) / columns.length) - 1;
	const longestKeys = Math.max(...lines.map(line => ('keys' in line ? [...line.keys].length : 0)));
	const keyWidth = Math.min(longestKeys, Math.floor(columnWidth * 0.4));
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold>{glyphs(theme, `Keys · ${scopeTitle(screen)} screen`)}</Text>
			<Box flexDirection="row">
				{columns.map((column, index) => (
					<Box key={index} flexDirection="column" width={columnWidth} marginRight={1}>
						{column.map((line, row) =>
							'heading' in line ? (
								<Text key={row} bold underline>
									{line.heading}
								</Text>
							) : (
								<Text key={row} wrap="truncate-end">
									{fit(line.keys, keyWidth, {ascii: theme.ascii})}
									{' '}
									{fit(glyphs(theme, line.help), columnWidth - keyWidth - 1, {ascii: theme.ascii})}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
			{readOnly ? <Text bold>Read-only mode: start, re-run, stop and signal are hidden and disabled.</Text> : null}
			<Text dimColor>Esc, ? or q closes this help. Ctrl-C quits from anywhere.</Text>
		</Box>
	);
}
