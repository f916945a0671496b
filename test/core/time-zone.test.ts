import {describe, expect, it} from 'vitest';
import {displayZone, formatZonedTimestamp, offsetLabel, UTC_ZONE} from '../../source/core/time-zone.js';

const WINTER = Date.UTC(2026, 11, 1, 13, 3, 22);
const SUMMER = Date.UTC(2026, 6, 1, 12, 0, 0);

describe('absolute times with their zone', () => {
	it('UTC says UTC', () => {
		expect(formatZonedTimestamp(WINTER, UTC_ZONE)).toBe('2026-12-01 13:03:22 UTC');
	});

	it('a zone east of UTC, following daylight saving time', () => {
		const berlin = displayZone('Europe/Berlin');
		expect(formatZonedTimestamp(WINTER, berlin)).toBe('2026-12-01 14:03:22 UTC+01:00');
		expect(formatZonedTimestamp(SUMMER, berlin)).toBe('2026-07-01 14:00:00 UTC+02:00');
	});

	it('a zone west of UTC with half hours, across midnight', () => {
		expect(formatZonedTimestamp(Date.UTC(2026, 11, 1, 1, 0, 0), displayZone('America/St_Johns'))).toBe('2026-11-30 21:30:00 UTC-03:30');
		expect(offsetLabel(-210)).toBe('UTC-03:30');
	});

	it('no time is "-"; an unknown zone falls back to UTC', () => {
		expect(formatZonedTimestamp(undefined, UTC_ZONE)).toBe('-');
		expect(displayZone('Not/AZone')).toEqual(UTC_ZONE);
		expect(displayZone(undefined)).toEqual(UTC_ZONE);
	});
});
