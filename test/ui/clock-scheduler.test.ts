// The clock scheduler: one timer for all the time texts on screen, woken when the first is due.
import {describe, expect, it} from 'vitest';
import {createWakeScheduler, MAX_WAIT_MS, WAKE_RESOLUTION_MS} from '../../source/ui/clock-scheduler.js';
import {createManualClock} from './manual-clock.js';

const START = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('wake scheduler', () => {
	it('wakes each text once its time has come, not before, with one timer for all', () => {
		const clock = createManualClock(START);
		const scheduler = createWakeScheduler(clock);
		const woken: string[] = [];
		scheduler.wakeAt(START + 60_000, () => woken.push('2m ago'));
		scheduler.wakeAt(START + 1000, () => woken.push('4m01s'));
		expect(clock.pendingTimers()).toBe(1);
		clock.advance(999);
		expect(woken).toEqual([]);
		clock.advance(1);
		expect(woken).toEqual(['4m01s']);
		clock.advance(58_999);
		expect(woken).toEqual(['4m01s']);
		clock.advance(1);
		expect(woken).toEqual(['4m01s', '2m ago']);
		expect(clock.pendingTimers()).toBe(0);
	});

	it('wakes texts due within the same second together, on the whole second (one frame, not one each)', () => {
		const clock = createManualClock(START + 100);
		const scheduler = createWakeScheduler(clock);
		const woken: number[] = [];
		for (const offset of [1250, 1600, 1999]) scheduler.wakeAt(START + offset, () => woken.push(clock.now()));
		clock.advance(3000);
		expect(woken).toEqual([START + 2 * WAKE_RESOLUTION_MS, START + 2 * WAKE_RESOLUTION_MS, START + 2 * WAKE_RESOLUTION_MS]);
		expect(clock.timersSet()).toBe(1);
	});

	it('forgets a cancelled wake, and sets no timer while nothing waits', () => {
		const clock = createManualClock(START);
		const scheduler = createWakeScheduler(clock);
		let woken = 0;
		const cancel = scheduler.wakeAt(START + 5000, () => woken++);
		cancel();
		expect(scheduler.pending()).toBe(0);
		expect(clock.pendingTimers()).toBe(0);
		clock.advance(10_000);
		expect(woken).toBe(0);
		scheduler.wakeAt(Number.POSITIVE_INFINITY, () => woken++);
		expect(clock.pendingTimers()).toBe(0);
	});

	it('never waits longer than a minute at once, so a wall clock that jumps is caught up with', () => {
		const clock = createManualClock(START);
		const scheduler = createWakeScheduler(clock);
		let woken = 0;
		scheduler.wakeAt(START + 3_600_000, () => woken++);
		clock.advance(MAX_WAIT_MS);
		expect(woken).toBe(0);
		expect(clock.pendingTimers()).toBe(1);
		clock.advance(3_600_000 - MAX_WAIT_MS);
		expect(woken).toBe(1);
	});

	it('sets no timer at all on a clock that stands still', () => {
		const timers = createManualClock(START).timers!;
		let set = 0;
		const scheduler = createWakeScheduler({now: () => START, timers: {...timers, setTimeout: (callback, ms) => (set++, timers.setTimeout(callback, ms))}});
		scheduler.wakeAt(START + 1000, () => undefined);
		expect(set).toBe(0);
	});
});
