/**
 * Sorting the execution list by any column. Stable and total: ties go to the
 * newest start time, then the id, so rows never swap places between refreshes.
 */
import type {Execution} from './types.js';
import {isFinal, statusGroup, type StatusGroup} from './status.js';

/** Mirrors SortColumn in store/state.ts (core may not import the store). */
export type SortKey = 'status' | 'id' | 'document' | 'mode' | 'type' | 'region' | 'started' | 'duration' | 'step' | 'executedBy';

/** The order the `s` key cycles through (the list's column order). */
export const SORT_KEYS: readonly SortKey[] = ['status', 'id', 'document', 'mode', 'type', 'region', 'started', 'duration', 'step', 'executedBy'];

export function nextSortKey(current: SortKey): SortKey {
	const index = SORT_KEYS.indexOf(current);
	return SORT_KEYS[(index + 1) % SORT_KEYS.length] ?? 'started';
}

/** Problems first: what an on-call engineer looks for. */
const GROUP_RANK: Readonly<Record<StatusGroup, number>> = {problem: 0, waiting: 1, running: 2, cancelled: 3, success: 4, other: 5};

type Comparator = (a: Execution, b: Execution) => number;

const text =
	(pick: (execution: Execution) => string | undefined): Comparator =>
	(a, b) =>
		(pick(a) ?? '').localeCompare(pick(b) ?? '', 'en', {sensitivity: 'base'});

const number =
	(pick: (execution: Execution) => number | undefined): Comparator =>
	(a, b) =>
		(pick(a) ?? Number.NEGATIVE_INFINITY) - (pick(b) ?? Number.NEGATIVE_INFINITY) || 0;

function durationOf(execution: Execution, now: number): number | undefined {
	if (execution.startTime === undefined) return undefined;
	const end = execution.endTime ?? (isFinal(execution.status) ? execution.startTime : now);
	return end - execution.startTime;
}

function primary(key: SortKey, now: number): Comparator {
	switch (key) {
		case 'status':
			return (a, b) => GROUP_RANK[statusGroup(a.status)] - GROUP_RANK[statusGroup(b.status)] || text(e => e.status)(a, b);
		case 'id':
			return text(e => e.id);
		case 'document':
			return (a, b) => text(e => e.documentName)(a, b) || number(e => Number(e.documentVersion))(a, b);
		case 'mode':
			return text(e => e.mode);
		case 'type':
			return text(e => e.automationType ?? 'Local');
		case 'region':
			return text(e => e.region);
		case 'started':
			return number(e => e.startTime);
		case 'duration':
			return number(e => durationOf(e, now));
		case 'step':
			return text(e => e.currentStepName);
		case 'executedBy':
			return text(e => e.executedBy);
	}
}

const tieBreak: Comparator = (a, b) => number(e => e.startTime)(b, a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A new sorted array; `now` gives running executions their live duration. */
export function sortExecutions(rows: readonly Execution[], sort: {readonly column: SortKey; readonly descending: boolean}, now: number): Execution[] {
	const compare = primary(sort.column, now);
	const direction = sort.descending ? -1 : 1;
	return [...rows].sort((a, b) => direction * compare(a, b) || tieBreak(a, b));
}
