/** The emulator's notion of "now" in epoch milliseconds. Tests inject a manual clock; the demo scales real time. */
export interface EmulatorClock {
	now(): number;
	/** Moves the clock forward. Manual clocks move exactly; scaled clocks add an offset. */
	advance(ms: number): void;
	/** Jumps to an absolute time (never backwards: the engine's timeline is monotonic). */
	set(ms: number): void;
	readonly kind: 'manual' | 'scaled';
}

export function createManualClock(startMs: number): EmulatorClock {
	let current = startMs;
	return {
		kind: 'manual',
		now: () => current,
		advance(ms) {
			if (!(ms >= 0)) {
				throw new RangeError('advance takes a non-negative number of milliseconds');
			}

			current += ms;
		},
		set(ms) {
			current = Math.max(current, ms);
		},
	};
}

/** Real time, sped up by timeScale, plus whatever offset advance()/set() added. */
export function createScaledClock(timeScale = 1, realNow: () => number = Date.now): EmulatorClock {
	if (!(timeScale > 0)) {
		throw new RangeError('timeScale must be positive');
	}

	const origin = realNow();
	let offset = 0;
	const now = () => origin + (realNow() - origin) * timeScale + offset;
	return {
		kind: 'scaled',
		now,
		advance(ms) {
			if (!(ms >= 0)) {
				throw new RangeError('advance takes a non-negative number of milliseconds');
			}

			offset += ms;
		},
		set(ms) {
			offset += Math.max(0, ms - now());
		},
	};
}
