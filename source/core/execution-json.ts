/**
 * One execution as a JSON object for scripts (`ssmtop --once --json`, one per line), in SSM's own
 * shape: the members of AutomationExecutionMetadata under SSM's names, as
 * `aws ssm describe-automation-executions` prints them (absent members left out, as the service does;
 * times as ISO 8601 strings), plus `Region` and `AccountId`, so jq filters written for the AWS CLI's
 * output work unchanged on each line. test/core/execution-json.test.ts holds it to the service model.
 */
import type {Execution} from './types.js';
import {NON_C0_CONTROLS, unicodeEscape} from './visible-text.js';

/** AutomationExecutionMetadata as JSON (the members ssmtop knows), plus where the execution lives. */
export interface ExecutionJson {
	readonly AutomationExecutionId: string;
	readonly DocumentName: string;
	readonly DocumentVersion?: string;
	readonly AutomationExecutionStatus: string;
	readonly ExecutionStartTime?: string;
	readonly ExecutionEndTime?: string;
	readonly ExecutedBy?: string;
	readonly Outputs?: Readonly<Record<string, readonly string[]>>;
	readonly Mode?: string;
	readonly ParentAutomationExecutionId?: string;
	readonly CurrentStepName?: string;
	readonly CurrentAction?: string;
	readonly FailureMessage?: string;
	readonly TargetParameterName?: string;
	readonly Targets?: ReadonlyArray<{readonly Key: string; readonly Values: readonly string[]}>;
	readonly TargetMaps?: ReadonlyArray<Readonly<Record<string, readonly string[]>>>;
	readonly ResolvedTargets?: {readonly ParameterValues: readonly string[]; readonly Truncated?: boolean};
	readonly MaxConcurrency?: string;
	readonly MaxErrors?: string;
	readonly Target?: string;
	readonly AutomationType?: string;
	readonly AlarmConfiguration?: {readonly IgnorePollAlarmFailure?: boolean; readonly Alarms: ReadonlyArray<{readonly Name: string}>};
	readonly TriggeredAlarms?: ReadonlyArray<{readonly Name: string; readonly State: string}>;
	readonly TargetLocationsURL?: string;
	readonly AutomationSubtype?: string;
	/** Not SSM's: the Region the execution was listed in. */
	readonly Region: string;
	/** Not SSM's: the account it was read in, when known. */
	readonly AccountId?: string;
}

function isoTime(epochMs: number | undefined): string | undefined {
	return epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}

/** Drops undefined members, so absent ones are left out as SSM leaves them out. */
function present<T extends object>(record: T): T {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

export function executionJson(execution: Execution): ExecutionJson {
	return present({
		AutomationExecutionId: execution.id,
		DocumentName: execution.documentName,
		DocumentVersion: execution.documentVersion,
		AutomationExecutionStatus: execution.status,
		ExecutionStartTime: isoTime(execution.startTime),
		ExecutionEndTime: isoTime(execution.endTime),
		ExecutedBy: execution.executedBy,
		Outputs: execution.outputs,
		Mode: execution.mode,
		ParentAutomationExecutionId: execution.parentId,
		CurrentStepName: execution.currentStepName,
		CurrentAction: execution.currentAction,
		FailureMessage: execution.failureMessage,
		TargetParameterName: execution.targetParameterName,
		Targets: execution.targets?.map(target => ({Key: target.key, Values: target.values})),
		TargetMaps: execution.targetMaps,
		ResolvedTargets: execution.resolvedTargets
			? present({ParameterValues: execution.resolvedTargets, Truncated: execution.resolvedTargetsTruncated})
			: undefined,
		MaxConcurrency: execution.maxConcurrency,
		MaxErrors: execution.maxErrors,
		Target: execution.target,
		AutomationType: execution.automationType,
		AlarmConfiguration: execution.alarmConfiguration
			? present({
					IgnorePollAlarmFailure: execution.alarmConfiguration.ignorePollAlarmFailure,
					Alarms: execution.alarmConfiguration.alarmNames.map(Name => ({Name})),
				})
			: undefined,
		TriggeredAlarms: execution.triggeredAlarms?.map(alarm => ({Name: alarm.name, State: alarm.state})),
		TargetLocationsURL: execution.targetLocationsURL,
		AutomationSubtype: execution.automationSubtype,
		Region: execution.region,
		AccountId: execution.account,
	});
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 (0x9B is a one-byte CSI) and the bidi
 * overrides as they are, so `--once --json | cat` would hand them to the terminal: escape those
 * too. They only occur inside strings, so the line stays valid JSON and parses to the same values.
 */
function safeJson(value: unknown): string {
	return JSON.stringify(value).replace(NON_C0_CONTROLS, unicodeEscape);
}

/** JSON Lines: one object per line, each line ending in a newline. */
export function executionJsonLines(executions: readonly Execution[]): string {
	return executions.map(execution => `${safeJson(executionJson(execution))}\n`).join('');
}
