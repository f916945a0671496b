/**
 * The refresh loop, outside React. What to watch comes from the refresh plan
 * (store/refresh-plan.ts): the poller subscribes to it and reads no UI field itself.
 * Per region, the list refreshes every `intervalMs`, or every QUIET_INTERVALS intervals once
 * QUIET_REFRESHES refreshes in a row changed nothing there, and every BACKGROUND_INTERVALS
 * intervals while another screen covers the list (still short of the header's "stale"; back on
 * the list, a region catches up at once); the open execution every `detailIntervalMs`, less often
 * while its reads change nothing (open-refresh.ts createOpenBackoff) and at once when its row in
 * the listing moves; the child under the grid cursor every `detailIntervalMs` while it can change.
 * Each loop schedules its next run only after the current one finishes; an
 * in-flight guard turns overlapping requests into one follow-up run; stop()
 * aborts requests in flight. Throttling and errors back off per region with
 * jitter and keep the last data; a timed-out request is retried after a short
 * pause; refused credentials pause polling and raise the banner until the user resumes.
 * Every call waits for its turn in the one request budget of the process (request-gate.ts,
 * core/request-budget.ts): what is on screen first, locations taking turns; when the queue makes
 * the list refreshes later than the interval, the store is told how far it stretched.
 */
import {setMaxListeners} from 'node:events';
import {createBackoffTracker, DEFAULT_BACKOFF, requestTimeoutFor, timeoutBackoff, type BackoffPolicy} from '../core/backoff.js';
import {describeError} from '../core/data-error.js';
import type {MonitorApi} from '../core/monitor-api.js';
import {missedByEvents} from '../core/automation-event.js';
import type {Execution} from '../core/types.js';
import type {AppState, AppStore} from '../store/app-store.js';
import type {BudgetState} from '../store/state.js';
import type {PollSuccess} from '../store/data-actions.js';
import {
	BACKGROUND_INTERVALS,
	selectRefreshPlan,
	type ChildTarget,
	type ChildrenTarget,
	type CommandTarget,
	type OpenTarget,
	type RefreshPlan,
} from '../store/refresh-plan.js';
import {contextLocations, executionLocationKey, locationKey} from '../core/location.js';
import {systemClock, type PollerClock} from './clock.js';
import {admissionLimit, createListAdmission} from './list-admission.js';
import {loadOlderPages, refreshRegion, type CallCounter, type ListContext, type RefreshResult, type RegionCursor} from './list-refresh.js';
import {createOpenBackoff, createStepsReuse, refreshChild, refreshOpenExecution} from './open-refresh.js';
import {refreshCommand} from './command-refresh.js';
import {createRequestGate, gatedApi, type RequestGate} from './request-gate.js';
import {DEFAULT_CALLS_PER_SECOND, DEFAULT_MAX_CONCURRENT, type RequestBudgetLimits, type RequestPriority} from '../core/request-budget.js';
import {budgetReport, samePerLocation, type WaitSample} from './budget-report.js';
import {createListBatcher} from './list-batch.js';

/** Never refresh faster than this, whatever --interval says. */
export const MIN_INTERVAL_MS = 2000;
export const DEFAULT_INTERVAL_MS = 5000;
export const DEFAULT_PAGE_CAP = 20;
/**
 * A region whose last this many list refreshes changed nothing in the store refreshes every
 * QUIET_INTERVALS intervals instead, until a refresh changes something (or the user presses `r`).
 */
export const QUIET_REFRESHES = 3;
/**
 * Two intervals: a whole interval short of the three after which the header calls a region's data
 * stale (store/data-selectors.ts selectStaleAfterMs), so even a slow call never flags a quiet region.
 */
export const QUIET_INTERVALS = 2;
/** With events flowing (--events-queue), each location is listed this often only: a resync that repairs what was missed. */
export const DEFAULT_RESYNC_INTERVAL_MS = 600_000;
/**
 * A change this close before a resync began may have its event still on the way (EventBridge to
 * SQS takes seconds, a member account's bus forwarding a few more): a resync finding it does not
 * say the location's events are missing.
 */
export const EVENTS_GRACE_MS = 30_000;
/**
 * Locations whose refreshes are marked in flight in the store. Each mark copies the store's record
 * of every location: at 10,000 locations starting together that alone held the first listing back
 * for most of a minute (the bench's organisation phase), and with that many the header counts
 * locations by state, never showing one's in-flight flag.
 */
