/** The header with --events-queue (issue 12): which way changes arrive, why it polls, the last event's lag. */
import {afterEach, describe, expect, it} from 'vitest';
import {eventsSummary} from '../../source/ui/shell/events-summary.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {execution, NOW, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const firstLine = (frame: string): string => frame.split('\n').find(line => line.includes('ssmtop')) ?? '';

describe('the events phrase in the header', () => {
	it('says nothing without --events-queue', async () => {
		app = await renderApp(storeWith({rows: [execution(1)]}), {now: NOW});
		const frame = await app.waitFor('ssmtop');
		expect(frame).not.toMatch(/events|polling/);
	});

	it('goes from connecting to events with the lag, to polling with the reason, and back', async () => {
		const store = storeWith({rows: [execution(1)], viewport: {columns: 140, rows: 30}});
		const {actions} = store.getState();
		app = await renderApp(store, {now: NOW});
		actions.eventsModeChanged('starting', NOW);
		expect(firstLine(await app.waitFor('connecting'))).toMatch(/events: connecting…/);
		actions.eventsModeChanged('events', NOW);
		expect(firstLine(await app.waitFor('no event yet'))).toMatch(/events \(all 2 locations\) · no event yet/);
		actions.eventsApplied([], {at: NOW, received: 2, lastEventTime: NOW - 3000});
		expect(firstLine(await app.waitFor('lag'))).toMatch(/events \(all 2 locations\) · lag 3s/);
		actions.eventsModeChanged('polling', NOW, 'events queue ssmtop-events: access denied');
		expect(firstLine(await app.waitFor('polling'))).toMatch(/polling \(all 2 locations\): events queue ssmtop-events: access denied/);
		actions.eventsModeChanged('events', NOW + 1000);
		// The lag of the last event stays until the next one.
		expect(firstLine(await app.waitFor(frame => firstLine(frame).includes('lag')))).toMatch(/· lag 3s/);
	});

	it('one location: no count', () => {
		expect(eventsSummary({mode: 'events', since: 0, received: 1, applied: 1, lagMs: 1500}, 1)?.text).toBe('events · lag 1s');
	});
});
