/**
 * The step list's columns (detail and location screens), each declared once:
 * the step list lays them out and prints their titles and cells from this table.
 * Steps are shown in run order, so these columns do not sort.
 */
import type {StepExecution} from '../types.js';
import {elapsed, elapsedChangesAt, relativeTime, relativeTimeChangesAt, statusSymbol} from '../format.js';
import type {Column} from './column.js';

export type StepColumn<Key extends string = string> = Column<StepExecution, Key>;

/** Declares one column; a function so that each key keeps its literal type. */
const column = <Key extends string>(spec: StepColumn<Key>): StepColumn<Key> => spec;

// The name takes whatever the fixed columns leave; the optional ones appear at fixed terminal widths.
const REGISTRY = [
	column({
		key: 'name',
		title: 'STEP',
		width: {min: 10, grow: 1, max: Number.POSITIVE_INFINITY, keep: 99},
		text: step => step.stepName,
	}),
	column({
		key: 'action',
		title: 'ACTION',
		width: {min: 18, grow: 0, max: 22, keep: 3, showFrom: 90, widerFrom: {columns: 120, min: 22}},
		text: step => step.action ?? '',
	}),
	column({
		key: 'status',
		title: 'STATUS',
		width: {min: 14, grow: 0, max: 14, keep: 98},
		text: (step, _now, ascii) => `${statusSymbol(step.status, ascii)} ${step.status}`,
	}),
	column({
		key: 'started',
		title: 'STARTED',
		width: {min: 8, grow: 0, max: 8, keep: 97, alignRight: true},
		text: (step, now) => relativeTime(step.startTime, now).replace(' ago', ''),
		changesAt: (step, now) => relativeTimeChangesAt(step.startTime, now),
	}),
	column({
		key: 'duration',
		title: 'TOOK',
		width: {min: 6, grow: 0, max: 6, keep: 96, alignRight: true},
		text: (step, now) => elapsed(step.startTime, step.endTime, now),
		changesAt: (step, now) => elapsedChangesAt(step.startTime, step.endTime, now),
	}),
	column({
		key: 'attempts',
		title: 'TRIES',
		width: {min: 5, grow: 0, max: 5, keep: 2, alignRight: true, showFrom: 100},
		text: step => (step.maxAttempts === undefined ? '' : String(step.maxAttempts)),
	}),
	column({
		key: 'onFailure',
		title: 'ON FAILURE',
		width: {min: 12, grow: 0, max: 12, keep: 1, showFrom: 100},
		text: step => step.onFailure ?? '',
	}),
];

export type StepColumnKey = (typeof REGISTRY)[number]['key'];

/** Every step column, in the list's left-to-right order. */
export const STEP_COLUMNS: readonly StepColumn<StepColumnKey>[] = REGISTRY;
