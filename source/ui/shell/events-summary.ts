/**
 * The header's words for the events feed (--events-queue, issue 12): which way changes reach the
 * list — events, or polling while the queue fails, and why — and how late the last event came.
 * Every location is fed by the one queue, so one phrase covers them all.
 */
import {formatDuration} from '../../core/format.js';
import type {EventsFeed} from '../../store/event-actions.js';

export interface EventsSummary {
	readonly text: string;
	readonly level: 'ok' | 'warn' | 'idle';
}

export function eventsSummary(feed: EventsFeed | undefined, locations: number): EventsSummary | undefined {
	if (!feed) return undefined;
	const all = locations === 1 ? '' : ` (all ${locations} locations)`;
	if (feed.mode === 'starting') return {text: 'events: connecting…', level: 'idle'};
	if (feed.mode === 'polling') return {text: `polling${all}: ${feed.problem ?? 'events queue failing'}`, level: 'warn'};
	const lag = feed.lagMs === undefined ? 'no event yet' : `lag ${formatDuration(feed.lagMs)}`;
	return {text: `events${all} · ${lag}`, level: 'ok'};
}
