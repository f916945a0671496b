/**
 * The request budget (core/request-budget.ts) as the poller uses it: every service call waits
 * here for its turn, timers wake the queue when the bucket refills, an abort leaves the queue,
 * and the calls that went out are counted per location for the header and the locations screen
 * (measured, not configured).
 */
import {createRequestBudget, type RequestBudgetLimits, type RequestPriority} from '../core/request-budget.js';
import type {ChildLocation, DetailResult, ExecutionPage, ExecutionPageRequest, MonitorApi} from '../core/monitor-api.js';
import type {PollerClock} from './clock.js';

/** The window calls per minute are measured over. */
export const CALLS_WINDOW_MS = 60_000;

export interface GateStats {
	/** Calls that went out over the last minute (scaled up while the process is younger than that, from 10 s). */
	readonly callsPerMinute: number;
	/** The same, per location key, for locations that made calls in the window. */
	readonly perLocation: ReadonlyMap<string, number>;
	readonly queued: number;
	readonly inFlight: number;
}

export interface RequestGate {
	readonly limits: Required<RequestBudgetLimits>;
	/** Runs `call` when the budget gives `location` its turn; `callsOf` says how many service calls it made (default 1). */
	run<T>(location: string, priority: RequestPriority, signal: AbortSignal | undefined, call: () => Promise<T>, callsOf?: (result: T) => number): Promise<T>;
	stats(): GateStats;
	/** How long granted requests waited in the queue, summed, since the last call (per location); resets. */
	takeWaits(location: string): number;
}

function abortError(signal: AbortSignal): unknown {
	return signal.reason ?? Object.assign(new Error('aborted'), {name: 'AbortError'});
}

export function createRequestGate(limits: RequestBudgetLimits, clock: PollerClock): RequestGate {
	const startedAt = clock.now();
	const budget = createRequestBudget(limits, startedAt);
	const waiting = new Map<number, {resolve: () => void}>();
	let timer: unknown;
	let timerAt: number | undefined;
	/** Calls per location as [at, calls] in time order, pruned to the window. */
	const events = new Map<string, Array<readonly [number, number]>>();
	const waits = new Map<string, number>();
	/**
	 * One abort listener per signal, not per request: every location's requests share the
	 * poller's signal, and Node's EventTarget checks each new listener against all it holds, so
	 * 10,000 queued requests each adding their own made queueing quadratic.
	 */
	const onAbort = new WeakMap<AbortSignal, Set<() => void>>();
	const whenAborted = (signal: AbortSignal, cancel: () => void): (() => void) => {
		let cancels = onAbort.get(signal);
		if (!cancels) {
			const set = new Set<() => void>();
			cancels = set;
			onAbort.set(signal, set);
			signal.addEventListener(
				'abort',
				() => {
					for (const each of [...set]) each();
					set.clear();
				},
				{once: true},
			);
		}

		cancels.add(cancel);
		const held = cancels;
		return () => held.delete(cancel);
	};

	const record = (location: string, calls: number): void => {
		if (calls <= 0) return;
		const now = clock.now();
		let list = events.get(location);
		if (!list) {
			list = [];
			events.set(location, list);
		}

		list.push([now, calls]);
		prune(location, list, now);
	};

	const prune = (location: string, list: Array<readonly [number, number]>, now: number): void => {
		let drop = 0;
		while (drop < list.length && list[drop]![0] <= now - CALLS_WINDOW_MS) drop++;
		if (drop > 0) list.splice(0, drop);
		if (list.length === 0) events.delete(location);
	};

	const pump = (): void => {
		const now = clock.now();
		for (const grant of budget.take(now)) {
			waits.set(grant.location, (waits.get(grant.location) ?? 0) + (now - grant.queuedAt));
			const waiter = waiting.get(grant.ticket);
			waiting.delete(grant.ticket);
			waiter?.resolve();
		}

		const next = budget.nextAt(now);
		if (next === undefined || next === timerAt) return;
		if (timer !== undefined) clock.clearTimeout(timer);
		timerAt = next;
		timer = clock.setTimeout(
			() => {
				timer = undefined;
				timerAt = undefined;
				pump();
			},
			Math.max(0, next - now),
		);
	};

	return {
		limits: budget.limits,
		async run(location, priority, signal, call, callsOf) {
			if (signal?.aborted) throw abortError(signal);
			const ticket = budget.enqueue(location, priority, clock.now());
			await new Promise<void>((resolve, reject) => {
				const forget = signal
					? whenAborted(signal, () => {
							if (budget.cancel(ticket)) {
								waiting.delete(ticket);
								reject(abortError(signal));
							}
						})
					: undefined;
				waiting.set(ticket, {
					resolve() {
						forget?.();
						resolve();
					},
				});
				pump();
			});
			let calls = 1;
			try {
				const result = await call();
				calls = callsOf ? callsOf(result) : 1;
				return result;
			} finally {
				record(location, calls);
				budget.finished(ticket, calls, clock.now());
				pump();
			}
		},
		stats() {
			const now = clock.now();
			// Younger than the window: scale what was seen up to a minute, once there is enough to go on.
			const span = Math.min(CALLS_WINDOW_MS, Math.max(10_000, now - startedAt));
			const scale = CALLS_WINDOW_MS / span;
			const perLocation = new Map<string, number>();
			let total = 0;
			for (const [location, list] of [...events]) {
				prune(location, list, now);
				const calls = list.reduce((sum, [, count]) => sum + count, 0);
				if (calls === 0) continue;
				total += calls;
				perLocation.set(location, Math.round(calls * scale));
			}

			return {callsPerMinute: Math.round(total * scale), perLocation, queued: budget.queued(), inFlight: budget.inFlight()};
		},
		takeWaits(location) {
			const wait = waits.get(location) ?? 0;
			waits.delete(location);
			return wait;
		},
	};
}

/**
 * The api as one location's loop sees it: each method waits for the location's turn at
 * `priority`. Methods the api lacks stay absent.
 */
export function gatedApi(api: MonitorApi, gate: RequestGate, location: string, priority: RequestPriority): MonitorApi {
	const gated: MonitorApi = {
		async listExecutionPage(region: string, request?: ExecutionPageRequest): Promise<ExecutionPage> {
			return gate.run(location, priority, request?.signal, async () => api.listExecutionPage(region, request));
		},
		async getExecution(region, executionId, options) {
			return gate.run(
				location,
				priority,
				options?.signal,
				async () => api.getExecution(region, executionId, options),
				(result: DetailResult) => result.calls,
			);
		},
		async getChildExecution(child: ChildLocation, options) {
			return gate.run(
				location,
				priority,
				options?.signal,
				async () => api.getChildExecution(child, options),
				result => result?.calls ?? 0,
			);
		},
	};
	const {listCommandInvocations, getCommandInvocation, resetCredentials} = api;
	return {
		...gated,
		...(listCommandInvocations
			? {
					listCommandInvocations: async (region: string, commandId: string, options?: {signal?: AbortSignal}) =>
						gate.run(
							location,
							priority,
							options?.signal,
							async () => listCommandInvocations.call(api, region, commandId, options),
							result => result.calls,
						),
				}
			: {}),
		...(getCommandInvocation
			? {
					getCommandInvocation: async (region: string, commandId: string, instanceId: string, options?: {signal?: AbortSignal}) =>
						gate.run(location, priority, options?.signal, async () => getCommandInvocation.call(api, region, commandId, instanceId, options)),
				}
			: {}),
		...(resetCredentials ? {resetCredentials: () => resetCredentials.call(api)} : {}),
	};
}
