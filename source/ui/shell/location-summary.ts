/**
 * The header's health line when several accounts are watched: with a few locations each one is
 * named with its state ("prod-payments/us-east-1 ok  staging/us-east-1 error: credentials"); with
 * more than the line holds, one summary counts them by state ("48 locations: 45 ok · 2 throttled ·
 * 1 no credentials"), worst first after ok, so a problem is never cut off the end of the line.
 */
import type {ErrorKind} from '../../core/types.js';
import type {RegionHealth} from '../../store/data-selectors.js';
import {regionSummary, type RegionLevel} from './region-summary.js';

export interface NamedLocation {
	readonly key: string;
	readonly name: string;
	readonly text: string;
	readonly level: RegionLevel;
}

export type LocationLine =
	{readonly kind: 'each'; readonly locations: readonly NamedLocation[]} | {readonly kind: 'summary'; readonly text: string; readonly level: RegionLevel};

/**
 * When a location's word in the summary can next change as time passes alone: an ok location
 * turns stale once its data is older than `staleAfterMs`; every other word holds until its health
 * changes (the summary counts states, it shows no ages or countdowns).
 */
export function categoryChangesAt(health: RegionHealth, staleAfterMs: number): number {
	if (health.state !== 'ok' || health.lastSuccessAt === undefined) return Number.POSITIVE_INFINITY;
	return health.lastSuccessAt + staleAfterMs + 1;
}

/** When the summary line can next change with time alone, given `now` (never earlier than it). */
export function summaryChangesAt(health: readonly RegionHealth[], now: number, staleAfterMs: number): number {
	let changesAt = Number.POSITIVE_INFINITY;
	for (const location of health) {
		const at = categoryChangesAt(location, staleAfterMs);
		if (at > now && at < changesAt) changesAt = at;
	}

	return changesAt;
}

/** What a failing location's count is called in the summary. */
const ERROR_WORDS: Readonly<Record<ErrorKind, string>> = {
	throttled: 'throttled',
	credentials: 'no credentials',
	'access-denied': 'access denied',
	unreachable: 'unreachable',
	timeout: 'timed out',
	server: 'service errors',
	'not-found': 'not found',
	validation: 'rejected',
	unknown: 'failing',
};

/** The summary's order: ok first, then what waits, then problems (the reader's eye ends on them). */
const ORDER = ['ok', 'loading', 'paused', 'stale', 'throttled', ...Object.values(ERROR_WORDS).filter(word => word !== 'throttled')];

function category(health: RegionHealth, now: number, staleAfterMs: number): string {
	switch (health.state) {
		case 'error':
			return ERROR_WORDS[health.errorKind ?? 'unknown'];
		case 'ok':
			return health.lastSuccessAt !== undefined && now - health.lastSuccessAt > staleAfterMs ? 'stale' : 'ok';
		default:
			return health.state;
	}
}

/**
 * The summary's counts of a health list, kept to update the next one from: with an organisation's
 * 9,620 locations every refresh batch makes a new list in which a few dozen locations changed, and
 * walking every location's words again made the header most of each batch's cost (the
 * organisation bench's keys waited behind it). Owned by one caller, which passes it back.
 */
export interface LocationTally {
	health: readonly RegionHealth[];
	staleAfterMs: number;
	now: number;
	/** Per location: its word, and when time alone can next change it. */
	readonly words: string[];
	readonly until: Float64Array;
	/** Per location: 1 in an error, 2 throttled (the line's colour). */
	readonly flags: Uint8Array;
	readonly counts: Map<string, number>;
	errors: number;
	throttled: number;
}

const ERROR_FLAG = 1;
const THROTTLED_FLAG = 2;

/**
 * The counts for `health` at `now`: from `previous` (updated in place and returned) when it holds
 * the same number of locations at the same staleness and no later time, going over only the
 * locations whose health object changed or whose word's time came; else counted afresh.
 */
