/**
 * Selectors the views (through useAppStore) and the UI actions share. Expensive
 * ones are memoised per store so that, given the same inputs, they return the
 * same array (React skips the render) and 10,000 rows are sorted once, not per frame.
 */
import type {Execution, ExecutionDetail, StepExecution} from '../core/types.js';
import {compileFilter, filterNarrows, type ParsedFilter} from '../core/filter.js';
import {orderIgnoresTime, resortExecutions, sortExecutions} from '../core/sort.js';
import {isProblem, statusGroup, type StatusGroup} from '../core/status.js';
import {buildLocationGrid, EMPTY_GRID, gridCell, type GridCell, type LocationGrid} from '../core/grid.js';
import type {AppState} from './app-store.js';
import type {ConnectionContext, SortColumn} from './state.js';

interface RowsMemo {
	source?: Readonly<Record<string, Execution>>;
	expression?: string;
	column?: SortColumn;
	descending?: boolean;
	rows: readonly Execution[];
	errors: readonly string[];
	/** Executions frozen while the `/` prompt is open, so the list holds still as you type. */
	held?: Readonly<Record<string, Execution>>;
	/** The held executions sorted, once: each draft typed only filters this order. */
	heldSorted?: {readonly column: SortColumn; readonly descending: boolean; readonly rows: readonly Execution[]};
	/**
	 * The drafts filtered over the held rows (in that order), so a character erased gives back
	 * the rows it had, and one typed on filters the last draft's rows when it can only narrow them.
	 */
	heldDrafts?: Map<string, {readonly parsed: ParsedFilter; readonly rows: readonly Execution[]}>;
	/** Where the selected row last was, to fall back to its neighbour when it disappears. */
	lastSelected?: {readonly id: string; readonly index: number};
}

/**
 * One memo per store. Keyed on the store's `actions` object, the one value that
 * stays the same for a store's whole life, so tests with many stores never share.
 */
const memos = new WeakMap<object, RowsMemo>();

function memoOf(state: AppState): RowsMemo {
	let memo = memos.get(state.actions);
	if (!memo) {
		memo = {rows: [], errors: []};
		memos.set(state.actions, memo);
	}

	return memo;
}

function refreshRows(state: AppState, memo: RowsMemo): void {
	const prompting = state.filterDraft !== undefined;
	if (!prompting) memo.held = memo.heldSorted = memo.heldDrafts = undefined;
	else memo.held ??= state.executions;
	const source = memo.held ?? state.executions;
	const expression = state.filterDraft ?? state.filter;
	if (memo.source === source && memo.expression === expression && memo.column === state.sort.column && memo.descending === state.sort.descending) {
		return;
	}

	const {predicate, errors, parsed} = compileFilter(expression);
	// Date.now only orders running executions by their live duration; the order is recomputed when data changes.
	if (memo.held === undefined) memo.rows = sortedRows(memo, source, expression, predicate, state.sort);
	else {
		// Filtering keeps the order, so filtering the sorted rows is sorting the filtered ones.
		const {column, descending} = state.sort;
		if (memo.heldSorted?.column !== column || memo.heldSorted.descending !== descending) {
			memo.heldSorted = {column, descending, rows: sortExecutions(Object.values(memo.held), state.sort, Date.now())};
			memo.heldDrafts = new Map();
		}

		const drafts = (memo.heldDrafts ??= new Map());
		const known = drafts.get(expression);
		if (known) memo.rows = known.rows;
		else {
			// The fewest rows of a draft this one narrows (typing on: "sto" → "stop"), else all the held rows.
			let from = memo.heldSorted.rows;
			for (const draft of drafts.values()) if (draft.rows.length < from.length && filterNarrows(draft.parsed, parsed)) from = draft.rows;
			memo.rows = from.filter(predicate);
			if (drafts.size >= 64) drafts.clear();
			drafts.set(expression, {parsed, rows: memo.rows});
		}
	}

	memo.errors = errors;
	memo.source = source;
	memo.expression = expression;
	memo.column = state.sort.column;
	memo.descending = state.sort.descending;
}

/** Past this share of rows changed, sorting everything again is as quick as merging the changes in. */
const RESORT_SHARE = 0.1;

/**
 * The filtered, sorted rows of `source`: when only the data changed since the memo's rows (same
 * filter and order), the rows that changed are merged into the last order instead of sorting all.
 */
function sortedRows(
	memo: RowsMemo,
	source: Readonly<Record<string, Execution>>,
	expression: string,
	predicate: (execution: Execution) => boolean,
	sort: AppState['sort'],
): readonly Execution[] {
	const previous = memo.source;
	const sameView =
		previous !== undefined && memo.held === undefined && memo.expression === expression && memo.column === sort.column && memo.descending === sort.descending;
	if (!sameView || !orderIgnoresTime(sort.column)) return sortExecutions(Object.values(source).filter(predicate), sort, Date.now());
	const stale = new Set<string>();
	const changed: Execution[] = [];
	const limit = Math.max(64, RESORT_SHARE * memo.rows.length);
	for (const id in previous) if (source[id] === undefined) stale.add(id);
	for (const id in source) {
		const row = source[id]!;
		if (previous[id] === row) continue;
		if (previous[id] !== undefined) stale.add(id);
		if (predicate(row)) changed.push(row);
		if (changed.length + stale.size > limit) return sortExecutions(Object.values(source).filter(predicate), sort, Date.now());
	}

	return resortExecutions(memo.rows, stale, changed, sort, Date.now());
}

