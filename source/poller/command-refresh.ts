/**
 * Refresh of the Run Command step open on the command screen (store/refresh-plan.ts names it):
 * the command's invocations, then the output of the instance under the cursor. A failure is
 * recorded in place, the last good data kept; throttling is thrown for the caller's back-off.
 */
import {describeError} from '../core/data-error.js';
import type {MonitorApi} from '../core/monitor-api.js';
import type {AppStore} from '../store/app-store.js';
import {selectOpenCommand} from '../store/command-actions.js';
import type {CommandTarget} from '../store/refresh-plan.js';

/** Returns the calls made. */
export async function refreshCommand(store: AppStore, api: MonitorApi, target: CommandTarget, signal: AbortSignal, now: () => number): Promise<number> {
	const {listCommandInvocations, getCommandInvocation} = api;
	if (!listCommandInvocations || !getCommandInvocation) return 0;
	const {actions} = store.getState();
	let calls = 0;
	const failedWith = (error: unknown): string | undefined => {
		if (signal.aborted) return undefined;
		const {kind, message} = describeError(error);
		if (kind === 'throttled') throw error;
		return message;
	};

	try {
		const result = await listCommandInvocations.call(api, target.region, target.commandId, {signal});
		calls += result.calls;
		if (signal.aborted) return calls;
		actions.commandInvocationsLoaded(target.commandId, result, now());
	} catch (error) {
		calls++;
		const message = failedWith(error);
		if (message !== undefined) actions.commandInvocationsFailed(target.commandId, message);
	}

	// The invocations just read may name the instance under the cursor for the first time.
	const instanceId = target.instanceId ?? selectOpenCommand(store.getState())?.instanceId;
	if (instanceId === undefined || signal.aborted) return calls;
	try {
		const output = await getCommandInvocation.call(api, target.region, target.commandId, instanceId, {signal});
		calls++;
		if (!signal.aborted) actions.invocationOutputLoaded(output);
	} catch (error) {
		calls++;
		const message = failedWith(error);
		if (message !== undefined) actions.invocationOutputFailed(target.commandId, instanceId, message);
	}

	return calls;
}
