/** Event-named actions for what the user does (selection, sort, filter, screens, modals). */
import type {GetState, SetState} from './app-store.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the views layer
export interface UiActions {}

export function createUiActions(_set: SetState, _get: GetState): UiActions {
	return {};
}
