/**
 * The locations screen's columns (`L`), each declared once: the screen prints the heading and
 * every row from this table. The name is as wide as the longest name (8 to 44), the error takes
 * what the others leave; MODE is shown with --events-queue only.
 */
import type {LocationRow} from '../../store/location-rows.js';
import type {RegionLevel} from '../shell/region-summary.js';
import {agoText, locationState, shortError} from './location-advice.js';

export interface LocationCellContext {
	readonly now: number;
	readonly staleAfterMs: number;
}

export interface LocationCell {
	readonly text: string;
	/** Its colour, by level (ok green, warn yellow, error red); absent: plain. */
	readonly level?: RegionLevel;
}

export interface LocationColumn {
	readonly key: string;
	readonly title: string;
	/** A fixed width; 'name': the longest name's; 'rest': whatever the others leave. */
	readonly width: number | 'name' | 'rest';
	readonly alignRight?: boolean;
	/** Whether the column is shown for these rows (absent: always). */
	readonly shown?: (rows: readonly LocationRow[]) => boolean;
	readonly cell: (row: LocationRow, context: LocationCellContext) => LocationCell;
}

export const LOCATION_COLUMNS: readonly LocationColumn[] = [
	{key: 'name', title: 'LOCATION', width: 'name', cell: row => ({text: row.name})},
	{
		key: 'state',
		title: 'STATE',
		width: 15,
		cell(row, {now, staleAfterMs}) {
			const state = locationState(row.health, now, staleAfterMs);
			return {text: state.word, level: state.level};
		},
	},
	{
		key: 'mode',
		title: 'MODE',
		width: 7,
		shown: rows => rows.some(row => row.mode !== undefined),
		// Polling for want of events is worth a look; polling until its first listing or while the queue fails is said elsewhere.
		cell: row => ({text: row.mode?.mode ?? '', ...(row.mode?.why === 'missed' ? {level: 'warn' as const} : {})}),
	},
	{key: 'ago', title: 'LAST OK', width: 11, cell: (row, {now}) => ({text: agoText(row.health.lastSuccessAt, now)})},
	{key: 'calls', title: 'CALLS/MIN', width: 9, alignRight: true, cell: row => ({text: String(row.callsPerMinute)})},
	{key: 'error', title: 'ERROR', width: 'rest', cell: row => ({text: shortError(row.health, row.accountProblem)})},
];

export interface PlacedColumn {
	readonly column: LocationColumn;
	readonly width: number;
}

/** The columns shown for these rows and their widths in `columns` of terminal (one space between each). */
export function placeLocationColumns(rows: readonly LocationRow[], columns: number): readonly PlacedColumn[] {
	const shown = LOCATION_COLUMNS.filter(column => column.shown?.(rows) ?? true);
	const nameWidth = Math.min(44, Math.max(8, ...rows.map(row => row.name.length)));
	const fixed = shown.reduce((sum, column) => sum + (typeof column.width === 'number' ? column.width : column.width === 'name' ? nameWidth : 0), 0);
	// One space between columns, and the last column of the terminal left free.
	const rest = Math.max(10, columns - fixed - shown.length);
	return shown.map(column => ({column, width: typeof column.width === 'number' ? column.width : column.width === 'name' ? nameWidth : rest}));
}
