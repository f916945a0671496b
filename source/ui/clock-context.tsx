/**
 * The clock for relative times and live durations. Production ticks once a
 * second; tests pass a fixed `now` and no tick, so frames are deterministic.
 * (Ink writes nothing when a tick produces the same frame.)
 */
import {createContext, useContext, useEffect, useState, type ReactNode} from 'react';

export interface Clock {
	readonly now: () => number;
	/** Re-render interval in ms; 0 = never (tests). */
	readonly tickMs: number;
}

export const SYSTEM_CLOCK: Clock = {now: () => Date.now(), tickMs: 1000};

const ClockContext = createContext<Clock>(SYSTEM_CLOCK);

export function ClockProvider({clock, children}: {readonly clock: Clock; readonly children: ReactNode}) {
	return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

/** The current time, re-rendering the caller on each tick. */
export function useNow(): number {
	const clock = useContext(ClockContext);
	const [now, setNow] = useState(clock.now);
	useEffect(() => {
		if (clock.tickMs <= 0) return;
		const timer = setInterval(() => setNow(clock.now()), clock.tickMs);
		return () => clearInterval(timer);
	}, [clock]);
	return clock.tickMs <= 0 ? clock.now() : now;
}
