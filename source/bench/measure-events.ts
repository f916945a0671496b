/**
 * Events against polling at organisation scale (issue 12): SSM calls per minute with the events
 * queue (--events-queue) and with polling alone, over the same locations and the same runs
 * started in them, counted by the emulator; and change → store latency, with events in real time
 * (the real consumer's 20 s long poll, woken by the event) and with polling on the simulated clock.
 *
 * The locations are accounts × 20 Regions, watched as `--assume-role … --accounts` would (each
 * location its own loop, its own credentials). Both modes run on a manual poller clock over the
 * emulator's manual clock: polling for a simulated minute after its first listing settles; events
 * for one whole resync interval (10 minutes: every location is listed once in it), so the figure is
 * the steady average and not a minute that happens to hold no resync.
 */
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {render} from 'ink';
import {createElement} from 'react';
import {shortId} from '../core/format.js';
import {App} from '../ui/app.js';
import {createFakeTerminal} from './fake-terminal.js';
import {CLI_RENDER_OPTIONS} from './local-session.js';
import {engineUiClock} from './realtime-session.js';
import {createAwsApi, createEventsQueue, localModeOptions, type AwsApi} from '../aws/index.js';
import {createManualClock, startEmulator, type RunningEmulator} from '../emulator/index.js';
import {ORG_REGIONS} from '../emulator/identity/organization.js';
import {createEventsConsumer, type EventsConsumer} from '../poller/events-consumer.js';
import {createPoller, DEFAULT_INTERVAL_MS, DEFAULT_RESYNC_INTERVAL_MS} from '../poller/create-poller.js';
import type {PollerClock} from '../poller/clock.js';
import {createAppStore, type AppStore} from '../store/app-store.js';
import {summarize, type Summary} from './stats.js';
import {BENCH_TIME} from './bulk-session.js';
import {trackInFlight} from './in-flight.js';
import {UNMETERED_BUDGET} from './manual-poller-clock.js';

export interface EventsBenchResult {
	readonly locations: number;
	readonly accounts: number;
	readonly regions: number;
	/** Runs started per simulated minute, in random locations, in both modes. */
	readonly runsPerMinute: number;
	readonly polling: {readonly ssmPerMinute: number; readonly simulatedMs: number; readonly latencyMs: Summary; readonly failures: number};
	readonly events: {
		readonly ssmPerMinute: number;
		readonly sqsPerMinute: number;
		readonly simulatedMs: number;
		readonly latencyMs: Summary;
		/** Change → the frame that shows its row written to the terminal (the app rendered, ssmtop's frame writer). */
		readonly screenLatencyMs: Summary;
		readonly failures: number;
	};
	readonly ratio: number;
	readonly wallMs: number;
}

/** A manual clock whose timers are kept by due time: thousands of loops due at the same instants. */
function bucketClock(start: number): PollerClock & {advance(ms: number): void} {
	let now = start;
	let nextId = 1;
	const byAt = new Map<number, Map<number, () => void>>();
	const atOf = new Map<number, number>();
	return {
		now: () => now,
		setTimeout(callback, ms) {
			const id = nextId++;
			const at = now + Math.max(0, ms);
			let bucket = byAt.get(at);
			if (!bucket) byAt.set(at, (bucket = new Map()));
			bucket.set(id, callback);
			atOf.set(id, at);
			return id;
		},
		clearTimeout(handle) {
			const id = handle as number;
			const at = atOf.get(id);
			if (at === undefined) return;
			atOf.delete(id);
			byAt.get(at)?.delete(id);
		},
		advance(ms) {
			const until = now + ms;
			for (;;) {
				let first: number | undefined;
				for (const [at, bucket] of byAt) {
					if (bucket.size === 0) byAt.delete(at);
					else if (at <= until && (first === undefined || at < first)) first = at;
				}

				if (first === undefined) break;
				now = first;
				const bucket = byAt.get(first)!;
				byAt.delete(first);
				for (const [id, callback] of bucket) {
					atOf.delete(id);
					callback();
				}
			}

			now = until;
		},
	};
}

