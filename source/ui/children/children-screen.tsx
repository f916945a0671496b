/**
 * The target children of a rate-control parent (Enter on its detail): one line per child
 * execution (its target, status, how long it ran, its id), read with DescribeAutomationExecutions'
 * ParentExecutionId filter while this screen is open. Enter opens a child's detail. A failed
 * read is said in place above the last good list.
 */
import {useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {elapsed, fit, relativeTime, statusSymbol, truncate} from '../../core/format.js';
import {selectRateChildren} from '../../store/children-actions.js';
import {selectOpenDetail, selectOpenExecution} from '../../store/selectors.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, statusColor, tint} from '../theme.js';
import {bodyRows, scrollOffset} from '../layout.js';
import {ExecutionSummary} from '../detail/execution-summary.js';
import {formatZonedTimestamp} from '../../core/time-zone.js';
import {useZone} from '../zone-context.js';

const STATUS_WIDTH = 13;
const TOOK_WIDTH = 8;
const ID_WIDTH = 36;
/** "2026-12-01 14:03:22 UTC+01:00": shown only where the target keeps room, like the list's wide-only columns. */
const STARTED_WIDTH = 29;
const STARTED_FROM_COLUMNS = 130;

export function ChildrenScreen({now}: {readonly now: number}) {
	const theme = useTheme();
	const zone = useZone();
	const execution = useAppStore(selectOpenExecution);
	const detail = useAppStore(selectOpenDetail);
	const children = useAppStore(state => selectRateChildren(state, state.openId));
	const cursor = useAppStore(state => state.selectedChildIndex ?? 0);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	const offset = useRef(0);
	if (!execution) return <Text>This execution is no longer listed. Esc to go back.</Text>;
	const width = viewport.columns;
	const ascii = theme.ascii;
	const rows = children.executions ?? [];
	const index = Math.min(cursor, Math.max(0, rows.length - 1));
	const room = Math.max(1, bodyRows(viewport, banner) - 5 - (children.error ? 1 : 0) - (children.truncated ? 1 : 0));
	offset.current = scrollOffset(offset.current, index, room, rows.length);
	const started = width >= STARTED_FROM_COLUMNS;
	const targetWidth = Math.max(12, width - STATUS_WIDTH - TOOK_WIDTH - ID_WIDTH - 4 - (started ? STARTED_WIDTH + 1 : 0));
	const title = `Target children · ${execution.targetParameterName ?? 'targets'}${children.executions ? ` · ${rows.length}` : ''}`;
	return (
		<Box flexDirection="column">
			<ExecutionSummary execution={detail ?? execution} hint="Enter: open a child" />
			<Text bold wrap="truncate-end">
				{truncate(glyphs(theme, title), width, ascii)}
				<Text dimColor>{children.loadedAt === undefined ? '' : `  read ${relativeTime(children.loadedAt, now)}`}</Text>
			</Text>
			{children.error ? (
				<Text wrap="truncate-end" color={tint(theme, 'red')}>
					{glyphs(theme, `✗ ${children.error}${children.executions ? ' (showing the last list read)' : ''}`)}
				</Text>
			) : null}
			<Text bold underline wrap="truncate-end">
				{`${fit('TARGET', targetWidth, {ascii})} ${fit('STATUS', STATUS_WIDTH, {ascii})} ${fit('TOOK', TOOK_WIDTH, {ascii, alignRight: true})} ${started ? `${fit('STARTED', STARTED_WIDTH, {ascii})} ` : ''}EXECUTION`}
			</Text>
			{children.executions === undefined ? (
				<Text dimColor>{children.error ? 'No children read yet.' : glyphs(theme, 'Loading children…')}</Text>
			) : rows.length === 0 ? (
				<Text dimColor>No child executions yet.</Text>
			) : (
				rows.slice(offset.current, offset.current + room).map((child, row) => {
					const position = offset.current + row;
					return (
						<Text key={child.id} wrap="truncate-end" inverse={position === index} bold={position === index}>
							{`${fit(child.target ?? '-', targetWidth, {ascii})} `}
							<Text color={statusColor(theme, child.status)}>{fit(`${statusSymbol(child.status, ascii)} ${child.status}`, STATUS_WIDTH, {ascii})}</Text>
							{` ${fit(elapsed(child.startTime, child.endTime, now), TOOK_WIDTH, {ascii, alignRight: true})} ${started ? `${fit(formatZonedTimestamp(child.startTime, zone), STARTED_WIDTH, {ascii})} ` : ''}${child.id}`}
						</Text>
					);
				})
			)}
			{children.truncated ? <Text dimColor>{glyphs(theme, '… more children than one listing reads')}</Text> : null}
		</Box>
	);
}
