/**
 * The full-text viewer (`v`): one value whole, wrapped to the width and scrolled by the keys a
 * pager has (j/k, PgUp/PgDn, g/G), ←/→ for the other values, y to copy it. JSON is pretty-printed.
 * Each line is its own one-line Text, already cut to the width, so the layout never grows. The keys
 * are in the footer (from the keymap's "viewer" scope).
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {currentField, viewerLines, viewerSize} from '../../core/dialogs/text-viewer.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';

export function TextViewerOverlay() {
	const theme = useTheme();
	const viewer = useAppStore(state => (state.modal.kind === 'viewer' ? state.modal.viewer : undefined));
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	if (!viewer) return null;
	const size = viewerSize(viewport, banner);
	const field = currentField(viewer);
	const lines = field ? viewerLines(field.value, size.width) : [];
	const shown = lines.slice(viewer.scroll, viewer.scroll + size.height);
	const end = Math.min(lines.length, viewer.scroll + size.height);
	const position =
		lines.length <= size.height ? (lines.length === 1 ? '1 line' : `${lines.length} lines`) : `lines ${viewer.scroll + 1}–${end}/${lines.length}`;
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			{/* What and where first: the title (a step name from AWS) is the part a narrow line cuts. */}
			<Text bold wrap="truncate-end">
				{glyphs(theme, 'Full text · ')}
				<Text color={theme.color ? 'cyan' : undefined}>{field?.label ?? ''}</Text>
				{` (${viewer.index + 1}/${viewer.fields.length})`}
				<Text dimColor>{glyphs(theme, ` · ${position} · `)}</Text>
				{viewer.title}
			</Text>
			{shown.map((line, index) => (
				// Lines repeat (blank lines, a repeated value): their position is their identity.
				<Text key={`line-${viewer.scroll + index}`} wrap="truncate-end">
					{line === '' ? ' ' : line}
				</Text>
			))}
			{Array.from({length: Math.max(0, size.height - shown.length)}, (_, index) => (
				<Text key={`blank-${index}`}> </Text>
			))}
		</Box>
	);
}
