/** The KeyContext of a store state: what resolveKey, the footer and the help overlay need to know. */
import type {AppState} from '../../store/app-store.js';
import type {KeyContext} from '../keymap.js';

export function keyContextOf(state: AppState): KeyContext {
	return {
		screen: state.screen,
		modal: state.modal.kind,
		filterPrompt: state.filterDraft !== undefined,
		readOnly: state.context.readOnly,
	};
}
