import {describe, expect, it} from 'vitest';
import {createManualClock, createScaledClock} from '../../source/emulator/clock.js';

describe('emulator clocks', () => {
	it('a manual clock moves only when told, and never backwards', () => {
		const clock = createManualClock(1000);
		expect(clock.now()).toBe(1000);
		clock.advance(500);
		expect(clock.now()).toBe(1500);
		clock.set(1200);
		expect(clock.now()).toBe(1500);
		clock.set(9000);
		expect(clock.now()).toBe(9000);
		expect(() => clock.advance(-1)).toThrow(RangeError);
	});

	it('a scaled clock runs timeScale times faster than real time, plus what advance adds', () => {
		let real = 10_000;
		const clock = createScaledClock(20, () => real);
		expect(clock.now()).toBe(10_000);
		real += 1000;
		expect(clock.now()).toBe(30_000);
		clock.advance(5000);
		expect(clock.now()).toBe(35_000);
		clock.set(100_000);
		expect(clock.now()).toBe(100_000);
		clock.set(0);
		expect(clock.now()).toBe(100_000);
		expect(() => createScaledClock(0)).toThrow(RangeError);
	});
});
