/**
 * Sorting the execution list by any of its columns (each column's comparison is
 * declared in columns/execution-columns.ts). Stable and total: ties go to the
 * newest start time, then the id, so rows never swap places between refreshes.
 */
import type {Execution} from './types.js';
import {byNumber} from './columns/compare.js';
import {EXECUTION_COLUMNS, executionColumn, MANY_ACCOUNTS_COLUMNS, type ExecutionColumnKey} from './columns/execution-columns.js';

/** The store's SortColumn: any execution column. */
export type SortKey = ExecutionColumnKey;

/** The order the `s` key cycles through (the list's column order). */
export const SORT_KEYS: readonly SortKey[] = EXECUTION_COLUMNS.map(column => column.key);

/** The next key of the cycle; `manyAccounts` false skips the columns the list does not show then (ACCOUNT). */
export function nextSortKey(current: SortKey, manyAccounts = false): SortKey {
	const keys = manyAccounts ? SORT_KEYS : SORT_KEYS.filter(key => !MANY_ACCOUNTS_COLUMNS.has(key));
	const index = keys.indexOf(current);
	return keys[(index + 1) % keys.length] ?? 'started';
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
