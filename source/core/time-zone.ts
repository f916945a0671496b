/**
 * Absolute times with their zone: "2026-12-01 14:03:22 UTC+01:00", or "… UTC" in UTC. Pure: the
 * zone is given (the CLI picks the machine's zone, or UTC with --utc; tests pass a fixed one), and
 * the offset at each instant comes from Intl, so daylight saving time is followed.
 */

export interface DisplayZone {
	/** An IANA zone name ("Europe/Berlin") or "UTC". */
	readonly timeZone: string;
}

export const UTC_ZONE: DisplayZone = {timeZone: 'UTC'};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
	let formatter = formatters.get(timeZone);
	if (!formatter) {
		formatter = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
		});
		formatters.set(timeZone, formatter);
	}

	return formatter;
}

/** A zone Intl knows, else UTC (a bad TZ setting must not stop the app). */
export function displayZone(timeZone: string | undefined): DisplayZone {
	if (!timeZone) return UTC_ZONE;
	try {
		formatterFor(timeZone);
		return {timeZone};
	} catch {
		return UTC_ZONE;
	}
}

/**
 * The zone `lookUp` names (the CLI: the machine's), looked up when an absolute time is first shown.
 * A process's first Intl.DateTimeFormat costs ≈ 10 ms (ICU loads its zone data), and the first frame
 * shows no absolute time: at launch that was time spent before anything was drawn.
 */
export function lazyDisplayZone(lookUp: () => string | undefined): DisplayZone {
	let zone: DisplayZone | undefined;
	return {
		get timeZone() {
			zone ??= displayZone(lookUp());
			return zone.timeZone;
		},
	};
}

const pad2 = (value: number): string => String(value).padStart(2, '0');

/** "UTC", "UTC+01:00", "UTC-03:30". */
export function offsetLabel(offsetMinutes: number): string {
	if (offsetMinutes === 0) return 'UTC';
	const sign = offsetMinutes > 0 ? '+' : '-';
	const minutes = Math.abs(offsetMinutes);
	return `UTC${sign}${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/** The wall-clock fields of `at` in the zone, and the zone's offset from UTC then (minutes). */
function wallClock(at: number, zone: DisplayZone): {fields: Record<string, number>; offsetMinutes: number} {
	const fields: Record<string, number> = {};
	for (const part of formatterFor(zone.timeZone).formatToParts(new Date(at))) {
		if (part.type !== 'literal') fields[part.type] = Number(part.value);
	}

	const asUtc = Date.UTC(fields['year']!, fields['month']! - 1, fields['day']!, fields['hour']!, fields['minute']!, fields['second']!);
	return {fields, offsetMinutes: Math.round((asUtc - Math.floor(at / 1000) * 1000) / 60_000)};
}

/** "2026-12-01 14:03:22 UTC+01:00"; "-" when there is no time. */
export function formatZonedTimestamp(at: number | undefined, zone: DisplayZone): string {
	if (at === undefined || !Number.isFinite(at)) return '-';
	const {fields, offsetMinutes} = wallClock(at, zone);
	const date = `${fields['year']}-${pad2(fields['month']!)}-${pad2(fields['day']!)}`;
	const time = `${pad2(fields['hour']!)}:${pad2(fields['minute']!)}:${pad2(fields['second']!)}`;
	return `${date} ${time} ${offsetLabel(offsetMinutes)}`;
}
