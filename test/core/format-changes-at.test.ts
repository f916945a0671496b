// Each time text's `…ChangesAt` twin names the first moment it reads differently: the text holds
// until then and differs from then on, so a view that re-renders only then never shows a stale text.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {
	countdownChangesAt,
	durationChangesAt,
	elapsed,
	elapsedChangesAt,
	formatDuration,
	relativeTime,
	relativeTimeChangesAt,
} from '../../source/core/format.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const DAY = 86_400_000;
/** Spans from "now" to weeks, with the unit boundaries over-represented. */
const span = fc.oneof(
	fc.integer({min: -5000, max: 70 * DAY}),
	fc.constantFrom(0, 999, 1000, 59_999, 60_000, 3_599_999, 3_600_000, DAY - 1, DAY).chain(edge => fc.integer({min: edge - 2, max: edge + 2})),
);

/** `text` holds on [now, changesAt) and differs at changesAt (checked at the ends and a sample in between). */
function expectChangeAt(text: (t: number) => string, now: number, changesAt: number, between: number): void {
	expect(changesAt).toBeGreaterThan(now);
	const before = now + Math.floor((changesAt - 1 - now) * between);
	expect(text(before)).toBe(text(now));
	expect(text(changesAt - 1)).toBe(text(now));
	expect(text(changesAt)).not.toBe(text(now));
}

describe('time texts say when they change', () => {
	it('relativeTime: "now", "12s ago", "3m ago", "2h ago", "4d ago" each change on the next unit boundary', () => {
		fc.assert(
			fc.property(span, fc.double({min: 0, max: 1, noNaN: true}), (ago, between) => {
				const at = NOW - ago;
				expectChangeAt(t => relativeTime(at, t), NOW, relativeTimeChangesAt(at, NOW), between);
			}),
		);
	});

	it('a running duration changes each second below an hour, each minute below a day, each hour after', () => {
		fc.assert(
			fc.property(span, fc.double({min: 0, max: 1, noNaN: true}), (ran, between) => {
				const start = NOW - ran;
				expectChangeAt(t => elapsed(start, undefined, t), NOW, elapsedChangesAt(start, undefined, NOW), between);
			}),
		);
		expect(durationChangesAt(4 * 60_000 + 1500)).toBe(4 * 60_000 + 2000);
		expect(durationChangesAt(2 * 3_600_000 + 90_000)).toBe(2 * 3_600_000 + 120_000);
	});

	it('a countdown changes as its time left drops out of its unit, and ends at its deadline', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 3 * DAY}), fc.double({min: 0, max: 1, noNaN: true}), (left, between) => {
				const until = NOW + left;
				const text = (t: number): string => (until > t ? formatDuration(until - t) : 'over');
				expectChangeAt(text, NOW, countdownChangesAt(until, NOW), between);
			}),
		);
	});

	it('texts that do not read the time never change', () => {
		expect(relativeTimeChangesAt(undefined, NOW)).toBe(Number.POSITIVE_INFINITY);
		expect(elapsedChangesAt(NOW - 5000, NOW - 1000, NOW)).toBe(Number.POSITIVE_INFINITY);
		expect(elapsedChangesAt(undefined, undefined, NOW)).toBe(Number.POSITIVE_INFINITY);
		expect(countdownChangesAt(NOW, NOW)).toBe(Number.POSITIVE_INFINITY);
	});
});
