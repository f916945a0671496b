/**
 * Bytes written to the terminal per second while the demo fleet moves: runs advance, durations
 * and relative times tick, the poller refreshes every few seconds. Simulated time advances one
 * second at a time and the UI's clock follows it, so each step is one second of the app's life.
 */
import type {LocalSession} from './local-session.js';
import {waitForQuiet} from './quiet.js';

export interface LiveBytesResult {
	readonly seconds: number;
	readonly bytesPerSecond: number;
	readonly maxSecondBytes: number;
}

export async function measureLiveBytes(session: LocalSession, options: {seconds?: number} = {}): Promise<LiveBytesResult> {
	const {stdout} = session.terminal;
	const seconds = options.seconds ?? 60;
	await waitForQuiet(stdout);
	const perSecond: number[] = [];
	for (let second = 0; second < seconds; second++) {
		stdout.mark();
		await session.advance(1000);
		// The UI re-reads the simulated time every few ms; a frame is out well within this.
		await waitForQuiet(stdout, {quietMs: 40});
		perSecond.push(stdout.bytesSinceMark());
	}

	return {
		seconds,
		bytesPerSecond: Math.round(perSecond.reduce((sum, value) => sum + value, 0) / seconds),
		maxSecondBytes: Math.max(...perSecond),
	};
}