export function tallyLocations(health: readonly RegionHealth[], now: number, staleAfterMs: number, previous?: LocationTally): LocationTally {
	const reuse = previous !== undefined && previous.health.length === health.length && previous.staleAfterMs === staleAfterMs && now >= previous.now;
	const tally: LocationTally = reuse
		? previous
		: {
				health,
				staleAfterMs,
				now,
				words: Array.from({length: health.length}, () => ''),
				until: new Float64Array(health.length).fill(Number.NEGATIVE_INFINITY),
				flags: new Uint8Array(health.length),
				counts: new Map(),
				errors: 0,
				throttled: 0,
			};
	const before = reuse ? previous.health : undefined;
	for (let index = 0; index < health.length; index++) {
		const location = health[index]!;
		if (before?.[index] === location && now < tally.until[index]!) continue;
		const word = category(location, now, staleAfterMs);
		const old = tally.words[index]!;
		if (word !== old) {
			if (old !== '') tally.counts.set(old, tally.counts.get(old)! - 1);
			tally.counts.set(word, (tally.counts.get(word) ?? 0) + 1);
			tally.words[index] = word;
		}

		// Time only moves on: once stale, a location stays stale until its health changes.
		tally.until[index] = word === 'stale' ? Number.POSITIVE_INFINITY : categoryChangesAt(location, staleAfterMs);
		const flag = location.state === 'error' ? ERROR_FLAG : location.state === 'throttled' ? THROTTLED_FLAG : 0;
		const was = tally.flags[index]!;
		if (flag !== was) {
			tally.errors += (flag === ERROR_FLAG ? 1 : 0) - (was === ERROR_FLAG ? 1 : 0);
			tally.throttled += (flag === THROTTLED_FLAG ? 1 : 0) - (was === THROTTLED_FLAG ? 1 : 0);
			tally.flags[index] = flag;
		}
	}

	tally.health = health;
	tally.now = now;
	return tally;
}

/** When the tallied summary can next change with time alone (never earlier than its time). */
export function tallyChangesAt(tally: LocationTally): number {
	let changesAt = Number.POSITIVE_INFINITY;
	for (const at of tally.until) if (at > tally.now && at < changesAt) changesAt = at;
	return changesAt;
}

function summaryOf(tally: LocationTally): LocationLine {
	const {counts} = tally;
	const parts = ORDER.filter(word => (counts.get(word) ?? 0) > 0).map(word => `${counts.get(word)!} ${word}`);
	const warnings = tally.throttled > 0 || (counts.get('stale') ?? 0) > 0;
	const total = tally.health.length;
	return {
		kind: 'summary',
		text: `${total} locations: ${parts.join(' · ')}`,
		level: tally.errors > 0 ? 'error' : warnings ? 'warn' : counts.get('ok') === total ? 'ok' : 'idle',
	};
}

/** The line, and the tally it was counted with when it is a summary (to pass back as `previous`). */
export function locationLineWithTally(
	health: readonly RegionHealth[],
	label: (account: string | undefined) => string,
	now: number,
	staleAfterMs: number,
	columns: number,
	previous?: LocationTally,
): {readonly line: LocationLine; readonly tally?: LocationTally} {
	// Each named location needs its name, a state of a few words and the gap: if they do not all fit, summarise.
	// Past six there is no naming them (and no building thousands of names to find that out).
	if (health.length <= 6) {
		const named = health.map(location => ({location, name: `${label(location.account)}/${location.region}`}));
		const needed = named.reduce((sum, {name}) => sum + name.length + 1 + 'ok'.length + 2, 0);
		if (needed <= columns) {
			const share = Math.floor(columns / Math.max(1, named.length));
			return {
				line: {
					kind: 'each',
					locations: named.map(({location, name}) => {
						const summary = regionSummary(location, now, staleAfterMs, share - name.length - 3);
						return {key: location.key ?? name, name, text: summary.text, level: summary.level};
					}),
				},
			};
		}
	}

	const tally = tallyLocations(health, now, staleAfterMs, previous);
	return {line: summaryOf(tally), tally};
}

export function locationLine(
	health: readonly RegionHealth[],
	label: (account: string | undefined) => string,
	now: number,
	staleAfterMs: number,
	columns: number,
): LocationLine {
	return locationLineWithTally(health, label, now, staleAfterMs, columns).line;
}
