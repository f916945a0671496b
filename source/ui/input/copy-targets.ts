/**
 * What `y`, `o` and `v` act on, read from the store as it is now (pure): the id to copy, the execution
 * whose console URL to copy, and the values the full-text viewer shows. The id in the list is the
 * selected execution's; in the detail the selected step's (the execution's on the Tab pane); in the
 * grid the cell's child execution's; in a location its selected step's.
 */
import type {ViewerField} from '../../core/dialogs/text-viewer.js';
import {consoleUrl} from '../../core/console-link.js';
import type {StepExecution} from '../../core/types.js';
import type {AppState} from '../../store/app-store.js';
import {selectGridCursorCell, selectOpenDetail, selectOpenExecution, selectScreenSteps, selectSelectedExecution} from '../../store/selectors.js';
import {executionFieldRows, stepFieldRows} from '../detail/fields.js';
import type {FieldRow} from '../detail/field-table.js';

export interface CopyTarget {
	readonly text: string;
	/** For the footer: "execution id 0a1b…". */
	readonly what: string;
}

const selectedStep = (state: AppState): StepExecution | undefined => selectScreenSteps(state)[state.selectedStepIndex];

export function copyTarget(state: AppState): CopyTarget | undefined {
	const execution = (id: string | undefined): CopyTarget | undefined => (id === undefined ? undefined : {text: id, what: `execution id ${id}`});
	switch (state.screen) {
		case 'list':
			return execution(selectSelectedExecution(state)?.id);
		case 'detail':
		case 'location': {
			const stepId = state.screen === 'location' || state.detailPane === 'steps' ? selectedStep(state)?.stepExecutionId : undefined;
			if (stepId !== undefined) return {text: stepId, what: `step id ${stepId}`};
			return state.screen === 'location' ? childExecution(state) : execution(state.openId);
		}
		case 'grid':
			return childExecution(state) ?? execution(state.openId);
		default:
			return undefined;
	}
}

function childExecution(state: AppState): CopyTarget | undefined {
	const id = selectGridCursorCell(state)?.childExecutionId;
	return id === undefined ? undefined : {text: id, what: `child execution id ${id}`};
}

/** The execution `o` links to: the selected or open one; in the grid and a location, the cell's child run (in its Region). */
export function urlTarget(state: AppState): {readonly region: string; readonly executionId: string} | undefined {
	if (state.screen === 'grid' || state.screen === 'location') {
		const cell = selectGridCursorCell(state);
		if (cell?.childExecutionId !== undefined) return {region: cell.region, executionId: cell.childExecutionId};
	}
	const execution = state.screen === 'list' ? selectSelectedExecution(state) : selectOpenExecution(state);
	return execution ? {region: execution.region, executionId: execution.id} : undefined;
}

const field = (row: FieldRow): ViewerField => ({label: `${row.kind} ${row.name}`.trim(), value: row.value});

/** A step's values: its failure first (what one opens it for), then its name and action, then inputs, outputs and response. */
export function stepViewerFields(step: StepExecution): ViewerField[] {
	const rows = stepFieldRows(step);
	const failure = rows.filter(row => row.kind === 'failure').map(field);
	const rest = rows.filter(row => row.kind !== 'failure').map(field);
	const named: ViewerField[] = [
		{label: 'step name', value: step.stepName},
		...(step.action ? [{label: 'step action', value: step.action}] : []),
		...(step.stepExecutionId ? [{label: 'step id', value: step.stepExecutionId}] : []),
	];
	return [...failure, ...named, ...rest];
}

export interface ViewerContent {
	readonly title: string;
	readonly fields: readonly ViewerField[];
}

/** What `v` opens: the selected step's values, or on the detail's Tab pane the execution's. */
export function viewerContent(state: AppState): ViewerContent | undefined {
	const detail = selectOpenDetail(state);
	if (state.screen === 'detail' && state.detailPane === 'info') {
		if (!detail) return undefined;
		const url = consoleUrl(detail.region, detail.id);
		const fields = [
			...executionFieldRows(detail).map(field),
			{label: 'execution id', value: detail.id},
			{label: 'runbook', value: detail.documentVersion ? `${detail.documentName}:${detail.documentVersion}` : detail.documentName},
			...(url ? [{label: 'console URL', value: url}] : []),
		];
		return {title: `Execution ${detail.id}`, fields};
	}
	if (state.screen !== 'detail' && state.screen !== 'location') return undefined;
	const steps = selectScreenSteps(state);
	const step = steps[state.selectedStepIndex];
	return step ? {title: `Step ${state.selectedStepIndex + 1}/${steps.length} ${step.stepName}`, fields: stepViewerFields(step)} : undefined;
}
