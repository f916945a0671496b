/**
 * How many list refreshes run at once. With an organisation's 10,000 locations the request budget
 * stretches the interval to most of a minute, and every location whose timer had fired waited in
 * the budget's queue halfway down its refresh: thousands of suspended async calls (the refresh,
 * its paging loop, the gate's promise, their closures), ≈ 30 MB of heap at 9,620 locations in the
 * organisation bench. Admitted here first, a location waits as one entry of a queue until a few
 * refreshes ahead of it end; enough run at once to keep every slot of the budget busy, so the
 * pace is still the budget's. A location on screen never waits here.
 */
import type {PollerClock} from './clock.js';

export interface ListAdmission {
	/**
	 * Resolves when `key` may start its refresh: at once when fewer than the limit run or when
	 * `urgent` (a location on screen, a manual refresh); else in turn, first come first served.
	 * Every admitted refresh ends with one `leave()`. At once too after `signal` aborted. Undefined
	 * when admitted at once: no await, so the refresh's first call goes out in the same turn as before.
	 */
	enter(key: string, urgent: boolean, signal: AbortSignal): Promise<void> | undefined;
	leave(): void;
	/** How long `key` waited here since the last call (ms); resets. Part of the wait that stretches the interval. */
	takeWait(key: string): number;
	/** Refreshes waiting to start. */
	readonly queued: number;
}

/** Twice the budget's requests in flight: while one refresh parses an answer, another's call is out. */
export function admissionLimit(maxConcurrent: number): number {
	return Math.max(1, 2 * maxConcurrent);
}

export function createListAdmission(limit: number, clock: PollerClock): ListAdmission {
	let running = 0;
	/** In arrival order; a key waits at most once (its loop runs one refresh at a time). */
	const waiting = new Map<string, {readonly since: number; readonly resolve: () => void}>();
	const waits = new Map<string, number>();
	/** One abort listener per signal: every location shares the poller's. */
	const watchedSignals = new WeakSet<AbortSignal>();

	const admit = (key: string): void => {
		const entry = waiting.get(key);
		if (!entry) return;
		waiting.delete(key);
		waits.set(key, (waits.get(key) ?? 0) + (clock.now() - entry.since));
		running++;
		entry.resolve();
	};

	const releaseAll = (): void => {
		for (const key of [...waiting.keys()]) admit(key);
	};

	return {
		enter(key, urgent, signal) {
			if (urgent || running < limit || signal.aborted) {
				running++;
				return undefined;
			}

			if (!watchedSignals.has(signal)) {
				watchedSignals.add(signal);
				signal.addEventListener('abort', releaseAll, {once: true});
			}

			return new Promise<void>(resolve => {
				waiting.set(key, {since: clock.now(), resolve});
			});
		},
		leave() {
			running = Math.max(0, running - 1);
			while (running < limit && waiting.size > 0) admit(waiting.keys().next().value!);
		},
		takeWait(key) {
			const wait = waits.get(key) ?? 0;
			waits.delete(key);
			return wait;
		},
		get queued() {
			return waiting.size;
		},
	};
}
