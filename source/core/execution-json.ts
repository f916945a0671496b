/**
 * One execution as a JSON object for scripts (`ssmtop --once --json`, one per line): always the
 * same fields in the same order, null when SSM did not say, times as ISO 8601 strings.
 */
import type {Execution} from './types.js';
import {NON_C0_CONTROLS, unicodeEscape} from './visible-text.js';

export interface ExecutionJson {
	readonly id: string;
	readonly region: string;
	readonly account: string | null;
	readonly documentName: string;
	readonly documentVersion: string | null;
	readonly status: string;
	readonly mode: string | null;
	readonly automationType: string | null;
	readonly parentId: string | null;
	readonly startTime: string | null;
	readonly endTime: string | null;
	readonly currentStepName: string | null;
	readonly currentAction: string | null;
	readonly executedBy: string | null;
	readonly failureMessage: string | null;
	readonly target: string | null;
	readonly maxConcurrency: string | null;
	readonly maxErrors: string | null;
}

function isoTime(epochMs: number | undefined): string | null {
	return epochMs === undefined ? null : new Date(epochMs).toISOString();
}

export function executionJson(execution: Execution): ExecutionJson {
	return {
		id: execution.id,
		region: execution.region,
		account: execution.account ?? null,
		documentName: execution.documentName,
		documentVersion: execution.documentVersion ?? null,
		status: execution.status,
		mode: execution.mode ?? null,
		automationType: execution.automationType ?? null,
		parentId: execution.parentId ?? null,
		startTime: isoTime(execution.startTime),
		endTime: isoTime(execution.endTime),
		currentStepName: execution.currentStepName ?? null,
		currentAction: execution.currentAction ?? null,
		executedBy: execution.executedBy ?? null,
		failureMessage: execution.failureMessage ?? null,
		target: execution.target ?? null,
		maxConcurrency: execution.maxConcurrency ?? null,
		maxErrors: execution.maxErrors ?? null,
	};
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 (0x9B is a one-byte CSI) and the bidi
 * overrides as they are, so `--once --json | cat` would hand them to the terminal: escape those
 * too. They only occur inside strings, so the line stays valid JSON and parses to the same values.
 */
function safeJson(value: unknown): string {
	return JSON.stringify(value).replace(NON_C0_CONTROLS, unicodeEscape);
}

/** JSON Lines: one object per line, each line ending in a newline. */
export function executionJsonLines(executions: readonly Execution[]): string {
	return executions.map(execution => `${safeJson(executionJson(execution))}\n`).join('');
}
