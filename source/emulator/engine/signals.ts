import {errors} from '../errors.js';
import {approverIdentity, approverList} from '../identity/approvers.js';
import type {Principal} from '../identity/principals.js';
import {isTerminal, type ExecutionRecord, type StringListMap} from '../model.js';
import type {Engine} from './engine.js';
import {firstFailureMessage} from './step-results.js';

// SendAutomationSignal and StopAutomationExecution: which signal is valid when, and what it does.

/** `caller` undefined: an internal signal (no Approvers check). */
export function applySignal(engine: Engine, execution: ExecutionRecord, type: string, payload: StringListMap, caller?: Principal): void {
	if (isTerminal(execution.status) || execution.status === 'Cancelling') {
		throw errors.invalidSignal(`Automation execution ${execution.id} is ${execution.status}; it accepts no signals.`);
	}

	const stepByName = (name: string | undefined) => {
		if (!name) {
			throw errors.invalidSignal(`The ${type} signal needs a StepName in its payload.`);
		}

		const step = execution.steps.find(candidate => candidate.stepName === name);
		if (!step) {
			throw errors.stepNotFound(`Step ${name} doesn't exist in automation execution ${execution.id}.`);
		}

		return step;
	};

	switch (type) {
		case 'Approve':
		case 'Reject': {
			const step = execution.steps.find(candidate => candidate.action === 'aws:approve' && candidate.status === 'Waiting');
			if (!step) {
				throw errors.invalidSignal(`Automation execution ${execution.id} is not waiting for an approval.`);
			}

			const approver = caller === undefined ? undefined : approverIdentity(approverList(step.inputs['Approvers']), caller, execution.account);
			if (caller !== undefined && approver === undefined) {
				// The docs name no error for this; the operation's own refusal fits (see README, choices).
				throw errors.invalidSignal(
					`User: ${caller.arn} is not authorized to ${type === 'Approve' ? 'approve' : 'reject'} step ${step.stepName} of automation execution ${execution.id}: it is not one of the step's Approvers.`,
				);
			}

			engine.resolveApproval(execution, step, type, payload['Comment']?.[0], approver);
			return;
		}

		case 'Resume': {
			const step = stepByName(payload['StepName']?.[0]);
			if (step.action !== 'aws:pause' || step.status !== 'Waiting') {
				throw errors.invalidSignal(`Step ${step.stepName} is not paused.`);
			}

			engine.completeStep(execution, execution.steps.indexOf(step), 'Success');
			return;
		}

		case 'StartStep': {
			if (execution.mode !== 'Interactive') {
				throw errors.invalidSignal('StartStep is only valid for executions in Interactive mode.');
			}

			const step = stepByName(payload['StepName']?.[0]);
			if (execution.steps.some(candidate => candidate.status === 'InProgress' || candidate.status === 'Waiting')) {
				throw errors.invalidSignal('Another step is still running.');
			}

			engine.beginStep(execution, execution.steps.indexOf(step));
			return;
		}

		case 'StopStep': {
			const id = payload['StepExecutionId']?.[0];
			if (!id) {
				throw errors.invalidSignal('The StopStep signal needs a StepExecutionId in its payload.');
			}

			const step = execution.steps.find(candidate => candidate.stepExecutionId === id);
			if (!step) {
				throw errors.stepNotFound(`Step execution ${id} doesn't exist in automation execution ${execution.id}.`);
			}

			if ((step.status !== 'InProgress' && step.status !== 'Waiting') || !step.definition) {
				throw errors.invalidSignal(`Step ${step.stepName} is not running.`);
			}

			engine.completeStep(execution, execution.steps.indexOf(step), 'Cancelled');
			return;
		}

		default:
			throw errors.invalidSignal(`The ${type} signal isn't valid for automation execution ${execution.id}.`);
	}
}

export function stopExecution(engine: Engine, execution: ExecutionRecord, type: 'Cancel' | 'Complete'): void {
	if (isTerminal(execution.status) || execution.status === 'Cancelling') {
		throw errors.invalidStatusUpdate(`Automation execution ${execution.id} is ${execution.status} and can't be stopped.`);
	}

	if (type === 'Complete') {
		if (execution.mode !== 'Interactive') {
			throw errors.invalidStatusUpdate('Complete is only valid for executions in Interactive mode.');
		}

		if (execution.steps.some(step => step.status === 'InProgress')) {
			throw errors.invalidStatusUpdate('A step is still running; wait for it or stop it first.');
		}

		engine.finish(execution, execution.criticalFailure ?? 'Success', execution.criticalFailure ? firstFailureMessage(execution) : undefined);
		return;
	}

	engine.cancel(execution);
}
