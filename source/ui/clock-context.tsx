/**
 * The clock for relative times and live durations. A component that shows a time text computes it
 * with useTimed, together with when it will next read differently, and re-renders then and only
 * then: a list of finished runs sleeps for minutes, a running duration wakes its own row once a
 * second. Production uses the system clock; tests pass a frozen one (deterministic frames) or a
 * manual one (see clock-scheduler.ts).
 */
import {createContext, useContext, useEffect, useMemo, useReducer, useRef, type ReactNode} from 'react';
import type {AppState} from '../store/app-store.js';
import {createWakeScheduler, SYSTEM_CLOCK, type Clock, type WakeScheduler} from './clock-scheduler.js';
import {useAppStoreApi} from './store-context.js';

export {frozenClock, SYSTEM_CLOCK, type Clock, type Timers} from './clock-scheduler.js';

let systemScheduler: WakeScheduler | undefined;
const ClockContext = createContext<WakeScheduler | undefined>(undefined);

export function ClockProvider({clock, children}: {readonly clock: Clock; readonly children: ReactNode}) {
	const scheduler = useMemo(() => createWakeScheduler(clock), [clock]);
	return <ClockContext.Provider value={scheduler}>{children}</ClockContext.Provider>;
}

/** A value computed from the time, and the first time after now at which it will differ (Infinity: never). */
export interface Timed {
	readonly changesAt: number;
}

/**
 * Computes a time-dependent value for this render, and re-renders the caller when
 * `changesAt` comes, not before. `compute` runs on every render of the caller (with the time of
 * that render), so a render for any other reason shows the time of that moment too.
 */
function useScheduler(): WakeScheduler {
	return useContext(ClockContext) ?? (systemScheduler ??= createWakeScheduler(SYSTEM_CLOCK));
}

export function useTimed<T extends Timed>(compute: (now: number) => T): T {
	const scheduler = useScheduler();
	const [wakes, wake] = useReducer((count: number) => count + 1, 0);
	const value = compute(scheduler.now());
	const {changesAt} = value;
	// `wakes` is a dependency so that a wake always schedules the next one, even if the time did not move as expected.
	useEffect(() => scheduler.wakeAt(changesAt, wake), [scheduler, changesAt, wakes]);
	return value;
}

/**
 * useTimed for a value read from the store as well as the clock, when store changes often leave
 * its text as it was (each refresh moves a region's "last success" time; the header still says
 * "ok"). `compute(state, now)` runs on every store change and at every `changesAt`, outside
 * render; the caller re-renders only when the result is not `same` as the one on screen. Each
 * React commit costs a full Ink frame, even one that writes nothing.
 */
export function useTimedStore<T extends Timed>(compute: (state: AppState, now: number) => T, same: (shown: T, next: T) => boolean): T {
	const store = useAppStoreApi();
	const scheduler = useScheduler();
	const [renders, rerender] = useReducer((count: number) => count + 1, 0);
	const value = compute(store.getState(), scheduler.now());
	// What the last render showed and how it was computed, for the checks between renders.
	const latest = useRef({compute, value});
	latest.current = {compute, value};
	useEffect(() => {
		let cancelWake = (): void => undefined;
		const check = (): void => {
			const shown = latest.current;
			const next = shown.compute(store.getState(), scheduler.now());
			if (!same(shown.value, next)) {
				rerender();
				return;
			}

			// The same text, with perhaps a new time at which it changes.
			latest.current = {compute: shown.compute, value: next};
			cancelWake();
			cancelWake = scheduler.wakeAt(next.changesAt, check);
		};

		const unsubscribe = store.subscribe(check);
		// Catches a change between the render and this effect, and schedules the first wake.
		check();
		return () => {
			unsubscribe();
			cancelWake();
		};
		// `renders` and `value.changesAt`: after each render, check against what that render showed.
	}, [store, scheduler, same, renders, value.changesAt]);
	return value;
}
