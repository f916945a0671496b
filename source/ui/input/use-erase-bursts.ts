/**
 * Several Backspaces in one read (key repeat over SSH, tmux send-keys) reach
 * useInput from Ink 6.8 as ONE event with empty input and no key flags: its
 * keypress parser recognises a lone DEL but not "\x7f\x7f\x7f", so the burst is
 * lost. The raw chunk is still on Ink's input event emitter (exposed by useStdin
 * as internal_eventEmitter, Ink's own channel for useInput), so this hook reads
 * erase-only chunks there and replays them as single Backspace presses.
 */
import {useStdin} from 'ink';
import {useEffect, useRef} from 'react';
import type {KeyPress} from '../keymap.js';

const ERASE_BURST = /^[\u007F\b]{2,}$/;

/** How many Backspace presses a raw input chunk holds, when it is nothing but a burst of them. */
export function eraseBurstLength(chunk: string): number {
	return ERASE_BURST.test(chunk) ? chunk.length : 0;
}

export function useEraseBursts(onPress: (input: string, key: KeyPress) => void, isActive = true): void {
	const {internal_eventEmitter: emitter} = useStdin();
	const ref = useRef(onPress);
	ref.current = onPress;
	useEffect(() => {
		if (!isActive || !emitter) return;
		const listener = (chunk: string): void => {
			const presses = eraseBurstLength(chunk);
			for (let index = 0; index < presses; index++) ref.current('', {delete: true});
		};

		emitter.on('input', listener);
		return () => {
			emitter.removeListener('input', listener);
		};
	}, [emitter, isActive]);
}
