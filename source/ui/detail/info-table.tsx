/**
 * The execution's parameters, outputs, targets, locations and tags as a bordered
 * static table, drawn by @alcalzone/ink-table (the ESM fork of ink-table that loads
 * under Ink 6). Ink-table draws a rule between every row; here only the rule under
 * the heading is kept, so twice as many fields fit. Values are fitted to the
 * terminal first, because ink-table sizes columns from the longest value. Ink-table draws
 * with Ink's own Text, which passes escape sequences through: the values are made visible
 * (visibleText) here, before they are measured and handed over.
 */
import type {ComponentProps} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {Table} from '@alcalzone/ink-table';
import {fit} from '../../core/format.js';
import {visibleText} from '../../core/visible-text.js';
import {fieldTableWidths} from '../layout.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';
import type {FieldRow} from './field-table.js';

type InfoRow = {KIND: string; NAME: string; VALUE: string};

// Ink-table's borders, padding and the rule under the heading.
const PADDING = 1;
const BORDER_COLUMNS = 4 + 3 * 2 * PADDING;
const CHROME_LINES = 4;

class HeadingRuleTable extends Table<InfoRow> {
	constructor(props: ComponentProps<typeof Table<InfoRow>>) {
		super(props);
		const rule = this.separator;
		// Ink-table keys the first row's separator "…-0": that one is the rule under the heading.
		this.separator = row => (row.key.endsWith('-0') ? rule(row) : <Box key={row.key} />);
	}
}

/** One line per field: a multi-line value (a script) is folded into spaces, then every control made visible. */
const visibleCell = (text: string): string => visibleText(text.replaceAll(/\s*\n\s*/g, ' '), {oneLine: true});
const visibleRow = (row: FieldRow): FieldRow => ({...row, kind: visibleCell(row.kind), name: visibleCell(row.name), value: visibleCell(row.value)});

export interface InfoTableProps {
	readonly rows: readonly FieldRow[];
	readonly width: number;
	/** Lines available; what does not fit is counted in a last line. */
	readonly height: number;
	readonly empty: string;
}

export function InfoTable({rows, width, height, empty}: InfoTableProps) {
	const theme = useTheme();
	if (height <= 0) return null;
	if (rows.length === 0) return <Text dimColor>{empty}</Text>;
	const room = Math.max(1, height - CHROME_LINES);
	const shown = (rows.length > room ? rows.slice(0, Math.max(1, room - 1)) : rows).map(visibleRow);
	const hidden = rows.length - shown.length;
	const widths = fieldTableWidths(width - BORDER_COLUMNS, Math.max(4, ...rows.map(row => visibleCell(row.name).length)));
	const clip = (text: string, size: number) => fit(text, size, {ascii: theme.ascii}).trimEnd();
	const data: InfoRow[] = shown.map(row => ({KIND: clip(row.kind, widths.kind), NAME: clip(row.name, widths.name), VALUE: clip(row.value, widths.value)}));
	return (
		<Box flexDirection="column">
			<HeadingRuleTable data={data} padding={PADDING} />
			{hidden > 0 ? <Text dimColor>{glyphs(theme, `… ${hidden} more`)}</Text> : null}
		</Box>
	);
}
