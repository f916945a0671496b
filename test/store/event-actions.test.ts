// The events feed in the store (issue 12): rows moved by events, locations current while the queue answers, and the mode.
import {describe, expect, it} from 'vitest';
import {createAppStore} from '../../source/store/app-store.js';
import {selectStaleAfterMs} from '../../source/store/data-selectors.js';
import {EVENTS_STALE_AFTER_MS} from '../../source/store/event-actions.js';
import {createEventsConsumer} from '../../source/poller/events-consumer.js';
import {selectDetailsWantedOnChange} from '../../source/store/refresh-plan.js';
import {selectLocationModes} from '../../source/store/location-modes.js';

const NOW = Date.UTC(2026, 10, 25, 12);

function store() {
	return createAppStore({
		context: {
			label: 'x',
			regions: ['us-east-1', 'eu-west-1'],
			readOnly: false,
			local: true,
			readableAccounts: 'all',
			account: '111122223333',
			refreshIntervalMs: 5000,
		},
	});
}

function modesOf(app: ReturnType<typeof store>): Record<string, string> {
	const modes = selectLocationModes(app.getState());
	return Object.fromEntries([...(modes?.byLocation ?? [])].map(([key, mode]) => [key, mode.why ? `${mode.mode} ${mode.why}` : mode.mode]));
}

const row = {id: 'e-1', region: 'us-east-1', account: '111122223333', documentName: 'Doc', status: 'InProgress'} as const;

describe('events in the store', () => {
	it('merges moved rows, keeps the rows object when none moved, and records the lag', () => {
		const app = store();
		app.getState().actions.eventsModeChanged('events', NOW);
		app.getState().actions.eventsApplied([row], {at: NOW, received: 1, lastEventTime: NOW - 2000});
		const {executions, eventsFeed} = app.getState();
		expect(executions['e-1']?.status).toBe('InProgress');
		expect(eventsFeed).toMatchObject({mode: 'events', received: 1, applied: 1, lastEventTime: NOW - 2000, lagMs: 2000});
		app.getState().actions.eventsApplied([], {at: NOW + 5000, received: 0});
		expect(app.getState().executions).toBe(executions);
	});

	it('while events flow, every location listed once is current as of the answer, except one failing its own calls', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [], {at: NOW - 60_000, calls: 1});
		app.getState().actions.pollFailed('eu-west-1', {kind: 'throttled', message: 'throttled', at: NOW});
		app.getState().actions.eventsModeChanged('events', NOW);
		app.getState().actions.eventsApplied([], {at: NOW + 1000, received: 0});
		expect(app.getState().regions['us-east-1']?.lastSuccessAt).toBe(NOW + 1000);
		expect(app.getState().regions['eu-west-1']?.lastSuccessAt).toBeUndefined();
	});

	it('a location not listed yet is not made current by events: its first listing is what loads it', () => {
		const app = store();
		app.getState().actions.pollSucceeded('us-east-1', [], {at: NOW - 60_000, calls: 1});
		app.getState().actions.eventsModeChanged('events', NOW);
		app.getState().actions.eventsApplied([], {at: NOW + 1000, received: 0});
		expect(app.getState().regions['eu-west-1']?.lastSuccessAt).toBeUndefined();
	});

	it("each location's mode: polling while the queue fails, until its first listing, and after a resync found missed events until one of its events arrives", () => {
		const app = store();
		const {actions} = app.getState();
		expect(selectLocationModes(app.getState())).toBeUndefined();
		actions.eventsModeChanged('starting', NOW);
		expect(modesOf(app)).toEqual({'us-east-1': 'polling queue', 'eu-west-1': 'polling queue'});
		actions.eventsModeChanged('events', NOW);
		actions.pollSucceeded('us-east-1', [], {at: NOW, calls: 1});
		expect(modesOf(app)).toEqual({'us-east-1': 'events', 'eu-west-1': 'polling listing'});
		actions.pollSucceeded('eu-west-1', [], {at: NOW, calls: 1});
		const allEvents = selectLocationModes(app.getState());
		expect(allEvents).toMatchObject({events: 2, polling: 0});
		// Nothing about the modes changed: the same object (the header does not re-render for it).
		actions.eventsApplied([], {at: NOW + 5000, received: 0});
		expect(selectLocationModes(app.getState())).toBe(allEvents);
		actions.eventsMissed('eu-west-1', 2, NOW + 6000);
		expect(modesOf(app)).toEqual({'us-east-1': 'events', 'eu-west-1': 'polling missed'});
		expect(app.getState().eventsFeed?.missed).toEqual({'eu-west-1': {count: 2, at: NOW + 6000}});
		// Events from another location change nothing; one from it brings it back to events.
		actions.eventsApplied([], {at: NOW + 7000, received: 1, locations: new Set(['us-east-1'])});
		expect(modesOf(app)['eu-west-1']).toBe('polling missed');
		actions.eventsApplied([], {at: NOW + 8000, received: 1, locations: new Set(['eu-west-1'])});
		expect(modesOf(app)).toEqual({'us-east-1': 'events', 'eu-west-1': 'events'});
		expect(app.getState().eventsFeed?.missed).toBeUndefined();
		// The queue failing: every location polls.
		actions.eventsModeChanged('polling', NOW + 9000, 'events queue q: throttled');
		expect(selectLocationModes(app.getState())).toMatchObject({events: 0, polling: 2});
	});

	it('calls data stale only after two long polls with events, after three intervals when polling', () => {
		const app = store();
		expect(selectStaleAfterMs(app.getState())).toBe(15_000);
		app.getState().actions.eventsModeChanged('events', NOW);
		expect(selectStaleAfterMs(app.getState())).toBe(EVENTS_STALE_AFTER_MS);
		app.getState().actions.eventsModeChanged('polling', NOW, 'events queue q: throttled');
		expect(selectStaleAfterMs(app.getState())).toBe(15_000);
	});

	it('the consumer reads nothing while paused', async () => {
		const app = store();
		let receives = 0;
		const consumer = createEventsConsumer({
			store: app,
			queue: {
				probe: async () => undefined,
				receive: async () => {
					receives++;
					return [];
				},
				deleteMessages: async () => ({calls: 0, failed: 0}),
			},
			poller: {setEventsMode: () => undefined, executionsChanged: () => undefined},
		});
		app.setState({paused: true});
		await consumer.round();
		expect(receives).toBe(0);
		app.setState({paused: false});
		await consumer.round();
		expect(receives).toBe(1);
	});

	it('of the rows an event moved, the plan reads the details of the watched ones, not the open one (the poller reads it) nor the rest', () => {
		const app = store();
		const rows = ['a', 'b', 'c', 'd'].map(id => ({...row, id}));
		app.getState().actions.eventsApplied(rows, {at: NOW, received: 4});
		app.setState({watched: {a: true, b: true}, openId: 'b', screen: 'detail'});
		expect(selectDetailsWantedOnChange(app.getState(), new Set(['a', 'b', 'c']))).toEqual(['a']);
		app.setState({screen: 'list'});
		expect(selectDetailsWantedOnChange(app.getState(), new Set(['a', 'b', 'c']))).toEqual(['a', 'b']);
	});
});
