/**
 * One timer for every text on screen that reads the time. Each such text says when it will next
 * read differently ("2m ago" in a minute, a running "4m01s" in a second, a finished one never);
 * the scheduler wakes exactly those texts then, so an idle screen sleeps between changes instead of
 * re-rendering every row once a second.
 */

export interface Timers {
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export interface Clock {
	/** The time, in epoch milliseconds. */
	readonly now: () => number;
	/** Real milliseconds until the clock reads `time`: `time − now` for the system clock, a 20th of that for one sped up 20×. */
	readonly delayUntil?: (time: number) => number;
	/**
	 * For a clock that cannot say that (a simulated clock that jumps): how often, in real ms, to
	 * look at `now()`. Without either, time stands still (tests, screenshots): nothing re-renders for it.
	 */
	readonly tickMs?: number;
	/** Where the waits run: the global timers by default; a manual clock (tests) runs its own. */
	readonly timers?: Timers;
}

export const SYSTEM_CLOCK: Clock = {now: () => Date.now(), delayUntil: time => time - Date.now()};

/** A clock that never moves: fixed frames for tests and screenshots. */
export const frozenClock = (at: number): Clock => ({now: () => at});

/**
 * Changes are shown on whole seconds of the clock: no time text is finer than a second, and texts
 * whose changes fall within the same second (running durations started at different
 * milliseconds) then change in one frame instead of one frame each.
 */
export const WAKE_RESOLUTION_MS = 1000;

/**
 * The longest single wait. A wall clock can jump (NTP, a laptop waking up) while a timer sleeps;
 * looking again once a minute bounds how long a text can stay behind after such a jump.
 */
export const MAX_WAIT_MS = 60_000;

const GLOBAL_TIMERS: Timers = {
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface WakeScheduler {
	now(): number;
	/** Calls `wake` once the clock reads `time` or later; returns the cancel. An infinite time never wakes. */
	wakeAt(time: number, wake: () => void): () => void;
	/** Wakes waiting (for tests and the benchmark). */
	pending(): number;
}

export function createWakeScheduler(clock: Clock): WakeScheduler {
	const timers = clock.timers ?? GLOBAL_TIMERS;
	/** Wakes by due time (rounded up to the resolution). */
	const due = new Map<number, Set<() => void>>();
	let timer: unknown;
	let timerFor = Number.POSITIVE_INFINITY;
	const moves = clock.delayUntil !== undefined || (clock.tickMs ?? 0) > 0;

	const realDelay = (time: number): number => {
		const wait = clock.delayUntil ? clock.delayUntil(time) : clock.tickMs!;
		return Math.min(MAX_WAIT_MS, Math.max(0, Math.ceil(wait)));
	};

	const earliest = (): number => {
		let first = Number.POSITIVE_INFINITY;
		for (const time of due.keys()) if (time < first) first = time;
		return first;
	};

	const arm = (): void => {
		const first = earliest();
		if (first === timerFor) return;
		if (timer !== undefined) timers.clearTimeout(timer);
		timer = undefined;
		timerFor = first;
		if (!Number.isFinite(first)) return;
		timer = timers.setTimeout(fire, realDelay(first));
	};

	function fire(): void {
		timer = undefined;
		timerFor = Number.POSITIVE_INFINITY;
		const now = clock.now();
		const woken: Array<() => void> = [];
		for (const [time, wakes] of due) {
			if (time > now) continue;
			due.delete(time);
			for (const wake of wakes) woken.push(wake);
		}

		// All from one timer callback: React batches the updates into one render, Ink into one frame.
		for (const wake of woken) wake();
		arm();
	}

	return {
		now: () => clock.now(),
		wakeAt(time, wake) {
			if (!moves || !Number.isFinite(time)) return () => undefined;
			const at = Math.ceil(time / WAKE_RESOLUTION_MS) * WAKE_RESOLUTION_MS;
			let wakes = due.get(at);
			if (!wakes) due.set(at, (wakes = new Set()));
			wakes.add(wake);
			if (at < timerFor) arm();
			return () => {
				const set = due.get(at);
				if (!set?.delete(wake)) return;
				if (set.size === 0) due.delete(at);
				if (due.size === 0) arm();
			};
		},
		pending() {
			let count = 0;
			for (const wakes of due.values()) count += wakes.size;
			return count;
		},
	};
}
