/**
 * `ssmtop wait`, the rules: which exit status each final execution status gives, how long to wait
 * between polls, and the one progress line per execution. Pure, so the README's table of exit codes
 * and the command itself come from the same place.
 */
import {countersFromSteps, progressCounts} from './progress.js';
import {AUTOMATION_STATUSES, isFinal} from './status.js';
import type {ExecutionDetail} from './types.js';

export const WAIT_EXIT = {
	/** Every execution ended in success. */
	succeeded: 0,
	/** At least one ended in anything else (failed, timed out, cancelled, rejected, exited). */
	failed: 1,
	/** A usage error: bad flags, no ids, an id no watched Region knows. */
	usage: 2,
	/** --timeout passed before every execution ended. */
	timedOut: 3,
} as const;

const SUCCEEDED = new Set<string>(['Success', 'CompletedWithSuccess']);

/** The exit status an execution gives once final; undefined while the waiter keeps waiting. */
export function exitCodeOf(status: string): number | undefined {
	if (!isFinal(status)) return undefined;
	return SUCCEEDED.has(status) ? WAIT_EXIT.succeeded : WAIT_EXIT.failed;
}

/** The waiter's exit status for executions that are all final: 0 only when every one succeeded. */
export function waitOutcome(statuses: readonly string[]): number {
	return statuses.every(status => exitCodeOf(status) === WAIT_EXIT.succeeded) ? WAIT_EXIT.succeeded : WAIT_EXIT.failed;
}

/** Seconds between polls: 2 s, growing by half each time a poll changes nothing, up to 30 s; back to 2 s on change. */
export function nextDelayMs(previousMs: number | undefined, changed: boolean): number {
	if (previousMs === undefined || changed) return 2000;
	return Math.min(30_000, Math.round(previousMs * 1.5));
}

/**
 * One line for stderr: id, runbook, where, status, the current step, and for a run over locations
 * or targets its ProgressCounters and what remains ("12/50 done: 10 ok, 2 failed · 38 remaining").
 */
export function progressLine(detail: ExecutionDetail): string {
	const where = [detail.account, detail.region].filter(Boolean).join('/');
	const parts = [`${detail.id} ${detail.documentName} (${where}): ${detail.status}`];
	if (!isFinal(detail.status) && detail.currentStepName) parts.push(`step ${detail.currentStepName}`);
	const located = detail.steps.filter(step => step.targetLocation !== undefined);
	const counters = detail.progress ?? (located.length > 0 ? countersFromSteps(located) : undefined);
	if (counters && counters.total > 0) {
		const counts = progressCounts(counters);
		const done = counters.total - counts.remaining;
		const kinds = [
			`${counts.success} ok`,
			counts.failed ? `${counts.failed} failed` : '',
			counts.cancelled ? `${counts.cancelled} cancelled` : '',
			counts.timedOut ? `${counts.timedOut} timed out` : '',
		].filter(Boolean);
		parts.push(`${done}/${counters.total} done: ${kinds.join(', ')} · ${counts.remaining} remaining`);
	}
	if (isFinal(detail.status) && detail.failureMessage) parts.push(detail.failureMessage);
	return parts.join(' · ');
}

/** The README's table: every status, and the exit status it gives when the waiter ends on it. */
export function exitCodesMarkdownTable(): string {
	const lines = ['| Status | `ssmtop wait` |', '| --- | --- |'];
	for (const status of AUTOMATION_STATUSES) {
		const code = exitCodeOf(status);
		lines.push(`| ${status} | ${code === undefined ? 'keeps waiting' : `exit ${code}`} |`);
	}
	return lines.join('\n');
}