/** ssmtop's SSM calls: every request the emulator served but the benchmark's own starts. */
const ssmCalls = (emulator: RunningEmulator): number =>
	Object.entries(emulator.control.counts().requests).reduce(
		(total, [operation, count]) => (operation === 'StartAutomationExecution' ? total : total + count),
		0,
	);
const sqsCalls = (emulator: RunningEmulator): number => Object.values(emulator.control.counts().sqsRequests).reduce((total, count) => total + count, 0);

function accountIds(count: number): string[] {
	return Array.from({length: count}, (_, index) => String(200_000_000_000 + index));
}

/** The api of `--assume-role … --accounts …` over the emulator: each account read with its own keys. */
function watchingApi(emulator: RunningEmulator, accounts: readonly string[], regions: readonly string[]): AwsApi {
	return createAwsApi({
		...localModeOptions(emulator, regions),
		// A thousand locations' first listings go out at one instant: on a loaded machine some would
		// miss the CLI's 2 s cut and back off, moving their schedule; the figure is the schedule's.
		requestTimeoutMs: 30_000,
		accounts: accounts.map(account => ({
			account,
			label: account,
			source: {kind: 'static', credentials: {accessKeyId: emulator.accessKeyFor(account), secretAccessKey: 'ssmtop-local'}},
		})),
	});
}

function storeFor(accounts: readonly string[], regions: readonly string[], viewport?: {columns: number; rows: number}): AppStore {
	return createAppStore({
		...(viewport ? {viewport} : {}),
		context: {
			label: 'bench',
			regions,
			readOnly: true,
			local: true,
			readableAccounts: 'all',
			accounts: accounts.map(account => ({account, label: account})),
		},
	});
}

/** Until no location has a listing in flight (each answer is a turn of the event loop away). */
/**
 * Every listing answered and applied: no call in flight for a few event-loop turns. (The
 * store's in-flight marks stop past 64 locations, so they cannot tell.)
 */
async function settled(inFlight: () => number): Promise<void> {
	let quietTurns = 0;
	for (let turn = 0; turn < 1_000_000; turn++) {
		await new Promise<void>(resolve => setImmediate(resolve));
		quietTurns = inFlight() === 0 ? quietTurns + 1 : 0;
		if (quietTurns >= 5) return;
	}

	throw new Error('listings never settled');
}

/** A deterministic spread of locations for the runs. */
function locationPicker(accounts: readonly string[], regions: readonly string[]): () => {account: string; region: string} {
	let seed = 12_345;
	const next = (): number => {
		seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
		return seed / 2_147_483_648;
	};

	return () => ({account: accounts[Math.floor(next() * accounts.length)]!, region: regions[Math.floor(next() * regions.length)]!});
}

async function startRun(api: AwsApi, where: {account: string; region: string}): Promise<string> {
	const client = api.clientFor(where.account, where.region);
	if (!client) throw new Error(`no client for ${where.account}/${where.region}`);
	const answer = await client.send(
		new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}),
	);
	return answer.AutomationExecutionId!;
}

/** Rounds until a round brings nothing (each takes at most ten messages). */
async function drainQueue(consumer: EventsConsumer): Promise<void> {
	for (let round = 0; round < 100; round++) {
		const before = consumer.stats.received;
		await consumer.round();
		if (consumer.stats.received === before) return;
	}
}

interface SimulatedRun {
	/** Locations whose listing failed at some point (a timed-out request under load): their schedule moved. */
	readonly failures: number;
	readonly ssmPerMinute: number;
	readonly sqsPerMinute: number;
	readonly latencyMs: number[];
}

/**
 * One mode on the simulated clocks: the first listing (not counted), then `simulatedMs` in steps of
 * `stepMs`, a run started every `runEveryMs` in a random location; latency is, per run, the
 * simulated time from its start to its row in the store (to a step).
 */
