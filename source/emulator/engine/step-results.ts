import type {Prng} from '../prng.js';
import type {ExecutionRecord, StepRecord, StringListMap} from '../model.js';

// What finished steps report: branch choices, outputs, the run's failure message.

/** aws:branch: the first matching choice's NextStep, else Default. */
export function chooseBranch(inputs: Record<string, unknown>): string | undefined {
	const choices = Array.isArray(inputs['Choices']) ? (inputs['Choices'] as Array<Record<string, unknown>>) : [];
	for (const choice of choices) {
		const variable = choice['Variable'];
		const next = typeof choice['NextStep'] === 'string' ? choice['NextStep'] : undefined;
		if ('StringEquals' in choice && String(variable) === String(choice['StringEquals'])) {
			return next;
		}

		if ('EqualsIgnoreCase' in choice && String(variable).toLowerCase() === String(choice['EqualsIgnoreCase']).toLowerCase()) {
			return next;
		}

		if ('BooleanEquals' in choice && Boolean(variable) === Boolean(choice['BooleanEquals'])) {
			return next;
		}

		if ('NumericGreater' in choice && Number(variable) > Number(choice['NumericGreater'])) {
			return next;
		}

		if ('NumericLesser' in choice && Number(variable) < Number(choice['NumericLesser'])) {
			return next;
		}

		if ('NumericEquals' in choice && Number(variable) === Number(choice['NumericEquals'])) {
			return next;
		}
	}

	return typeof inputs['Default'] === 'string' ? inputs['Default'] : undefined;
}

export function successOutputs(step: StepRecord, ids: Prng): StringListMap {
	const outputs: StringListMap = {};
	for (const output of step.definition?.outputs ?? []) {
		outputs[output.Name] = [output.Name.endsWith('ImageId') ? `ami-0${ids.hex(16)}` : 'COMPLIANT'];
	}

	if (step.action === 'aws:runCommand') {
		// Drawn even though the step already holds its CommandId (from its start), so the ids after it stay as they were.
		const drawn = ids.uuid();
		outputs['CommandId'] = step.outputs['CommandId'] ?? [drawn];
		outputs['Status'] = ['Success'];
	}

	return outputs;
}

export function runbookOutputs(execution: ExecutionRecord): StringListMap {
	const outputs: StringListMap = {};
	for (const reference of execution.runbook.outputs ?? []) {
		const [stepName, outputName] = reference.split('.');
		const value = execution.steps.find(step => step.stepName === stepName)?.outputs[outputName ?? ''];
		outputs[reference] = value ?? ['No output available yet because the step is not successfully executed'];
	}

	return outputs;
}

export function firstFailureMessage(execution: ExecutionRecord): string | undefined {
	return execution.steps.find(step => step.failureMessage)?.failureMessage;
}
