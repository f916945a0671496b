/** Turning steps and executions into field-table rows (pure). */
import type {ExecutionDetail, ParameterMap, StepExecution} from '../../core/types.js';
import {formatValues} from '../../core/format.js';
import type {FieldRow} from './field-table.js';

/** Step inputs arrive JSON-encoded ("\"ec2\""): show strings bare, anything else as compact JSON. */
export function inputText(value: string): string {
	try {
		const parsed: unknown = JSON.parse(value);
		return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
	} catch {
		return value;
	}
}

function mapRows(kind: string, map: ParameterMap | undefined): FieldRow[] {
	return Object.entries(map ?? {}).map(([name, values]) => ({kind, name, value: formatValues(values)}));
}

export function stepFieldRows(step: StepExecution): FieldRow[] {
	const rows: FieldRow[] = [];
	const failure = step.failureDetails;
	if (step.failureMessage) rows.push({kind: 'failure', name: 'message', value: step.failureMessage, emphasis: 'error'});
	if (failure?.failureStage) rows.push({kind: 'failure', name: 'stage', value: failure.failureStage, emphasis: 'error'});
	if (failure?.failureType) rows.push({kind: 'failure', name: 'type', value: failure.failureType, emphasis: 'error'});
	rows.push(...mapRows('failure', failure?.details).map(row => ({...row, emphasis: 'error' as const})));
	rows.push(...Object.entries(step.inputs ?? {}).map(([name, value]) => ({kind: 'input', name, value: inputText(value)})));
	rows.push(...mapRows('output', step.outputs));
	if (step.response) rows.push({kind: 'response', name: step.responseCode ?? '', value: step.response});
	return rows;
}

/** `parentValue`: the parent as the detail names it (with its account), else its id. */
export function executionFieldRows(detail: ExecutionDetail, parentValue?: string): FieldRow[] {
	const rows: FieldRow[] = [];
	if (detail.failureMessage) rows.push({kind: 'failure', name: 'message', value: detail.failureMessage, emphasis: 'error'});
	rows.push(...mapRows('param', detail.parameters));
	rows.push(...mapRows('output', detail.outputs));
	if (detail.targetParameterName) rows.push({kind: 'target', name: 'parameter', value: detail.targetParameterName});
	for (const target of detail.targets ?? []) rows.push({kind: 'target', name: target.key, value: target.values.join(', ')});
	if (detail.maxConcurrency) rows.push({kind: 'rate', name: 'MaxConcurrency', value: detail.maxConcurrency});
	if (detail.maxErrors) rows.push({kind: 'rate', name: 'MaxErrors', value: detail.maxErrors});
	(detail.targetLocations ?? []).forEach((location, index) =>
		rows.push({kind: 'location', name: `#${index + 1}`, value: `${location.accounts.join(', ')} × ${location.regions.join(', ')}`}),
	);
	for (const tag of detail.tags ?? []) rows.push({kind: 'tag', name: tag.key, value: tag.value});
	if (detail.parentId) rows.push({kind: 'parent', name: 'execution', value: parentValue ?? detail.parentId});
	return rows;
}
