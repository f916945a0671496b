/**
 * The key benchmark runs every key class to a frame, with the UI clock ticking once a real second
 * (the figures themselves are the benchmark's business; here: that each series is what it says).
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {LocalSession} from '../../source/bench/local-session.js';
import type * as Scrolling from '../../source/bench/measure-scrolling.js';

describe('the key benchmark', () => {
	let session: LocalSession;
	let scrolling: typeof Scrolling;
	/** Called on each frame Ink renders (written or not: a tick that changes nothing writes nothing). */
	let onRender: () => void = () => undefined;
	beforeAll(async () => {
		// Colours on, as the benchmark runs (without them the selection moving would write nothing):
		// chalk reads this when first imported, so the modules come in after it.
		process.env['FORCE_COLOR'] = '3';
		const {startBulkSession} = await import('../../source/bench/bulk-session.js');
		scrolling = await import('../../source/bench/measure-scrolling.js');
		session = await startBulkSession(400, {terminal: {columns: 120, rows: 34, keepOutput: false}, ink: {onRender: () => onRender()}});
	});
	afterAll(async () => session.close());

	it("with ui.live(), the UI's time moves on once a real second, as the app's clock ticks", async () => {
		const nextRender = () =>
			new Promise<number>(resolve => {
				onRender = () => resolve(performance.now());
			});
		session.ui.live();
		const first = await nextRender();
		const second = await nextRender();
		session.ui.follow();
		onRender = () => undefined;
		// One frame a second, not one per re-read of the clock (every 20 ms).
		expect(second - first).toBeGreaterThan(900);
	});

	it('times every key class to its frame', async () => {
		const result = await scrolling.measureScrolling(session, {
			downPresses: 10,
			pageDownPresses: 4,
			lastFirstPairs: 2,
			filterRounds: 1,
			detailOpenings: 2,
			heldPresses: 5,
		});
		expect(result.clockTicking).toBe(true);
		expect(Object.keys(result.classes)).toEqual(Object.keys(scrolling.KEY_CLASS_LABELS));
		expect(result.classes.down.latency.count).toBe(10);
		expect(result.classes.pageDown.latency.count).toBe(4);
		expect(result.classes.lastFirst.latency.count).toBe(4);
		// "Stop" typed, then erased: eight keys.
		expect(result.classes.filterTyping.latency.count).toBe(8);
		expect(result.classes.openDetail.latency.count).toBe(2);
		expect(result.all.count).toBe(28);
		expect(result.held.count).toBe(5);
		for (const value of Object.values(result.classes)) {
			expect(value.frameBytes).toBeGreaterThan(0);
			expect(value.cpuMsPerKey).toBeGreaterThan(0);
		}
	});
});
