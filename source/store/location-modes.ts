/**
 * Which way each location's changes reach the store with --events-queue (issue 12): events, or
 * polling. What is known per location, and so what this says: the queue feeds every location, so
 * while it fails all of them poll; a location not listed yet polls (its first listing is what
 * loads it, events only keep it current); a location whose resync found changes no event brought
 * polls until one of its events arrives (store/event-actions.ts `missed`). Otherwise: events.
 */
import {contextLocations} from '../core/location.js';
import type {AppState} from './app-store.js';

export type LocationModeName = 'events' | 'polling';

export interface LocationMode {
	readonly mode: LocationModeName;
	/** Why it polls: the queue fails (or has not answered yet), its first listing is not done, or its resync found missed events. */
	readonly why?: 'queue' | 'listing' | 'missed';
}

// Shared values: a location's mode keeps its reference while it does not change.
const EVENTS: LocationMode = {mode: 'events'};
const QUEUE: LocationMode = {mode: 'polling', why: 'queue'};
const LISTING: LocationMode = {mode: 'polling', why: 'listing'};
const MISSED: LocationMode = {mode: 'polling', why: 'missed'};

export interface LocationModes {
	/** By location key, in the context's order. */
	readonly byLocation: ReadonlyMap<string, LocationMode>;
	readonly events: number;
	readonly polling: number;
}

const memo = new WeakMap<object, {mode: string; missed: unknown; regions: unknown; result: LocationModes}>();

/** Every location's mode, or undefined without --events-queue; the same object while no location's mode changed. */
export function selectLocationModes(state: AppState): LocationModes | undefined {
	const feed = state.eventsFeed;
	if (!feed) return undefined;
	const cached = memo.get(state.actions);
	if (cached && cached.mode === feed.mode && cached.missed === feed.missed && cached.regions === state.regions) return cached.result;
	const byLocation = new Map<string, LocationMode>();
	let events = 0;
	for (const {key} of contextLocations(state.context)) {
		const mode = feed.mode !== 'events' ? QUEUE : state.regions[key]?.lastSuccessAt === undefined ? LISTING : feed.missed?.[key] ? MISSED : EVENTS;
		if (mode === EVENTS) events++;
		byLocation.set(key, mode);
	}

	const previous = cached?.result;
	const same =
		previous !== undefined && previous.byLocation.size === byLocation.size && [...byLocation].every(([key, mode]) => previous.byLocation.get(key) === mode);
	const result = same ? previous : {byLocation, events, polling: byLocation.size - events};
	memo.set(state.actions, {mode: feed.mode, missed: feed.missed, regions: state.regions, result});
	return result;
}
