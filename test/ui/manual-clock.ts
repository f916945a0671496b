/** A UI clock for tests that moves only when told, running the clock scheduler's waits itself (no real timers). */
import type {Clock} from '../../source/ui/clock-context.js';
import {createManualPollerClock} from '../../source/bench/manual-poller-clock.js';

export interface ManualClock extends Clock {
	/** Moves the time forward and runs every wait that falls due, in time order. */
	advance(ms: number): void;
	/** Timers set and not yet run or cleared. */
	pendingTimers(): number;
	/** How many timers were set so far (each is one wake-up of the process). */
	timersSet(): number;
}

export function createManualClock(start: number): ManualClock {
	// The poller's manual clock, seen through the UI clock's shape.
	const clock = createManualPollerClock(start);
	let set = 0;
	return {
		now: clock.now,
		delayUntil: time => time - clock.now(),
		timers: {
			setTimeout(callback, ms) {
				set++;
				return clock.setTimeout(callback, ms);
			},
			clearTimeout: clock.clearTimeout,
		},
		advance(ms) {
			clock.advance(ms);
		},
		pendingTimers: clock.pending,
		timersSet: () => set,
	};
}
