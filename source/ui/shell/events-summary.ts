/**
 * The header's words for the events feed (--events-queue, issue 12): which way changes reach the
 * list in each location — events, or polling (while the queue fails every location polls; a
 * location not listed yet, or whose resync found changes no event brought, polls alone; see
 * store/location-modes.ts) — and how late the last event came. With a few locations each is
 * named under its mode ("events: us-east-1, eu-west-1 · polling: ap-south-1 · lag 1s"); with more
 * than fit, a count ("events · 19 locations, 2 polling · lag 1s").
 */
import {formatDuration} from '../../core/format.js';
import type {EventsFeed} from '../../store/event-actions.js';
import type {LocationModes} from '../../store/location-modes.js';

export interface EventsSummary {
	readonly text: string;
	readonly level: 'ok' | 'warn' | 'idle';
}

/** Locations named one by one up to this many (as the health line does, location-summary.ts). */
const NAMED_UP_TO = 6;

/**
 * `modes`: every location's mode, or only how many locations there are (then all follow the
 * queue). `name` spells a location key; `room` is the width the phrase may take.
 */
export function eventsSummary(
	feed: EventsFeed | undefined,
	modes: LocationModes | number,
	name: (key: string) => string = key => key,
	room = Number.POSITIVE_INFINITY,
): EventsSummary | undefined {
	if (!feed) return undefined;
	const locations = typeof modes === 'number' ? modes : modes.byLocation.size;
	const all = locations === 1 ? '' : ` (all ${locations} locations)`;
	if (feed.mode === 'starting') return {text: 'events: connecting…', level: 'idle'};
	if (feed.mode === 'polling') return {text: `polling${all}: ${feed.problem ?? 'events queue failing'}`, level: 'warn'};
	const lag = feed.lagMs === undefined ? 'no event yet' : `lag ${formatDuration(feed.lagMs)}`;
	if (typeof modes === 'number' || modes.polling === 0) return {text: `events${all} · ${lag}`, level: 'ok'};
	// Polling for want of events is worth a look; polling until the first listing is done is not.
	const missing = [...modes.byLocation.values()].some(mode => mode.why === 'missed');
	const level = missing ? 'warn' : 'ok';
	if (locations <= NAMED_UP_TO) {
		const named = (wanted: 'events' | 'polling'): string[] => [...modes.byLocation].filter(([, mode]) => mode.mode === wanted).map(([key]) => name(key));
		const events = named('events');
		const text = [...(events.length > 0 ? [`events: ${events.join(', ')}`] : []), `polling: ${named('polling').join(', ')}`, lag].join(' · ');
		if (text.length <= room) return {text, level};
	}

	return {text: `events · ${modes.events} location${modes.events === 1 ? '' : 's'}, ${modes.polling} polling · ${lag}`, level};
}
