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

export function locationLine(
	health: readonly RegionHealth[],
	label: (account: string | undefined) => string,
	now: number,
	staleAfterMs: number,
	columns: number,
): LocationLine {
	const named = health.map(location => ({location, name: `${label(location.account)}/${location.region}`}));
	// Each named location needs its name, a state of a few words and the gap: if they do not all fit, summarise.
	const needed = named.reduce((sum, {name}) => sum + name.length + 1 + 'ok'.length + 2, 0);
	if (named.length <= 6 && needed <= columns) {
		const share = Math.floor(columns / Math.max(1, named.length));
		return {
			kind: 'each',
			locations: named.map(({location, name}) => {
				const summary = regionSummary(location, now, staleAfterMs, share - name.length - 3);
				return {key: location.key ?? name, name, text: summary.text, level: summary.level};
			}),
		};
	}

	const counts = new Map<string, number>();
	for (const location of health) {
		const word = category(location, now, staleAfterMs);
		counts.set(word, (counts.get(word) ?? 0) + 1);
	}

	const parts = ORDER.filter(word => counts.has(word)).map(word => `${counts.get(word)!} ${word}`);
	const problems = health.some(location => location.state === 'error');
	const warnings = health.some(location => location.state === 'throttled') || counts.has('stale');
	return {
		kind: 'summary',
		text: `${health.length} locations: ${parts.join(' · ')}`,
		level: problems ? 'error' : warnings ? 'warn' : counts.get('ok') === health.length ? 'ok' : 'idle',
	};
}
