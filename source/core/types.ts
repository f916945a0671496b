/**
 * Domain types shared by the store, the poller, the AWS adapter and the views.
 * They are ssmtop's own view of SSM Automation, decoupled from SDK shapes (the
 * adapter in source/aws maps between the two). Times are epoch milliseconds.
 */

/** AutomationExecutionStatus / StepStatus. Kept open: the service adds values and the SDK passes unknown ones through. */
export type ExecutionStatus =
	| 'Pending'
	| 'InProgress'
	| 'Waiting'
	| 'Success'
	| 'TimedOut'
	| 'Cancelling'
	| 'Cancelled'
	| 'Failed'
	| 'PendingApproval'
	| 'Approved'
	| 'Rejected'
	| 'Scheduled'
	| 'RunbookInProgress'
	| 'PendingChangeCalendarOverride'
	| 'ChangeCalendarOverrideApproved'
	| 'ChangeCalendarOverrideRejected'
	| 'CompletedWithSuccess'
	| 'CompletedWithFailure'
	| 'Exited'
	| (string & {});

export type AutomationType = 'Local' | 'CrossAccount' | (string & {});
export type ExecutionMode = 'Auto' | 'Interactive' | (string & {});

export interface Target {
	readonly key: string;
	readonly values: readonly string[];
}

/** StringList-valued maps, as SSM sends Parameters and Outputs. */
export type ParameterMap = Readonly<Record<string, readonly string[]>>;

export interface TargetLocation {
	readonly accounts: readonly string[];
	readonly regions: readonly string[];
	readonly targetLocationMaxConcurrency?: string;
	readonly targetLocationMaxErrors?: string;
	readonly executionRoleName?: string;
	readonly excludeAccounts?: readonly string[];
	readonly targets?: readonly Target[];
	readonly targetsMaxConcurrency?: string;
	readonly targetsMaxErrors?: string;
	readonly alarmNames?: readonly string[];
	readonly ignorePollAlarmFailure?: boolean;
	readonly includeChildOrganizationUnits?: boolean;
}

export interface AlarmConfiguration {
	readonly alarmNames: readonly string[];
	readonly ignorePollAlarmFailure?: boolean;
}

export interface ProgressCounters {
	readonly total: number;
	readonly success: number;
	readonly failed: number;
	readonly cancelled: number;
	readonly timedOut: number;
}

/**
 * One row of the execution list: what DescribeAutomationExecutions returns
 * (AutomationExecutionMetadata), plus where it was read from.
 */
export interface Execution {
	readonly id: string;
	/** Region the execution lives in (where it was listed). */
	readonly region: string;
	/** Account of the context it was read through, when known. */
	readonly account?: string;
	readonly documentName: string;
	readonly documentVersion?: string;
	readonly status: ExecutionStatus;
	readonly mode?: ExecutionMode;
	readonly automationType?: AutomationType;
	readonly parentId?: string;
	readonly startTime?: number;
	readonly endTime?: number;
	readonly currentStepName?: string;
	readonly currentAction?: string;
	readonly executedBy?: string;
	readonly failureMessage?: string;
	readonly targetParameterName?: string;
	readonly targets?: readonly Target[];
	readonly targetMaps?: ReadonlyArray<ParameterMap>;
	readonly resolvedTargets?: readonly string[];
	/** ResolvedTargets.Truncated: the service cut the list. */
	readonly resolvedTargetsTruncated?: boolean;
	readonly maxConcurrency?: string;
	readonly maxErrors?: string;
	readonly target?: string;
	readonly outputs?: ParameterMap;
	readonly alarmConfiguration?: AlarmConfiguration;
	readonly triggeredAlarms?: ReadonlyArray<{readonly name: string; readonly state: string}>;
	readonly targetLocationsURL?: string;
	readonly automationSubtype?: string;
}

export interface FailureDetails {
	readonly failureStage?: string;
	readonly failureType?: string;
	readonly details?: ParameterMap;
}

export interface StepExecution {
	readonly stepExecutionId?: string;
	readonly stepName: string;
	readonly action?: string;
	readonly status: ExecutionStatus;
	readonly startTime?: number;
	readonly endTime?: number;
	readonly timeoutSeconds?: number;
	readonly onFailure?: string;
	readonly maxAttempts?: number;
	readonly isCritical?: boolean;
	readonly isEnd?: boolean;
	readonly nextStep?: string;
	readonly validNextSteps?: readonly string[];
	/** Inputs as SSM sends them: values are JSON-encoded strings. */
	readonly inputs?: Readonly<Record<string, string>>;
	readonly outputs?: ParameterMap;
	readonly response?: string;
	readonly responseCode?: string;
	readonly failureMessage?: string;
	readonly failureDetails?: FailureDetails;
	readonly overriddenParameters?: ParameterMap;
	readonly targets?: readonly Target[];
	/** Set on the per-location steps of a CrossAccount parent (one account, one region). */
	readonly targetLocation?: TargetLocation;
}

/** GetAutomationExecution: the full execution, as shown on the detail screen. */
export interface ExecutionDetail extends Execution {
	readonly parameters?: ParameterMap;
	readonly steps: readonly StepExecution[];
	readonly stepsTruncated?: boolean;
	readonly targetLocations?: readonly TargetLocation[];
	readonly progress?: ProgressCounters;
	readonly variables?: ParameterMap;
	readonly tags?: ReadonlyArray<{readonly key: string; readonly value: string}>;
}

/** Health of one region's polling, shown in the header. */
export interface RegionState {
	readonly region: string;
	readonly lastSuccessAt?: number;
	readonly lastError?: {readonly kind: ErrorKind; readonly message: string; readonly at: number};
	/** When set, the region is backing off until this time. */
	readonly backoffUntil?: number;
	readonly throttled: boolean;
	readonly calls: number;
	readonly inFlight: boolean;
	/** True when the list was cut at the paging cap; older pages can be loaded on demand. */
	readonly truncated: boolean;
}

/** What kind of failure, so the UI can explain it in words a person understands. */
export type ErrorKind =
	| 'throttled'
	| 'credentials' // missing, expired or invalid credentials
	| 'access-denied'
	| 'unreachable' // network: connection refused, DNS, no connection in time
	| 'timeout' // the endpoint took the request but did not answer within the request timeout
	| 'server' // 5xx
	| 'not-found'
	| 'validation' // the service rejected our request
	| 'unknown';

/** A child execution of a CrossAccount parent, addressed by its location. */
export interface LocationRef {
	readonly account: string;
	readonly region: string;
	readonly childExecutionId?: string;
}
