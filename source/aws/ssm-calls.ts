/**
 * The SSM Automation read calls ssmtop makes, over one SSMClient each: list one
 * page, list up to a page cap, get an execution with all its steps. Errors come
 * out classified (DataError); aborts come out unchanged.
 */
import {
	DescribeAutomationExecutionsCommand,
	DescribeAutomationStepExecutionsCommand,
	GetAutomationExecutionCommand,
	type AutomationExecutionFilterKey,
	type SSMClient,
} from '@aws-sdk/client-ssm';
import type {ExecutionFilter, ExecutionPage, ExecutionPageRequest, HeldSteps} from '../core/monitor-api.js';
import type {ExecutionDetail, StepExecution} from '../core/types.js';
import {classifyError, isAbort, type CallContext} from './classify-error.js';
import {mapExecutionDetail, mapExecutionMetadata, mapStep} from './map-execution.js';

export interface CallTarget {
	readonly client: SSMClient;
	readonly region: string;
	readonly account?: string;
	/** The ACCOUNT column's words for `account`, when several accounts are watched. */
	readonly accountName?: string;
	/** Where the call goes, for error messages ("profile prod"); never a secret. */
	readonly source?: string;
}

/** The execution with its account's name, when the target has one. */
function named<T extends {accountName?: string}>(target: CallTarget, execution: T): T {
	return target.accountName === undefined ? execution : {...execution, accountName: target.accountName};
}

/** Step pages fetched at most when GetAutomationExecution truncates the steps (50 per page). */
const STEP_PAGE_CAP = 40;

async function send<T>(target: CallTarget, operation: string, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (isAbort(error)) throw error;
		const context: CallContext = {operation, region: target.region, ...(target.source === undefined ? {} : {source: target.source})};
		throw classifyError(error, context);
	}
}

function sdkFilters(filters: readonly ExecutionFilter[] | undefined) {
	return filters?.map(filter => ({Key: filter.key as AutomationExecutionFilterKey, Values: [...filter.values]}));
}

/** `requestTimeoutMs` overrides the client's request timeout for this call (the start-up check waits longer). */
export async function listExecutionPage(target: CallTarget, request: ExecutionPageRequest & {readonly requestTimeoutMs?: number} = {}): Promise<ExecutionPage> {
	const output = await send(target, 'DescribeAutomationExecutions', async () =>
		target.client.send(
			new DescribeAutomationExecutionsCommand({
				MaxResults: request.maxResults ?? 50,
				...(request.filters && request.filters.length > 0 ? {Filters: sdkFilters(request.filters)} : {}),
				...(request.nextToken ? {NextToken: request.nextToken} : {}),
			}),
			{
				...(request.signal ? {abortSignal: request.signal} : {}),
				...(request.requestTimeoutMs === undefined ? {} : {requestTimeout: request.requestTimeoutMs}),
			},
		),
	);
	const executions = (output.AutomationExecutionMetadataList ?? []).map(row => named(target, mapExecutionMetadata(row, target.region, target.account)));
	return output.NextToken ? {executions, nextToken: output.NextToken} : {executions};
}

export interface ListResult extends ExecutionPage {
	/** True when the page cap cut the listing (nextToken then continues it). */
	readonly truncated: boolean;
	readonly calls: number;
}

/** Follows NextToken for at most `pageCap` pages. */
export async function listExecutions(
	target: CallTarget,
	options: {filters?: readonly ExecutionFilter[]; pageCap?: number; nextToken?: string; signal?: AbortSignal} = {},
): Promise<ListResult> {
	const pageCap = Math.max(1, options.pageCap ?? 20);
	const executions = [];
	let nextToken = options.nextToken;
	let calls = 0;
	do {
		const page = await listExecutionPage(target, {
			...(options.filters ? {filters: options.filters} : {}),
			...(nextToken ? {nextToken} : {}),
			...(options.signal ? {signal: options.signal} : {}),
		});
		calls++;
		executions.push(...page.executions);
		nextToken = page.nextToken;
	} while (nextToken && calls < pageCap);
	return {executions, truncated: Boolean(nextToken), calls, ...(nextToken ? {nextToken} : {})};
}

async function allSteps(target: CallTarget, executionId: string, signal?: AbortSignal): Promise<{steps: StepExecution[]; calls: number}> {
	const steps: StepExecution[] = [];
	let nextToken: string | undefined;
	let calls = 0;
	do {
		const output = await send(target, 'DescribeAutomationStepExecutions', async () =>
			target.client.send(
				new DescribeAutomationStepExecutionsCommand({
					AutomationExecutionId: executionId,
					MaxResults: 50,
					...(nextToken ? {NextToken: nextToken} : {}),
				}),
				signal ? {abortSignal: signal} : {},
			),
		);
		calls++;
		steps.push(...(output.StepExecutions ?? []).map(mapStep));
		nextToken = output.NextToken;
	} while (nextToken && calls < STEP_PAGE_CAP);
	return {steps, calls};
}

/** No location finished (or, when asked, only: the run's status is the same) since the held steps were read. */
function heldStepsStand(held: HeldSteps, head: ExecutionDetail): boolean {
	const progress = head.progress;
	if (held.keepWhile === 'status-unchanged') return head.status === held.status;
	return (
		head.status === held.status &&
		progress !== undefined &&
		progress.total === held.progress.total &&
		progress.success === held.progress.success &&
		progress.failed === held.progress.failed &&
		progress.cancelled === held.progress.cancelled &&
		progress.timedOut === held.progress.timedOut
	);
}

export async function getExecution(
	target: CallTarget,
	executionId: string,
	signal?: AbortSignal,
	held?: HeldSteps,
): Promise<{detail: ExecutionDetail; calls: number}> {
	const output = await send(target, 'GetAutomationExecution', async () =>
		target.client.send(new GetAutomationExecutionCommand({AutomationExecutionId: executionId}), signal ? {abortSignal: signal} : {}),
	);
	const execution = output.AutomationExecution;
	if (!execution) {
		throw classifyError(Object.assign(new Error(`execution ${executionId} was not returned`), {name: 'AutomationExecutionNotFoundException'}), {
			operation: 'GetAutomationExecution',
			region: target.region,
		});
	}

	if (!execution.StepExecutionsTruncated) {
		return {detail: named(target, mapExecutionDetail(execution, target.region, target.account)), calls: 1};
	}

	if (held) {
		const withHeldSteps = named(target, mapExecutionDetail(execution, target.region, target.account, held.steps));
		if (heldStepsStand(held, withHeldSteps)) return {detail: withHeldSteps, calls: 1};
	}

	const {steps, calls} = await allSteps(target, executionId, signal);
	return {detail: named(target, mapExecutionDetail(execution, target.region, target.account, steps)), calls: 1 + calls};
}
