/**
 * Watching executions and the notices they raise. A store subscription (app-store.ts) compares the
 * executions before and after each change (core/notifications.ts) and raises what is news; each new
 * notice is kept for the notifications pane and queued as a `notify` effect for the runner.
 */
import {needsPerson, type Notice} from '../core/notifications.js';
import type {AppState, GetState, SetState} from './app-store.js';

/** Notices kept for the pane. */
export const NOTICE_LIMIT = 200;

export interface NoticeActions {
	/** `w`: watch the execution (told when it ends), or stop watching it. */
	watchToggled(executionId: string): void;
	/** Notices raised by a change of the executions; the ones already told are dropped. */
	noticesRaised(notices: readonly Notice[]): void;
	/** `!`: the notifications pane. */
	noticesOpened(): void;
	noticeCursorMoved(delta: number): void;
}

export function createNoticeActions(set: SetState, get: GetState): NoticeActions {
	return {
		watchToggled(executionId) {
			const {watched} = get();
			const execution = get().executions[executionId];
			const name = execution ? `${execution.documentName} ${executionId.slice(0, 8)}` : executionId;
			if (watched[executionId]) {
				const {[executionId]: _dropped, ...rest} = watched;
				set({watched: rest, flash: `No longer watching ${name}`});
			} else set({watched: {...watched, [executionId]: true}, flash: `Watching ${name}: you are told when it ends`});
		},
		noticesRaised(notices) {
			const state = get();
			const known = new Set(state.notices.map(notice => notice.key));
			const fresh = notices.filter(notice => !known.has(notice.key));
			if (fresh.length === 0) return;
			set({
				notices: [...[...fresh].reverse(), ...state.notices].slice(0, NOTICE_LIMIT),
				effects: [
					...state.effects,
					...fresh.map(notice => ({
						kind: 'notify' as const,
						title: `ssmtop: ${notice.documentName}`,
						body: `${notice.text} (${notice.executionId}, ${notice.region})`,
					})),
				],
			});
		},
		noticesOpened() {
			if (get().modal.kind === 'none') set({modal: {kind: 'notices', cursor: 0}});
		},
		noticeCursorMoved(delta) {
			const {modal, notices} = get();
			if (modal.kind !== 'notices') return;
			const cursor = Math.max(0, Math.min(notices.length - 1, modal.cursor + delta));
			if (cursor !== modal.cursor) set({modal: {kind: 'notices', cursor}});
		},
	};
}

const needsYouMemo = new WeakMap<object, number>();

/** How many executions wait for a person right now (the header's "needs you: N"). */
export function selectNeedsYouCount(state: AppState): number {
	let count = needsYouMemo.get(state.executions);
	if (count === undefined) {
		count = 0;
		for (const execution of Object.values(state.executions)) if (needsPerson(execution)) count++;
		needsYouMemo.set(state.executions, count);
	}
	return count;
}
