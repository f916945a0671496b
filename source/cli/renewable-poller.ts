/**
 * A poller that can be built again: its locations are fixed when it is made (from the store's
 * context), so when the context's locations change under it (a `profile:NAME` placeholder that
 * learnt its account id) the CLI stops it and makes a new one on the same store, started if the
 * old one was. Everything else holds this one object.
 */
import type {Poller} from '../poller/index.js';

export interface RenewablePoller extends Poller {
	/** Stops the current poller and replaces it with a fresh one (running if it was). */
	renew(): void;
}

export function createRenewablePoller(make: () => Poller): RenewablePoller {
	let current = make();
	let started = false;
	// The events mode outlives a renewal: the consumer says it once, when the queue answers or fails.
	let eventsMode = false;
	return {
		start() {
			started = true;
			current.start();
		},
		stop() {
			started = false;
			current.stop();
		},
		tick: async () => current.tick(),
		refreshNow: () => current.refreshNow(),
		loadOlder: async region => current.loadOlder(region),
		setEventsMode(on) {
			eventsMode = on;
			current.setEventsMode(on);
		},
		executionsChanged: ids => current.executionsChanged(ids),
		get resyncIntervalMs() {
			return current.resyncIntervalMs;
		},
		get budget() {
			return current.budget;
		},
		get intervalMs() {
			return current.intervalMs;
		},
		get detailIntervalMs() {
			return current.detailIntervalMs;
		},
		renew() {
			current.stop();
			current = make();
			if (eventsMode) current.setEventsMode(true);
			if (started) current.start();
		},
	};
}
