/**
 * The locations screen (`L`): every account × region, problems first, with the columns of
 * location-columns.ts (its state, with --events-queue its mode, the age of its last good refresh,
 * the calls per minute the request budget measured there, and its error);
 * under the table, the whole message of the location under the cursor and what to do about it.
 * Not to be confused with ui/location/, one location of a cross-account run.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {fit} from '../../core/format.js';
import {selectLocationCursor, selectLocationRows, type LocationRow} from '../../store/location-rows.js';
import {selectStaleAfterMs} from '../../store/data-selectors.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, tint, type Theme} from '../theme.js';
import {bodyRows} from '../layout.js';
import type {RegionLevel} from '../shell/region-summary.js';
import {locationFix, modeAdvice} from './location-advice.js';
import {placeLocationColumns, type PlacedColumn} from './location-columns.js';

/** Title, column heading, and the selected location's message (a blank line, up to three lines, its fix). */
const CHROME_ROWS = 7;

const LEVEL_COLORS = {ok: 'green', warn: 'yellow', error: 'red', idle: undefined} as const;

function levelColor(theme: Theme, level: RegionLevel): string | undefined {
	const color = LEVEL_COLORS[level];
	return color ? tint(theme, color) : undefined;
}

/** The first row shown, so the cursor stays in view, centred once there is more above it. */
export function windowStart(cursor: number, count: number, height: number): number {
	if (count <= height) return 0;
	return Math.max(0, Math.min(count - height, cursor - Math.floor(height / 2)));
}

function Row({
	row,
	now,
	staleAfterMs,
	columns,
	selected,
}: {
	readonly row: LocationRow;
	readonly now: number;
	readonly staleAfterMs: number;
	readonly columns: readonly PlacedColumn[];
	readonly selected: boolean;
}) {
	const theme = useTheme();
	return (
		<Text wrap="truncate-end" inverse={selected}>
			{columns.map(({column, width}, index) => {
				const cell = column.cell(row, {now, staleAfterMs});
				const text = `${index > 0 ? ' ' : ''}${fit(cell.text, width, {ascii: theme.ascii, ...(column.alignRight ? {alignRight: true} : {})})}`;
				return cell.level === undefined ? (
					text
				) : (
					<Text key={column.key} color={levelColor(theme, cell.level)}>
						{text}
					</Text>
				);
			})}
		</Text>
	);
}

export function LocationsScreen({now}: {readonly now: number}) {
	const theme = useTheme();
	const rows = useAppStore(selectLocationRows);
	const cursor = useAppStore(selectLocationCursor);
	const staleAfterMs = useAppStore(selectStaleAfterMs);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	const height = Math.max(1, bodyRows(viewport, banner) - CHROME_ROWS);
	const columns = placeLocationColumns(rows, viewport.columns);
	const start = windowStart(cursor, rows.length, height);
	const shown = rows.slice(start, start + height);
	const selected = rows[cursor];
	const message = selected ? (selected.health.message ?? (selected.health.lastSuccessAt === undefined ? selected.accountProblem : undefined)) : undefined;
	const fix = selected ? (locationFix(selected.health, selected.accountProblem) ?? modeAdvice(selected.mode, selected.missedEvents)) : undefined;
	const heading = columns
		.map(({column, width}, index) => (index === columns.length - 1 ? column.title : fit(column.title, width, column.alignRight ? {alignRight: true} : {})))
		.join(' ');
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{glyphs(theme, `Locations · ${rows.length} account × region, problems first (Esc: back)`)}
				{rows.length > height ? <Text dimColor>{`  ${start + 1}–${start + shown.length} of ${rows.length}`}</Text> : null}
			</Text>
			<Text bold wrap="truncate-end">
				{heading}
			</Text>
			{rows.length === 0 ? <Text dimColor>No locations.</Text> : null}
			{shown.map((row, index) => (
				<Row key={row.key} row={row} now={now} staleAfterMs={staleAfterMs} columns={columns} selected={start + index === cursor} />
			))}
			{selected ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold wrap="truncate-end">
						{selected.name}
					</Text>
					{message ? (
						<Box height={Math.min(3, Math.ceil(message.length / Math.max(1, viewport.columns - 12)))} overflow="hidden">
							<Text wrap="wrap">{message}</Text>
						</Box>
					) : (
						<Text dimColor>No error.</Text>
					)}
					{fix ? (
						<Text bold wrap="truncate-end" color={tint(theme, 'yellow')}>
							{fix}
						</Text>
					) : null}
				</Box>
			) : null}
		</Box>
	);
}
