import {describe, expect, it} from 'vitest';
import {benchEnvironment} from '../../source/bench/bench-environment.js';
import {createManualPollerClock} from '../../source/bench/manual-poller-clock.js';

describe('manual poller clock', () => {
	it('fires due timers in time order, at their own time, and only those', () => {
		const seen: Array<[string, number]> = [];
		const clock = createManualPollerClock(1000);
		clock.setTimeout(() => seen.push(['late', clock.now()]), 5000);
		clock.setTimeout(() => seen.push(['early', clock.now()]), 2000);
		clock.setTimeout(() => seen.push(['never', clock.now()]), 9000);
		expect(clock.advance(5000)).toBe(2);
		expect(seen).toEqual([
			['early', 3000],
			['late', 6000],
		]);
		expect(clock.now()).toBe(6000);
		expect(clock.pending()).toBe(1);
	});

	it('fires a timer set by a firing timer when it falls due within the same advance', () => {
		const clock = createManualPollerClock(0);
		let runs = 0;
		const loop = (): void => {
			runs++;
			clock.setTimeout(loop, 1000);
		};

		clock.setTimeout(loop, 1000);
		clock.advance(3500);
		expect(runs).toBe(3);
	});

	it('forgets cleared timers and reports each time it moves to', () => {
		const times: number[] = [];
		const clock = createManualPollerClock(0, now => times.push(now));
		const handle = clock.setTimeout(() => {
			throw new Error('cleared timers never fire');
		}, 10);
		clock.setTimeout(() => undefined, 20);
		clock.clearTimeout(handle);
		clock.advance(50);
		expect(times).toEqual([20, 50]);
	});
});

describe('bench environment', () => {
	it('forces colour and production React, and leaves CI and NO_COLOR out, without touching the original', () => {
		const original = {CI: 'true', NO_COLOR: '1', PATH: '/bin'};
		expect(benchEnvironment(original)).toEqual({FORCE_COLOR: '3', NODE_ENV: 'production', PATH: '/bin'});
		expect(original.CI).toBe('true');
	});
});
