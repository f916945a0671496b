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
		// Not listed yet: each location polls until its first listing.
		expect(firstLine(await app.waitFor('polling:'))).toMatch(/polling: us-east-1, eu-west-1 · no event yet/);
		actions.pollSucceeded('us-east-1', [], {at: NOW, calls: 1});
		actions.pollSucceeded('eu-west-1', [], {at: NOW, calls: 1});
		expect(firstLine(await app.waitFor('(all 2 locations) · no event yet'))).toMatch(/events \(all 2 locations\) · no event yet/);
		actions.eventsApplied([], {at: NOW, received: 2, lastEventTime: NOW - 3000});
		expect(firstLine(await app.waitFor('lag'))).toMatch(/events \(all 2 locations\) · lag 3s/);
		actions.eventsModeChanged('polling', NOW, 'events queue ssmtop-events: access denied');
		expect(firstLine(await app.waitFor('polling'))).toMatch(/polling \(all 2 locations\): events queue ssmtop-events: access denied/);
		actions.eventsModeChanged('events', NOW + 1000);
		// The lag of the last event stays until the next one.
		expect(firstLine(await app.waitFor(frame => firstLine(frame).includes('lag')))).toMatch(/· lag 3s/);
	});

	it('names the location whose resync found missed events, and counts them with many locations', async () => {
		const store = storeWith({rows: [execution(1)], viewport: {columns: 140, rows: 30}});
		const {actions} = store.getState();
		app = await renderApp(store, {now: NOW});
		actions.pollSucceeded('us-east-1', [], {at: NOW, calls: 1});
		actions.pollSucceeded('eu-west-1', [], {at: NOW, calls: 1});
		actions.eventsModeChanged('events', NOW);
		actions.eventsApplied([], {at: NOW, received: 1, lastEventTime: NOW - 1000});
		actions.eventsMissed('eu-west-1', 1, NOW);
		expect(firstLine(await app.waitFor('polling:'))).toMatch(/events: us-east-1 · polling: eu-west-1 · lag 1s/);
		actions.eventsApplied([], {at: NOW + 2000, received: 1, lastEventTime: NOW + 1000, locations: new Set(['eu-west-1'])});
		expect(firstLine(await app.waitFor('all 2 locations'))).toMatch(/events \(all 2 locations\) · lag 1s/);
		const modes = {
			byLocation: new Map(
				Array.from({length: 21}, (_, index) => [`l${index}`, index < 2 ? {mode: 'polling' as const, why: 'missed' as const} : {mode: 'events' as const}]),
			),
			events: 19,
			polling: 2,
		};
		expect(eventsSummary({mode: 'events', since: 0, received: 1, applied: 1, lagMs: 3000}, modes)).toEqual({
			text: 'events · 19 locations, 2 polling · lag 3s',
			level: 'warn',
		});
	});

	it('one location: no count', () => {
		expect(eventsSummary({mode: 'events', since: 0, received: 1, applied: 1, lagMs: 1500}, 1)?.text).toBe('events · lag 1s');
	});
});
