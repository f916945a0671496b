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

/** Whether an order by this column holds as time passes (a running execution's duration does not). */
export function orderIgnoresTime(column: SortKey): boolean {
	return column !== 'duration';
}

/**
 * `sorted` (the rows in this order before) with `changed` rows put where they now belong:
 * `stale` ids leave, and `changed` (new or updated rows, in any order) are sorted and merged in.
 * The same result as sorting everything again when the order ignores time, for O(n + k log k)
 * instead of O(n log n): at organisation scale, 30,000 rows of which a batch changes a few dozen.
 */
export function resortExecutions(
	sorted: readonly Execution[],
	stale: ReadonlySet<string>,
	changed: readonly Execution[],
	sort: {readonly column: SortKey; readonly descending: boolean},
	now: number,
): Execution[] {
	const {compare} = executionColumn(sort.column);
	const direction = sort.descending ? -1 : 1;
	const order = (a: Execution, b: Execution): number => direction * compare(a, b, now) || tieBreak(a, b, now);
	const incoming = [...changed].sort(order);
	const result: Execution[] = [];
	let next = 0;
	for (const row of sorted) {
		if (stale.has(row.id)) continue;
		while (next < incoming.length && order(incoming[next]!, row) < 0) result.push(incoming[next++]!);
		result.push(row);
	}

	while (next < incoming.length) result.push(incoming[next++]!);
	return result;
}
