/**
 * The events consumer (--events-queue, issue 12): long-polls the SQS queue an organisation's
 * EventBridge bus fills with SSM Automation status changes, applies each change to the store,
 * and deletes the messages once applied. While the queue answers, the poller lists each location
 * only every resync interval (poller.setEventsMode), but a location whose resync finds changes no
 * event brought polls until one of its events arrives (the consumer tells the store which
 * locations each batch came from: store/location-modes.ts); when it is unreachable, throttled or denied,
 * every location polls again, the header says why, and the consumer probes the queue with a
 * back-off until it answers, then goes back to events.
 *
 * SQS delivers at least once and in no order: the ordering rule (core/automation-event.ts)
 * drops what would move an execution backwards, so a duplicate, a late or a redelivered message
 * (after a failed delete) changes nothing.
 */
import {acceptsChange, executionAfterChange, parseAutomationEvent, type AutomationChange, type EventMark} from '../core/automation-event.js';
import {createBackoffTracker, type BackoffPolicy} from '../core/backoff.js';
import {describeError} from '../core/data-error.js';
import {deepEqual} from '../core/merge.js';
import {contextLocations, executionLocationKey, watchedAccount} from '../core/location.js';
import type {MonitorApi} from '../core/monitor-api.js';
import {isFinal} from '../core/status.js';
import type {Execution} from '../core/types.js';
import type {AppStore} from '../store/app-store.js';
import {selectDetailsWantedOnChange} from '../store/refresh-plan.js';
import {systemClock, type PollerClock} from './clock.js';

/** The SQS maximums: the longest wait a receive may ask for, and the biggest batch. */
export const RECEIVE_WAIT_SECONDS = 20;
export const RECEIVE_BATCH = 10;
/** Back-off while the queue fails: from 5 s to a minute, so it is back within a minute of answering again. */
export const QUEUE_BACKOFF: BackoffPolicy = {baseMs: 5000, capMs: 60_000, floorMs: 2000};

/** What the consumer needs of the queue (aws/events-queue.ts). */
export interface EventsSource {
	probe(signal?: AbortSignal): Promise<void>;
	receive(options: {
		readonly waitSeconds: number;
		readonly max: number;
		readonly signal?: AbortSignal;
	}): Promise<ReadonlyArray<{readonly receiptHandle: string; readonly body: string}>>;
	deleteMessages(messages: ReadonlyArray<{readonly receiptHandle: string}>, signal?: AbortSignal): Promise<{readonly calls: number; readonly failed: number}>;
}

/** What the consumer tells the poller (poller/create-poller.ts). */
export interface EventsListener {
	setEventsMode(on: boolean): void;
	executionsChanged(ids: ReadonlySet<string>): void;
}

export interface EventsConsumerOptions {
	readonly store: AppStore;
	readonly queue: EventsSource;
	readonly poller: EventsListener;
	/** For the details of watched runs an event moved. */
	readonly api?: Pick<MonitorApi, 'getExecution'>;
	readonly clock?: PollerClock;
	readonly random?: () => number;
	/** Seconds a receive waits for a message; default 20 (tests use less). */
	readonly waitSeconds?: number;
	readonly backoff?: BackoffPolicy;
	/**
	 * The account whose events are ours with a single set of credentials (the home account); with
	 * several accounts watched, the watched accounts'. Default: the store context's account.
	 */
	readonly homeAccount?: () => string | undefined;
}

export interface EventsConsumer {
	start(): void;
	/** Stops the loop and aborts the receive in flight. */
	stop(): void;
	/** One round (probe if falling back, receive, apply, delete); resolves when done. For tests and the bench. */
	round(): Promise<void>;
	/** Counters since start, for tests and the bench. */
	readonly stats: {received: number; applied: number; ignored: number; deleted: number; sqsCalls: number};
}

const KEY = 'queue';
/** While paused, how often the consumer looks whether it may read again. */
const PAUSED_RECHECK_MS = 1000;

