/**
 * One region's refresh state in words for the header. The words change only when the state does:
 * a refresh that changes nothing leaves them as they were, so Ink has nothing to write (issue #3:
 * 0 bytes per idle refresh). An age appears only once the data is stale, and a countdown only
 * while a retry is scheduled.
 */
import {countdownChangesAt, durationChangesAt, formatDuration} from '../../core/format.js';
import type {RegionHealth} from '../../store/data-selectors.js';
import {shortRegionError} from './region-error-text.js';

export type RegionLevel = 'ok' | 'warn' | 'error' | 'idle';

export interface RegionSummary {
	readonly text: string;
	readonly level: RegionLevel;
}

function retrySuffix(health: RegionHealth, now: number): string {
	return health.backoffUntil !== undefined && health.backoffUntil > now ? ` · retry ${formatDuration(health.backoffUntil - now)}` : '';
}

/**
 * The region's summary, fitted to `budget` characters when given: a long error message gives way
 * to its kind in a few words, so one region's sentence cannot push the others off the line.
 */
export function regionSummary(health: RegionHealth, now: number, staleAfterMs: number, budget = Number.POSITIVE_INFINITY): RegionSummary {
	switch (health.state) {
		case 'paused':
			return {text: 'paused', level: 'idle'};
		case 'loading':
			return {text: 'loading', level: 'idle'};
		case 'throttled':
			return {text: `throttled${retrySuffix(health, now)}`, level: 'warn'};
		case 'error': {
			const retry = retrySuffix(health, now);
			const full = `error: ${health.message ?? 'failed'}${retry}`;
			if (full.length <= budget || !health.errorKind) return {text: full, level: 'error'};
			return {text: `error: ${shortRegionError({kind: health.errorKind, message: health.message ?? ''})}${retry}`, level: 'error'};
		}

		case 'ok': {
			const age = health.lastSuccessAt === undefined ? 0 : now - health.lastSuccessAt;
			// In flight: being refreshed now (e.g. the catch-up when the list comes back); a request that hangs ends as an error.
			return age > staleAfterMs && !health.inFlight ? {text: `updated ${formatDuration(age)} ago`, level: 'warn'} : {text: 'ok', level: 'ok'};
		}
	}
}

/** When regionSummary's text will next change as time passes alone: a retry countdown's next second, the moment data turns stale, a stale location's age's next unit. */
export function regionSummaryChangesAt(health: RegionHealth, now: number, staleAfterMs: number): number {
	switch (health.state) {
		case 'paused':
		case 'loading':
			return Number.POSITIVE_INFINITY;
		case 'throttled':
		case 'error':
			return health.backoffUntil !== undefined && health.backoffUntil > now ? countdownChangesAt(health.backoffUntil, now) : Number.POSITIVE_INFINITY;
		case 'ok': {
			if (health.lastSuccessAt === undefined) return Number.POSITIVE_INFINITY;
			const age = now - health.lastSuccessAt;
			// "ok" until the age passes staleAfterMs, then "updated 16s ago", "updated 17s ago", …
			return age > staleAfterMs ? health.lastSuccessAt + durationChangesAt(age) : health.lastSuccessAt + staleAfterMs + 1;
		}
	}
}
