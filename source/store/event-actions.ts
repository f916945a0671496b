/**
 * The events feed (--events-queue, issue 12): changes read off the SQS queue merged into the rows,
 * and which way changes reach the store — events, or polling while the queue does not answer —
 * for the header to say. The ordering rule is applied before (core/automation-event.ts): what
 * arrives here is already known to move forward.
 */
import {mergeExecutions} from '../core/merge.js';
import type {Execution} from '../core/types.js';
import type {GetState, SetState} from './app-store.js';
import type {RegionState} from '../core/types.js';

export type EventsMode = 'starting' | 'events' | 'polling';

export interface EventsFeed {
	/** starting: the queue has not answered yet (the locations poll meanwhile). */
	readonly mode: EventsMode;
	/** Why the locations poll: the queue's problem in words. */
	readonly problem?: string;
	/** When the mode last changed. */
	readonly since: number;
	/** The newest event time received (epoch ms, to the second): the header's lag is now minus this. */
	readonly lastEventTime?: number;
	/** How late the newest event of the last batch arrived: its arrival minus its time (the header's "lag"). */
	readonly lagMs?: number;
	/** Events received and applied (changes that moved an execution forward) since start. */
	readonly received: number;
	readonly applied: number;
	/**
	 * Locations whose resync found changes no event had brought (core/automation-event.ts
	 * missedByEvents): their events are not arriving, so they poll until an event of theirs does.
	 */
	readonly missed?: Readonly<Record<string, MissedEvents>>;
}

export interface MissedEvents {
	/** The changes the resync found that no event brought. */
	readonly count: number;
	readonly at: number;
}

export interface EventActions {
	/** The mode changed (the queue answered, or failed); `problem` says why it polls. */
	eventsModeChanged(mode: EventsMode, at: number, problem?: string): void;
	/**
	 * One batch read off the queue: `rows` are the executions it moved forward; `received` the
	 * events it held; `lastEventTime` the newest event time among them; `locations` the watched
	 * locations they came from (a location that missed events gets them again). While events flow,
	 * every location listed once is current as of `at`, however long ago its last listing (a resync) was.
	 */
	eventsApplied(
		rows: readonly Execution[],
		meta: {readonly at: number; readonly received: number; readonly lastEventTime?: number; readonly locations?: ReadonlySet<string>},
	): void;
	/** A resync of `location` found `count` changes no event brought: it polls until one of its events arrives. */
	eventsMissed(location: string, count: number, at: number): void;
}

/** Two 20 s long polls and some slack: a quiet queue answers once a long poll, and each answer marks every location current. */
export const EVENTS_STALE_AFTER_MS = 45_000;

/** Locations are marked current at most this often (a busy queue answers many times a second). */
const FRESH_EVERY_MS = 1000;

function freshRegions(regions: Readonly<Record<string, RegionState>>, at: number): Readonly<Record<string, RegionState>> {
	const next: Record<string, RegionState> = {};
	for (const [key, region] of Object.entries(regions)) {
		// A location that fails its own calls (credentials, throttling) keeps saying so; one not listed
		// yet has no data for events to keep current (its first listing is what loads it).
		const failing = region.lastError !== undefined && (region.lastSuccessAt === undefined || region.lastError.at >= region.lastSuccessAt);
		next[key] = failing || region.lastSuccessAt === undefined ? region : {...region, lastSuccessAt: at};
	}

	return next;
}

/** `missed` without the locations an event just came from; the same object when none of them was in it. */
function withoutLocations(missed: Readonly<Record<string, MissedEvents>>, locations: ReadonlySet<string>): Readonly<Record<string, MissedEvents>> | undefined {
	const keys = Object.keys(missed);
	if (!keys.some(key => locations.has(key))) return missed;
	const kept = Object.fromEntries(Object.entries(missed).filter(([key]) => !locations.has(key)));
	return Object.keys(kept).length === 0 ? undefined : kept;
}

export function createEventActions(set: SetState, get: GetState): EventActions {
	let freshAt = Number.NEGATIVE_INFINITY;
	return {
		eventsModeChanged(mode, at, problem) {
			const feed = get().eventsFeed;
			if (feed?.mode === mode && feed.problem === problem) return;
			const {problem: _previous, ...kept} = feed ?? {received: 0, applied: 0};
			set({eventsFeed: {...kept, mode, since: at, ...(problem === undefined ? {} : {problem})}});
		},
		eventsApplied(rows, meta) {
			set(state => {
				const executions = rows.length > 0 ? mergeExecutions(state.executions, rows) : state.executions;
				const feed = state.eventsFeed ?? {mode: 'events' as const, since: meta.at, received: 0, applied: 0};
				const lastEventTime =
					meta.lastEventTime === undefined ? feed.lastEventTime : Math.max(meta.lastEventTime, feed.lastEventTime ?? Number.NEGATIVE_INFINITY);
				const fresh = feed.mode === 'events' && meta.at - freshAt >= FRESH_EVERY_MS;
				if (fresh) freshAt = meta.at;
				if (executions === state.executions && !fresh && meta.received === 0 && lastEventTime === feed.lastEventTime) return state;
				const {missed: _missed, ...rest} = feed;
				const lagMs = meta.lastEventTime === undefined ? feed.lagMs : Math.max(0, meta.at - meta.lastEventTime);
				const missed = feed.missed && meta.locations ? withoutLocations(feed.missed, meta.locations) : feed.missed;
				return {
					...(executions === state.executions ? {} : {executions}),
					...(fresh ? {regions: freshRegions(state.regions, meta.at)} : {}),
					eventsFeed: {
						...rest,
						...(missed === undefined ? {} : {missed}),
						received: feed.received + meta.received,
						applied: feed.applied + rows.length,
						...(lastEventTime === undefined ? {} : {lastEventTime}),
						...(lagMs === undefined ? {} : {lagMs}),
					},
				};
			});
		},
		eventsMissed(location, count, at) {
			const feed = get().eventsFeed;
			if (!feed || count <= 0) return;
			set({eventsFeed: {...feed, missed: {...feed.missed, [location]: {count, at}}}});
		},
	};
}
