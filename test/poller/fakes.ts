/** A fake clock and a fake MonitorApi for poller tests: no timers, no network. */
import {DataError} from '../../source/core/data-error.js';
import type {ChildLocation, DetailResult, ExecutionFilter, ExecutionPage, ExecutionPageRequest, HeldSteps, MonitorApi} from '../../source/core/monitor-api.js';
import type {ErrorKind, Execution, ExecutionDetail} from '../../source/core/types.js';
import type {PollerClock} from '../../source/poller/clock.js';
import {createManualPollerClock} from '../../source/bench/manual-poller-clock.js';
import {createAppStore, type AppStore} from '../../source/store/app-store.js';

export interface FakeClock extends PollerClock {
	/** Moves time forward, firing due timers in order. */
	advance(ms: number): void;
	pending(): number[];
}

export function createFakeClock(start = 1_700_000_000_000): FakeClock {
	const clock = createManualPollerClock(start);
	return {
		now: clock.now,
		setTimeout: clock.setTimeout,
		clearTimeout: clock.clearTimeout,
		advance(ms) {
			clock.advance(ms);
		},
		pending: clock.dueIn,
	};
}

/** Lets pending promise callbacks run (not a sleep: no time passes on any clock). */
export async function flush(rounds = 20): Promise<void> {
	for (let index = 0; index < rounds; index++) await new Promise<void>(resolve => setImmediate(resolve));
}

/** Polls a condition until it holds, with a deadline in event-loop turns. */
export async function waitFor(condition: () => boolean, what = 'condition'): Promise<void> {
	for (let turn = 0; turn < 2000; turn++) {
		if (condition()) return;
		await new Promise<void>(resolve => setImmediate(resolve));
	}

	throw new Error(`timed out waiting for ${what}`);
}

export interface RecordedCall {
	readonly op: 'list' | 'get' | 'child';
	readonly region: string;
	readonly filters?: readonly ExecutionFilter[];
	readonly nextToken?: string;
	readonly id?: string;
	/** getExecution was offered the steps the store holds (it may return them instead of paging). */
	readonly heldSteps?: HeldSteps;
}

export interface FakeApi extends MonitorApi {
	readonly calls: RecordedCall[];
	readonly executions: Map<string, Execution[]>;
	readonly details: Map<string, ExecutionDetail>;
	readonly children: Map<string, ExecutionDetail>;
	/** Accounts without credentials (getChildExecution resolves undefined). */
	readonly unreadable: Set<string>;
	/** The next calls in a region fail with this kind. */
	failNext(region: string, kind: ErrorKind, times?: number): void;
	/** Filters the fake refuses with a validation error. */
	refuseFilters: boolean;
	pageSize: number;
	/** While set, list calls wait for release(). */
	gate?: Promise<void>;
	signals: AbortSignal[];
	resets: number;
	/**
	 * When set, getExecution behaves like the real api for a parent whose steps come truncated: it
	 * returns the held steps it is offered while they stand (one call), and otherwise reads its
	 * steps in full, reporting 1 + stepPages calls.
	 */
	stepPages?: number;
}

function matches(execution: Execution, filters: readonly ExecutionFilter[] | undefined): boolean {
	return (filters ?? []).every(filter => {
		switch (filter.key) {
			case 'ExecutionStatus':
				return filter.values.includes(execution.status);
			case 'ExecutionId':
				return filter.values.includes(execution.id);
			case 'StartTimeAfter':
				return (execution.startTime ?? 0) >= Date.parse(filter.values[0]!);
			default:
				throw new Error(`fake api: unsupported filter ${filter.key}`);
		}
	});
}

export function createFakeApi(initial: Record<string, Execution[]> = {}): FakeApi {
	const failures = new Map<string, {kind: ErrorKind; times: number}>();
	const api: FakeApi = {
		calls: [],
		executions: new Map(Object.entries(initial)),
		details: new Map(),
		children: new Map(),
		unreadable: new Set(),
		refuseFilters: false,
		pageSize: 50,
		signals: [],
		resets: 0,
		failNext(region, kind, times = 1) {
			failures.set(region, {kind, times});
		},
		async listExecutionPage(region: string, request: ExecutionPageRequest = {}): Promise<ExecutionPage> {
			api.calls.push({
				op: 'list',
				region,
				...(request.filters ? {filters: request.filters} : {}),
				...(request.nextToken ? {nextToken: request.nextToken} : {}),
			});
			if (request.signal) api.signals.push(request.signal);
			if (api.gate) await api.gate;
			if (request.signal?.aborted) throw Object.assign(new Error('aborted'), {name: 'AbortError'});
			failIfAsked(region);
			if (api.refuseFilters && request.filters?.length) throw new DataError('validation', 'filter refused');
			const rows = (api.executions.get(region) ?? []).filter(row => matches(row, request.filters));
			const offset = request.nextToken ? Number(request.nextToken) : 0;
			const page = rows.slice(offset, offset + api.pageSize).map(row => ({...row}));
			const next = offset + api.pageSize;
			return next < rows.length ? {executions: page, nextToken: String(next)} : {executions: page};
		},
		async getExecution(region: string, id: string, options?: {heldSteps?: HeldSteps}): Promise<DetailResult> {
			api.calls.push({op: 'get', region, id, ...(options?.heldSteps ? {heldSteps: options.heldSteps} : {})});
			failIfAsked(region);
			const detail = api.details.get(id);
			if (!detail) throw new DataError('not-found', `no ${id}`);
			if (api.stepPages === undefined) return {detail: structuredClone(detail), calls: 1};
			const held = options?.heldSteps;
			if (held && heldStepsStand(held, detail)) return {detail: {...structuredClone(detail), steps: held.steps}, calls: 1};
			return {detail: structuredClone(detail), calls: 1 + api.stepPages};
		},
		async getChildExecution(location: ChildLocation): Promise<DetailResult | undefined> {
			api.calls.push({op: 'child', region: location.region, id: location.executionId});
			if (api.unreadable.has(location.account)) return undefined;
			const detail = api.children.get(location.executionId);
			if (!detail) throw new DataError('access-denied', `Access denied in account ${location.account}`);
			return {detail: structuredClone(detail), calls: 1};
		},
		resetCredentials() {
			api.resets++;
		},
	};

	function failIfAsked(region: string): void {
		const failure = failures.get(region);
		if (!failure) return;
		failure.times--;
		if (failure.times <= 0) failures.delete(region);
		throw new DataError(failure.kind, `fake ${failure.kind} in ${region}`);
	}

	return api;
}

/** As source/aws/ssm-calls.ts decides it: the same status, and unless only that is asked, the same counters. */
function heldStepsStand(held: HeldSteps, detail: ExecutionDetail): boolean {
	if (detail.status !== held.status) return false;
	return held.keepWhile === 'status-unchanged' || JSON.stringify(detail.progress) === JSON.stringify(held.progress);
}

export function row(id: string, region: string, status: string, startTime: number, overrides: Partial<Execution> = {}): Execution {
	return {id, region, documentName: 'AWS-RestartEC2Instance', status, startTime, ...overrides};
}

export function createTestStore(regions: readonly string[] = ['us-east-1', 'eu-west-1']): AppStore {
	return createAppStore({context: {label: 'test', regions, readOnly: false, local: true, readableAccounts: 'all', account: '123456789012'}});
}
