/** Event-named actions for what the poller and the AWS adapter report. */
import type {GetState, SetState} from './app-store.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the data layer
export interface DataActions {}

export function createDataActions(_set: SetState, _get: GetState): DataActions {
	return {};
}
