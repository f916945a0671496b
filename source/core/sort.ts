/**
 * Sorting the execution list by any of its columns (each column's comparison is
 * declared in columns/execution-columns.ts). Stable and total: ties go to the
 * newest start time, then the id, so rows never swap places between refreshes.
 */
import type {Execution} from './types.js';
import {byNumber} from './columns/compare.js';
import {EXECUTION_COLUMNS, executionColumn, type ExecutionColumnKey} from './columns/execution-columns.js';

/** The store's SortColumn: any execution column. */
export type SortKey = ExecutionColumnKey;

/** The order the `s` key cycles through (the list's column order). */
export const SORT_KEYS: readonly SortKey[] = EXECUTION_COLUMNS.map(column => column.key);

export function nextSortKey(current: SortKey): SortKey {
	const index = SORT_KEYS.indexOf(current);
	return SORT_KEYS[(index + 1) % SORT_KEYS.length] ?? 'started';
}

const byStart = byNumber<Execution>(execution => execution.startTime);

function tieBreak(a: Execution, b: Execution, now: number): number {
	return byStart(b, a, now) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A new sorted array; `now` gives running executions their live duration. */
export function sortExecutions(rows: readonly Execution[], sort: {readonly column: SortKey; readonly descending: boolean}, now: number): Execution[] {
	const {compare} = executionColumn(sort.column);
	const direction = sort.descending ? -1 : 1;
	return [...rows].sort((a, b) => direction * compare(a, b, now) || tieBreak(a, b, now));
}
