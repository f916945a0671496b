// The events consumer (--events-queue) with the real SQS and SSM clients over HTTP against the
// emulator: its ssmtop-events queue receives every account's Automation events, as an
// organisation's EventBridge bus would deliver them.
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {PurgeQueueCommand, SendMessageCommand} from '@aws-sdk/client-sqs';
import {drain, sqs} from '../emulator/sqs-support.js';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {createEventsQueue, localModeOptions, type AwsApi, type EventsQueue} from '../../source/aws/index.js';
import {isFinal} from '../../source/core/status.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {createEventsConsumer} from '../../source/poller/events-consumer.js';
import {createPoller} from '../../source/poller/create-poller.js';
import {createAppStore} from '../../source/store/app-store.js';
import {eventsSummary} from '../../source/ui/shell/events-summary.js';
import {createFakeClock, waitFor} from './fakes.js';
import {startEmulatorApi, stopEmulatorApi} from '../helpers/emulator-api.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
const INTERVAL_MS = 5000;
const RESYNC_MS = 60_000;
let emulator: RunningEmulator;
let api: AwsApi;
let queue: EventsQueue;

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('none', REGIONS));
	const local = localModeOptions(emulator, REGIONS);
	queue = createEventsQueue({queueUrl: emulator.eventsQueueUrl, fallbackRegion: 'us-east-1', endpointUrl: emulator.url, credentials: local.credentials!});
});

afterAll(async () => {
	queue.destroy();
	await stopEmulatorApi(emulator, api);
});

afterEach(() => {
	emulator.control.setFaults({sqs: {lossRate: 0, throttleRate: 0, deniedQueues: [], unreachableQueues: [], duplicateRate: 0, reorderRate: 0}});
});

const listCalls = () => emulator.control.counts().requests['DescribeAutomationExecutions'] ?? 0;

function setUp() {
	const store = createAppStore({
		context: {label: 'local emulator', regions: REGIONS, readOnly: false, local: true, readableAccounts: 'all', account: emulator.homeAccount},
	});
	const clock = createFakeClock(emulator.control.now());
	const poller = createPoller({store, api, clock, intervalMs: INTERVAL_MS, resyncIntervalMs: RESYNC_MS});
	// No wait: each round answers at once (the real consumer waits 20 s on an empty queue).
	const consumer = createEventsConsumer({store, queue, poller, api, clock, waitSeconds: 0, random: () => 0.5});
	return {store, clock, poller, consumer};
}

