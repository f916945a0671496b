/** Status rules: which statuses are final, which are problems, and the quick-filter groups. */
import type {ExecutionStatus} from './types.js';

/** Every status SSM has (AutomationExecutionStatus, Change Manager's included), in the service model's order. */
export const AUTOMATION_STATUSES = [
	'Pending',
	'InProgress',
	'Waiting',
	'Success',
	'TimedOut',
	'Cancelling',
	'Cancelled',
	'Failed',
	'PendingApproval',
	'Approved',
	'Rejected',
	'Scheduled',
	'RunbookInProgress',
	'PendingChangeCalendarOverride',
	'ChangeCalendarOverrideApproved',
	'ChangeCalendarOverrideRejected',
	'CompletedWithSuccess',
	'CompletedWithFailure',
	'Exited',
] as const;

/** Final (terminal) statuses: never fetched again once seen. The last five are inferred from their names (spec §3.1). */
const FINAL = new Set<string>([
	'Success',
	'Failed',
	'TimedOut',
	'Cancelled',
	'CompletedWithSuccess',
	'CompletedWithFailure',
	'Rejected',
	'ChangeCalendarOverrideRejected',
	'Exited',
]);

const PROBLEM = new Set<string>(['Failed', 'TimedOut', 'CompletedWithFailure', 'Rejected', 'ChangeCalendarOverrideRejected']);
const WAITING = new Set<string>(['Waiting', 'PendingApproval', 'PendingChangeCalendarOverride', 'Scheduled']);
const RUNNING = new Set<string>(['InProgress', 'Pending', 'Cancelling', 'RunbookInProgress', 'Approved', 'ChangeCalendarOverrideApproved']);

export function isFinal(status: ExecutionStatus): boolean {
	return FINAL.has(status);
}

export function isProblem(status: ExecutionStatus): boolean {
	return PROBLEM.has(status);
}

export function isWaiting(status: ExecutionStatus): boolean {
	return WAITING.has(status);
}

export function isRunning(status: ExecutionStatus): boolean {
	return RUNNING.has(status);
}

export type StatusGroup = 'running' | 'waiting' | 'success' | 'problem' | 'cancelled' | 'other';

export function statusGroup(status: ExecutionStatus): StatusGroup {
	if (isRunning(status)) return 'running';
	if (isWaiting(status)) return 'waiting';
	if (status === 'Success' || status === 'CompletedWithSuccess') return 'success';
	if (isProblem(status)) return 'problem';
	if (status === 'Cancelled') return 'cancelled';
	return 'other';
}
