/**
 * The command screen's actions: opening a Run Command step's output from the detail, moving
 * between its instances, and what the poller reports of the command. A failed read keeps the
 * last good data and says so in place.
 */
import {commandIdOfStep, type InvocationOutput, type InvocationsResult} from '../core/command-output.js';
import type {GetState, SetState} from './app-store.js';
import type {CommandState, OutputState} from './state.js';
import {selectOpenDetail} from './selectors.js';
import type {Move} from './ui-actions.js';

export interface CommandActions {
	/** Enter on an aws:runCommand step: opens its command screen; false when the step has no command yet. */
	commandOpened(): boolean;
	/** Move the command screen's instance cursor. */
	instanceSelected(move: Move): void;
	commandInvocationsLoaded(commandId: string, result: InvocationsResult, at: number): void;
	commandInvocationsFailed(commandId: string, message: string): void;
	invocationOutputLoaded(output: InvocationOutput): void;
	invocationOutputFailed(commandId: string, instanceId: string, message: string): void;
}

const EMPTY: CommandState = {outputs: {}};

/** Same data, same object: a refresh that brings nothing new re-renders nothing. */
function same<T>(previous: T | undefined, next: T): T {
	return previous !== undefined && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

export function createCommandActions(set: SetState, get: GetState): CommandActions {
	const update = (commandId: string, change: (current: CommandState) => CommandState): void => {
		const {commands} = get();
		const current = commands[commandId] ?? EMPTY;
		const next = change(current);
		if (next !== current) set({commands: {...commands, [commandId]: next}});
	};
	const updateOutput = (commandId: string, instanceId: string, change: (current: OutputState) => OutputState): void =>
		update(commandId, current => {
			const before = current.outputs[instanceId] ?? {};
			const after = change(before);
			return after === before ? current : {...current, outputs: {...current.outputs, [instanceId]: after}};
		});
	return {
		commandOpened() {
			const state = get();
			const detail = selectOpenDetail(state);
			const step = detail?.steps[state.selectedStepIndex];
			const commandId = commandIdOfStep(step);
			if (!detail || !step || commandId === undefined) return false;
			const reopened = state.openCommand?.commandId === commandId;
			set({
				screen: 'command',
				openCommand: {executionId: detail.id, stepName: step.stepName, commandId},
				selectedInstanceIndex: reopened ? (state.selectedInstanceIndex ?? 0) : 0,
			});
			return true;
		},
		instanceSelected(move) {
			const state = get();
			const count = state.openCommand ? (state.commands[state.openCommand.commandId]?.invocations?.length ?? 0) : 0;
			if (count === 0) return;
			const current = state.selectedInstanceIndex ?? 0;
			const target =
				move === 'top' ? 0 : move === 'bottom' ? count - 1 : typeof move === 'number' ? current + move : 'to' in move ? move.to : current + move.pages * 10;
			const index = Math.min(count - 1, Math.max(0, target));
			if (index !== current) set({selectedInstanceIndex: index});
		},
		commandInvocationsLoaded(commandId, result, at) {
			update(commandId, current => {
				const invocations = same(current.invocations, result.invocations);
				if (invocations === current.invocations && current.error === undefined && current.truncated === result.truncated) {
					return current.loadedAt === at ? current : {...current, loadedAt: at};
				}

				const {error: _error, ...rest} = current;
				return {...rest, invocations, truncated: result.truncated, loadedAt: at};
			});
		},
		commandInvocationsFailed(commandId, message) {
			update(commandId, current => (current.error === message ? current : {...current, error: message}));
		},
		invocationOutputLoaded(output) {
			updateOutput(output.commandId, output.instanceId, current => {
				const next = same(current.output, output);
				return next === current.output && current.error === undefined ? current : {output: next};
			});
		},
		invocationOutputFailed(commandId, instanceId, message) {
			updateOutput(commandId, instanceId, current => (current.error === message ? current : {...current, error: message}));
		},
	};
}

/** The open command's state and the instance under the cursor (pure selectors for the screen and the plan). */
export function selectOpenCommand(state: ReturnType<GetState>): {command: CommandState; instanceId?: string} | undefined {
	if (!state.openCommand) return undefined;
	const command = state.commands[state.openCommand.commandId] ?? EMPTY;
	const invocations = command.invocations ?? [];
	const index = Math.min(Math.max(0, state.selectedInstanceIndex ?? 0), Math.max(0, invocations.length - 1));
	const instanceId = invocations[index]?.instanceId;
	return instanceId === undefined ? {command} : {command, instanceId};
}
