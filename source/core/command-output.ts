/**
 * Run Command as the detail shows it for an aws:runCommand step: the command's per-instance
 * invocations (ListCommandInvocations) and one instance's output (GetCommandInvocation). Pure:
 * the AWS adapter maps SDK shapes to these, the store keeps them, the views draw them.
 */
import type {StepExecution} from './types.js';

/** CommandInvocationStatus. Kept open like ExecutionStatus. */
export type InvocationStatus = 'Pending' | 'InProgress' | 'Delayed' | 'Success' | 'Cancelled' | 'TimedOut' | 'Failed' | 'Cancelling' | (string & {});

export interface CommandInvocation {
	readonly commandId: string;
	readonly instanceId: string;
	readonly instanceName?: string;
	readonly status: InvocationStatus;
	readonly statusDetails?: string;
	/** The plugin's ResponseCode (ListCommandInvocations with Details); -1 while it runs. */
	readonly responseCode?: number;
	readonly requestedAt?: number;
	readonly endTime?: number;
}

/** GetCommandInvocation: one instance's status and output. */
export interface InvocationOutput {
	readonly commandId: string;
	readonly instanceId: string;
	readonly status: InvocationStatus;
	readonly statusDetails?: string;
	readonly responseCode?: number;
	readonly startTime?: number;
	readonly endTime?: number;
	readonly stdout: string;
	readonly stderr: string;
}

export interface InvocationsResult {
	readonly invocations: readonly CommandInvocation[];
	/** API calls it took (pages). */
	readonly calls: number;
	/** True when the page cap cut the list. */
	readonly truncated: boolean;
}

const FINAL_INVOCATION = new Set<string>(['Success', 'Cancelled', 'TimedOut', 'Failed']);

export function isInvocationFinal(status: InvocationStatus): boolean {
	return FINAL_INVOCATION.has(status);
}

export const RUN_COMMAND_ACTION = 'aws:runCommand';

/** The CommandId an aws:runCommand step reports in its Outputs (as it runs, and once done). */
export function commandIdOfStep(step: StepExecution | undefined): string | undefined {
	if (step?.action !== RUN_COMMAND_ACTION) return undefined;
	const id = step.outputs?.['CommandId']?.[0] ?? step.outputs?.['RunCommand.CommandId']?.[0];
	return id && id.length > 0 ? id : undefined;
}

/** The last `lines` lines of a text (a trailing newline does not count as an empty last line). */
export function outputTail(text: string, lines: number): {readonly lines: readonly string[]; readonly hidden: number} {
	if (lines <= 0 || text === '') return {lines: [], hidden: 0};
	const all = text.replace(/\r?\n$/, '').split(/\r?\n/);
	const shown = all.slice(Math.max(0, all.length - lines));
	return {lines: shown, hidden: all.length - shown.length};
}
