/**
 * The app's only subscription to the keyboard: Ink's raw input events (each a chunk of what stdin
 * delivered, in order) → the tokenizer → one key at a time to the dispatcher. Ink's own useInput is
 * not used anywhere, because it hands several keys that arrive in one read to its handler as one
 * event, and every useInput hook sees every key (a dialog's Esc also reached the screen behind it).
 */
import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import {useAppStoreApi} from '../store-context.js';
import {dispatchKey} from './dispatch.js';
import {createTokenizer, ESCAPE_WAIT_MS} from './tokenizer.js';

export function useKeyInput(exit: () => void): void {
	const store = useAppStoreApi();
	const {internal_eventEmitter: emitter, setRawMode, isRawModeSupported} = useStdin();
	const exitRef = useRef(exit);
	useEffect(() => {
		exitRef.current = exit;
	});
	useEffect(() => {
		if (!emitter) return;
		const tokenizer = createTokenizer();
		let timer: ReturnType<typeof setTimeout> | undefined;
		const effects = {exit: () => exitRef.current()};
		const dispatch = (keys: ReturnType<typeof tokenizer.push>): void => {
			for (const key of keys) dispatchKey(store, key, effects);
		};
		// A lone Esc may be the start of a sequence split across reads: wait a moment for the rest.
		// (During a long bracketed paste the wait comes round again: each flush hands over the text so far.)
		const waitForTheRest = (): void => {
			if (!tokenizer.pending) return;
			timer = setTimeout(() => {
				timer = undefined;
				dispatch(tokenizer.flush());
				waitForTheRest();
			}, ESCAPE_WAIT_MS);
		};
		const onInput = (chunk: string): void => {
			if (timer !== undefined) clearTimeout(timer);
			timer = undefined;
			dispatch(tokenizer.push(chunk));
			waitForTheRest();
		};
		if (isRawModeSupported) setRawMode(true);
		emitter.on('input', onInput);
		return () => {
			emitter.removeListener('input', onInput);
			if (timer !== undefined) clearTimeout(timer);
			if (isRawModeSupported) setRawMode(false);
		};
	}, [emitter, isRawModeSupported, setRawMode, store]);
}