export const IN_FLIGHT_MARKED_UP_TO = 64;

export interface PollerOptions {
	readonly store: AppStore;
	readonly api: MonitorApi;
	readonly clock?: PollerClock;
	/** Jitter source in [0, 1). */
	readonly random?: () => number;
	/** List refresh per region; clamped to ≥ 2000. Default 5000. */
	readonly intervalMs?: number;
	/** Refresh of the open execution while not final; clamped to ≥ 2000. Default 2000. */
	readonly detailIntervalMs?: number;
	/** Pages (of 50) one listing follows at most. Default 20. */
	readonly pageCap?: number;
	/** Back-off after throttling and errors other than timeouts. Default DEFAULT_BACKOFF with the interval as floor. */
	readonly backoff?: BackoffPolicy;
	/**
	 * The api's per-request timeout, for the pause after a timed-out request (core/backoff.ts
	 * timeoutBackoff). Default requestTimeoutFor(intervalMs), what the CLI gives the api.
	 */
	readonly requestTimeoutMs?: number;
	/** The list (and open-execution) refresh while events flow (setEventsMode(true)); default 10 minutes. */
	readonly resyncIntervalMs?: number;
	/** The process's request budget (--max-calls-per-second, --max-concurrent-calls). Default 200 a second, 32 in flight. */
	readonly budget?: RequestBudgetLimits;
	/**
	 * Past 64 locations, list results reach the store at most this often (list-batch.ts; default
	 * LIST_BATCH_WINDOW_MS). 0: at the end of each event-loop turn, never on the poller's clock, for
	 * simulations whose manual clock does not move while they wait for listings to settle.
	 */
	readonly listBatchWindowMs?: number;
}

export interface Poller {
	start(): void;
	/** Stops every loop and aborts requests in flight; the store keeps its data. */
	stop(): void;
	/** One refresh of every region and of the open execution, now; resolves when done. For tests and tools. */
	tick(): Promise<void>;
	/** Manual refresh: run every loop now (even while paused), then resume the schedule. */
	refreshNow(): void;
	/** The next capped batch of older history for a region (after a truncated first listing). */
	loadOlder(region: string): Promise<void>;
	/**
	 * Events flow (the events consumer says so): each location is listed every resync interval
	 * only, and the open execution read when an event says it changed. Off: back to polling, and a
	 * location whose interval has passed since its last listing is listed now.
	 */
	setEventsMode(on: boolean): void;
	/** An event moved these executions: the open one, if among them, is read now. */
	executionsChanged(ids: ReadonlySet<string>): void;
	readonly intervalMs: number;
	readonly detailIntervalMs: number;
	readonly resyncIntervalMs: number;
	/** The request budget in force. */
	readonly budget: Required<RequestBudgetLimits>;
}

/** `--interval` below 2 s is clamped to 2 s. */
export function clampInterval(ms: number | undefined, fallback: number): number {
	if (ms === undefined || !Number.isFinite(ms)) return fallback;
	return Math.max(MIN_INTERVAL_MS, Math.round(ms));
}

/**
 * Every location's requests listen on one signal (stop() aborts them all): with many locations far
 * more than Node's default of 10 listeners, which would print a leak warning over the terminal UI.
 */
function freshController(): AbortController {
	const controller = new AbortController();
	setMaxListeners(0, controller.signal);
	return controller;
}

/** Loop keys beside the regions' (a region name never starts with NUL). */
const OPEN_LOOP = '\u0000open';
const CHILD_LOOP = '\u0000child';
const COMMAND_LOOP = '\u0000command';
const CHILDREN_LOOP = '\u0000children';
/** Pages (of 50) of a rate-control parent's children read at most. */
const CHILDREN_PAGE_CAP = 20;

interface Loop {
	timer?: unknown;
	/** When the timer fires (clock time). */
	dueAt?: number;
	running?: Promise<void>;
	/** A refresh was asked for while one was running: run again right after (forced if any ask was `r`). */
	again?: {readonly force: boolean};
}

