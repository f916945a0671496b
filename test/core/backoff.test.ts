import {describe, expect, it} from 'vitest';
import {backoffDelay, createBackoffTracker} from '../../source/core/backoff.js';

const policy = {baseMs: 1000, capMs: 30_000};

describe('backoffDelay', () => {
	it('doubles per attempt, between half and all of the step', () => {
		expect(backoffDelay(1, policy, () => 0)).toBe(500);
		expect(backoffDelay(1, policy, () => 1)).toBe(1000);
		expect(backoffDelay(2, policy, () => 0)).toBe(1000);
		expect(backoffDelay(3, policy, () => 0.5)).toBe(3000);
	});

	it('never exceeds the cap, even after many attempts', () => {
		expect(backoffDelay(50, policy, () => 1)).toBe(30_000);
		expect(backoffDelay(10_000, policy, () => 0.99)).toBeLessThanOrEqual(30_000);
	});

	it('respects the floor and survives a broken random source', () => {
		expect(backoffDelay(1, {...policy, floorMs: 2000}, () => 0)).toBe(2000);
		expect(backoffDelay(2, policy, () => Number.NaN)).toBe(1000);
	});
});

describe('createBackoffTracker', () => {
	it('grows per key and resets on success', () => {
		const tracker = createBackoffTracker(policy, () => 1);
		expect(tracker.failed('us-east-1')).toBe(1000);
		expect(tracker.failed('us-east-1')).toBe(2000);
		expect(tracker.failed('eu-west-1')).toBe(1000);
		expect(tracker.attempts('us-east-1')).toBe(2);
		tracker.succeeded('us-east-1');
		expect(tracker.attempts('us-east-1')).toBe(0);
		expect(tracker.failed('us-east-1')).toBe(1000);
	});
});
