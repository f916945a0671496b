/** Memory figures for benchmarks: resident set size now, and its peak over a stretch of work. */

export function rssBytes(): number {
	return process.memoryUsage.rss();
}

export function toMegabytes(bytes: number): number {
	return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/** Runs a full garbage collection when node was started with --expose-gc; returns whether it could. */
export function collectGarbage(): boolean {
	const gc = (globalThis as {gc?: () => void}).gc;
	if (!gc) return false;
	gc();
	return true;
}

export type RssSampler = {
	/** Stops sampling (takes one last sample) and returns the figures. */
	stop(): {peakBytes: number; lastBytes: number; samples: number};
};

/** Samples RSS every `intervalMs` until stopped; the timer never keeps the process alive. */
export function sampleRss(intervalMs = 50): RssSampler {
	let peak = rssBytes();
	let last = peak;
	let samples = 1;
	const take = () => {
		last = rssBytes();
		peak = Math.max(peak, last);
		samples++;
	};

	const timer = setInterval(take, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			take();
			return {peakBytes: peak, lastBytes: last, samples};
		},
	};
}
