/**
 * The locations screen's data (`L`): every account × region with its health, the calls per minute
 * the budget measured there, what went wrong at start for its account, and with --events-queue
 * whether events or polling bring its changes. Problems first (the
 * reason to open the screen), then the rest in the context's order. The rows array and each row
 * keep their references while nothing they show changed, so the view re-renders only for news.
 */
import {accountLabel, watchedAccount} from '../core/location.js';
import type {AppState} from './app-store.js';
import {selectRegionHealth, type RegionHealth} from './data-selectors.js';
import {selectLocationModes, type LocationMode, type LocationModes} from './location-modes.js';
import type {Move} from './ui-actions.js';

export interface LocationRow {
	readonly key: string;
	/** `label/region`, or the region alone with one set of credentials. */
	readonly name: string;
	readonly health: RegionHealth;
	/** Calls over the last minute, as the request budget measured them. */
	readonly callsPerMinute: number;
	/** Why the account could not be used at start (its locations show it until they are read). */
	readonly accountProblem?: string;
	/** With --events-queue: whether its changes come as events or by polling, and why (store/location-modes.ts). */
	readonly mode?: LocationMode;
	/** How many changes its last resync found that no event had brought (when that is why it polls). */
	readonly missedEvents?: number;
}

/** Sort rank: failures first (refused credentials and access first among them), then throttled, loading, the rest. */
function rank(health: RegionHealth): number {
	if (health.state === 'error') return health.errorKind === 'credentials' || health.errorKind === 'access-denied' ? 0 : 1;
	if (health.state === 'throttled') return 2;
	if (health.state === 'loading') return 3;
	return 4;
}

function sameHealth(a: RegionHealth, b: RegionHealth): boolean {
	if (a === b) return true;
	const keys = Object.keys(a) as Array<keyof RegionHealth>;
	return keys.length === Object.keys(b).length && keys.every(key => a[key] === b[key]);
}

const NO_CALLS: Readonly<Record<string, number>> = {};
const rowsMemo = new WeakMap<
	object,
	{health: readonly RegionHealth[]; perLocation: object; modes: LocationModes | undefined; missed: unknown; rows: readonly LocationRow[]}
>();

export function selectLocationRows(state: AppState): readonly LocationRow[] {
	const health = selectRegionHealth(state);
	const perLocation = state.budget?.perLocation ?? NO_CALLS;
	const modes = selectLocationModes(state);
	const missed = state.eventsFeed?.missed;
	const cached = rowsMemo.get(state.actions);
	if (cached && cached.health === health && cached.perLocation === perLocation && cached.modes === modes && cached.missed === missed) return cached.rows;
	const previous = new Map((cached?.rows ?? []).map(row => [row.key, row]));
	const {context} = state;
	const built = health.map((entry, index) => {
		const key = entry.key ?? entry.region;
		const callsPerMinute = perLocation[key] ?? 0;
		const problem = watchedAccount(context, entry.account)?.problem;
		const mode = modes?.byLocation.get(key);
		const missedEvents = mode?.why === 'missed' ? missed?.[key]?.count : undefined;
		const old = previous.get(key);
		// The same health (selectRegionHealth makes new objects for every location on any refresh), count and mode: the same row.
		if (
			old &&
			sameHealth(old.health, entry) &&
			old.callsPerMinute === callsPerMinute &&
			old.accountProblem === problem &&
			old.mode === mode &&
			old.missedEvents === missedEvents
		)
			return {row: old, index};
		const row: LocationRow = {
			key,
			name: entry.account === undefined ? entry.region : `${accountLabel(context, entry.account)}/${entry.region}`,
			health: entry,
			callsPerMinute,
			...(problem === undefined ? {} : {accountProblem: problem}),
			...(mode === undefined ? {} : {mode}),
			...(missedEvents === undefined ? {} : {missedEvents}),
		};
		return {row, index};
	});
	built.sort((a, b) => rank(a.row.health) - rank(b.row.health) || a.index - b.index);
	const rows = built.map(entry => entry.row);
	const same = cached !== undefined && cached.rows.length === rows.length && cached.rows.every((row, index) => row === rows[index]);
	const result = same ? cached.rows : rows;
	rowsMemo.set(state.actions, {health, perLocation, modes, missed, rows: result});
	return result;
}

/** The row under the locations screen's cursor (clamped to the rows). */
export function selectLocationCursor(state: AppState): number {
	const count = selectLocationRows(state).length;
	return Math.max(0, Math.min(count - 1, state.selectedLocationIndex ?? 0));
}

export interface LocationsActions {
	locationSelected(move: Move): void;
}

export function createLocationsActions(set: (partial: {selectedLocationIndex: number}) => void, get: () => AppState): LocationsActions {
	return {
		locationSelected(move) {
			const state = get();
			const count = selectLocationRows(state).length;
			if (count === 0) return;
			const current = selectLocationCursor(state);
			const target =
				move === 'top' ? 0 : move === 'bottom' ? count - 1 : typeof move === 'number' ? current + move : 'to' in move ? move.to : current + move.pages * 10;
			const index = Math.min(count - 1, Math.max(0, target));
			if (index !== state.selectedLocationIndex) set({selectedLocationIndex: index});
		},
	};
}
