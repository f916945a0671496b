/**
 * Keypress-to-frame latency over a long list, for each kind of key a user presses there: ↓, PgDn,
 * G and g (last and first row), typing in the filter prompt (each character filters the list),
 * and Enter into an execution's detail. The UI clock ticks once a real second meanwhile, as the
 * app's does (session.ui.live()), so some presses meet a frame the clock has just drawn (and
 * Ink's render throttle after it), as they would in use.
 *
 * Each key is pressed once the previous frame is out and Ink's 30 fps render throttle has lapsed
 * (a person's key presses), and timed to the first write it causes; the process's CPU time is
 * taken over each series (user + system: it depends less on other load on the machine than the
 * latency does, and includes the clock's frames). A last series presses ↓ as fast as frames come
 * back (a held key), where the throttle, not the app, sets the pace.
 */
import {selectVisibleRows} from '../store/selectors.js';
import {keys, pressAndTimeFrame, summarize, type Summary} from './harness.js';
import type {LocalSession} from './local-session.js';
import {pause, waitForQuiet} from './quiet.js';

export type KeyClass = 'down' | 'pageDown' | 'lastFirst' | 'filterTyping' | 'openDetail';

/** How each class is named in the benchmark's table. */
export const KEY_CLASS_LABELS: Readonly<Record<KeyClass, string>> = {
	down: '↓',
	pageDown: 'PgDn',
	lastFirst: 'G / g',
	filterTyping: 'typing in the filter prompt',
	openDetail: 'Enter (open the detail)',
};

export interface KeyClassResult {
	readonly latency: Summary;
	/**
	 * CPU time of the process per timed key: from the press to the next press (its frame, the
	 * pause after it, whatever the clock drew meanwhile); for Enter, from the press to its frame.
	 */
	readonly cpuMsPerKey: number;
	/** Mean bytes of the frame a key writes. */
	readonly frameBytes: number;
}

export interface ScrollingResult {
	readonly rows: number;
	/** Whether the UI clock ticked during the timed series. */
	readonly clockTicking: boolean;
	readonly classes: Readonly<Record<KeyClass, KeyClassResult>>;
	/** Every timed key of every class. */
	readonly all: Summary;
	readonly held: Summary;
	/** CPU per Enter after its frame, until the detail's own data is drawn (SDK, in-process emulator, frame). */
	readonly detailRefreshCpuMs: number;
}

export interface ScrollingOptions {
	readonly downPresses?: number;
	readonly pageDownPresses?: number;
	/** G-then-g pairs. */
	readonly lastFirstPairs?: number;
	/** Rounds of typing a word into the filter prompt and erasing it again. */
	readonly filterRounds?: number;
	readonly detailOpenings?: number;
	readonly heldPresses?: number;
	/** Tick the UI clock once a real second (default true). */
	readonly clockTicking?: boolean;
}

/** Longer than Ink's render throttle (1000 / 30 fps ≈ 34 ms), so each press meets its leading edge. */
const GAP_MS = 45;
/** Typed into the filter prompt: it matches some of the bulk executions' documents (AWS-StopEC2Instance). */
const FILTER_WORD = 'Stop';

interface Series {
	readonly samples: number[];
	readonly bytes: number[];
	cpuMicros: number;
}

const newSeries = (): Series => ({samples: [], bytes: [], cpuMicros: 0});

export async function measureScrolling(session: LocalSession, options: ScrollingOptions = {}): Promise<ScrollingResult> {
	const {terminal} = session;
	const rows = selectVisibleRows(session.store.getState()).length;
	const clockTicking = options.clockTicking ?? true;
	await waitForQuiet(terminal.stdout);

	/** Times `key` into `series`; `untimed` keys only get their frame waited for. */
	const press = async (series: Series | undefined, key: string): Promise<void> => {
		const cpu = process.cpuUsage();
		const frame = await pressAndTimeFrame(terminal, key);
		await pause(GAP_MS);
		if (!series) return;
		const used = process.cpuUsage(cpu);
		series.samples.push(frame.ms);
		series.bytes.push(frame.bytes);
		series.cpuMicros += used.user + used.system;
	};

	const repeat = async (series: Series | undefined, key: string, count: number): Promise<void> => {
		for (let index = 0; index < count; index++) await press(series, key);
	};

	// Warm-up: the first presses pay for lazy paths (JIT, the first render of each row shape, the detail view).
	await repeat(undefined, keys.down, 20);
	await repeat(undefined, keys.up, 20);
	await press(undefined, keys.enter);
	await waitForQuiet(terminal.stdout);
	await press(undefined, keys.backspace);
	if (clockTicking) session.ui.live();

	const down = newSeries();
	await repeat(down, keys.down, options.downPresses ?? 300);
	const pageDown = newSeries();
	await repeat(pageDown, keys.pageDown, options.pageDownPresses ?? 100);

	const lastFirst = newSeries();
	for (let pair = 0; pair < (options.lastFirstPairs ?? 40); pair++) {
		await press(lastFirst, 'G');
		await press(lastFirst, 'g');
	}

	const filterTyping = newSeries();
	await press(undefined, '/');
	for (let round = 0; round < (options.filterRounds ?? 10); round++) {
		for (const char of FILTER_WORD) await press(filterTyping, char);
		await repeat(filterTyping, keys.backspace, FILTER_WORD.length);
	}

	// Esc waits to be sure it is not the start of a longer sequence; the quiet wait outlasts that.
	terminal.stdin.press(keys.escape);
	await waitForQuiet(terminal.stdout);

	const openDetail = newSeries();
	let detailRefreshMicros = 0;
	for (let opening = 0; opening < (options.detailOpenings ?? 30); opening++) {
		// The key's CPU runs to its frame (the detail from what the list knows); the detail then asks
		// the service for its steps, and that answer's CPU (the SDK, the emulator in this process,
		// the frame it draws) is counted apart, until the terminal is quiet.
		const cpu = process.cpuUsage();
		const frame = await pressAndTimeFrame(terminal, keys.enter);
		const used = process.cpuUsage(cpu);
		await waitForQuiet(terminal.stdout, {quietMs: 60});
		const total = process.cpuUsage(cpu);
		openDetail.samples.push(frame.ms);
		openDetail.bytes.push(frame.bytes);
		openDetail.cpuMicros += used.user + used.system;
		detailRefreshMicros += total.user + total.system - used.user - used.system;
		await press(undefined, keys.backspace);
		await press(undefined, keys.down);
	}

	await waitForQuiet(terminal.stdout);
	const held = newSeries();
	for (let index = 0; index < (options.heldPresses ?? 100); index++) held.samples.push((await pressAndTimeFrame(terminal, keys.down)).ms);
	await waitForQuiet(terminal.stdout);
	if (clockTicking) session.ui.follow();

	const result = (series: Series): KeyClassResult => ({
		latency: summarize(series.samples),
		cpuMsPerKey: series.cpuMicros / 1000 / series.samples.length,
		frameBytes: Math.round(series.bytes.reduce((sum, value) => sum + value, 0) / series.bytes.length),
	});
	const classes = {down, pageDown, lastFirst, filterTyping, openDetail};
	return {
		rows,
		clockTicking,
		classes: {
			down: result(down),
			pageDown: result(pageDown),
			lastFirst: result(lastFirst),
			filterTyping: result(filterTyping),
			openDetail: result(openDetail),
		},
		all: summarize(Object.values(classes).flatMap(series => series.samples)),
		held: summarize(held.samples),
		detailRefreshCpuMs: detailRefreshMicros / 1000 / Math.max(1, openDetail.samples.length),
	};
}
