/** The execution a dialog acts on: its full detail when loaded, else its list row (no steps). */
import type {AppState} from '../../store/app-store.js';
import type {ExecutionDetail} from '../../core/types.js';

export function executionForDialog(state: AppState, id: string): ExecutionDetail | undefined {
	const detail = state.details[id];
	if (detail) return detail;
	const row = state.executions[id];
	return row ? {...row, steps: []} : undefined;
}
