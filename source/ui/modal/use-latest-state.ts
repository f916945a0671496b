/**
 * State that key handlers read synchronously: set() updates a ref at once and
 * re-renders, so a second key press that arrives before the render (a quick
 * Enter then y) already sees the first one's effect.
 */
import {useReducer, useRef} from 'react';

export function useLatestState<T>(initial: T): readonly [get: () => T, set: (next: T | ((current: T) => T)) => void] {
	const ref = useRef(initial);
	const [, render] = useReducer((count: number) => count + 1, 0);
	const get = (): T => ref.current;
	const set = (next: T | ((current: T) => T)): void => {
		ref.current = typeof next === 'function' ? (next as (current: T) => T)(ref.current) : next;
		render();
	};
	return [get, set] as const;
}
