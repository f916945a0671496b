/**
 * List refreshes that end close together reach the store as one update. With an organisation's
 * thousands of locations the answers come a few per millisecond, and each store update costs
 * every listener a pass over every row (the sorted list, the notices, the cursor's first-listing
 * check): applied one by one, the store, not the request budget, set the pace of the first
 * listing (issue 11). At most one update per LIST_BATCH_WINDOW_MS (longer when the last one cost
 * more than a quarter of that) keeps that work a bounded share of the time whatever the number of
 * locations; a row shows at most that much later.
 */
import type {ListedLocation} from '../store/data-actions.js';
import type {PollerClock} from './clock.js';

export const LIST_BATCH_WINDOW_MS = 200;
/** A batch waits at least this many times what the last one cost, so the store's work stays a quarter of the time at most. */
const BATCH_COST_SHARE = 4;

export interface ListBatcher {
	/**
	 * Queues a location's listing; resolves, once the batch is applied, with whether its rows
	 * changed. A listing whose signal was aborted meanwhile is dropped (false), as before batching.
	 */
	apply(listed: ListedLocation, signal: AbortSignal): Promise<boolean>;
}

interface Pending {
	readonly listed: ListedLocation;
	readonly signal: AbortSignal;
	readonly resolve: (changed: boolean) => void;
}

/**
 * `applyBatch` gets every listing queued since the last one: at the end of the event loop's turn
 * (setImmediate: after the I/O callbacks ready in this turn) when the last batch is a window old,
 * else when it will be, on the poller's clock.
 */
export function createListBatcher(
	applyBatch: (batch: readonly ListedLocation[]) => ReadonlySet<string>,
	clock: PollerClock,
	windowMs = LIST_BATCH_WINDOW_MS,
): ListBatcher {
	// No window: each turn's listings as one update at the turn's end, whatever the clock says.
	const immediate = windowMs <= 0;
	let pending: Pending[] = [];
	let lastFlushAt = Number.NEGATIVE_INFINITY;
	/** What the last batch cost (the store's update and its listeners, which run within it), in real ms. */
	let lastCostMs = 0;
	const flush = (): void => {
		lastFlushAt = clock.now();
		const started = performance.now();
		const batch = pending.filter(entry => !entry.signal.aborted);
		const dropped = pending.filter(entry => entry.signal.aborted);
		pending = [];
		for (const {resolve} of dropped) resolve(false);
		let changed: ReadonlySet<string> = new Set();
		try {
			changed = applyBatch(batch.map(entry => entry.listed));
		} finally {
			lastCostMs = performance.now() - started;
			for (const {listed, resolve} of batch) resolve(changed.has(listed.region));
		}
	};

	return {
		async apply(listed, signal) {
			return new Promise(resolve => {
				pending.push({listed, signal, resolve});
				if (pending.length > 1) return;
				// The store's passes grow with the rows held: never more than a quarter of the time on them.
				const wait = lastFlushAt + Math.max(windowMs, BATCH_COST_SHARE * lastCostMs) - clock.now();
				if (immediate || wait <= 0) setImmediate(flush);
				else clock.setTimeout(flush, wait);
			});
		},
	};
}
