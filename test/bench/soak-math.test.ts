import {describe, expect, it} from 'vitest';
import {fitGrowth, slope, slopeStandardError, warmUpFor} from '../../source/bench/soak-math.js';

describe('slope', () => {
	it('is the exact slope of points on a line', () => {
		expect(slope([0, 1, 2, 3, 4].map(x => [x, 3 * x + 7] as const))).toBeCloseTo(3, 10);
		expect(slope([0, 10, 20].map(x => [x, 50 - 0.5 * x] as const))).toBeCloseTo(-0.5, 10);
	});

	it('is the least-squares line, not the endpoints: one high sample at the end moves it by a fraction', () => {
		// Flat at 60 MB, then a last sample taken just before a collection: the endpoints say +6 MB.
		const points = [...Array.from({length: 19}, (_, index) => [index, 60] as const), [19, 66] as const];
		const fitted = slope(points);
		expect(fitted).toBeGreaterThan(0);
		// The line through them says under a third of that.
		expect(fitted * 19).toBeLessThan(2);
	});

	it('is 0 for fewer than two points or a single x', () => {
		expect(slope([])).toBe(0);
		expect(slope([[5, 9]])).toBe(0);
		expect(
			slope([
				[2, 1],
				[2, 9],
			]),
		).toBe(0);
	});
});

describe('slopeStandardError', () => {
	it('is 0 on an exact line and grows with the scatter about it', () => {
		const line = [0, 1, 2, 3, 4, 5].map(x => [x, 2 * x + 1] as const);
		expect(slopeStandardError(line)).toBeCloseTo(0, 10);
		const scattered = (amplitude: number) => line.map(([x, y], index) => [x, y + (index % 2 === 0 ? amplitude : -amplitude)] as const);
		const small = slopeStandardError(scattered(0.1));
		expect(small).toBeGreaterThan(0);
		expect(slopeStandardError(scattered(1))).toBeCloseTo(10 * small, 6);
	});

	it('matches the textbook value: residuals ±1 about a flat line at x = 0, 1, 2, 3', () => {
		// y = 1, -1, -1, 1: slope 0, residual sum of squares 4, spread Σ(x - 1.5)² = 5 → √(4 / 2 / 5).
		const points = [
			[0, 1],
			[1, -1],
			[2, -1],
			[3, 1],
		] as const;
		expect(slope(points)).toBeCloseTo(0, 10);
		expect(slopeStandardError(points)).toBeCloseTo(Math.sqrt(0.4), 10);
		expect(slopeStandardError(points.slice(0, 2))).toBe(0);
	});
});

describe('fitGrowth', () => {
	it('leaves the warm-up out and scales the slope per hour to the soak', () => {
		// 1 MB per minute during the warm-up (caches filling), then flat with ±0.2 MB of noise.
		const samples = Array.from({length: 61}, (_, index) => {
			const at = index * 10;
			const value = at < 120 ? 50 + at / 60 : 52 + (index % 2 === 0 ? 0.2 : -0.2);
			return {at, value};
		});
		const fit = fitGrowth(samples, 120, 600);
		expect(fit.samples).toBe(49);
		expect(Math.abs(fit.growthMb)).toBeLessThan(0.1);
		// With the warm-up in, the same samples would show growth.
		expect(fitGrowth(samples, 0, 600).growthMb).toBeGreaterThan(0.5);
	});

	it('finds a steady leak: 12 MB/h is 2 MB over a 10-minute soak', () => {
		const samples = Array.from({length: 60}, (_, index) => ({at: index * 10, value: 70 + (12 * index * 10) / 3600}));
		const fit = fitGrowth(samples, 120, 600);
		expect(fit.slopeMbPerHour).toBeCloseTo(12, 5);
		expect(fit.growthMb).toBeCloseTo(2, 5);
	});
});

describe('warmUpFor', () => {
	it('is a fifth of the soak, at most two minutes', () => {
		expect(warmUpFor(60)).toBe(12);
		expect(warmUpFor(600)).toBe(120);
		expect(warmUpFor(3600)).toBe(120);
	});
});
