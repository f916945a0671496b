import {describe, expect, it} from 'vitest';
import {needsPerson, noticesFor} from '../../source/core/notifications.js';
import type {Execution} from '../../source/core/types.js';

const run = (id: string, overrides: Partial<Execution> = {}): Execution => ({
	id,
	region: 'us-east-1',
	documentName: 'Ops-Patch',
	status: 'InProgress',
	...overrides,
});
const at = 1_000;
const listed = (): boolean => true;

describe('notices from how executions changed', () => {
	it('a watched run that ends is told once, with its status and failure', () => {
		const before = {a: run('a')};
		const after = {a: run('a', {status: 'Failed', failureMessage: 'step x failed'})};
		const [notice, ...rest] = noticesFor({previous: before, next: after, watched: {a: true}, listedBefore: listed, at});
		expect(rest).toEqual([]);
		expect(notice).toMatchObject({kind: 'ended', executionId: 'a', status: 'Failed', problem: true, text: 'Ops-Patch ended Failed: step x failed', at});
		// Unchanged afterwards: nothing more.
		expect(noticesFor({previous: after, next: {...after}, watched: {a: true}, listedBefore: listed, at})).toEqual([]);
	});

	it('an unwatched run that ends is not news; a run that starts waiting for a person always is', () => {
		const before = {a: run('a'), b: run('b')};
		const after = {a: run('a', {status: 'Success'}), b: run('b', {status: 'Waiting', currentAction: 'aws:approve', currentStepName: 'approve'})};
		const notices = noticesFor({previous: before, next: after, watched: {}, listedBefore: listed, at});
		expect(notices.map(notice => [notice.kind, notice.executionId, notice.text])).toEqual([['needs-you', 'b', 'Ops-Patch waits for an approval at approve']]);
	});

	it('says nothing about what a first listing finds, and tells of a run that appears already waiting later', () => {
		const waiting = run('w', {status: 'Waiting', mode: 'Interactive'});
		expect(noticesFor({previous: {}, next: {w: waiting}, watched: {}, listedBefore: () => false, at})).toEqual([]);
		expect(noticesFor({previous: {}, next: {w: waiting}, watched: {}, listedBefore: listed, at})).toMatchObject([
			{kind: 'needs-you', text: 'Ops-Patch waits for its next step'},
		]);
	});

	it('an Interactive run waiting at its next step is told again; waiting on, unchanged, is not', () => {
		const first = run('i', {status: 'Waiting', mode: 'Interactive', currentStepName: 'one'});
		const second = run('i', {status: 'Waiting', mode: 'Interactive', currentStepName: 'two'});
		expect(noticesFor({previous: {i: first}, next: {i: second}, watched: {}, listedBefore: listed, at})).toHaveLength(1);
		expect(noticesFor({previous: {i: first}, next: {i: {...first, executedBy: 'x'}}, watched: {}, listedBefore: listed, at})).toEqual([]);
	});

	it('needs a person for approvals, pauses and Interactive steps, not for a run that merely waits', () => {
		expect(needsPerson(run('a', {status: 'Waiting', currentAction: 'aws:pause'}))).toBe(true);
		expect(needsPerson(run('a', {status: 'PendingApproval'}))).toBe(true);
		expect(needsPerson(run('a', {status: 'Waiting', currentAction: 'aws:sleep'}))).toBe(false);
		expect(needsPerson(run('a', {status: 'InProgress', mode: 'Interactive'}))).toBe(false);
	});
});