async function start(documentName = 'AWS-RestartEC2Instance'): Promise<string> {
	const started = await api
		.homeClient('us-east-1')
		.send(new StartAutomationExecutionCommand({DocumentName: documentName, Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
	return started.AutomationExecutionId!;
}

/** Rounds until the queue is empty (the emulator delivers at once; a round takes up to ten). */
async function drainRounds(consumer: ReturnType<typeof setUp>['consumer']): Promise<void> {
	for (let round = 0; round < 50; round++) {
		const before = consumer.stats.received;
		await consumer.round();
		if (consumer.stats.received === before) return;
	}
}

describe('events consumer against the emulator', () => {
	it('a run started through the SDK appears and ends in the store with no SSM list call in between, its messages deleted', async () => {
		const {store, poller, consumer} = setUp();
		await poller.tick();
		await drainRounds(consumer);
		expect(store.getState().eventsFeed?.mode).toBe('events');
		const lists = listCalls();
		const id = await start();
		emulator.control.advance(1000);
		await drainRounds(consumer);
		const row = store.getState().executions[id];
		expect(row?.documentName).toBe('AWS-RestartEC2Instance');
		expect(row?.region).toBe('us-east-1');
		expect(isFinal(row!.status)).toBe(false);
		// To its end: the final status and end time come as events too.
		emulator.control.advance(600_000);
		await drainRounds(consumer);
		const truth = (await api.getExecution('us-east-1', id)).detail;
		expect(store.getState().executions[id]?.status).toBe(truth.status);
		expect(isFinal(truth.status)).toBe(true);
		expect(store.getState().executions[id]?.endTime).toBe(Math.floor(truth.endTime! / 1000) * 1000);
		expect(listCalls()).toBe(lists);
		expect(consumer.stats.deleted).toBe(consumer.stats.received);
		expect(emulator.control.counts().sqsRequests['DeleteMessageBatch']).toBeGreaterThan(0);
		expect(eventsSummary(store.getState().eventsFeed, 2)?.text).toMatch(/^events \(all 2 locations\) · lag \d+s$/);
		poller.stop();
	});

	it('duplicated and reordered deliveries never move a run backwards', async () => {
		const {store, poller, consumer} = setUp();
		await poller.tick();
		await drainRounds(consumer);
		const id = await start();
		emulator.control.advance(600_000);
		// Every message of the run's life, taken off the queue and sent back newest first, each twice.
		const raw = sqs(emulator);
		const bodies = (await drain(raw, emulator.eventsQueueUrl)).map(message => message.Body!);
		expect(bodies.length).toBeGreaterThan(3);
		await raw.send(new PurgeQueueCommand({QueueUrl: emulator.eventsQueueUrl}));
		for (const body of [...bodies].reverse().flatMap(body => [body, body]))
			await raw.send(new SendMessageCommand({QueueUrl: emulator.eventsQueueUrl, MessageBody: body}));
		raw.destroy();
		const seen: string[] = [];
		const unsubscribe = store.subscribe(state => {
			const status = state.executions[id]?.status;
			if (status && seen.at(-1) !== status) seen.push(status);
		});
		await drainRounds(consumer);
		unsubscribe();
		const final = (await api.getExecution('us-east-1', id)).detail.status;
		expect(isFinal(final)).toBe(true);
		// The newest came first: the run is shown ended, and none of the older events undid it.
		expect(seen).toEqual([final]);
		expect(consumer.stats.received).toBeGreaterThanOrEqual(2 * bodies.length);
		// One change moved the row (the newest); its duplicate and every older event moved nothing.
		expect(consumer.stats.applied).toBe(1);
		poller.stop();
	});

	it('the open run is read when an event moves it, not every detail interval', async () => {
		const {store, clock, poller, consumer} = setUp();
		poller.start();
		await waitFor(() => store.getState().regions['us-east-1']?.lastSuccessAt !== undefined, 'the first listing');
		await drainRounds(consumer);
		const id = await start();
		emulator.control.advance(1000);
		await drainRounds(consumer);
		store.setState({openId: id, screen: 'detail'});
		await waitFor(() => store.getState().details[id] !== undefined, 'the detail');
		const gets = () => emulator.control.counts().requests['GetAutomationExecution'] ?? 0;
		const before = gets();
		clock.advance(2000 * 5);
		await drainRounds(consumer);
		expect(gets()).toBe(before);
		emulator.control.advance(600_000);
		await drainRounds(consumer);
		await waitFor(() => isFinal(store.getState().details[id]?.status ?? 'InProgress'), 'the final detail');
		expect(gets()).toBeGreaterThan(before);
		poller.stop();
	});

	it('a message that is not an Automation event (or of an account not watched) is dropped and deleted, and the rest applies', async () => {
		const {store, poller, consumer} = setUp();
		await poller.tick();
		await drainRounds(consumer);
		const raw = sqs(emulator);
		const foreign = JSON.stringify({
			version: '0',
			id: 'x',
			'detail-type': 'EC2 Automation Execution Status-change Notification',
			source: 'aws.ssm',
			account: '999988887777',
			time: '2026-11-25T12:00:00Z',
			region: 'us-east-1',
			resources: [],
			detail: {ExecutionId: 'foreign-1', Definition: 'X', Status: 'InProgress'},
		});
		for (const body of ['not json', '{"source":"aws.ec2"}', foreign])
			await raw.send(new SendMessageCommand({QueueUrl: emulator.eventsQueueUrl, MessageBody: body}));
		raw.destroy();
		const id = await start();
		const ignored = consumer.stats.ignored;
		await drainRounds(consumer);
		expect(consumer.stats.ignored - ignored).toBe(3);
		expect(store.getState().executions['foreign-1']).toBeUndefined();
		expect(store.getState().executions[id]).toBeDefined();
		expect(consumer.stats.deleted).toBe(consumer.stats.received);
		poller.stop();
	});

	it('a lost event is repaired by the resync, and the location whose resync found it polls until one of its events arrives', async () => {
		const {store, clock, poller, consumer} = setUp();
		poller.start();
		await waitFor(() => store.getState().regions['us-east-1']?.lastSuccessAt !== undefined, 'the first listing');
		await drainRounds(consumer);
		expect(store.getState().eventsFeed?.mode).toBe('events');
		emulator.control.setFaults({sqs: {lossRate: 1}});
		const id = await start();
		emulator.control.advance(1000);
		await drainRounds(consumer);
		expect(store.getState().executions[id]).toBeUndefined();
		const lists = listCalls();
		// Several polling intervals: no listing while events flow.
		clock.advance(INTERVAL_MS * 4);
		await drainRounds(consumer);
		expect(listCalls()).toBe(lists);
		// The resync lists each location once and brings the run the lost event did not.
		clock.advance(RESYNC_MS);
		await waitFor(() => store.getState().executions[id] !== undefined, 'the resync');
		expect(listCalls() - lists).toBeGreaterThanOrEqual(REGIONS.length);
		// Its events are not arriving: us-east-1 polls, eu-west-1 (nothing missed) waits for its next resync.
		await waitFor(() => store.getState().eventsFeed?.missed?.['us-east-1'] !== undefined, 'the missed mark');
		expect(store.getState().eventsFeed?.missed?.['eu-west-1']).toBeUndefined();
		await waitFor(() => Object.values(store.getState().regions).every(region => !region.inFlight), 'listings in flight');
		const afterResync = listCalls();
		clock.advance(INTERVAL_MS * 2);
		await waitFor(() => listCalls() > afterResync, 'us-east-1 polling');
		// An event of us-east-1 arrives: back to events there, and to the resync schedule.
		emulator.control.setFaults({sqs: {lossRate: 0}});
		await start();
		emulator.control.advance(1000);
		await drainRounds(consumer);
		expect(store.getState().eventsFeed?.missed).toBeUndefined();
		clock.advance(INTERVAL_MS * 2);
		await waitFor(() => Object.values(store.getState().regions).every(region => !region.inFlight), 'listings in flight');
		const backToEvents = listCalls();
		clock.advance(INTERVAL_MS * 4);
		await drainRounds(consumer);
		expect(listCalls()).toBe(backToEvents);
		poller.stop();
	});

	it('a failing queue falls back to polling every location, says why, and comes back to events', async () => {
		const {store, clock, poller, consumer} = setUp();
		poller.start();
		await waitFor(() => store.getState().regions['eu-west-1']?.lastSuccessAt !== undefined, 'the first listing');
		await drainRounds(consumer);
		expect(store.getState().eventsFeed?.mode).toBe('events');
		emulator.control.setFaults({sqs: {throttleRate: 1}});
		await consumer.round();
		expect(store.getState().eventsFeed).toMatchObject({mode: 'polling', problem: 'events queue ssmtop-events: throttled'});
		expect(eventsSummary(store.getState().eventsFeed, 2)?.text).toBe('polling (all 2 locations): events queue ssmtop-events: throttled');
		// Polling again: each location within an interval.
		let lists = listCalls();
		clock.advance(INTERVAL_MS);
		await waitFor(() => listCalls() - lists >= REGIONS.length, 'polling');
		emulator.control.setFaults({sqs: {throttleRate: 0, deniedQueues: ['ssmtop-events']}});
		await consumer.round();
		expect(store.getState().eventsFeed?.problem).toBe('events queue ssmtop-events: access denied');
		emulator.control.setFaults({sqs: {deniedQueues: []}});
		await consumer.round();
		expect(store.getState().eventsFeed?.mode).toBe('events');
		// Back to events: the next listing is the resync's.
		await waitFor(() => Object.values(store.getState().regions).every(region => !region.inFlight), 'listings in flight');
		lists = listCalls();
		clock.advance(INTERVAL_MS * 3);
		await drainRounds(consumer);
		expect(listCalls()).toBe(lists);
		poller.stop();
	});
});