async function simulate(
	mode: 'polling' | 'events',
	options: {accounts: readonly string[]; regions: readonly string[]; simulatedMs: number; stepMs: number; runEveryMs: number},
): Promise<SimulatedRun> {
	const emulatorClock = createManualClock(BENCH_TIME);
	const emulator = await startEmulator({seed: 'none', organization: 'none', clock: emulatorClock});
	const counted = trackInFlight(watchingApi(emulator, options.accounts, options.regions));
	const api = counted.api;
	const store = storeFor(options.accounts, options.regions);
	const clock = bucketClock(BENCH_TIME);
	// The budget and the list batch window run on time, and this clock moves only between steps:
	// an unmetered budget and no window, so the schedule measured is the poller's own.
	const poller = createPoller({store, api, clock, intervalMs: DEFAULT_INTERVAL_MS, budget: UNMETERED_BUDGET, listBatchWindowMs: 0});
	const local = localModeOptions(emulator, options.regions);
	const queue = createEventsQueue({queueUrl: emulator.eventsQueueUrl, fallbackRegion: 'us-east-1', endpointUrl: emulator.url, credentials: local.credentials!});
	const consumer = mode === 'events' ? createEventsConsumer({store, queue, poller, clock, waitSeconds: 0}) : undefined;
	const pick = locationPicker(options.accounts, options.regions);
	try {
		poller.start();
		await settled(counted.inFlight);
		await consumer?.round();
		const ssmBefore = ssmCalls(emulator);
		const sqsBefore = sqsCalls(emulator);
		const started = new Map<string, number>();
		const latency: number[] = [];
		for (let elapsed = 0; elapsed < options.simulatedMs; elapsed += options.stepMs) {
			if (elapsed % options.runEveryMs === 0) started.set(await startRun(api, pick()), clock.now());
			emulatorClock.advance(options.stepMs);
			clock.advance(options.stepMs);
			await settled(counted.inFlight);
			if (consumer) await drainQueue(consumer);
			const {executions} = store.getState();
			for (const [id, at] of started) {
				if (executions[id]) {
					latency.push(clock.now() - at);
					started.delete(id);
				}
			}
		}

		const minutes = options.simulatedMs / 60_000;
		const failures = Object.values(store.getState().regions).filter(region => region.lastError !== undefined).length;
		return {
			failures,
			ssmPerMinute: (ssmCalls(emulator) - ssmBefore) / minutes,
			sqsPerMinute: (sqsCalls(emulator) - sqsBefore) / minutes,
			latencyMs: latency,
		};
	} finally {
		poller.stop();
		consumer?.stop();
		queue.destroy();
		api.destroy();
		await emulator.close();
	}
}

/**
 * Change → store and change → screen with events in real time: the real consumer (20 s long
 * polls, woken by the event), the emulator's real clock, and the app rendered into a fake terminal
 * through the CLI's frame writer; the screen time is when the write that holds the new row's id is made.
 */
