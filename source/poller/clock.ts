/** Time as the poller sees it: injectable, so tests drive schedules without real sleeps. */

export interface PollerClock {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export const systemClock: PollerClock = {
	now: () => Date.now(),
	setTimeout(callback, ms) {
		const handle = setTimeout(callback, ms);
		// A pending refresh must never keep the process alive after the UI exits.
		handle.unref?.();
		return handle;
	},
	clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
