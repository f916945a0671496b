/**
 * SDK shapes → ssmtop's core types: Date → epoch ms, PascalCase → camelCase,
 * absent members stay absent (never `undefined` keys, so structural comparison
 * and snapshots stay clean).
 */
import type {
	AlarmConfiguration as SdkAlarmConfiguration,
	AutomationExecution as SdkExecution,
	AutomationExecutionMetadata as SdkMetadata,
	ProgressCounters as SdkProgressCounters,
	StepExecution as SdkStep,
	Target as SdkTarget,
	TargetLocation as SdkTargetLocation,
} from '@aws-sdk/client-ssm';
import type {AlarmConfiguration, Execution, ExecutionDetail, ParameterMap, ProgressCounters, StepExecution, Target, TargetLocation} from '../core/types.js';

/** Drops undefined members so absent stays absent. */
function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

function epochMs(date: Date | undefined): number | undefined {
	if (!date) return undefined;
	const ms = date.getTime();
	return Number.isNaN(ms) ? undefined : ms;
}

function parameterMap(map: Record<string, string[]> | undefined): ParameterMap | undefined {
	return map ? Object.fromEntries(Object.entries(map).map(([key, values]) => [key, [...(values ?? [])]])) : undefined;
}

function targets(list: SdkTarget[] | undefined): Target[] | undefined {
	return list?.map(target => ({key: target.Key ?? '', values: [...(target.Values ?? [])]}));
}

function alarmConfiguration(config: SdkAlarmConfiguration | undefined): AlarmConfiguration | undefined {
	if (!config) return undefined;
	return compact({
		alarmNames: (config.Alarms ?? []).map(alarm => alarm.Name ?? ''),
		ignorePollAlarmFailure: config.IgnorePollAlarmFailure,
	});
}

export function mapTargetLocation(location: SdkTargetLocation): TargetLocation {
	return compact({
		accounts: [...(location.Accounts ?? [])],
		regions: [...(location.Regions ?? [])],
		targetLocationMaxConcurrency: location.TargetLocationMaxConcurrency,
		targetLocationMaxErrors: location.TargetLocationMaxErrors,
		executionRoleName: location.ExecutionRoleName,
		excludeAccounts: location.ExcludeAccounts ? [...location.ExcludeAccounts] : undefined,
		targets: targets(location.Targets),
		targetsMaxConcurrency: location.TargetsMaxConcurrency,
		targetsMaxErrors: location.TargetsMaxErrors,
		alarmNames: location.TargetLocationAlarmConfiguration?.Alarms?.map(alarm => alarm.Name ?? ''),
		ignorePollAlarmFailure: location.TargetLocationAlarmConfiguration?.IgnorePollAlarmFailure,
		includeChildOrganizationUnits: location.IncludeChildOrganizationUnits,
	});
}

export function mapProgressCounters(counters: SdkProgressCounters): ProgressCounters {
	return {
		total: counters.TotalSteps ?? 0,
		success: counters.SuccessSteps ?? 0,
		failed: counters.FailedSteps ?? 0,
		cancelled: counters.CancelledSteps ?? 0,
		timedOut: counters.TimedOutSteps ?? 0,
	};
}

/** Members AutomationExecutionMetadata and AutomationExecution share. */
function commonMembers(source: SdkMetadata | SdkExecution, region: string, account: string | undefined): Execution {
	return compact({
		id: source.AutomationExecutionId ?? '',
		region,
		account,
		documentName: source.DocumentName ?? '',
		documentVersion: source.DocumentVersion,
		status: source.AutomationExecutionStatus ?? 'Pending',
		mode: source.Mode,
		parentId: source.ParentAutomationExecutionId,
		startTime: epochMs(source.ExecutionStartTime),
		endTime: epochMs(source.ExecutionEndTime),
		currentStepName: source.CurrentStepName,
		currentAction: source.CurrentAction,
		executedBy: source.ExecutedBy,
		failureMessage: source.FailureMessage,
		targetParameterName: source.TargetParameterName,
		targets: targets(source.Targets),
		targetMaps: source.TargetMaps?.map(map => parameterMap(map) ?? {}),
		resolvedTargets: source.ResolvedTargets?.ParameterValues ? [...source.ResolvedTargets.ParameterValues] : undefined,
		resolvedTargetsTruncated: source.ResolvedTargets?.Truncated,
		maxConcurrency: source.MaxConcurrency,
		maxErrors: source.MaxErrors,
		target: source.Target,
		outputs: parameterMap(source.Outputs),
		alarmConfiguration: alarmConfiguration(source.AlarmConfiguration),
		triggeredAlarms: source.TriggeredAlarms?.map(alarm => ({name: alarm.Name ?? '', state: alarm.State ?? ''})),
		targetLocationsURL: source.TargetLocationsURL,
		automationSubtype: source.AutomationSubtype,
	});
}

/** One row of DescribeAutomationExecutions. */
export function mapExecutionMetadata(metadata: SdkMetadata, region: string, account?: string): Execution {
	return compact({...commonMembers(metadata, region, account), automationType: metadata.AutomationType});
}

export function mapStep(step: SdkStep): StepExecution {
	return compact({
		stepExecutionId: step.StepExecutionId,
		stepName: step.StepName ?? '',
		action: step.Action,
		status: step.StepStatus ?? 'Pending',
		startTime: epochMs(step.ExecutionStartTime),
		endTime: epochMs(step.ExecutionEndTime),
		timeoutSeconds: step.TimeoutSeconds,
		onFailure: step.OnFailure,
		maxAttempts: step.MaxAttempts,
		isCritical: step.IsCritical,
		isEnd: step.IsEnd,
		nextStep: step.NextStep,
		validNextSteps: step.ValidNextSteps ? [...step.ValidNextSteps] : undefined,
		inputs: step.Inputs ? {...step.Inputs} : undefined,
		outputs: parameterMap(step.Outputs),
		response: step.Response,
		responseCode: step.ResponseCode,
		failureMessage: step.FailureMessage,
		failureDetails: step.FailureDetails
			? compact({
					failureStage: step.FailureDetails.FailureStage,
					failureType: step.FailureDetails.FailureType,
					details: parameterMap(step.FailureDetails.Details),
				})
			: undefined,
		overriddenParameters: parameterMap(step.OverriddenParameters),
		targets: targets(step.Targets),
		targetLocation: step.TargetLocation ? mapTargetLocation(step.TargetLocation) : undefined,
	});
}

/**
 * GetAutomationExecution. `steps` replaces StepExecutions when they had to be
 * fetched separately (StepExecutionsTruncated). AutomationType is not part of
 * AutomationExecution: it is inferred from TargetLocations, which only
 * CrossAccount parents carry.
 */
export function mapExecutionDetail(execution: SdkExecution, region: string, account?: string, steps?: readonly StepExecution[]): ExecutionDetail {
	const targetLocations = execution.TargetLocations?.map(mapTargetLocation);
	return compact({
		...commonMembers(execution, region, account),
		automationType: targetLocations && targetLocations.length > 0 ? 'CrossAccount' : undefined,
		parameters: parameterMap(execution.Parameters),
		steps: steps ?? (execution.StepExecutions ?? []).map(mapStep),
		stepsTruncated: steps ? false : execution.StepExecutionsTruncated,
		targetLocations,
		progress: execution.ProgressCounters ? mapProgressCounters(execution.ProgressCounters) : undefined,
		variables: parameterMap(execution.Variables),
	});
}
