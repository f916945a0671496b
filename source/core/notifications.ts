/**
 * What deserves a person's attention, from how executions changed between two refreshes: a watched
 * run that ended, and any run that started waiting for a person (an approval, a paused step, the
 * next step of an Interactive run). Pure: the store raises the notices, the effect runner rings
 * the bell and sends the desktop notification.
 */
import {isFinal, isProblem} from './status.js';
import type {Execution} from './types.js';

export type NoticeKind = 'ended' | 'needs-you';

export interface Notice {
	/** One per execution and state, so the same news is never told twice. */
	readonly key: string;
	readonly kind: NoticeKind;
	readonly executionId: string;
	readonly region: string;
	readonly account?: string;
	readonly documentName: string;
	readonly status: string;
	readonly at: number;
	/** One line: what happened. */
	readonly text: string;
	/** Whether it went wrong (a failed end): drawn in red. */
	readonly problem: boolean;
}

/** A person is needed: an approval waits, a pause waits to be resumed, an Interactive run waits for its next step. */
export function needsPerson(execution: Execution): boolean {
	if (execution.status === 'PendingApproval' || execution.status === 'PendingChangeCalendarOverride') return true;
	if (execution.status !== 'Waiting') return false;
	return execution.currentAction === 'aws:approve' || execution.currentAction === 'aws:pause' || execution.mode === 'Interactive';
}

function waitingFor(execution: Execution): string {
	if (execution.currentAction === 'aws:approve' || execution.status === 'PendingApproval') return 'an approval';
	if (execution.currentAction === 'aws:pause') return 'a paused step to be resumed';
	if (execution.mode === 'Interactive') return 'its next step';
	return 'you';
}

function notice(kind: NoticeKind, execution: Execution, at: number, text: string): Notice {
	return {
		key: `${execution.id}:${kind}:${execution.status}:${execution.currentStepName ?? ''}`,
		kind,
		executionId: execution.id,
		region: execution.region,
		...(execution.account === undefined ? {} : {account: execution.account}),
		documentName: execution.documentName,
		status: execution.status,
		at,
		text,
		problem: kind === 'ended' && (isProblem(execution.status) || execution.status === 'Cancelled'),
	};
}

export interface NoticeInput {
	readonly previous: Readonly<Record<string, Execution>>;
	readonly next: Readonly<Record<string, Execution>>;
	readonly watched: Readonly<Record<string, true>>;
	/** Regions that had been listed before this change: a run first seen there is news; on a first listing it is not. */
	readonly listedBefore: (region: string) => boolean;
	readonly at: number;
}

/** The notices a change of the store's executions raises (changed rows only: unchanged ones keep their identity). */
export function noticesFor({previous, next, watched, listedBefore, at}: NoticeInput): Notice[] {
	const notices: Notice[] = [];
	for (const [id, execution] of Object.entries(next)) {
		const before = previous[id];
		if (before === execution) continue;
		if (!before && !listedBefore(execution.region)) continue;
		const step = execution.currentStepName ? ` at ${execution.currentStepName}` : '';
		if (watched[id] && isFinal(execution.status) && (!before || !isFinal(before.status))) {
			notices.push(
				notice('ended', execution, at, `${execution.documentName} ended ${execution.status}${execution.failureMessage ? `: ${execution.failureMessage}` : ''}`),
			);
		}
		if (needsPerson(execution) && !(before && needsPerson(before) && before.currentStepName === execution.currentStepName)) {
			notices.push(notice('needs-you', execution, at, `${execution.documentName} waits for ${waitingFor(execution)}${step}`));
		}
	}
	return notices;
}
