import type {ExecutionRecord, StepRecord} from './model.js';

// Internal records → the model's wire shapes. Absent members are omitted, never null;
// timestamps are epoch seconds with millisecond fractions.

export const seconds = (ms: number): number => Math.round(ms) / 1000;

function compact<T extends Record<string, unknown>>(object: T): T {
	for (const key of Object.keys(object)) {
		if (object[key] === undefined) {
			delete object[key];
		}
	}

	return object;
}

function shared(execution: ExecutionRecord): Record<string, unknown> {
	return compact({
		AutomationExecutionId: execution.id,
		DocumentName: execution.runbook.name,
		DocumentVersion: execution.documentVersion,
		ExecutionStartTime: seconds(execution.startTime),
		ExecutionEndTime: execution.endTime === undefined ? undefined : seconds(execution.endTime),
		AutomationExecutionStatus: execution.status,
		Outputs: execution.outputs,
		FailureMessage: execution.failureMessage,
		Mode: execution.mode,
		ParentAutomationExecutionId: execution.parentId,
		ExecutedBy: execution.executedBy,
		CurrentStepName: execution.currentStepName,
		CurrentAction: execution.currentAction,
		TargetParameterName: execution.targetParameterName,
		Targets: execution.targets,
		TargetMaps: execution.targetMaps,
		ResolvedTargets: {ParameterValues: execution.resolvedTargets, Truncated: execution.resolvedTargetsTruncated},
		MaxConcurrency: execution.maxConcurrency,
		MaxErrors: execution.maxErrors,
		Target: execution.target,
		AlarmConfiguration: execution.alarmConfiguration,
		TriggeredAlarms: execution.triggeredAlarms,
		TargetLocationsURL: execution.targetLocationsURL,
	});
}

export function executionMetadata(execution: ExecutionRecord): Record<string, unknown> {
	return {
		...shared(execution),
		LogFile: '',
		AutomationType: execution.kind === 'cross-account' ? 'CrossAccount' : 'Local',
	};
}

/** GetAutomationExecution returns at most this many steps and sets StepExecutionsTruncated beyond it. */
export const STEPS_IN_GET = 100;

export function executionDetail(execution: ExecutionRecord): Record<string, unknown> {
	const detail: Record<string, unknown> = {
		...shared(execution),
		StepExecutions: execution.steps.slice(0, STEPS_IN_GET).map(step => stepExecution(step)),
		StepExecutionsTruncated: execution.steps.length > STEPS_IN_GET,
		Parameters: execution.parameters,
	};
	if (execution.kind === 'cross-account') {
		detail['TargetLocations'] = execution.targetLocations;
		detail['ProgressCounters'] = progressCounters(execution);
	}

	return detail;
}

/** Cross-account ProgressCounters count the parent's per-location steps (one per account-Region pair). */
export function progressCounters(execution: ExecutionRecord): Record<string, number> {
	const count = (status: string) => execution.steps.filter(step => step.status === status).length;
	return {
		TotalSteps: execution.steps.length,
		SuccessSteps: count('Success'),
		FailedSteps: count('Failed'),
		CancelledSteps: count('Cancelled'),
		TimedOutSteps: count('TimedOut'),
	};
}

export function stepExecution(step: StepRecord): Record<string, unknown> {
	const definition = step.definition;
	return compact({
		StepName: step.stepName,
		Action: step.action,
		TimeoutSeconds: definition?.timeoutSeconds,
		OnFailure: definition?.onFailure,
		MaxAttempts: definition?.maxAttempts,
		ExecutionStartTime: step.startTime === undefined ? undefined : seconds(step.startTime),
		ExecutionEndTime: step.endTime === undefined ? undefined : seconds(step.endTime),
		StepStatus: step.status,
		ResponseCode: step.responseCode,
		Inputs: step.inputs,
		Outputs: step.outputs,
		Response: step.response,
		FailureMessage: step.failureMessage,
		FailureDetails: step.failureDetails,
		StepExecutionId: step.stepExecutionId,
		OverriddenParameters: {},
		IsEnd: definition?.isEnd,
		NextStep: definition?.nextStep,
		IsCritical: definition?.isCritical,
		ValidNextSteps: step.validNextSteps,
		Targets: step.targets,
		TargetLocation: step.targetLocation,
	});
}