export async function realTimeEventLatency(
	accounts: readonly string[],
	regions: readonly string[],
	samples: number,
): Promise<{store: number[]; screen: number[]}> {
	const emulator = await startEmulator({seed: 'none', organization: 'none', timeScale: 1, ticker: false});
	const api = watchingApi(emulator, accounts, regions);
	const viewport = {columns: 160, rows: 40};
	const store = storeFor(accounts, regions, viewport);
	const local = localModeOptions(emulator, regions);
	const queue = createEventsQueue({queueUrl: emulator.eventsQueueUrl, fallbackRegion: 'us-east-1', endpointUrl: emulator.url, credentials: local.credentials!});
	// No poller: the lists would only add load; the consumer tells a listener that does nothing.
	const consumer = createEventsConsumer({store, queue, poller: {setEventsMode: () => undefined, executionsChanged: () => undefined}});
	// A live screen: ssmtop's frame writer rewrites only the cells that changed, so an id is on screen without being in one write.
	const terminal = createFakeTerminal({...viewport, keepOutput: false, screen: true});
	const firstWrite = terminal.stdout.nextWrite({timeoutMs: 10_000});
	const instance = render(createElement(App, {store, clock: engineUiClock(() => emulator.control.now(), 1)}), {
		...terminal.inkOptions,
		...CLI_RENDER_OPTIONS,
	});
	await firstWrite;
	const pick = locationPicker(accounts, regions);
	const toStore: number[] = [];
	const toScreen: number[] = [];
	try {
		consumer.start();
		for (let sample = 0; sample < samples; sample++) {
			const where = pick();
			const at = performance.now();
			let shownAt: number | undefined;
			const wanted: {shortId?: string} = {};
			// The event can reach the screen before the start's answer reaches us: screens are kept until the id is known.
			const early: Array<{text: string; at: number}> = [];
			const onWrite = (): void => {
				if (shownAt !== undefined) return;
				const at = performance.now();
				const text = terminal.stdout.screenText();
				if (wanted.shortId === undefined) early.push({text, at});
				else if (text.includes(wanted.shortId)) shownAt = at;
			};

			terminal.stdout.on('written', onWrite);
			const stored: Array<{executions: object; at: number}> = [];
			const stopKeeping = store.subscribe(state => stored.push({executions: state.executions, at: performance.now()}));
			const id = await startRun(api, where);
			stopKeeping();
			const visibleId = shortId(id);
			wanted.shortId = visibleId;
			shownAt = early.find(write => write.text.includes(visibleId))?.at;
			const storedEarly = stored.find(entry => id in entry.executions)?.at;
			await new Promise<void>((resolve, reject) => {
				const timeout = setTimeout(
					() => reject(new Error(`no event in 10 s (stored: ${String(storedAt !== undefined)}, shown: ${String(shownAt !== undefined)})`)),
					10_000,
				);
				let storedAt = storedEarly;
				const check = (): void => {
					if (storedAt === undefined && store.getState().executions[id]) storedAt = performance.now();
					if (storedAt === undefined || shownAt === undefined) return;
					clearTimeout(timeout);
					clearInterval(poll);
					unsubscribe();
					toStore.push(storedAt - at);
					toScreen.push(shownAt - at);
					resolve();
				};

				const unsubscribe = store.subscribe(check);
				// The frame is written after the store changes (Ink renders on its own schedule): look again each turn.
				const poll = setInterval(check, 1);
				check();
			});
			terminal.stdout.off('written', onWrite);
		}

		return {store: toStore, screen: toScreen};
	} finally {
		consumer.stop();
		instance.unmount();
		instance.cleanup();
		queue.destroy();
		api.destroy();
		await emulator.close();
	}
}

export async function measureEvents(options: {accounts?: number; latencySamples?: number} = {}): Promise<EventsBenchResult> {
	const started = performance.now();
	const regions = ORG_REGIONS.slice(0, 20);
	const accounts = accountIds(options.accounts ?? 50);
	// Every 7 s: out of step with the 5 s and 10 s polling intervals, so the runs fall at every phase of them.
	const runEveryMs = 7000;
	const polling = await simulate('polling', {accounts, regions, simulatedMs: 63_000, stepMs: 1000, runEveryMs});
	// One resync interval and a minute: every location's one resync falls inside, however late.
	const eventsMs = DEFAULT_RESYNC_INTERVAL_MS + 60_000;
	const events = await simulate('events', {accounts, regions, simulatedMs: eventsMs, stepMs: 1000, runEveryMs});
	const realTime = await realTimeEventLatency(accounts, regions, options.latencySamples ?? 20);
	return {
		locations: accounts.length * regions.length,
		accounts: accounts.length,
		regions: regions.length,
		runsPerMinute: 60_000 / runEveryMs,
		polling: {ssmPerMinute: polling.ssmPerMinute, simulatedMs: 63_000, latencyMs: summarize(polling.latencyMs), failures: polling.failures},
		events: {
			ssmPerMinute: events.ssmPerMinute,
			sqsPerMinute: events.sqsPerMinute,
			simulatedMs: eventsMs,
			latencyMs: summarize(realTime.store),
			screenLatencyMs: summarize(realTime.screen),
			failures: events.failures,
		},
		ratio: events.ssmPerMinute / polling.ssmPerMinute,
		wallMs: performance.now() - started,
	};
}
