/**
 * The full-text viewer as a layer of the store: opened over a screen (`v`), driven by its pure
 * transitions (core/dialogs/text-viewer.ts); Esc closes only it. Its copy is an effect for the runner.
 */
import type {Command} from '../core/commands.js';
import {openViewer, viewerCommand, viewerSize, type ViewerField} from '../core/dialogs/text-viewer.js';
import type {GetState, SetState} from './app-store.js';

export interface ViewerActions {
	/** Open the viewer on `fields` (a snapshot), at field `index`; nothing happens over another layer or with no fields. */
	viewerOpened(title: string, fields: readonly ViewerField[], index?: number): void;
	/** A key, resolved by the keymap in the viewer's scope. */
	viewerCommand(command: Command): void;
}

export function createViewerActions(set: SetState, get: GetState): ViewerActions {
	return {
		viewerOpened(title, fields, index) {
			const state = get();
			if (state.modal.kind !== 'none') return;
			if (fields.length === 0) {
				set({flash: 'Nothing to show in full here'});
				return;
			}
			set({modal: {kind: 'viewer', viewer: openViewer(title, fields, index)}});
		},
		viewerCommand(command) {
			const state = get();
			if (state.modal.kind !== 'viewer') return;
			const transition = viewerCommand(state.modal.viewer, command, viewerSize(state.viewport, state.banner !== undefined));
			const queued = transition.effects.length > 0 ? {effects: [...state.effects, ...transition.effects]} : {};
			if (transition.closed) set({modal: {kind: 'none'}, ...queued});
			else if (transition.state !== state.modal.viewer || transition.effects.length > 0) set({modal: {kind: 'viewer', viewer: transition.state}, ...queued});
		},
	};
}