export function createPoller(options: PollerOptions): Poller {
	const {store, api} = options;
	const clock = options.clock ?? systemClock;
	const intervalMs = clampInterval(options.intervalMs, DEFAULT_INTERVAL_MS);
	const detailIntervalMs = clampInterval(options.detailIntervalMs, MIN_INTERVAL_MS);
	const pageCap = Math.max(1, Math.floor(options.pageCap ?? DEFAULT_PAGE_CAP));
	const random = options.random ?? Math.random;
	const resyncIntervalMs = Math.max(intervalMs, Math.round(options.resyncIntervalMs ?? DEFAULT_RESYNC_INTERVAL_MS));
	let eventsMode = false;
	/** When events last began to flow: changes since then (less the grace) should have come as events. */
	let eventsSince: number | undefined;
	/** A resync found changes no event brought here (store/event-actions.ts `missed`): this location polls. */
	const missesEvents = (region: string): boolean => state().eventsFeed?.missed?.[region] !== undefined;
	const backoff = createBackoffTracker(options.backoff ?? {...DEFAULT_BACKOFF, floorMs: intervalMs}, random);
	// A timed-out request already waited: retry after a short pause, so recovery takes at most about an interval.
	const timeouts = createBackoffTracker(timeoutBackoff(intervalMs, options.requestTimeoutMs ?? requestTimeoutFor(intervalMs)), random);
	const succeeded = (key: string): void => {
		backoff.succeeded(key);
		timeouts.succeeded(key);
	};
	// Every location (a region, or an account's region when several accounts are watched) is a loop of its own.
	const context = store.getState().context;
	const locations = new Map(contextLocations(context).map(location => [location.key, location]));
	const regions = [...locations.keys()];
	const markInFlight = regions.length <= IN_FLIGHT_MARKED_UP_TO;
	// Beyond that many locations, list refreshes ending together are applied as one store update (list-batch.ts).
	const batcher =
		regions.length > IN_FLIGHT_MARKED_UP_TO ? createListBatcher(batch => state().actions.pollsSucceeded(batch), clock, options.listBatchWindowMs) : undefined;
	const cursors = new Map<string, RegionCursor>(regions.map(region => [region, {loaded: false, plainListing: false}]));
	const loops = new Map<string, Loop>();
	/** Per region, the list refreshes in a row that changed nothing in the store. */
	const quietRefreshes = new Map<string, number>();
	const quietIntervalMs = QUIET_INTERVALS * intervalMs;
	/** Per region, when its last list refresh ended and the delay it would have had with the list on screen. */
	const lastListRefresh = new Map<string, {readonly at: number; readonly listDelay: number}>();
	const stepsReuse = createStepsReuse();
	const gate: RequestGate = createRequestGate(options.budget ?? {callsPerSecond: DEFAULT_CALLS_PER_SECOND, maxConcurrent: DEFAULT_MAX_CONCURRENT}, clock);
	const admission = createListAdmission(admissionLimit(gate.limits.maxConcurrent), clock);
	const gatedApis = new Map<string, MonitorApi>();
	/** The api as the loop of `location` sees it at `priority` (one wrapper each, made once). */
	const apiFor = (location: string, priority: RequestPriority): MonitorApi => {
		const key = `${priority} ${location}`;
		let gated = gatedApis.get(key);
		if (!gated) {
			gated = gatedApi(api, gate, location, priority);
			gatedApis.set(key, gated);
		}

		return gated;
	};

	/** List refreshes of the last minute and how long their calls waited for the budget. */
	const waitSamples: WaitSample[] = [];
	let reportedAt = Number.NEGATIVE_INFINITY;
	let lastReport: BudgetState | undefined;
	/** Tells the store the calls per minute and the interval as the budget stretches it, at most once a second. */
	function report(): void {
		const now = clock.now();
		if (now - reportedAt < 1000) return;
		reportedAt = now;
		const next = budgetReport(gate, waitSamples, intervalMs, now);
		const previous = lastReport;
		if (
			previous &&
			previous.callsPerMinute === next.callsPerMinute &&
			previous.stretchedIntervalMs === next.stretchedIntervalMs &&
			samePerLocation(previous.perLocation, next.perLocation)
		)
			return;
		lastReport = next;
		state().actions.budgetMeasured(next);
	}

	/** Behind a covering screen the regions refresh this often (the header only). */
	const backgroundIntervalMs = BACKGROUND_INTERVALS * intervalMs;
	// Standing still, the open execution is read at least as often as the list behind it.
	const openBackoff = createOpenBackoff(detailIntervalMs, backgroundIntervalMs);
	let controller = freshController();
	let started = false;
	let unsubscribe: (() => void) | undefined;

	const loopOf = (key: string): Loop => {
		let loop = loops.get(key);
		if (!loop) {
			loop = {};
			loops.set(key, loop);
		}

		return loop;
	};

	const state = (): AppState => store.getState();
	const plan = (): RefreshPlan => selectRefreshPlan(state());
	/** Targets of refresh 'once' already read (by plan object: opening it again makes a new one). */
	const loadedOnce = new WeakSet<OpenTarget | ChildTarget | CommandTarget | ChildrenTarget>();
	/** The plan the subscription last acted on. */
	let watched: RefreshPlan | undefined;

	/** Whether a target is read on this run: always on `r`; 'once' targets a single time; 'manual' ones only on `r`. */
	function due(target: OpenTarget | ChildTarget | CommandTarget | ChildrenTarget, force: boolean): boolean {
		if (force || target.refresh === 'live') return true;
		if (target.refresh === 'manual' || loadedOnce.has(target)) return false;
		loadedOnce.add(target);
		return true;
	}

	/** Returns the delay until the next run: the interval, or a back-off after a failure. */
	async function refreshListOf(region: string, signal: AbortSignal, force: boolean): Promise<number> {
		const {list} = plan();
		if ((list === 'paused' && !force) || list === 'held') return intervalMs;
		const turn = admission.enter(region, force || listPriority(region) === 'visible', signal);
		if (turn) await turn;
		let left = false;
		// Its turn ends with its calls: waiting for the store's next batch (list-batch.ts) it would hold a turn no call uses.
		const leave = (): void => {
			if (left) return;
			left = true;
			admission.leave();
		};
		try {
			return await refreshAdmitted(region, signal, force, leave);
		} finally {
			leave();
		}
	}

	async function refreshAdmitted(region: string, signal: AbortSignal, force: boolean, callsDone: () => void): Promise<number> {
		const cursor = cursors.get(region)!;
		const counter: CallCounter = {calls: 0};
		// A first listing of several pages shows its newest rows at once (not past 64 locations, whose results are batched).
		let pagesShown = false;
		const showPages = (executions: readonly Execution[]): void => {
			if (signal.aborted) return;
			state().actions.firstPagesListed(region, executions);
			pagesShown = true;
		};
		const listContext = {...listContextOf(region, signal, counter, listPriority(region)), ...(batcher ? {} : {onFirstPages: showPages})};
		const {rows: known, ids: heldBefore} = heldOf(region);
		if (markInFlight) state().actions.pollStarted(region);
		const resync = eventsMode && cursor.loaded ? {from: eventsSince ?? clock.now(), to: clock.now() - EVENTS_GRACE_MS} : undefined;
		try {
			const result = await refreshRegion(listContext, cursor, known);
			callsDone();
			if (signal.aborted) return intervalMs;
			// A resync that lists what no event brought: this location's events are not arriving, so it polls.
			const missed = resync && eventsMode ? missedByEvents(known, result.executions, resync) : 0;
			if (missed > 0) state().actions.eventsMissed(region, missed, clock.now());
			// The wait for a turn to start (list-admission.ts) stretches the interval as the budget's queue does.
			waitSamples.push({at: clock.now(), waitMs: gate.takeWaits(region) + admission.takeWait(region)});
			const rowsBefore = state().executions;
			const open = plan().open;
			// Only what was held when the listing began can it prove gone (a run started meanwhile stays).
			const applied = result.coverage ? {...result, coverage: {...result.coverage, heldBefore}} : result;
			let changed: boolean;
			if (batcher) {
				changed = await batcher.apply({region, executions: applied.executions, meta: successOf(applied, counter)}, signal);
				if (signal.aborted) return intervalMs;
			} else {
				applyList(region, applied, counter);
				// The merge keeps the executions object when no row changed (core/merge.ts), and only this region's rows were applied
				// (some of them already, page by page, by a first listing).
				changed = pagesShown || state().executions !== rowsBefore;
			}

			succeeded(region);
			// The open execution's row moved (its status, its current step): read its detail now, at the detail interval again.
			if (open && rowsBefore[open.executionId] !== undefined && state().executions[open.executionId] !== rowsBefore[open.executionId]) {
				openBackoff.reset();
				void run(OPEN_LOOP);
			}

			const listDelay = nextListDelay(region, changed || force);
			lastListRefresh.set(region, {at: clock.now(), listDelay});
			report();
			if (eventsMode && !missesEvents(region)) return resyncIntervalMs;
			// Behind a detail, grid or location screen only the header shows the list's data.
			return plan().list === 'background' ? Math.max(listDelay, backgroundIntervalMs) : listDelay;
		} catch (error) {
			quietRefreshes.delete(region);
			lastListRefresh.delete(region);
			if (signal.aborted) return intervalMs;
			// Failed calls count against the budget too: the header's calls per minute follows them.
			report();
			return failed(region, error, counter.calls, failure => state().actions.pollFailed(region, failure));
		}
	}

	/** The list on screen goes before lists behind another screen; with many locations, the ones of the rows on screen first. */
	function listPriority(region: string): RequestPriority {
		const current = plan();
		if (current.list !== 'live') return 'background';
		return !current.visibleLocations || current.visibleLocations.has(region) ? 'visible' : 'background';
	}

	/**
	 * Each location's rows and their ids, from one pass over the store's executions, again only
	 * when they changed: at steady state nothing does, and with 10,000 executions the scans of every
	 * row by every region's refresh were most of the poller's idle CPU.
	 */
	let held: {readonly executions: AppState['executions']; readonly byLocation: ReadonlyMap<string, {rows: Execution[]; ids: Set<string>}>} | undefined;
	const noRows = {rows: [] as Execution[], ids: new Set<string>()};
	function heldOf(region: string): {readonly rows: readonly Execution[]; readonly ids: ReadonlySet<string>} {
		const {executions} = state();
		if (held?.executions !== executions) {
			const byLocation = new Map<string, {rows: Execution[]; ids: Set<string>}>();
			for (const execution of Object.values(executions)) {
				const key = executionLocationKey(context, execution);
				let entry = byLocation.get(key);
				if (!entry) byLocation.set(key, (entry = {rows: [], ids: new Set()}));
				entry.rows.push(execution);
				entry.ids.add(execution.id);
			}

			held = {executions, byLocation};
		}

		return held.byLocation.get(region) ?? noRows;
	}

	function listContextOf(key: string, signal: AbortSignal, counter: CallCounter, priority: RequestPriority): ListContext {
		const location = locations.get(key);
		const account = location?.account;
		return {api: apiFor(key, priority), region: location?.region ?? key, ...(account === undefined ? {} : {account}), pageCap, signal, counter};
	}

	/** The interval, or the quiet one once the region's last QUIET_REFRESHES refreshes changed nothing. */
	function nextListDelay(region: string, changed: boolean): number {
		const quiet = changed ? 0 : (quietRefreshes.get(region) ?? 0) + 1;
		quietRefreshes.set(region, quiet);
		return quiet >= QUIET_REFRESHES ? quietIntervalMs : intervalMs;
	}

	function successOf(result: RefreshResult, counter: CallCounter): PollSuccess {
		return {
			at: clock.now(),
			calls: counter.calls,
			...(result.truncated === undefined ? {} : {truncated: result.truncated}),
			...(result.coverage === undefined ? {} : {coverage: result.coverage}),
		};
	}

	function applyList(region: string, result: RefreshResult, counter: CallCounter): void {
		state().actions.pollSucceeded(region, result.executions, successOf(result, counter));
	}

	/** Records a failure; returns the delay before the loop's next attempt. */
	function failed(
		key: string,
		error: unknown,
		calls: number,
		record: (failure: {kind: ReturnType<typeof describeError>['kind']; message: string; at: number; backoffUntil?: number; calls: number}) => void,
	): number {
		const {kind, message} = describeError(error);
		const at = clock.now();
		// With several accounts watched, one account's refused credentials are that account's problem:
		// its locations back off and say so (the fix, e.g. which `aws sso login` to run), the others go on.
		if (kind === 'credentials' && context.accounts) {
			const delay = backoff.failed(key);
			record({kind, message, at, backoffUntil: at + delay, calls});
			return delay;
		}

		if (kind === 'credentials') {
			record({kind, message, at, calls});
			state().actions.credentialsRejected({message: `${message} Polling is paused until you resume it.`, at});
			return intervalMs;
		}

		const delay = kind === 'timeout' ? timeouts.failed(key) : backoff.failed(key);
		record({kind, message, at, backoffUntil: at + delay, calls});
		return delay;
	}

	/**
	 * With events, a run's own events say when it changes (executionsChanged): the resync only
	 * repairs a lost one. A parent of other runs (cross-account, or rate control over targets) moves
	 * with its children, which its own events do not tell: it keeps its detail interval.
	 */
	/** Polling: the detail interval, backing off while reads change nothing. Events: an event says when it changed, except for parents (their children's progress is in no event of theirs). */
	function openDelay(target: OpenTarget, changed: boolean): number {
		if (!eventsMode) return openBackoff.next(target.executionId, changed);
		const detail = state().details[target.executionId];
		const parent =
			!detail ||
			detail.automationType === 'CrossAccount' ||
			(detail.targetLocations?.length ?? 0) > 0 ||
			(detail.targets?.length ?? 0) > 0 ||
			detail.targetParameterName !== undefined;
		return parent ? detailIntervalMs : resyncIntervalMs;
	}

	async function refreshOpen(signal: AbortSignal, force: boolean): Promise<number> {
		const target = plan().open;
		if (!target || !due(target, force)) return detailIntervalMs;
		try {
			const changed = await refreshOpenExecution(store, apiFor(executionLocationKey(context, target), 'foreground'), target, signal, {
				steps: stepsReuse,
				force,
			});
			if (signal.aborted) {
				loadedOnce.delete(target);
				return detailIntervalMs;
			}

			succeeded(OPEN_LOOP);
			return openDelay(target, changed || force);
		} catch (error) {
			// Stopped before the answer: a restart loads it after all.
			if (signal.aborted) loadedOnce.delete(target);
			if (signal.aborted) return detailIntervalMs;
			return failed(OPEN_LOOP, error, 1, failure => state().actions.detailFailed(executionLocationKey(context, target), failure));
		}
	}

	async function refreshCursorChild(signal: AbortSignal, force: boolean): Promise<number> {
		const target = plan().child;
		if (!target || !due(target, force)) return detailIntervalMs;
		try {
			// Failures other than throttling are recorded for the cell and not thrown.
			await refreshChild(store, apiFor(locationKey(target.account, target.region), 'foreground'), target, signal);
			if (signal.aborted) loadedOnce.delete(target);
			else succeeded(CHILD_LOOP);
			return detailIntervalMs;
		} catch (error) {
			if (signal.aborted) loadedOnce.delete(target);
			if (signal.aborted) return detailIntervalMs;
			return failed(CHILD_LOOP, error, 1, () => undefined);
		}
	}

	/** The command screen's Run Command step: its invocations and the selected instance's output. */
	async function refreshOpenCommand(signal: AbortSignal, force: boolean): Promise<number> {
		const target = plan().command;
		if (!target || !due(target, force)) return detailIntervalMs;
		try {
			const calls = await refreshCommand(store, apiFor(target.region, 'foreground'), target, signal, () => clock.now());
			if (signal.aborted) loadedOnce.delete(target);
			else {
				succeeded(COMMAND_LOOP);
				if (calls > 0) state().actions.callsCounted(target.region, calls);
			}

			return detailIntervalMs;
		} catch (error) {
			if (signal.aborted) loadedOnce.delete(target);
			if (signal.aborted) return detailIntervalMs;
			// Throttled: back off; what failed is already shown in place.
			return failed(COMMAND_LOOP, error, 1, () => undefined);
		}
	}

	/** The children screen's rate-control parent: its children, by DescribeAutomationExecutions' ParentExecutionId filter. */
	async function refreshRateChildren(signal: AbortSignal, force: boolean): Promise<number> {
		const target = plan().children;
		if (!target || !due(target, force)) return detailIntervalMs;
		let calls = 0;
		try {
			const executions = [];
			let nextToken: string | undefined;
			do {
				const page = await apiFor(target.region, 'foreground').listExecutionPage(target.region, {
					filters: [{key: 'ParentExecutionId', values: [target.parentId]}],
					...(nextToken ? {nextToken} : {}),
					signal,
				});
				calls++;
				executions.push(...page.executions);
				nextToken = page.nextToken;
			} while (nextToken && calls < CHILDREN_PAGE_CAP && !signal.aborted);
			if (signal.aborted) {
				loadedOnce.delete(target);
				return detailIntervalMs;
			}

			state().actions.rateChildrenLoaded(target.parentId, {executions, truncated: Boolean(nextToken)}, clock.now());
			state().actions.callsCounted(target.region, calls);
			succeeded(CHILDREN_LOOP);
			return detailIntervalMs;
		} catch (error) {
			if (signal.aborted) loadedOnce.delete(target);
			if (signal.aborted) return detailIntervalMs;
			const {kind, message} = describeError(error);
			state().actions.rateChildrenFailed(target.parentId, message);
			return kind === 'throttled' ? failed(CHILDREN_LOOP, error, calls + 1, () => undefined) : detailIntervalMs;
		}
	}

	function runner(key: string): (signal: AbortSignal, force: boolean) => Promise<number> {
		if (key === OPEN_LOOP) return refreshOpen;
		if (key === CHILD_LOOP) return refreshCursorChild;
		if (key === COMMAND_LOOP) return refreshOpenCommand;
		if (key === CHILDREN_LOOP) return refreshRateChildren;
		return async (signal, force) => refreshListOf(key, signal, force);
	}

	/** Runs a loop now unless it is running (then once more right after); schedules its next run when done. */
	function run(key: string, force = false): Promise<void> {
		const loop = loopOf(key);
		if (loop.running) {
			loop.again = {force: force || (loop.again?.force ?? false)};
			return loop.running;
		}

		if (loop.timer !== undefined) {
			clock.clearTimeout(loop.timer);
			loop.timer = undefined;
		}

		const signal = controller.signal;
		loop.running = (async () => {
			let delay: number;
			try {
				delay = await runner(key)(signal, force);
			} catch {
				// Every failure is recorded by the runner; this only keeps the loop alive.
				delay = regions.includes(key) ? intervalMs : detailIntervalMs;
			} finally {
				loop.running = undefined;
			}

			if (!started) return;
			// The command loop lives only while a command is open: no idle timer otherwise (the plan starts it again).
			if (key === COMMAND_LOOP && !plan().command && !loop.again) return;
			if (key === CHILDREN_LOOP && !plan().children && !loop.again) return;
			// `again`, or a stop()+start() while this run was in flight: run with the live signal.
			if (loop.again || signal !== controller.signal) {
				const again = loop.again;
				loop.again = undefined;
				void run(key, again?.force ?? false);
				return;
			}

			schedule(key, loop, delay);
		})();
		return loop.running;
	}

	function schedule(key: string, loop: Loop, delay: number): void {
		if (loop.timer !== undefined) clock.clearTimeout(loop.timer);
		loop.dueAt = clock.now() + delay;
		loop.timer = clock.setTimeout(() => {
			loop.timer = undefined;
			void run(key);
		}, delay);
	}

	/** Back on the list: a region refreshes when it would have had the list stayed on screen (now, if that has passed). */
	function catchUp(region: string): void {
		const loop = loops.get(region);
		const last = lastListRefresh.get(region);
		if (!loop || loop.running || loop.timer === undefined || loop.dueAt === undefined || !last) return;
		const due = last.at + last.listDelay;
		if (due >= loop.dueAt) return;
		if (due <= clock.now()) void run(region);
		else schedule(region, loop, due - clock.now());
	}

	function keys(): string[] {
		return [...regions, OPEN_LOOP, CHILD_LOOP, COMMAND_LOOP, CHILDREN_LOOP];
	}

	/** A target to read now: a different execution (or child) than before, or one to load once. */
	function newTarget(previous: OpenTarget | ChildTarget | undefined, next: OpenTarget | ChildTarget | undefined): boolean {
		if (!next || next === previous) return false;
		if (next.refresh === 'once' || !previous) return true;
		return next.executionId !== previous.executionId || next.region !== previous.region;
	}

	/** A command to read now: another command, another instance whose output is not held yet, or one to load once. */
	function newCommand(previous: CommandTarget | undefined, next: CommandTarget | undefined): boolean {
		if (!next || next === previous) return false;
		if (next.refresh === 'once' || !previous || previous.commandId !== next.commandId || previous.region !== next.region) return true;
		if (next.instanceId === undefined || next.instanceId === previous.instanceId) return false;
		return state().commands[next.commandId]?.outputs[next.instanceId]?.output === undefined;
	}

	/** Acts on what changed in the plan, running each loop that has new work at most once. */
	function onPlanChanged(previous: RefreshPlan, next: RefreshPlan): void {
		const now = new Set<string>();
		if (previous.list === 'paused' && next.list !== 'paused') {
			const {banner, actions} = state();
			if (banner?.level === 'error') {
				// The user resumed after a credentials problem: re-read credentials on the next call.
				api.resetCredentials?.();
				actions.bannerCleared();
			}

			for (const key of keys()) now.add(key);
		}

		// The filter prompt closed: the list catches up at once.
		if (previous.list === 'held' && next.list === 'live') for (const region of regions) now.add(region);
		if (previous.list === 'background' && next.list === 'live') for (const region of regions) catchUp(region);
		if (newTarget(previous.open, next.open)) now.add(OPEN_LOOP);
		if (newTarget(previous.child, next.child)) now.add(CHILD_LOOP);
		if (newCommand(previous.command, next.command)) now.add(COMMAND_LOOP);
		if (next.children && next.children !== previous.children && (next.children.refresh === 'once' || previous.children?.parentId !== next.children.parentId))
			now.add(CHILDREN_LOOP);
		for (const key of now) void run(key);
	}

	function onStoreChange(): void {
		const next = plan();
		const previous = watched;
		if (next === previous) return;
		watched = next;
		if (previous) onPlanChanged(previous, next);
	}

	/** Reschedules a loop that waits to `dueAt` (clock time): now when that has passed. */
	function reschedule(key: string, dueAt: number): void {
		const loop = loops.get(key);
		if (!loop || loop.running || loop.timer === undefined) return;
		if (dueAt <= clock.now()) void run(key);
		else schedule(key, loop, dueAt - clock.now());
	}

	return {
		intervalMs,
		detailIntervalMs,
		resyncIntervalMs,
		setEventsMode(on) {
			if (on === eventsMode) return;
			eventsMode = on;
			eventsSince = on ? clock.now() : undefined;
			if (!started) return;
			for (const region of regions) {
				const last = lastListRefresh.get(region);
				// A location backing off after a failure keeps its back-off.
				if (last) reschedule(region, last.at + (on && !missesEvents(region) ? resyncIntervalMs : last.listDelay));
			}

			// Back to polling: the open execution within a detail interval (with events it may have been waiting for one).
			const open = loops.get(OPEN_LOOP);
			if (!on && open?.dueAt !== undefined) reschedule(OPEN_LOOP, Math.min(open.dueAt, clock.now() + detailIntervalMs));
		},
		executionsChanged(ids) {
			const open = plan().open;
			if (!started || !open || !ids.has(open.executionId)) return;
			openBackoff.reset();
			void run(OPEN_LOOP);
		},
		budget: gate.limits,
		start() {
			if (started) return;
			started = true;
			controller = freshController();
			watched = plan();
			unsubscribe = store.subscribe(onStoreChange);
			for (const key of keys()) void run(key);
		},
		stop() {
			started = false;
			unsubscribe?.();
			unsubscribe = undefined;
			controller.abort();
			for (const loop of loops.values()) {
				if (loop.timer !== undefined) clock.clearTimeout(loop.timer);
				loop.timer = undefined;
				loop.again = undefined;
			}
		},
		async tick() {
			if (controller.signal.aborted) controller = freshController();
			await Promise.all(keys().map(async key => run(key)));
		},
		refreshNow() {
			for (const key of keys()) void run(key, true);
		},
		async loadOlder(region) {
			const cursor = cursors.get(region);
			if (!cursor?.olderToken) return;
			const counter: CallCounter = {calls: 0};
			const signal = controller.signal;
			try {
				const result = await loadOlderPages(listContextOf(region, signal, counter, 'visible'), cursor);
				if (result && !signal.aborted) applyList(region, result, counter);
			} catch (error) {
				if (!signal.aborted) failed(region, error, counter.calls, failure => state().actions.pollFailed(region, failure));
			}
		},
	};
}
