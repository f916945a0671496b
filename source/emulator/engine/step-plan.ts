import {hashString} from '../prng.js';
import type {ExecutionRecord, Fate, StepRecord, StringListMap} from '../model.js';
import type {RunbookStep} from '../runbooks/types.js';
import {isoDurationMs} from './limits.js';

// How long a step takes and how it ends: a pure function of the runbook, the execution's
// parameters (and its seed salt) — never of wall-clock randomness.

const baseDurationMs: Record<string, number> = {
	'aws:changeInstanceState': 9000,
	'aws:runCommand': 25_000,
	'aws:executeAwsApi': 2500,
	'aws:executeScript': 6000,
	'aws:waitForAwsResourceProperty': 20_000,
	'aws:createImage': 90_000,
	'aws:branch': 200,
	'aws:executeAutomation': 30_000,
};

const infallible = new Set(['aws:approve', 'aws:pause', 'aws:branch', 'aws:sleep']);

export interface StepOutcome {
	readonly status: 'Success' | 'Failed' | 'TimedOut';
	readonly durationMs: number;
}

/**
 * Failure markers in parameter values (documented in the README): the word `fail`
 * (not part of a longer word, so `i-0fail0000000001` counts and `FailureThreshold` does not)
 * fails the first step that can fail, `fail@<stepName>` fails that step, and the word
 * `hang` makes the first step that can fail time out.
 */
export function fateFromParameters(parameters: StringListMap): Fate {
	for (const values of Object.values(parameters)) {
		for (const value of values) {
			const named = /(?:^|[^a-z])fail@([A-Za-z0-9_]+)/i.exec(value);
			if (named) {
				return {failStep: named[1]!, failAs: 'Failed'};
			}

			if (/(^|[^a-z])hang([^a-z]|$)/i.test(value)) {
				return {failStep: '*', failAs: 'TimedOut'};
			}

			if (/(^|[^a-z])fail([^a-z]|$)/i.test(value)) {
				return {failStep: '*', failAs: 'Failed'};
			}
		}
	}

	return {};
}

function failsHere(execution: ExecutionRecord, step: RunbookStep): boolean {
	const {failStep} = execution.fate;
	if (!failStep || infallible.has(step.action)) {
		return false;
	}

	if (failStep !== '*') {
		return failStep === step.name;
	}

	const firstFallible = execution.runbook.mainSteps.find(candidate => !infallible.has(candidate.action));
	return firstFallible?.name === step.name;
}

export function planStep(execution: ExecutionRecord, step: RunbookStep, attempt: number, resolvedInputs: Record<string, unknown>): StepOutcome {
	const jitter = 0.7 + (hashString(`${execution.salt}:${step.name}:${attempt}`) % 600) / 1000;
	let durationMs: number;
	if (step.action === 'aws:sleep') {
		const duration = typeof resolvedInputs['Duration'] === 'string' ? isoDurationMs(resolvedInputs['Duration']) : undefined;
		durationMs = duration ?? 60_000;
	} else {
		durationMs = Math.round((baseDurationMs[step.action] ?? 5000) * jitter);
	}

	const timeoutMs = step.timeoutSeconds === undefined ? undefined : step.timeoutSeconds * 1000;
	if (failsHere(execution, step)) {
		if (execution.fate.failAs === 'TimedOut') {
			return {status: 'TimedOut', durationMs: timeoutMs ?? durationMs * 4};
		}

		return {status: 'Failed', durationMs: Math.round(durationMs * 0.6)};
	}

	if (timeoutMs !== undefined && durationMs > timeoutMs) {
		return {status: 'TimedOut', durationMs: timeoutMs};
	}

	return {status: 'Success', durationMs};
}

export function failureFor(step: StepRecord, status: 'Failed' | 'TimedOut'): Pick<StepRecord, 'failureMessage' | 'failureDetails'> {
	if (status === 'TimedOut') {
		return {
			failureMessage: `Step timed out while step is verifying the ${step.action.slice(4)} has completed.`,
			failureDetails: {FailureStage: 'PostVerification', FailureType: 'Verification'},
		};
	}

	if (step.action === 'aws:approve') {
		return {
			failureMessage: 'Step fails when it is Execute/Cancelling action. The approval request was rejected.',
			failureDetails: {FailureStage: 'Invocation', FailureType: 'Action'},
		};
	}

	const messages: Record<string, string> = {
		'aws:runCommand':
			'Step fails when it is Poll action status for runCommand. Command returned status Failed on 1 instance(s). Please refer to Automation Service Troubleshooting Guide for more diagnosis details.',
		'aws:executeAwsApi':
			'Step fails when it is Execute/Cancelling action. An error occurred (AccessDenied) when calling the API operation: User is not authorized to perform this action. Please refer to Automation Service Troubleshooting Guide for more diagnosis details.',
		'aws:executeScript':
			'Step fails when it is Execute/Cancelling action. Traceback (most recent call last): RuntimeError: check failed. Please refer to Automation Service Troubleshooting Guide for more diagnosis details.',
		'aws:changeInstanceState': 'Step fails when it is verifying the instance state. Instance is in state shutting-down, expected running.',
	};
	return {
		failureMessage: messages[step.action] ?? `Step fails when it is Execute action for ${step.action}.`,
		failureDetails: {FailureStage: 'Invocation', FailureType: 'Action', Details: {StepName: [step.stepName]}},
	};
}
