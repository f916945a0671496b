/**
 * Which signals an execution accepts now, each with the payload SSM needs:
 * Approve/Reject for a waiting aws:approve step, Resume for a paused aws:pause
 * step, StartStep for the next step(s) of a waiting Interactive run, StopStep
 * for its running step. Nothing for a finished or cancelling run.
 */
import type {ExecutionDetail, ParameterMap, StepExecution} from '../types.js';
import type {SignalType} from '../ports.js';
import {isFinal} from '../status.js';

export interface SignalOption {
	readonly signal: SignalType;
	readonly label: string;
	readonly explain: string;
	readonly payload?: ParameterMap;
	/** Approve and Reject take an optional comment. */
	readonly takesComment?: boolean;
}

/**
 * The steps an Interactive run can start next: what the last finished step
 * names in ValidNextSteps, else (at the start, or after a failed or stopped
 * step, which names none) the first step not yet run.
 */
function nextStepNames(steps: readonly StepExecution[]): string[] {
	const ended = steps.filter(step => step.endTime !== undefined).sort((a, b) => (b.endTime ?? 0) - (a.endTime ?? 0));
	const latest = ended.length > 0 ? ended[0]?.validNextSteps : steps.find(step => step.validNextSteps && step.validNextSteps.length > 0)?.validNextSteps;
	if (latest && latest.length > 0) return [...latest];
	const pending = steps.find(step => step.status === 'Pending');
	return pending ? [pending.stepName] : [];
}

export function signalOptions(detail: ExecutionDetail): SignalOption[] {
	if (isFinal(detail.status) || detail.status === 'Cancelling' || detail.status === 'Cancelled') return [];
	const options: SignalOption[] = [];
	const steps = detail.steps;
	const approval = steps.find(step => step.action === 'aws:approve' && step.status === 'Waiting');
	const waitingForApproval = approval !== undefined || (steps.length === 0 && detail.status === 'Waiting' && detail.currentAction === 'aws:approve');
	if (waitingForApproval) {
		const where = approval?.stepName ?? detail.currentStepName;
		options.push(
			{signal: 'Approve', label: `Approve${where ? ` ${where}` : ''}`, explain: 'The approval step succeeds and the run goes on.', takesComment: true},
			{signal: 'Reject', label: `Reject${where ? ` ${where}` : ''}`, explain: 'The approval step fails (the run usually ends Failed).', takesComment: true},
		);
	}
	const paused = steps.find(step => step.action === 'aws:pause' && step.status === 'Waiting');
	const pausedName =
		paused?.stepName ?? (steps.length === 0 && detail.status === 'Waiting' && detail.currentAction === 'aws:pause' ? detail.currentStepName : undefined);
	if (pausedName)
		options.push({signal: 'Resume', label: `Resume ${pausedName}`, explain: 'The paused step ends and the run goes on.', payload: {StepName: [pausedName]}});
	if (detail.mode === 'Interactive') {
		const running = steps.find(step => step.status === 'InProgress');
		const busy = steps.some(step => step.status === 'InProgress' || step.status === 'Waiting');
		if (!busy && detail.status === 'Waiting')
			for (const name of nextStepNames(steps))
				options.push({signal: 'StartStep', label: `Start step ${name}`, explain: 'Runs this one step, then the run waits again.', payload: {StepName: [name]}});
		if (running?.stepExecutionId)
			options.push({
				signal: 'StopStep',
				label: `Stop step ${running.stepName}`,
				explain: 'Cancels the running step; the run waits for your next choice.',
				payload: {StepExecutionId: [running.stepExecutionId]},
			});
	}
	return options;
}
