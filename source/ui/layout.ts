/**
 * Layout arithmetic as pure functions (tested at 80, 100 and 200 columns):
 * which list columns fit and how wide they are, scrolling windows, pane heights.
 */
import type {Execution, StepExecution} from '../core/types.js';
import type {CellChangesAt, CellText, Column} from '../core/columns/column.js';
import {EXECUTION_COLUMNS, MANY_ACCOUNTS_COLUMNS, type ExecutionColumnKey} from '../core/columns/execution-columns.js';
import {STEP_COLUMNS, type StepColumnKey} from '../core/columns/step-columns.js';
import {LIST_CHROME_ROWS} from '../store/selectors.js';

/** A registry column given its width for one terminal width. */
export interface FittedColumn<Row, Key extends string = string> {
	readonly key: Key;
	readonly title: string;
	readonly width: number;
	readonly alignRight?: boolean;
	readonly text: CellText<Row>;
	readonly changesAt?: CellChangesAt<Row>;
}

export type ListColumnKey = ExecutionColumnKey;
export type ListColumn = FittedColumn<Execution, ListColumnKey>;

/** Space between two columns. */
export const COLUMN_GAP = 1;

function totalWidth<T>(columns: readonly T[], pick: (column: T) => number): number {
	return columns.reduce((sum, column) => sum + pick(column), 0) + COLUMN_GAP * Math.max(0, columns.length - 1);
}

/**
 * The columns of `registry` that fit `width`, and how wide each is: columns shown only on
 * wider terminals left out, then the least useful ones dropped until the minimums fit,
 * then the spare width handed to the growing columns.
 */
export function fitColumns<Row, Key extends string>(registry: readonly Column<Row, Key>[], width: number): Array<FittedColumn<Row, Key>> {
	const minOf = ({width: rule}: Column<Row, Key>): number => (rule.widerFrom && width >= rule.widerFrom.columns ? rule.widerFrom.min : rule.min);
	let shown = registry.filter(column => width >= (column.width.showFrom ?? 0));
	while (shown.length > 1 && totalWidth(shown, minOf) > width) {
		const weakest = shown.reduce((low, column) => (column.width.keep < low.width.keep ? column : low));
		shown = shown.filter(column => column !== weakest);
	}

	const widths = new Map(shown.map(column => [column, minOf(column)]));
	let spare = width - totalWidth(shown, minOf);
	// Hand out spare columns one round at a time, by weight, until every growable column is at its max.
	while (spare > 0) {
		const growable = shown.filter(column => column.width.grow > 0 && widths.get(column)! < column.width.max);
		if (growable.length === 0) break;
		const weight = growable.reduce((sum, column) => sum + column.width.grow, 0);
		let given = 0;
		for (const column of growable) {
			const share = Math.max(1, Math.floor((spare * column.width.grow) / weight));
			const room = column.width.max - widths.get(column)!;
			const add = Math.min(share, room, spare - given);
			widths.set(column, widths.get(column)! + add);
			given += add;
			if (given >= spare) break;
		}

		spare -= given;
		if (given === 0) break;
	}

	return shown.map(column => ({
		key: column.key,
		title: column.title,
		width: widths.get(column)!,
		text: column.text,
		...(column.changesAt ? {changesAt: column.changesAt} : {}),
		...(column.width.alignRight ? {alignRight: true} : {}),
	}));
}

const SINGLE_ACCOUNT_COLUMNS = EXECUTION_COLUMNS.filter(column => !MANY_ACCOUNTS_COLUMNS.has(column.key));

/**
 * The list's columns for a terminal `width` wide: least useful ones dropped first, spare width to
 * the text columns. ACCOUNT only while several accounts are watched.
 */
export function listColumns(width: number, manyAccounts = false): ListColumn[] {
	return fitColumns(manyAccounts ? EXECUTION_COLUMNS : SINGLE_ACCOUNT_COLUMNS, width);
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

/** Each step column's width (0: not shown at this width). */
export type StepColumns = Readonly<Record<StepColumnKey, number>>;

/** The step list's columns for a terminal `width` wide: the optional ones appear on wider terminals, the name takes the rest. */
export function stepListColumns(width: number): Array<FittedColumn<StepExecution, StepColumnKey>> {
	return fitColumns(STEP_COLUMNS, width);
}

/** Step column widths by key, 0 for the ones left out. */
export function stepColumns(width: number): StepColumns {
	const widths = Object.fromEntries(STEP_COLUMNS.map(column => [column.key, 0])) as Record<StepColumnKey, number>;
	for (const column of stepListColumns(width)) widths[column.key] = column.width;
	return widths;
}

/** Name and value widths of a three-column field table (kind | name | value) `width` wide. */
export function fieldTableWidths(width: number, longestName: number): {readonly kind: number; readonly name: number; readonly value: number} {
	const kind = 8;
	const name = Math.max(8, Math.min(longestName, Math.floor(width * 0.3)));
	return {kind, name, value: Math.max(10, width - kind - name - 2 * COLUMN_GAP)};
}
