/**
 * A compact table: a bold heading line, then one line per field (kind | name | value).
 * Ink-table's separator line between every row would halve what fits in 24 rows,
 * so the detail screen draws its own.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {fit} from '../../core/format.js';
import {visibleText} from '../../core/visible-text.js';
import {fieldTableWidths} from '../layout.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';

export interface FieldRow {
	readonly kind: string;
	readonly name: string;
	readonly value: string;
	readonly emphasis?: 'error';
}

export interface FieldTableProps {
	readonly rows: readonly FieldRow[];
	readonly width: number;
	/** Lines available, heading included; what does not fit is counted in a last line. */
	readonly height: number;
	readonly empty?: string;
}

export function FieldTable({rows, width, height, empty = 'nothing to show'}: FieldTableProps) {
	const theme = useTheme();
	if (height <= 0) return null;
	if (rows.length === 0) return <Text dimColor>{empty}</Text>;
	// Made visible before fitting, so a control shown as `\u009b` is measured at its shown width.
	const shownText = (text: string) => visibleText(text, {oneLine: true});
	const widths = fieldTableWidths(width, Math.max(...rows.map(row => shownText(row.name).length)));
	const room = Math.max(0, height - 1);
	const shown = rows.length > room ? rows.slice(0, Math.max(0, room - 1)) : rows;
	const hidden = rows.length - shown.length;
	const line = (kind: string, name: string, value: string) =>
		`${fit(shownText(kind), widths.kind, {ascii: theme.ascii})} ${fit(shownText(name), widths.name, {ascii: theme.ascii})} ${fit(shownText(value), widths.value, {ascii: theme.ascii})}`;
	return (
		<Box flexDirection="column">
			<Text bold underline wrap="truncate-end">
				{line('', 'NAME', 'VALUE')}
			</Text>
			{shown.map((row, index) => (
				<Text key={`${row.kind}/${row.name}/${index}`} wrap="truncate-end" color={row.emphasis === 'error' && theme.color ? 'red' : undefined}>
					{line(row.kind, row.name, row.value.replaceAll(/\s*\n\s*/g, ' '))}
				</Text>
			))}
			{hidden > 0 ? <Text dimColor>{glyphs(theme, `… ${hidden} more`)}</Text> : null}
		</Box>
	);
}
