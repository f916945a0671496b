/**
 * The port through which the poller reads SSM: implemented by source/aws over the
 * real SDK (against AWS or the emulator), and by plain fakes in unit tests.
 * Every method rejects with a DataError (core/data-error.ts), except that an
 * aborted call rejects with an error named 'AbortError'.
 */
import type {InvocationOutput, InvocationsResult} from './command-output.js';
import type {Execution, ExecutionDetail, ExecutionStatus, ProgressCounters, StepExecution} from './types.js';

/** DescribeAutomationExecutions filter keys ssmtop uses (the service knows more). */
export type ExecutionFilterKey =
	| 'DocumentNamePrefix'
	| 'ExecutionStatus'
	| 'ExecutionId'
	| 'ParentExecutionId'
	| 'CurrentAction'
	| 'StartTimeBefore'
	| 'StartTimeAfter'
	| 'AutomationType'
	| 'TagKey'
	| (string & {});

export interface ExecutionFilter {
	readonly key: ExecutionFilterKey;
	/** 1 to 10 values; the service ORs values of one key. */
	readonly values: readonly string[];
}

export interface ExecutionPageRequest {
	readonly filters?: readonly ExecutionFilter[];
	readonly nextToken?: string;
	/** 1..50; default 50. */
	readonly maxResults?: number;
	readonly signal?: AbortSignal;
	/** The account to list in, when several accounts are watched (its own credentials); default the home account. */
	readonly account?: string;
}

export interface ExecutionPage {
	readonly executions: readonly Execution[];
	/** Absent on the last page. */
	readonly nextToken?: string;
}

/**
 * The steps we already hold for an execution, with the status and counters they were read with.
 * A large CrossAccount parent's steps take a dozen calls to page through; while its status and
 * ProgressCounters stay the same, no location finished, so those calls would bring nothing new.
 */
export interface HeldSteps {
	readonly status: ExecutionStatus;
	readonly progress: ProgressCounters;
	readonly steps: readonly StepExecution[];
	/** What must stay the same for them to stand: the counters (default), or only the status. */
	readonly keepWhile?: 'counters-unchanged' | 'status-unchanged';
}

export interface DetailResult {
	readonly detail: ExecutionDetail;
	/** API calls it took (GetAutomationExecution plus step pages when the steps were truncated). */
	readonly calls: number;
}

export interface ChildLocation {
	readonly account: string;
	readonly region: string;
	readonly executionId: string;
}

export interface MonitorApi {
	/** One DescribeAutomationExecutions call in the home account (or in `request.account`). */
	listExecutionPage(region: string, request?: ExecutionPageRequest): Promise<ExecutionPage>;
	/**
	 * GetAutomationExecution in the home account, completing truncated steps, unless `heldSteps`
	 * still stand (same status and ProgressCounters, see keepWhile): then they are returned instead of paging.
	 */
	getExecution(region: string, executionId: string, options?: {signal?: AbortSignal; heldSteps?: HeldSteps; account?: string}): Promise<DetailResult>;
	/**
	 * A CrossAccount child read in its own account and region; undefined when no
	 * credentials are configured for that account (the UI says so in the cell).
	 */
	getChildExecution(location: ChildLocation, options?: {signal?: AbortSignal}): Promise<DetailResult | undefined>;
	/**
	 * ListCommandInvocations (with Details, for the response codes) of one command in the home
	 * account, following NextToken up to a page cap. Optional: fakes without Run Command leave it out.
	 */
	listCommandInvocations?(region: string, commandId: string, options?: {signal?: AbortSignal}): Promise<InvocationsResult>;
	/** GetCommandInvocation: one instance's status and standard output and error. */
	getCommandInvocation?(region: string, commandId: string, instanceId: string, options?: {signal?: AbortSignal}): Promise<InvocationOutput>;
	/** Forget cached credentials/clients, so the next call picks up refreshed ones. */
	resetCredentials?(): void;
}
