/**
 * useInput for dialogs: the handler is read through a ref, so two quick key
 * presses between renders both see the latest handler (Ink re-registers input
 * handlers after each render, which would otherwise leave a stale closure).
 * The app's quit key (the keymap's quit.force, Ctrl-C) is the app's: dialogs
 * never see it.
 */
import {useInput, type Key} from 'ink';
import {useRef} from 'react';
import {resolveDialogKey} from './dialog-keys.js';
import {useEraseBursts} from '../input/use-erase-bursts.js';

/** A Backspace press as Ink would report it, for erase bursts Ink itself drops. */
const BACKSPACE: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: true,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

export function useModalInput(handler: (input: string, key: Key) => void, isActive = true): void {
	const ref = useRef(handler);
	ref.current = handler;
	useInput(
		(input, key) => {
			if (resolveDialogKey(input, key, 'fields') === 'quit.force') return;
			ref.current(input, key);
		},
		{isActive},
	);
	useEraseBursts(() => ref.current('', BACKSPACE), isActive);
}
