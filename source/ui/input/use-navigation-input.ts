/**
 * The one navigation input handler. It reads store.getState() on every key
 * rather than render-time values: Ink re-registers handlers after each render,
 * so a closure could be one render stale between two quick key presses.
 */
import {useInput} from 'ink';
import {resolveKey, type KeyPress} from '../keymap.js';
import {useAppStoreApi} from '../store-context.js';
import {usePort} from '../port-context.js';
import {keyContextOf} from './key-context.js';
import {runCommand} from './run-command.js';
import {splitBurst} from './split-burst.js';
import {useEraseBursts} from './use-erase-bursts.js';

export function useNavigationInput(exit: () => void): void {
	const store = useAppStoreApi();
	const port = usePort();
	const handle = (input: string, key: KeyPress): void => {
		const state = store.getState();
		const command = resolveKey(input, key, keyContextOf(state));
		// A flash message lasts until the next key.
		if (state.flash !== undefined && command !== 'refresh' && command !== 'pause') state.actions.flashShown(undefined);
		if (command) runCommand(command, input, store, {port, exit});
	};

	useInput((input, key) => {
		const state = store.getState();
		// Text typed into the filter prompt (or pasted) stays one piece; elsewhere a burst is so many key presses.
		const burst = input.length > 1 && !key.ctrl && !key.meta && state.filterDraft === undefined && state.modal.kind === 'none';
		if (burst) for (const [char, press] of splitBurst(input)) handle(char, press);
		else handle(input, key);
	});
	useEraseBursts(handle);
}
