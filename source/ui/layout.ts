/**
 * Layout arithmetic as pure functions (tested at 80, 100 and 200 columns):
 * which list columns fit and how wide they are, scrolling windows, pane heights.
 */
import {LIST_CHROME_ROWS} from '../store/selectors.js';

export type ListColumnKey = 'status' | 'id' | 'document' | 'mode' | 'type' | 'region' | 'started' | 'duration' | 'step' | 'executedBy';

export interface ListColumn {
	readonly key: ListColumnKey;
	readonly title: string;
	readonly width: number;
	readonly alignRight?: boolean;
}

interface ColumnSpec {
	readonly key: ListColumnKey;
	readonly title: string;
	readonly min: number;
	/** Share of the spare width (0 = fixed). */
	readonly grow: number;
	readonly max: number;
	/** Lower numbers are dropped first when the terminal is narrow. */
	readonly keep: number;
	readonly alignRight?: boolean;
}

/** Minimum widths are the narrowest a column is still worth showing at; below them it is dropped instead. */
const SPECS: readonly ColumnSpec[] = [
	{key: 'status', title: 'STATUS', min: 12, grow: 0, max: 12, keep: 99},
	{key: 'id', title: 'ID', min: 8, grow: 0, max: 8, keep: 98},
	{key: 'document', title: 'DOCUMENT:VER', min: 20, grow: 4, max: 48, keep: 97},
	{key: 'mode', title: 'MODE', min: 5, grow: 0, max: 5, keep: 2},
	{key: 'type', title: 'TYPE', min: 6, grow: 0, max: 6, keep: 3},
	{key: 'region', title: 'REGION', min: 14, grow: 0, max: 14, keep: 6},
	{key: 'started', title: 'STARTED', min: 7, grow: 0, max: 7, keep: 8, alignRight: true},
	{key: 'duration', title: 'TOOK', min: 6, grow: 0, max: 6, keep: 4, alignRight: true},
	{key: 'step', title: 'CURRENT STEP', min: 10, grow: 2, max: 36, keep: 5},
	{key: 'executedBy', title: 'EXECUTED BY', min: 10, grow: 2, max: 40, keep: 1},
];

/** Space between two columns. */
export const COLUMN_GAP = 1;

function totalWidth(specs: readonly ColumnSpec[], pick: (spec: ColumnSpec) => number): number {
	return specs.reduce((sum, spec) => sum + pick(spec), 0) + COLUMN_GAP * Math.max(0, specs.length - 1);
}

/** The list's columns for a terminal `width` wide: least useful ones dropped first, spare width to the text columns. */
export function listColumns(width: number): ListColumn[] {
	let specs = [...SPECS];
	while (specs.length > 1 && totalWidth(specs, spec => spec.min) > width) {
		const weakest = specs.reduce((low, spec) => (spec.keep < low.keep ? spec : low));
		specs = specs.filter(spec => spec !== weakest);
	}

	const widths = new Map(specs.map(spec => [spec.key, spec.min]));
	let spare = width - totalWidth(specs, spec => spec.min);
	// Hand out spare columns one round at a time, by weight, until every growable column is at its max.
	while (spare > 0) {
		const growable = specs.filter(spec => spec.grow > 0 && widths.get(spec.key)! < spec.max);
		if (growable.length === 0) break;
		const weight = growable.reduce((sum, spec) => sum + spec.grow, 0);
		let given = 0;
		for (const spec of growable) {
			const share = Math.max(1, Math.floor((spare * spec.grow) / weight));
			const room = spec.max - widths.get(spec.key)!;
			const add = Math.min(share, room, spare - given);
			widths.set(spec.key, widths.get(spec.key)! + add);
			given += add;
			if (given >= spare) break;
		}

		spare -= given;
		if (given === 0) break;
	}

	return specs.map(spec => ({key: spec.key, title: spec.title, width: widths.get(spec.key)!, ...(spec.alignRight ? {alignRight: true} : {})}));
}

/**
 * First visible row of a scrolling window: moves only as far as needed to keep
 * `selected` in view (no jumping), and never leaves empty rows below the end.
 */
export function scrollOffset(previous: number, selected: number, height: number, total: number): number {
	if (height <= 0 || total <= height) return 0;
	let offset = Math.min(previous, selected);
	if (selected >= offset + height) offset = selected - height + 1;
	return Math.max(0, Math.min(offset, total - height));
}

/** Header lines, footer line and the one line kept free so Ink never has to clear the screen. */
export const HEADER_ROWS = 3;
export const FOOTER_ROWS = 1;
const SPARE_ROW = 1;

/** Rows for the screen body between header and footer (a banner takes one). */
export function bodyRows(viewport: {readonly rows: number}, banner: boolean): number {
	return Math.max(1, viewport.rows - HEADER_ROWS - FOOTER_ROWS - SPARE_ROW - (banner ? 1 : 0));
}

/** Visible list rows: the body minus column titles and the list's status line. */
export function listRows(viewport: {readonly rows: number}, banner: boolean): number {
	return Math.max(1, viewport.rows - LIST_CHROME_ROWS - (banner ? 1 : 0));
}

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

export function isTooSmall(viewport: {readonly columns: number; readonly rows: number}): boolean {
	return viewport.columns < MIN_COLUMNS || viewport.rows < MIN_ROWS;
}

/** Detail screen: the step list gets about 40% of the body, the selected step's table the rest. */
export function detailSplit(body: number): {readonly steps: number; readonly details: number} {
	const summary = 3;
	const rest = Math.max(2, body - summary);
	const steps = Math.max(3, Math.min(Math.floor(rest * 0.4), rest - 3));
	return {steps, details: Math.max(0, rest - steps)};
}

export interface StepColumns {
	readonly name: number;
	readonly action: number;
	readonly status: number;
	readonly started: number;
	readonly duration: number;
	readonly attempts: number;
	readonly onFailure: number;
}

/** Step list columns: fixed ones shrink away on narrow terminals, the name takes the rest. */
export function stepColumns(width: number): StepColumns {
	const status = 14;
	const started = 8;
	const duration = 6;
	const attempts = width >= 100 ? 5 : 0;
	const onFailure = width >= 100 ? 12 : 0;
	const action = width >= 120 ? 22 : width >= 90 ? 18 : 0;
	const fixed = [action, status, started, duration, attempts, onFailure].filter(value => value > 0);
	const gaps = fixed.length * COLUMN_GAP;
	const name = Math.max(10, width - fixed.reduce((sum, value) => sum + value, 0) - gaps);
	return {name, action, status, started, duration, attempts, onFailure};
}

/** Name and value widths of a three-column field table (kind | name | value) `width` wide. */
export function fieldTableWidths(width: number, longestName: number): {readonly kind: number; readonly name: number; readonly value: number} {
	const kind = 8;
	const name = Math.max(8, Math.min(longestName, Math.floor(width * 0.3)));
	return {kind, name, value: Math.max(10, width - kind - name - 2 * COLUMN_GAP)};
}
