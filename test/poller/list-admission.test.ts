// The limit on list refreshes running at once (poller/list-admission.ts): past it a location waits
// as one queue entry, in arrival order, unless it is on screen; aborting lets every waiter go.
import {describe, expect, it} from 'vitest';
import {admissionLimit, createListAdmission} from '../../source/poller/list-admission.js';
import {createFakeClock, flush} from './fakes.js';

describe('list admission', () => {
	it('admits up to the limit at once, then one per refresh that ends, first come first served', async () => {
		const clock = createFakeClock();
		const admission = createListAdmission(2, clock);
		const signal = new AbortController().signal;
		expect(admission.enter('a', false, signal)).toBeUndefined();
		expect(admission.enter('b', false, signal)).toBeUndefined();
		const started: string[] = [];
		for (const key of ['c', 'd']) void admission.enter(key, false, signal)?.then(() => started.push(key));
		expect(admission.queued).toBe(2);
		clock.advance(1500);
		admission.leave();
		await flush();
		expect(started).toEqual(['c']);
		expect(admission.takeWait('c')).toBe(1500);
		// Taken: it resets.
		expect(admission.takeWait('c')).toBe(0);
		admission.leave();
		await flush();
		expect(started).toEqual(['c', 'd']);
		expect(admission.queued).toBe(0);
	});

	it('never holds back an urgent refresh (a location on screen, a manual refresh)', () => {
		const admission = createListAdmission(1, createFakeClock());
		const signal = new AbortController().signal;
		expect(admission.enter('a', false, signal)).toBeUndefined();
		expect(admission.enter('b', false, signal)).toBeInstanceOf(Promise);
		expect(admission.enter('visible', true, signal)).toBeUndefined();
	});

	it('lets every waiter go once the poller stops, so their loops end', async () => {
		const admission = createListAdmission(1, createFakeClock());
		const controller = new AbortController();
		expect(admission.enter('a', false, controller.signal)).toBeUndefined();
		const released: string[] = [];
		for (const key of ['b', 'c']) void admission.enter(key, false, controller.signal)?.then(() => released.push(key));
		controller.abort();
		await flush();
		expect(released).toEqual(['b', 'c']);
		expect(admission.queued).toBe(0);
		// After the abort nothing waits.
		expect(admission.enter('d', false, controller.signal)).toBeUndefined();
	});

	it('keeps twice the budget’s requests in flight admitted', () => {
		expect(admissionLimit(32)).toBe(64);
		expect(admissionLimit(0)).toBe(1);
	});
});