/** The watched location keys, per context (thousands of locations: a set, not a scan per event). */
const keysMemo = new WeakMap<object, ReadonlySet<string>>();
function locationKeys(context: Parameters<typeof contextLocations>[0]): ReadonlySet<string> {
	let keys = keysMemo.get(context);
	if (!keys) {
		keys = new Set(contextLocations(context).map(location => location.key));
		keysMemo.set(context, keys);
	}

	return keys;
}

export function createEventsConsumer(options: EventsConsumerOptions): EventsConsumer {
	const {store, queue, poller} = options;
	const clock = options.clock ?? systemClock;
	const waitSeconds = Math.max(0, Math.min(RECEIVE_WAIT_SECONDS, options.waitSeconds ?? RECEIVE_WAIT_SECONDS));
	const backoff = createBackoffTracker(options.backoff ?? QUEUE_BACKOFF, options.random ?? Math.random);
	/** Per execution, the last status an event brought and its time; per execution, the time of the last step start applied. */
	const marks = new Map<string, EventMark>();
	const stepTimes = new Map<string, number>();
	const stats = {received: 0, applied: 0, ignored: 0, deleted: 0, sqsCalls: 0};
	let mode: 'starting' | 'events' | 'polling' = 'starting';
	let started = false;
	let controller = new AbortController();
	let timer: unknown;
	let running: Promise<void> | undefined;

	const actions = () => store.getState().actions;

	function enter(next: 'events' | 'polling', problem?: string): void {
		actions().eventsModeChanged(next, clock.now(), problem);
		if (next === mode) return;
		mode = next;
		poller.setEventsMode(next === 'events');
	}

	/** The store location an event belongs to, or undefined when it is not watched here. */
	function locate(change: AutomationChange): string | undefined {
		const {context} = store.getState();
		if (context.accounts) {
			if (!watchedAccount(context, change.account)) return undefined;
		} else {
			// Not known yet: dropped (the resync lists what it missed), rather than shown in the wrong place.
			const home = options.homeAccount ? options.homeAccount() : context.account;
			if (home !== change.account) return undefined;
		}

		const key = executionLocationKey(context, change);
		return locationKeys(context).has(key) ? key : undefined;
	}

	/** The held mark: a final status in the store wins (a resync saw it end), else the last event's, else the row's status. */
	function heldMark(row: Execution | undefined, id: string): EventMark | undefined {
		if (row && isFinal(row.status)) return {status: row.status};
		return marks.get(id) ?? (row ? {status: row.status} : undefined);
	}

	function apply(bodies: readonly string[]): {rows: Execution[]; lastEventTime?: number; locations: ReadonlySet<string>} {
		const state = store.getState();
		const rows = new Map<string, Execution>();
		// Where events came from, moved a row or not: a location that missed events has them again.
		const locations = new Set<string>();
		let lastEventTime: number | undefined;
		for (const body of bodies) {
			const parsed = parseAutomationEvent(body);
			const location = parsed.ok ? locate(parsed.change) : undefined;
			if (!parsed.ok || location === undefined) {
				stats.ignored++;
				continue;
			}

			locations.add(location);
			const {change} = parsed;
			lastEventTime = Math.max(lastEventTime ?? Number.NEGATIVE_INFINITY, change.time);
			const id = change.executionId;
			const row = rows.get(id) ?? state.executions[id];
			const accountName = state.context.accounts ? watchedAccount(state.context, change.account)?.label : undefined;
			if (change.kind === 'execution') {
				if (!acceptsChange(heldMark(row, id), change)) continue;
				marks.set(id, {status: change.status, time: change.time});
				rows.set(id, executionAfterChange(row, change, accountName));
				continue;
			}

			// A step starting: the run's current step, unless a later step already started or the run ended.
			if (isFinal(change.status) || (row && isFinal(row.status)) || change.time < (stepTimes.get(id) ?? Number.NEGATIVE_INFINITY)) continue;
			stepTimes.set(id, change.time);
			rows.set(id, executionAfterChange(row, change, accountName));
		}

		// Only changes that moved a row count (a duplicate rebuilds the same row): no detail read, no repaint for them.
		const moved = [...rows.values()].filter(next => !deepEqual(next, state.executions[next.id]));
		pruneMarks();
		return {rows: moved, locations, ...(lastEventTime === undefined ? {} : {lastEventTime})};
	}

	/** Marks of executions the store no longer holds go, so a long session's marks stay as many as its rows. */
	function pruneMarks(): void {
		const {executions} = store.getState();
		const limit = 2 * Object.keys(executions).length + 1000;
		if (marks.size + stepTimes.size <= limit) return;
		for (const id of marks.keys()) if (!executions[id]) marks.delete(id);
		for (const id of stepTimes.keys()) if (!executions[id]) stepTimes.delete(id);
	}

	async function fetchWatched(ids: readonly string[], signal: AbortSignal): Promise<void> {
		const {api} = options;
		if (!api) return;
		for (const id of ids) {
			const row = store.getState().executions[id];
			if (!row || signal.aborted) continue;
			try {
				const {detail, calls} = await api.getExecution(row.region, id, {signal, ...(row.account === undefined ? {} : {account: row.account})});
				if (!signal.aborted) actions().detailLoaded(detail, {calls});
			} catch {
				// The row already says how it ended; its detail is read again when opened.
			}
		}
	}

	/** One round; returns the delay before the next. */
	async function once(signal: AbortSignal): Promise<number> {
		// Paused (`p`, or refused credentials): nothing refreshes by itself; the queue keeps the events until resumed.
		if (store.getState().paused) return PAUSED_RECHECK_MS;
		try {
			if (mode !== 'events') {
				stats.sqsCalls++;
				await queue.probe(signal);
			}

			enter('events');
			stats.sqsCalls++;
			const messages = await queue.receive({waitSeconds, max: RECEIVE_BATCH, signal});
			if (signal.aborted) return 0;
			stats.received += messages.length;
			const {rows, lastEventTime, locations} = apply(messages.map(message => message.body));
			stats.applied += rows.length;
			actions().eventsApplied(rows, {
				at: clock.now(),
				received: messages.length,
				...(lastEventTime === undefined ? {} : {lastEventTime}),
				...(locations.size === 0 ? {} : {locations}),
			});
			if (rows.length > 0) {
				const ids = new Set(rows.map(row => row.id));
				poller.executionsChanged(ids);
				void fetchWatched(selectDetailsWantedOnChange(store.getState(), ids), signal);
			}

			// Deleted only once applied: one lost before this is delivered again, and the ordering rule drops the repeat.
			if (messages.length > 0) {
				const deleted = await queue.deleteMessages(messages, signal);
				stats.sqsCalls += deleted.calls;
				stats.deleted += messages.length - deleted.failed;
			}

			backoff.succeeded(KEY);
			return 0;
		} catch (error) {
			if (signal.aborted) return 0;
			const {message} = describeError(error);
			enter('polling', message);
			return backoff.failed(KEY);
		}
	}

	function loop(): void {
		if (!started) return;
		const signal = controller.signal;
		running = once(signal).then(delay => {
			running = undefined;
			if (!started || signal !== controller.signal) return;
			if (delay <= 0) {
				loop();
				return;
			}

			timer = clock.setTimeout(() => {
				timer = undefined;
				loop();
			}, delay);
		});
	}

	return {
		stats,
		start() {
			if (started) return;
			started = true;
			controller = new AbortController();
			actions().eventsModeChanged('starting', clock.now());
			loop();
		},
		stop() {
			started = false;
			controller.abort();
			if (timer !== undefined) clock.clearTimeout(timer);
			timer = undefined;
		},
		async round() {
			if (running) await running;
			if (controller.signal.aborted) controller = new AbortController();
			await once(controller.signal);
		},
	};
}
