import type {Runbook, RunbookStep} from './runbooks/types.js';

// The emulator's internal record of an execution. The operations serialise it to the wire shapes.

export type StringListMap = Record<string, string[]>;

export interface WireTarget {
	Key: string;
	Values: string[];
}

export interface WireTargetLocation {
	Accounts: string[];
	Regions: string[];
	TargetLocationMaxConcurrency?: string;
	TargetLocationMaxErrors?: string;
	ExecutionRoleName?: string;
	TargetLocationAlarmConfiguration?: WireAlarmConfiguration;
	IncludeChildOrganizationUnits?: boolean;
	ExcludeAccounts?: string[];
	Targets?: WireTarget[];
	TargetsMaxConcurrency?: string;
	TargetsMaxErrors?: string;
}

export interface WireAlarmConfiguration {
	IgnorePollAlarmFailure?: boolean;
	Alarms: Array<{Name: string}>;
}

/** What a step will do when it runs: decided up front, so a run is deterministic. */
export interface Fate {
	/** Step that fails ('*' = the first step that can fail). */
	readonly failStep?: string;
	readonly failAs?: 'Failed' | 'TimedOut';
	/** Approvals the seed scripts: resolve the waiting step after this many ms. */
	readonly approval?: {readonly decision: 'Approve' | 'Reject'; readonly afterMs: number};
}

export interface StepRecord {
	readonly stepExecutionId: string;
	readonly definition?: RunbookStep;
	stepName: string;
	action: string;
	status: string;
	startTime?: number;
	endTime?: number;
	inputs: Record<string, string>;
	outputs: StringListMap;
	failureMessage?: string;
	failureDetails?: {FailureStage: string; FailureType: string; Details?: StringListMap};
	response?: string;
	responseCode?: string;
	attempt: number;
	validNextSteps?: string[];
	targetLocation?: WireTargetLocation;
	targets?: WireTarget[];
	/** Child execution driven by this step (rate control and cross-account parents). */
	childId?: string;
	/** Location of that child, for cross-account parents. */
	childAccount?: string;
	childRegion?: string;
	/** The timer that will end this step, so stop/cancel can drop it. */
	timer?: number;
	/** aws:approve: the principals whose Approve counted (each once), and every decision as ApproverDecisions shows it. */
	approvedBy?: string[];
	approverDecisions?: string[];
}

export type ExecutionKind = 'local' | 'rate-control' | 'cross-account';

export interface ExecutionRecord {
	readonly id: string;
	readonly account: string;
	readonly region: string;
	readonly kind: ExecutionKind;
	readonly runbook: Runbook;
	readonly documentVersion: string;
	/** Insertion order: breaks ties between equal start times. */
	readonly seq: number;
	status: string;
	mode: 'Auto' | 'Interactive';
	startTime: number;
	endTime?: number;
	parameters: StringListMap;
	outputs: StringListMap;
	failureMessage?: string;
	parentId?: string;
	executedBy: string;
	currentStepName?: string;
	currentAction?: string;
	targetParameterName?: string;
	targets: WireTarget[];
	targetMaps?: StringListMap[];
	resolvedTargets: string[];
	resolvedTargetsTruncated: boolean;
	maxConcurrency?: string;
	maxErrors?: string;
	target?: string;
	targetLocations?: WireTargetLocation[];
	targetLocationsURL?: string;
	alarmConfiguration?: WireAlarmConfiguration;
	triggeredAlarms?: Array<{Name: string; State: string}>;
	tags: Array<{Key: string; Value: string}>;
	steps: StepRecord[];
	fate: Fate;
	/** Salt for step timings: the same inputs give the same durations. */
	salt: number;
	/** A critical step failed but onFailure moved on: the run still ends Failed. */
	criticalFailure?: 'Failed' | 'TimedOut';
	/** Rate-control / cross-account bookkeeping. */
	errorCount: number;
	running: number;
	stopRequested?: 'Cancel' | 'Complete';
	clientToken?: string;
	fingerprint?: string;
	/** Holds one of its account-Region's running slots (top-level runs only). */
	admitted?: boolean;
	/** Outcomes scripted per child location ("account/region") of a cross-account parent. */
	locationFates?: Readonly<Record<string, Fate>>;
}

export const terminalStatuses: ReadonlySet<string> = new Set([
	'Success',
	'Failed',
	'TimedOut',
	'Cancelled',
	'CompletedWithSuccess',
	'CompletedWithFailure',
	'Rejected',
	'ChangeCalendarOverrideRejected',
]);

export function isTerminal(status: string): boolean {
	return terminalStatuses.has(status);
}