/** The list's rows: filtered (by the draft while typing) and sorted; same array while nothing changed. */
export function selectVisibleRows(state: AppState): readonly Execution[] {
	const memo = memoOf(state);
	refreshRows(state, memo);
	return memo.rows;
}

/** What is wrong with the filter being applied or typed (empty when it is fine). */
export function selectFilterErrors(state: AppState): readonly string[] {
	const memo = memoOf(state);
	refreshRows(state, memo);
	return memo.errors;
}

/** The last id looked up in each rows array: asked again and again per frame, a new array per filter typed. */
const found = new WeakMap<readonly Execution[], {readonly id: string; readonly index: number}>();

function indexOf(rows: readonly Execution[], id: string): number {
	const last = found.get(rows);
	if (last?.id === id) return last.index;
	const index = rows.findIndex(row => row.id === id);
	found.set(rows, {id, index});
	return index;
}

/**
 * Index of the selected row; -1 when the list is empty. When the selected
 * execution is filtered out or gone, its neighbour (the row now at its old place) is selected.
 */
export function selectSelectedIndex(state: AppState): number {
	const rows = selectVisibleRows(state);
	if (rows.length === 0) return -1;
	const memo = memoOf(state);
	const id = state.selectedId;
	if (id !== undefined) {
		const index = indexOf(rows, id);
		if (index >= 0) {
			memo.lastSelected = {id, index};
			return index;
		}

		if (memo.lastSelected?.id === id) return Math.min(memo.lastSelected.index, rows.length - 1);
	}

	return 0;
}

export function selectSelectedExecution(state: AppState): Execution | undefined {
	return selectVisibleRows(state)[selectSelectedIndex(state)];
}

export type StatusCounts = Readonly<Record<StatusGroup, number>>;

const countsMemo = new WeakMap<object, StatusCounts>();

/** Executions per status group, over everything known (not just the filtered rows). */
export function selectStatusCounts(state: AppState): StatusCounts {
	const cached = countsMemo.get(state.executions);
	if (cached) return cached;
	const counts: Record<StatusGroup, number> = {running: 0, waiting: 0, success: 0, problem: 0, cancelled: 0, other: 0};
	for (const execution of Object.values(state.executions)) counts[statusGroup(execution.status)]++;
	countsMemo.set(state.executions, counts);
	return counts;
}

/** The execution shown by the detail, grid and location screens, with its steps when loaded. */
export function selectOpenExecution(state: AppState): Execution | undefined {
	if (state.openId === undefined) return undefined;
	return state.details[state.openId] ?? state.executions[state.openId];
}

export function selectOpenDetail(state: AppState): ExecutionDetail | undefined {
	return state.openId === undefined ? undefined : state.details[state.openId];
}

const gridMemo = new WeakMap<readonly StepExecution[], LocationGrid>();

/** The account × region grid of the open execution (empty unless it is a CrossAccount parent with loaded steps). */
export function selectOpenGrid(state: AppState): LocationGrid {
	const steps = selectOpenDetail(state)?.steps;
	if (!steps) return EMPTY_GRID;
	let grid = gridMemo.get(steps);
	if (!grid) {
		grid = buildLocationGrid(steps);
		gridMemo.set(steps, grid);
	}

	return grid;
}

/** The grid cell under the cursor; when the cursor was never moved, the first failed cell, else the first cell. */
export function selectGridCursorCell(state: AppState): GridCell | undefined {
	const grid = selectOpenGrid(state);
	const cursor = state.gridCursor;
	if (cursor) {
		const cell = gridCell(grid, cursor.account, cursor.region);
		if (cell) return cell;
	}

	// Never moved: start on the first failed location (that is what one opens a grid for), else the first one.
	let first: GridCell | undefined;
	for (const account of grid.accounts) {
		for (const region of grid.regions) {
			const cell = gridCell(grid, account, region);
			if (cell && isProblem(cell.status)) return cell;
			first ??= cell;
		}
	}

	return first;
}

/** Whether the child execution of an account can be read with the credentials we have. */
export function canReadAccount({context}: {readonly context: ConnectionContext}, account: string): boolean {
	const readable = context.readableAccounts;
	return readable === 'all' || account === context.account || readable.includes(account);
}

/** The steps shown on the current screen (detail: the open execution's; location: the child's). */
export function selectScreenSteps(state: AppState): readonly StepExecution[] {
	if (state.screen === 'location') {
		const childId = selectGridCursorCell(state)?.childExecutionId;
		return (childId === undefined ? undefined : state.childSteps[childId]) ?? NO_STEPS;
	}

	return selectOpenDetail(state)?.steps ?? NO_STEPS;
}

const NO_STEPS: readonly StepExecution[] = [];

/** Rows of the list body for a viewport: everything but the header, column titles and footer. */
export function listBodyRows(viewport: {readonly rows: number}): number {
	return Math.max(1, viewport.rows - LIST_CHROME_ROWS);
}

/** Header (3 lines), column titles (1), list status line (1), footer (1), and one row left free so Ink never clears the screen. */
export const LIST_CHROME_ROWS = 7;

const countMemo = new WeakMap<object, number>();

/** How many executions are known (memoised: Object.keys of 10,000 rows is not free on every keypress). */
export function selectExecutionCount(state: AppState): number {
	let count = countMemo.get(state.executions);
	if (count === undefined) {
		count = Object.keys(state.executions).length;
		countMemo.set(state.executions, count);
	}

	return count;
}
