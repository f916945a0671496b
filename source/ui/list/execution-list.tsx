/**
 * The execution list, windowed: only the rows that fit on screen are rendered,
 * so 10,000 executions scroll as fast as 10. Rows are memoised: a refresh that
 * changes one execution re-renders one row, and the clock re-renders a row only when
 * its own time text ("2m", "4m01s") changes.
 */
import {memo, useMemo, useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import type {Execution} from '../../core/types.js';
import {selectTruncatedRegions} from '../../store/data-selectors.js';
import {selectExecutionCount, selectFilterErrors, selectSelectedIndex, selectVisibleRows} from '../../store/selectors.js';
import {useAppStore} from '../store-context.js';
import {watchesManyAccounts} from '../../core/location.js';
import {useTimed} from '../clock-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, statusColor, type Theme, type ThemeColor} from '../theme.js';
import {listColumns, listRows, scrollOffset, type ListColumn} from '../layout.js';
import {headerText, rowText} from './row-text.js';
import {FilterPrompt} from './filter-prompt.js';

interface RowProps {
	readonly execution: Execution;
	readonly columns: readonly ListColumn[];
	readonly selected: boolean;
	readonly theme: Theme;
}

const Row = memo(function Row({execution, columns, selected, theme}: RowProps) {
	const {status, rest} = useTimed(now => rowText(execution, columns, now, theme.ascii));
	return <RowLine status={status} rest={rest} color={statusColor(theme, execution.status)} bold={execution.status === 'Failed'} selected={selected} />;
});

interface RowLineProps {
	readonly status: string;
	readonly rest: string;
	readonly color: ThemeColor | undefined;
	readonly bold: boolean;
	readonly selected: boolean;
}

/**
 * A row as drawn, memoised on its text: the clock's tick re-renders every row, and most come
 * out as they were (a finished run's times move on by the minute), so Ink is told of none of them.
 */
const RowLine = memo(function RowLine({status, rest, color, bold, selected}: RowLineProps) {
	return (
		<Text wrap="truncate-end" inverse={selected}>
			<Text color={color} bold={bold}>
				{status}
			</Text>
			{rest}
		</Text>
	);
});

function ListStatusLine({shown}: {readonly shown: number}) {
	const total = useAppStore(selectExecutionCount);
	const sort = useAppStore(state => state.sort);
	const filter = useAppStore(state => state.filter);
	const errors = useAppStore(selectFilterErrors);
	const moreHistory = useAppStore(state => selectTruncatedRegions(state).length > 0);
	const theme = useTheme();
	if (errors.length > 0) {
		return (
			<Text wrap="truncate-end" color={theme.color ? 'red' : undefined}>
				{`filter: ${errors.join('; ')}`}
			</Text>
		);
	}

	const arrow = sort.descending ? (theme.ascii ? 'v' : '↓') : theme.ascii ? '^' : '↑';
	return (
		<Text wrap="truncate-end" dimColor>
			{glyphs(
				theme,
				`${shown} of ${total} shown${moreHistory ? ' (older history: G)' : ''} · sort: ${sort.column} ${arrow}${filter ? ` · filter: ${filter}` : ''}`,
			)}
		</Text>
	);
}

export function ExecutionList() {
	const theme = useTheme();
	const rows = useAppStore(selectVisibleRows);
	const selected = useAppStore(selectSelectedIndex);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	const prompting = useAppStore(state => state.filterDraft !== undefined);
	const known = useAppStore(state => selectExecutionCount(state) > 0);
	// The same array while the width is the same, so unchanged rows skip their render.
	const manyAccounts = useAppStore(state => watchesManyAccounts(state.context));
	const columns = useMemo(() => listColumns(viewport.columns, manyAccounts), [viewport.columns, manyAccounts]);
	const height = listRows(viewport, banner);
	const offset = useRef(0);
	offset.current = scrollOffset(offset.current, Math.max(0, selected), height, rows.length);
	const visible = rows.slice(offset.current, offset.current + height);
	return (
		<Box flexDirection="column" flexGrow={1}>
			<Text bold wrap="truncate-end">
				{headerText(columns, theme.ascii)}
			</Text>
			<Box flexDirection="column" height={height}>
				{visible.length === 0 ? (
					<Text dimColor>{known ? 'No executions match.' : 'No executions yet.'}</Text>
				) : (
					// Keyed by the row's place in the list modulo the list's height: scrolling by a row gives the
					// row that scrolls in the key of the one that scrolled out (one line's text changes, one line
					// moves; the others keep key and props), and a page down or a new filter gives each key
					// another execution (texts change, no line is taken down and built again).
					visible.map((execution, line) => (
						<Row key={(offset.current + line) % height} execution={execution} columns={columns} selected={offset.current + line === selected} theme={theme} />
					))
				)}
			</Box>
			{prompting ? <FilterPrompt /> : <ListStatusLine shown={rows.length} />}
		</Box>
	);
}
