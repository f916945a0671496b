/**
 * useInput for dialogs: the handler is read through a ref, so two quick key
 * presses between renders both see the latest handler (Ink re-registers input
 * handlers after each render, which would otherwise leave a stale closure).
 */
import {useInput, type Key} from 'ink';
import {useRef} from 'react';

export function useModalInput(handler: (input: string, key: Key) => void, isActive = true): void {
	const ref = useRef(handler);
	ref.current = handler;
	useInput((input, key) => ref.current(input, key), {isActive});
}
