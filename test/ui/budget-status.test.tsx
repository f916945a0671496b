/** The header's request budget: calls per minute as measured, and the interval as the budget stretched it. */
import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {execution, NOW, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const measured = {callsPerSecond: 200, maxConcurrent: 32, callsPerMinute: 84, perLocation: {'us-east-1': 84}, at: NOW};

describe('the header’s request budget', () => {
	it('shows nothing until the poller reports', async () => {
		app = await renderApp(storeWith({rows: [execution(1)]}));
		expect(app.frame()).not.toContain('calls/min');
	});

	it('shows the calls per minute the poller measured, and follows them', async () => {
		const store = storeWith({rows: [execution(1)]});
		store.getState().actions.budgetMeasured(measured);
		app = await renderApp(store);
		expect(app.frame().split('\n')[0]).toContain('84 calls/min');
		expect(app.frame()).not.toContain('stretched');
		store.getState().actions.budgetMeasured({...measured, callsPerMinute: 1200, stretchedIntervalMs: 45_000});
		// On 100 columns the stretch is kept and the calls per minute, after it, cut.
		const frame = await app.waitFor('interval stretched to 45s by the budget');
		expect(frame.split('\n')[0]).toContain('account 111122223333  interval stretched to 45s by the budget');
	});

	it('a steady poll’s jitter (a call more or less in the window) leaves the header as it was; a real change shows', async () => {
		const store = storeWith({rows: [execution(1)]});
		store.getState().actions.budgetMeasured(measured);
		app = await renderApp(store);
		const before = app.frame();
		for (const callsPerMinute of [85, 83, 84, 85]) store.getState().actions.budgetMeasured({...measured, callsPerMinute});
		expect(store.getState().budget?.callsPerMinute).toBe(84);
		expect(app.frame()).toBe(before);
		store.getState().actions.budgetMeasured({...measured, callsPerMinute: 120});
		expect((await app.waitFor('120 calls/min')).split('\n')[0]).toContain('120 calls/min');
		// The rest of what the poller measured is kept as measured (the locations screen reads it).
		store.getState().actions.budgetMeasured({...measured, callsPerMinute: 121, perLocation: {'us-east-1': 121}});
		expect(store.getState().budget).toMatchObject({callsPerMinute: 120, perLocation: {'us-east-1': 121}});
	});
});
