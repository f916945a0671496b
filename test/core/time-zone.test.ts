import {describe, expect, it} from 'vitest';
import {displayZone, formatZonedTimestamp, lazyDisplayZone, offsetLabel, UTC_ZONE} from '../../source/core/time-zone.js';

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

	it("the machine's zone is looked up once, when a time is first shown", () => {
		let lookUps = 0;
		const zone = lazyDisplayZone(() => {
			lookUps++;
			return 'Europe/Berlin';
		});
		expect(lookUps).toBe(0);
		expect(formatZonedTimestamp(WINTER, zone)).toBe('2026-12-01 14:03:22 UTC+01:00');
		expect(formatZonedTimestamp(SUMMER, zone)).toBe('2026-07-01 14:00:00 UTC+02:00');
		expect(lookUps).toBe(1);
		expect(lazyDisplayZone(() => 'Not/AZone').timeZone).toBe('UTC');
	});
});

describe('the ENDED list column', () => {
	it('is declared in the registry, shown only from 160 columns, and says how long ago the run ended', async () => {
		const {executionColumn} = await import('../../source/core/columns/execution-columns.js');
		const {listColumns} = await import('../../source/ui/layout.js');
		const ended = executionColumn('ended');
		expect(ended.title).toBe('ENDED');
		const now = Date.UTC(2026, 11, 1, 12, 0, 0);
		expect(ended.text({id: 'x', region: 'r', documentName: 'D', status: 'Success', startTime: now - 600_000, endTime: now - 180_000}, now, false)).toBe('3m');
		expect(ended.text({id: 'y', region: 'r', documentName: 'D', status: 'InProgress', startTime: now}, now, false)).toBe('-');
		expect(listColumns(159).map(column => column.key)).not.toContain('ended');
		expect(listColumns(200).map(column => column.key)).toContain('ended');
	});
});
