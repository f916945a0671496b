/**
 * Merging fresh data into what the store already holds, keeping object identity
 * wherever nothing changed: selectors compare by reference, so an unchanged
 * execution must stay the very same object or the views would repaint for nothing.
 */
import type {Execution, ExecutionDetail, StepExecution} from './types.js';

/** Structural equality for the plain data we get from the API (objects, arrays, primitives). */
export function deepEqual(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
	}

	const aRecord = a as Record<string, unknown>;
	const bRecord = b as Record<string, unknown>;
	// Absent and undefined members mean the same thing in our types.
	const aKeys = Object.keys(aRecord).filter(key => aRecord[key] !== undefined);
	const bKeys = Object.keys(bRecord).filter(key => bRecord[key] !== undefined);
	return aKeys.length === bKeys.length && aKeys.every(key => deepEqual(aRecord[key], bRecord[key]));
}

/**
 * Upserts `incoming` into `current` (nothing is removed: a row missing from a
 * filtered or truncated page still exists). Returns `current` itself when no row changed.
 */
export function mergeExecutions(current: Readonly<Record<string, Execution>>, incoming: readonly Execution[]): Readonly<Record<string, Execution>> {
	let next: Record<string, Execution> | undefined;
	for (const execution of incoming) {
		const existing = (next ?? current)[execution.id];
		if (existing && deepEqual(existing, execution)) continue;
		next ??= {...current};
		next[execution.id] = existing ? mergeExecution(existing, execution) : execution;
	}

	return next ?? current;
}

/** A list row merged over the one held: the held object itself when nothing changed. */
export function mergeRow(existing: Execution | undefined, incoming: Execution): Execution {
	if (!existing) return incoming;
	return deepEqual(existing, incoming) ? existing : mergeExecution(existing, incoming);
}

/** Members of a list row that only DescribeAutomationExecutions sends; a detail must not erase them. */
function mergeExecution(existing: Execution, update: Execution): Execution {
	const merged: Execution = {
		...update,
		automationType: update.automationType ?? existing.automationType,
		account: update.account ?? existing.account,
	};
	return deepEqual(existing, merged) ? existing : merged;
}

/** The list-row part of a detail, so opening an execution also refreshes its row. */
export function executionOfDetail(detail: ExecutionDetail): Execution {
	const {parameters, steps, stepsTruncated, targetLocations, progress, variables, tags, ...row} = detail;
	return row;
}

/** Applies a list row update derived from a detail; only touches rows we already list. */
export function mergeDetailIntoExecutions(current: Readonly<Record<string, Execution>>, detail: ExecutionDetail): Readonly<Record<string, Execution>> {
	const existing = current[detail.id];
	if (!existing) return current;
	const merged = mergeExecution(existing, executionOfDetail(detail));
	return merged === existing ? current : {...current, [detail.id]: merged};
}

/** Keeps the previous step objects that did not change, so the step list repaints only changed rows. */
export function mergeSteps(previous: readonly StepExecution[] | undefined, next: readonly StepExecution[]): readonly StepExecution[] {
	if (!previous) return next;
	if (deepEqual(previous, next)) return previous;
	return next.map((step, index) => {
		const old = previous[index];
		return old && deepEqual(old, step) ? old : step;
	});
}

/** Returns `previous` when the detail is unchanged; otherwise the new detail with unchanged steps reused. */
export function mergeDetail(previous: ExecutionDetail | undefined, next: ExecutionDetail): ExecutionDetail {
	if (!previous) return next;
	if (deepEqual(previous, next)) return previous;
	const steps = mergeSteps(previous.steps, next.steps);
	return steps === next.steps ? next : {...next, steps};
}

/**
 * What one refresh of a region proves about the executions it did not return. A listing is
 * complete over a window of start times when nothing cut it: every execution of the region that
 * started in the window was returned, so one we hold in that window that it did not return is
 * gone (deleted, or expired from the service's history).
 */
export interface ListingCoverage {
	/**
	 * Every execution of the region that started strictly after this instant (ms) was returned;
	 * 'all': every execution of the region, whatever its start. Absent: no such window.
	 */
	readonly startedAfter?: number | 'all';
	/** Asked for by id and not returned: gone, whatever their start time. */
	readonly missingIds?: readonly string[];
	/**
	 * The region's executions held when the listing began: only these can it prove gone. A row added
	 * while it was out (the run just started from ssmtop) may have started after the service answered.
	 */
	readonly heldBefore?: ReadonlySet<string>;
}

/**
 * Drops the executions of `region` (of `account`, when given) that `coverage` proves gone: not among `returned`, and inside
 * the window or asked for by id. Rows outside the window (older history beyond the page cap,
 * rows of unknown start in a time window) always stay. Returns `current` itself when nothing goes.
 */
function* heldRows(current: Readonly<Record<string, Execution>>, held: ReadonlySet<string>): Generator<Execution> {
	for (const id of held) {
		const execution = current[id];
		if (execution) yield execution;
	}
}

export function pruneExecutions(
	current: Readonly<Record<string, Execution>>,
	region: string,
	returned: readonly Execution[],
	coverage: ListingCoverage,
	/** With several accounts watched, a location is an account's region: only that account's rows go. */
	account?: string,
): {readonly executions: Readonly<Record<string, Execution>>; readonly removed: readonly string[]} {
	const {startedAfter, missingIds, heldBefore} = coverage;
	if (startedAfter === undefined && !missingIds?.length) return {executions: current, removed: []};
	const seen = new Set(returned.map(execution => execution.id));
	const missing = new Set(missingIds);
	const inWindow = (execution: Execution): boolean =>
		startedAfter === 'all' || (startedAfter !== undefined && execution.startTime !== undefined && execution.startTime > startedAfter);
	const removed: string[] = [];
	// Only held rows can go: with heldBefore (the region's rows alone) there is no need to scan every region's.
	const candidates = heldBefore ? heldRows(current, heldBefore) : Object.values(current);
	for (const execution of candidates) {
		if (
			execution.region !== region ||
			(account !== undefined && execution.account !== account) ||
			seen.has(execution.id) ||
			(heldBefore && !heldBefore.has(execution.id))
		)
			continue;
		if (missing.has(execution.id) || inWindow(execution)) removed.push(execution.id);
	}

	if (removed.length === 0) return {executions: current, removed};
	const next = {...current};
	for (const id of removed) delete next[id];
	return {executions: next, removed};
}
