/**
 * The execution list's columns, each declared once: the list lays them out,
 * prints their titles and cells, and sorts by them (`s` cycles in this order)
 * from this table alone. The store's SortColumn is this table's key type.
 */
import type {Execution} from '../types.js';
import {elapsed, elapsedChangesAt, relativeTime, relativeTimeChangesAt, shortId, statusSymbol} from '../format.js';
import {isFinal, statusGroup, type StatusGroup} from '../status.js';
import type {SortableColumn} from './column.js';
import {byNumber, byText, thenBy} from './compare.js';

export type ExecutionColumn<Key extends string = string> = SortableColumn<Execution, Key>;

/** Declares one column; a function so that each key keeps its literal type. */
const column = <Key extends string>(spec: ExecutionColumn<Key>): ExecutionColumn<Key> => spec;

const MODE_LABELS: Readonly<Record<string, string>> = {Auto: 'Auto', Interactive: 'Inter'};

/** Problems first: what an on-call engineer looks for. */
const GROUP_RANK: Readonly<Record<StatusGroup, number>> = {problem: 0, waiting: 1, running: 2, cancelled: 3, success: 4, other: 5};

/** The person or role behind an ARN: its last path segment ("…:user/alice" → "alice"). */
export function principalName(arn: string | undefined): string {
	if (!arn) return '';
	const slash = arn.lastIndexOf('/');
	return slash >= 0 ? arn.slice(slash + 1) : arn;
}

/** How long it ran, or has been running; a finished execution without an end time took no time. */
function durationOf(execution: Execution, now: number): number | undefined {
	if (execution.startTime === undefined) return undefined;
	const end = execution.endTime ?? (isFinal(execution.status) ? execution.startTime : now);
	return end - execution.startTime;
}

// Widths: the minimum is the narrowest a column is still worth showing at; below it the column is dropped
// (lowest `keep` first) instead. Status, id and document are what identifies a row, so they go last.
const REGISTRY = [
	column({
		key: 'status',
		title: 'STATUS',
		width: {min: 12, grow: 0, max: 12, keep: 99},
		text: (execution, _now, ascii) => `${statusSymbol(execution.status, ascii)} ${execution.status}`,
		compare: thenBy(
			byNumber(execution => GROUP_RANK[statusGroup(execution.status)]),
			byText(execution => execution.status),
		),
	}),
	column({
		key: 'id',
		title: 'ID',
		width: {min: 8, grow: 0, max: 8, keep: 98},
		text: execution => shortId(execution.id),
		compare: byText(execution => execution.id),
	}),
	column({
		key: 'document',
		title: 'DOCUMENT:VER',
		width: {min: 20, grow: 4, max: 48, keep: 97},
		text: execution => (execution.documentVersion ? `${execution.documentName}:${execution.documentVersion}` : execution.documentName),
		compare: thenBy(
			byText(execution => execution.documentName),
			byNumber(execution => Number(execution.documentVersion)),
		),
	}),
	column({
		key: 'mode',
		title: 'MODE',
		width: {min: 5, grow: 0, max: 5, keep: 2},
		text: execution => MODE_LABELS[execution.mode ?? ''] ?? execution.mode ?? '',
		compare: byText(execution => execution.mode),
	}),
	column({
		key: 'type',
		title: 'TYPE',
		width: {min: 6, grow: 0, max: 6, keep: 3},
		text(execution, _now, ascii) {
			const type = execution.automationType === 'CrossAccount' ? 'Cross' : (execution.automationType ?? 'Local');
			// Children of a rate-control or cross-account parent are marked, so they read as part of a bigger run.
			return execution.parentId ? `${ascii ? '>' : '↳'}${type}` : type;
		},
		compare: byText(execution => execution.automationType ?? 'Local'),
	}),
	// Shown only while several accounts are watched (ui/layout.ts listColumns): the Organizations name or the profile, else the id.
	column({
		key: 'account',
		title: 'ACCOUNT',
		width: {min: 10, grow: 1, max: 24, keep: 7},
		text: execution => execution.accountName ?? execution.account ?? '',
		compare: byText(execution => execution.accountName ?? execution.account),
	}),
	column({
		key: 'region',
		title: 'REGION',
		width: {min: 14, grow: 0, max: 14, keep: 6},
		text: execution => execution.region,
		compare: byText(execution => execution.region),
	}),
	column({
		key: 'started',
		title: 'STARTED',
		width: {min: 7, grow: 0, max: 7, keep: 8, alignRight: true},
		text: (execution, now) => relativeTime(execution.startTime, now).replace(' ago', ''),
		changesAt: (execution, now) => relativeTimeChangesAt(execution.startTime, now),
		compare: byNumber(execution => execution.startTime),
	}),
	column({
		key: 'duration',
		title: 'TOOK',
		width: {min: 6, grow: 0, max: 6, keep: 4, alignRight: true},
		text: (execution, now) => elapsed(execution.startTime, execution.endTime, now),
		changesAt: (execution, now) => elapsedChangesAt(execution.startTime, execution.endTime, now),
		compare: byNumber(durationOf),
	}),
	// When it ended, as long ago as STARTED says: only on wide terminals (from 160 columns), and the first to go.
	column({
		key: 'ended',
		title: 'ENDED',
		width: {min: 7, grow: 0, max: 7, keep: 0, alignRight: true, showFrom: 160},
		text: (execution, now) => (execution.endTime === undefined ? '-' : relativeTime(execution.endTime, now).replace(' ago', '')),
		compare: byNumber(execution => execution.endTime),
	}),
	column({
		key: 'step',
		title: 'CURRENT STEP',
		width: {min: 10, grow: 2, max: 36, keep: 5},
		text: execution => execution.currentStepName ?? '',
		compare: byText(execution => execution.currentStepName),
	}),
	column({
		key: 'executedBy',
		title: 'EXECUTED BY',
		width: {min: 10, grow: 2, max: 40, keep: 1},
		text: execution => principalName(execution.executedBy),
		compare: byText(execution => execution.executedBy),
	}),
];

export type ExecutionColumnKey = (typeof REGISTRY)[number]['key'];

/** Columns that only mean something while several accounts are watched. */
export const MANY_ACCOUNTS_COLUMNS: ReadonlySet<string> = new Set(['account']);

/** Every execution column, in the list's left-to-right order (which is also the sort cycle's). */
export const EXECUTION_COLUMNS: readonly ExecutionColumn<ExecutionColumnKey>[] = REGISTRY;

const BY_KEY = new Map<string, ExecutionColumn<ExecutionColumnKey>>(EXECUTION_COLUMNS.map(entry => [entry.key, entry]));

/** The column declared under `key` (every key names one: the key type is the table's). */
export function executionColumn(key: ExecutionColumnKey): ExecutionColumn<ExecutionColumnKey> {
	return BY_KEY.get(key)!;
}
