/** A UI clock for tests that moves only when told, running the clock scheduler's waits itself (no real timers). */
import type {Clock} from '../../source/ui/clock-context.js';

export interface ManualClock extends Clock {
	/** Moves the time forward and runs every wait that falls due, in time order. */
	advance(ms: number): void;
	/** Timers set and not yet run or cleared. */
	pendingTimers(): number;
	/** How many timers were set so far (each is one wake-up of the process). */
	timersSet(): number;
}

export function createManualClock(start: number): ManualClock {
	let now = start;
	let nextId = 1;
	let set = 0;
	const timers = new Map<number, {readonly at: number; readonly callback: () => void}>();
	return {
		now: () => now,
		delayUntil: time => time - now,
		timers: {
			setTimeout(callback, ms) {
				set++;
				const id = nextId++;
				timers.set(id, {at: now + ms, callback});
				return id;
			},
			clearTimeout(handle) {
				timers.delete(handle as number);
			},
		},
		advance(ms) {
			const until = now + ms;
			for (;;) {
				const due = [...timers.entries()].filter(([, timer]) => timer.at <= until).sort((a, b) => a[1].at - b[1].at || a[0] - b[0])[0];
				if (!due) break;
				timers.delete(due[0]);
				now = Math.max(now, due[1].at);
				due[1].callback();
			}

			now = until;
		},
		pendingTimers: () => timers.size,
		timersSet: () => set,
	};
}
