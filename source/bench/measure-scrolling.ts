/**
 * Keypress-to-frame latency scrolling a long list: each key is pressed once the previous frame is
 * out and Ink's 30 fps render throttle has lapsed (a person's key presses), and timed to the
 * first write it causes. A second series presses as fast as frames come back (a held key), where
 * the throttle, not the app, sets the pace.
 */
import {selectVisibleRows} from '../store/selectors.js';
import {keys, pressAndTimeFrame, summarize, type Summary} from './harness.js';
import type {LocalSession} from './local-session.js';
import {pause, waitForQuiet} from './quiet.js';

export interface ScrollingResult {
	readonly rows: number;
	readonly down: Summary;
	readonly pageDown: Summary;
	readonly all: Summary;
	readonly held: Summary;
	/** Mean bytes of the frame a key press writes. */
	readonly frameBytes: number;
	/**
	 * CPU time the process spent per timed key (↓ and PgDn series, user + system), which depends
	 * less on other load on the machine than the wall-clock latency does.
	 */
	readonly cpuMsPerKey: number;
}

/** Longer than Ink's render throttle (1000 / 30 fps ≈ 34 ms), so each press meets its leading edge. */
const GAP_MS = 45;

export async function measureScrolling(
	session: LocalSession,
	options: {downPresses?: number; pageDownPresses?: number; heldPresses?: number} = {},
): Promise<ScrollingResult> {
	const {terminal} = session;
	const rows = selectVisibleRows(session.store.getState()).length;
	await waitForQuiet(terminal.stdout);
	const time = async (key: string, count: number, gapMs: number) => {
		const samples: number[] = [];
		const bytes: number[] = [];
		for (let index = 0; index < count; index++) {
			const frame = await pressAndTimeFrame(terminal, key);
			samples.push(frame.ms);
			bytes.push(frame.bytes);
			if (gapMs > 0) await pause(gapMs);
		}

		return {samples, bytes};
	};

	// Warm-up: the first presses pay for lazy paths (JIT, the first render of each row shape).
	await time(keys.down, 20, GAP_MS);
	await time(keys.up, 20, GAP_MS);
	const cpuBefore = process.cpuUsage();
	const down = await time(keys.down, options.downPresses ?? 300, GAP_MS);
	const pageDown = await time(keys.pageDown, options.pageDownPresses ?? 100, GAP_MS);
	const cpu = process.cpuUsage(cpuBefore);
	await waitForQuiet(terminal.stdout);
	const held = await time(keys.up, options.heldPresses ?? 100, 0);
	await waitForQuiet(terminal.stdout);
	const allBytes = [...down.bytes, ...pageDown.bytes];
	return {
		rows,
		down: summarize(down.samples),
		pageDown: summarize(pageDown.samples),
		all: summarize([...down.samples, ...pageDown.samples]),
		held: summarize(held.samples),
		frameBytes: Math.round(allBytes.reduce((sum, value) => sum + value, 0) / allBytes.length),
		cpuMsPerKey: (cpu.user + cpu.system) / 1000 / (down.samples.length + pageDown.samples.length),
	};
}
