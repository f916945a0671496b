/**
 * The Run Command reads behind an aws:runCommand step's output: ListCommandInvocations (per
 * instance: status and, with Details, the response code) and GetCommandInvocation (one
 * instance's standard output and error). Errors come out classified (DataError).
 */
import {GetCommandInvocationCommand, ListCommandInvocationsCommand, type CommandInvocation as SdkInvocation} from '@aws-sdk/client-ssm';
import type {CommandInvocation, InvocationOutput, InvocationsResult} from '../core/command-output.js';
import {DataError} from '../core/data-error.js';
import {classifyError, isAbort} from './classify-error.js';
import type {CallTarget} from './ssm-calls.js';

/** Pages (of 50 instances) one listing follows at most: 500 instances is more than one screen shows. */
const INVOCATION_PAGE_CAP = 10;

function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}

function epochMs(date: Date | undefined): number | undefined {
	const ms = date?.getTime();
	return ms === undefined || Number.isNaN(ms) ? undefined : ms;
}

/** GetCommandInvocation's StringDateTime members are ISO strings ("" when not set). */
function isoMs(text: string | undefined): number | undefined {
	if (!text) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
}

async function send<T>(target: CallTarget, operation: string, commandId: string, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		if (isAbort(error)) throw error;
		const classified = classifyError(error, {operation, region: target.region, ...(target.source === undefined ? {} : {source: target.source})});
		if (classified.kind !== 'not-found') throw classified;
		// The service says only the error's name: say what is missing in words.
		const name = (error as {name?: unknown}).name;
		const what =
			name === 'InvocationDoesNotExist'
				? `Run Command has no invocation of command ${commandId} on that instance in ${target.region}.`
				: `Run Command has no command ${commandId} in ${target.region} (its history is kept for 30 days).`;
		throw new DataError('not-found', what, {cause: error});
	}
}

export function mapInvocation(invocation: SdkInvocation): CommandInvocation {
	const plugin = invocation.CommandPlugins?.[0];
	return compact({
		commandId: invocation.CommandId ?? '',
		instanceId: invocation.InstanceId ?? '',
		instanceName: invocation.InstanceName || undefined,
		status: invocation.Status ?? 'Pending',
		statusDetails: invocation.StatusDetails || undefined,
		responseCode: plugin?.ResponseCode,
		requestedAt: epochMs(invocation.RequestedDateTime),
		endTime: epochMs(plugin?.ResponseFinishDateTime),
	});
}

export async function listCommandInvocations(target: CallTarget, commandId: string, signal?: AbortSignal): Promise<InvocationsResult> {
	const invocations: CommandInvocation[] = [];
	let nextToken: string | undefined;
	let calls = 0;
	do {
		const output = await send(target, 'ListCommandInvocations', commandId, async () =>
			target.client.send(
				new ListCommandInvocationsCommand({CommandId: commandId, Details: true, MaxResults: 50, ...(nextToken ? {NextToken: nextToken} : {})}),
				signal ? {abortSignal: signal} : {},
			),
		);
		calls++;
		invocations.push(...(output.CommandInvocations ?? []).map(mapInvocation));
		nextToken = output.NextToken;
	} while (nextToken && calls < INVOCATION_PAGE_CAP);
	return {invocations, calls, truncated: Boolean(nextToken)};
}

export async function getCommandInvocation(target: CallTarget, commandId: string, instanceId: string, signal?: AbortSignal): Promise<InvocationOutput> {
	const output = await send(target, 'GetCommandInvocation', commandId, async () =>
		target.client.send(new GetCommandInvocationCommand({CommandId: commandId, InstanceId: instanceId}), signal ? {abortSignal: signal} : {}),
	);
	return compact({
		commandId: output.CommandId ?? commandId,
		instanceId: output.InstanceId ?? instanceId,
		status: output.Status ?? 'Pending',
		statusDetails: output.StatusDetails || undefined,
		responseCode: output.ResponseCode,
		startTime: isoMs(output.ExecutionStartDateTime),
		endTime: isoMs(output.ExecutionEndDateTime),
		stdout: output.StandardOutputContent ?? '',
		stderr: output.StandardErrorContent ?? '',
	});
}
