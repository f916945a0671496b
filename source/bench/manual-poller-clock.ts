/**
 * A poller clock that only moves when told: the benchmark simulates minutes of polling in
 * moments, and screenshots never see a refresh they did not ask for.
 */
import type {PollerClock} from '../poller/clock.js';
import {DEFAULT_MAX_CONCURRENT, type RequestBudgetLimits} from '../core/request-budget.js';

export interface ManualPollerClock extends PollerClock {
	/** Moves time forward, firing every timer that falls due, in time order; returns how many fired. */
	advance(ms: number): number;
	/** Timers waiting to fire. */
	pending(): number;
	/** How long until each waiting timer fires, soonest first. */
	dueIn(): number[];
}

interface Timer {
	readonly id: number;
	readonly at: number;
	readonly callback: () => void;
}

export function createManualPollerClock(startMs: number, onAdvance?: (now: number) => void): ManualPollerClock {
	let now = startMs;
	let nextId = 1;
	const timers = new Map<number, Timer>();
	return {
		now: () => now,
		setTimeout(callback, ms) {
			const id = nextId++;
			timers.set(id, {id, at: now + Math.max(0, ms), callback});
			return id;
		},
		clearTimeout(handle) {
			timers.delete(handle as number);
		},
		advance(ms) {
			const until = now + ms;
			let fired = 0;
			for (;;) {
				const due = [...timers.values()].filter(timer => timer.at <= until).sort((a, b) => a.at - b.at || a.id - b.id)[0];
				if (!due) break;
				timers.delete(due.id);
				now = Math.max(now, due.at);
				onAdvance?.(now);
				due.callback();
				fired++;
			}

			now = until;
			onAdvance?.(now);
			return fired;
		},
		pending: () => timers.size,
		dueIn: () => [...timers.values()].map(timer => timer.at - now).sort((a, b) => a - b),
	};
}

/**
 * The request budget for a poller on a manual clock: its tokens refill with time, and a manual
 * clock moves only when the simulation says, so a metered budget would hold calls back forever
 * while the simulation waits for them. The concurrency cap stays (it frees as calls end).
 */
export const UNMETERED_BUDGET: RequestBudgetLimits = {callsPerSecond: 1e9, maxConcurrent: DEFAULT_MAX_CONCURRENT};
