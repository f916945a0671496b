/** The text of one list row, column by column (pure, so the row component only adds colour). */
import type {Execution} from '../../core/types.js';
import {elapsed, fit, relativeTime, shortId, statusSymbol} from '../../core/format.js';
import {COLUMN_GAP, type ListColumn, type ListColumnKey} from '../layout.js';

const MODE_LABELS: Readonly<Record<string, string>> = {Auto: 'Auto', Interactive: 'Inter'};

/** The person or role behind an ARN: its last path segment ("…:user/alice" → "alice"). */
export function principalName(arn: string | undefined): string {
	if (!arn) return '';
	const slash = arn.lastIndexOf('/');
	return slash >= 0 ? arn.slice(slash + 1) : arn;
}

export function cellText(execution: Execution, key: ListColumnKey, now: number, ascii: boolean): string {
	switch (key) {
		case 'status':
			return `${statusSymbol(execution.status, ascii)} ${execution.status}`;
		case 'id':
			return shortId(execution.id);
		case 'document':
			return execution.documentVersion ? `${execution.documentName}:${execution.documentVersion}` : execution.documentName;
		case 'mode':
			return MODE_LABELS[execution.mode ?? ''] ?? execution.mode ?? '';
		case 'type': {
			const type = execution.automationType === 'CrossAccount' ? 'Cross' : (execution.automationType ?? 'Local');
			// Children of a rate-control or cross-account parent are marked, so they read as part of a bigger run.
			return execution.parentId ? `${ascii ? '>' : '↳'}${type}` : type;
		}
		case 'region':
			return execution.region;
		case 'started':
			return relativeTime(execution.startTime, now).replace(' ago', '');
		case 'duration':
			return elapsed(execution.startTime, execution.endTime, now);
		case 'step':
			return execution.currentStepName ?? '';
		case 'executedBy':
			return principalName(execution.executedBy);
	}
}

const GAP = ' '.repeat(COLUMN_GAP);

/** The status cell and the rest of the row, each padded to its column. */
export function rowText(execution: Execution, columns: readonly ListColumn[], now: number, ascii: boolean): {readonly status: string; readonly rest: string} {
	let status = '';
	const rest: string[] = [];
	for (const column of columns) {
		const text = fit(cellText(execution, column.key, now, ascii), column.width, {ascii, alignRight: column.alignRight ?? false});
		if (column.key === 'status') status = text;
		else rest.push(text);
	}

	return {status, rest: (status ? GAP : '') + rest.join(GAP)};
}

export function headerText(columns: readonly ListColumn[], ascii = false): string {
	return columns.map(column => fit(column.title, column.width, {ascii, alignRight: column.alignRight ?? false})).join(GAP);
}
