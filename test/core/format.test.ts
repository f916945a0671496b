import {describe, expect, it} from 'vitest';
import {elapsed, fit, formatDuration, formatTimestamp, relativeTime, shortId, statusSymbol, truncate} from '../../source/core/format.js';

const now = Date.UTC(2026, 10, 25, 12, 0, 0);

describe('relativeTime', () => {
	it.each([
		[undefined, '-'],
		[now, 'now'],
		[now + 5000, 'now'],
		[now - 12_000, '12s ago'],
		[now - 3 * 60_000 - 59_000, '3m ago'],
		[now - 2 * 3_600_000, '2h ago'],
		[now - 4 * 86_400_000, '4d ago'],
	])('%s → %s', (at, expected) => {
		expect(relativeTime(at, now)).toBe(expected);
	});
});

describe('formatDuration', () => {
	it.each([
		[0, '0s'],
		[-5000, '0s'],
		[45_000, '45s'],
		[3 * 60_000 + 5000, '3m05s'],
		[3_600_000 + 2 * 60_000, '1h02m'],
		[2 * 86_400_000 + 3 * 3_600_000, '2d03h'],
	])('%d ms → %s', (ms, expected) => {
		expect(formatDuration(ms)).toBe(expected);
	});

	it('counts a running execution up to now, a finished one to its end', () => {
		expect(elapsed(now - 90_000, undefined, now)).toBe('1m30s');
		expect(elapsed(now - 90_000, now - 60_000, now)).toBe('30s');
		expect(elapsed(undefined, undefined, now)).toBe('-');
	});
});

describe('ids, timestamps and symbols', () => {
	it('shortens ids to their first block', () => {
		expect(shortId('0123abcd-1111-2222-3333-444455556666')).toBe('0123abcd');
		expect(shortId('abc')).toBe('abc');
	});

	it('formats UTC timestamps', () => {
		expect(formatTimestamp(now)).toBe('2026-11-25 12:00:00');
		expect(formatTimestamp(undefined)).toBe('-');
	});

	it('has a symbol per status group, with an ASCII fallback', () => {
		expect(statusSymbol('Success')).toBe('✓');
		expect(statusSymbol('Failed')).toBe('✗');
		expect(statusSymbol('InProgress')).toBe('▶');
		expect(statusSymbol('Failed', true)).toBe('x');
		for (const status of ['Success', 'Failed', 'InProgress', 'Waiting', 'Cancelled', 'Weird']) {
			expect(statusSymbol(status, true)).toMatch(/^[\x20-\x7e]$/);
		}
	});
});

describe('truncate and fit', () => {
	it('cuts with an ellipsis only when needed', () => {
		expect(truncate('hello', 5)).toBe('hello');
		expect(truncate('hello world', 5)).toBe('hell…');
		expect(truncate('hello world', 5, true)).toBe('hell~');
		expect(truncate('hello', 0)).toBe('');
	});

	it('pads or cuts to an exact width', () => {
		expect(fit('ab', 4)).toBe('ab  ');
		expect(fit('ab', 4, {alignRight: true})).toBe('  ab');
		expect(fit('abcdef', 4)).toBe('abc…');
	});
});
