import type {EmulatorClock} from './clock.js';
import {DEFAULT_QUOTA, type ExecutionQuota} from './engine/admission.js';
import {Engine} from './engine/engine.js';
import {type FaultConfig, FaultInjector, mergeFaults} from './faults.js';
import {isTerminal, type Fate} from './model.js';
import {Catalogue} from './runbooks/catalogue.js';
import {HISTORY_MS, seedDemo} from './seed/demo.js';

export type SeedName = 'demo' | 'none';

/** How much engine time one step of advanceGradually runs before the server answers others. */
const ADVANCE_STEP_MS = 3_600_000;

export interface ResetOptions {
	/** Extra finished executions in the home account's us-east-1, spread over the past 14 days. */
	readonly extraExecutions?: number;
}

export interface EmulatorCounts {
	readonly now: number;
	readonly executions: number;
	readonly byLocation: Record<string, number>;
	readonly byStatus: Record<string, number>;
	readonly active: number;
	/** SSM requests served, by operation (faulted requests included). */
	readonly requests: Record<string, number>;
	readonly pendingTimers: number;
}

/** In-process control of a running emulator; the same operations are served under /_emulator/. */
export interface EmulatorControl {
	now(): number;
	advance(ms: number): void;
	setTime(ms: number): void;
	setAlarm(name: string, state: 'OK' | 'ALARM'): void;
	setFaults(partial: Partial<FaultConfig>): FaultConfig;
	faults(): FaultConfig;
	/** Scripts how cross-account children in a location end (default Success). */
	setLocationOutcome(account: string, region: string, outcome: 'Success' | 'Failed' | 'TimedOut'): void;
	reset(seed?: SeedName, options?: ResetOptions): void;
	counts(): EmulatorCounts;
}

export function isSeedName(value: unknown): value is SeedName {
	return value === 'demo' || value === 'none';
}

/** Owns the engine and rebuilds it on reset; the server asks it for the current engine on every request. */
export class EmulatorState implements EmulatorControl {
	engine!: Engine;
	readonly catalogue = new Catalogue();
	readonly faultInjector = new FaultInjector();
	readonly requests: Record<string, number> = {};

	constructor(
		readonly clock: EmulatorClock,
		seed: SeedName,
		options: ResetOptions = {},
		private readonly ticker = false,
		private readonly quota: ExecutionQuota = DEFAULT_QUOTA,
	) {
		this.reset(seed, options);
	}

	/** Brings the engine up to the clock's time; called before every request. */
	sync(): Engine {
		this.engine.advanceTo(this.clock.now());
		return this.engine;
	}

	now(): number {
		return this.clock.now();
	}

	advance(ms: number): void {
		this.clock.advance(ms);
		this.sync();
	}

	private advancing: Promise<void> = Promise.resolve();

	/**
	 * advance() over HTTP: in steps of an hour of engine time, yielding to the event loop between
	 * them, so SSM requests are still answered while a long advance runs (a 30-day advance of the
	 * demo fleet is seconds of work). Advances asked for meanwhile run after it, in order.
	 */
	async advanceGradually(ms: number): Promise<void> {
		const run = async (): Promise<void> => {
			for (let left = ms; left > 0;) {
				const step = Math.min(left, ADVANCE_STEP_MS);
				this.advance(step);
				left -= step;
				if (left > 0) await new Promise(resolve => setImmediate(resolve));
			}
		};
		const next = this.advancing.then(run);
		this.advancing = next.catch(() => undefined);
		return next;
	}

	setTime(ms: number): void {
		this.clock.set(ms);
		this.sync();
	}

	setAlarm(name: string, state: 'OK' | 'ALARM'): void {
		if (state !== 'OK' && state !== 'ALARM') {
			throw new RangeError('alarm state must be OK or ALARM');
		}

		this.sync().setAlarm(name, state);
	}

	setFaults(partial: Partial<FaultConfig>): FaultConfig {
		this.faultInjector.config = mergeFaults(this.faultInjector.config, partial);
		return this.faults();
	}

	faults(): FaultConfig {
		return {...this.faultInjector.config, downRegions: [...this.faultInjector.config.downRegions]};
	}

	setLocationOutcome(account: string, region: string, outcome: 'Success' | 'Failed' | 'TimedOut'): void {
		const fate: Fate = outcome === 'Success' ? {} : {failStep: '*', failAs: outcome};
		this.engine.locationFates.set(`${account}/${region}`, fate);
	}

	reset(seed: SeedName = 'demo', options: ResetOptions = {}): void {
		if (!isSeedName(seed)) {
			throw new RangeError(`unknown seed ${String(seed)} (use demo or none)`);
		}

		const origin = this.clock.now();
		const replay = seed === 'demo' || (options.extraExecutions ?? 0) > 0;
		this.engine = new Engine(origin, replay ? origin - HISTORY_MS : origin, this.quota);
		if (seed === 'demo') {
			seedDemo(this.engine, this.catalogue, {extraExecutions: options.extraExecutions, ticker: this.ticker});
		} else if (options.extraExecutions) {
			seedDemo(this.engine, this.catalogue, {extraExecutions: options.extraExecutions, bulkOnly: true});
		}

		this.faultInjector.reset();
		for (const key of Object.keys(this.requests)) {
			delete this.requests[key];
		}

		this.sync();
	}

	counts(): EmulatorCounts {
		const engine = this.sync();
		const byLocation: Record<string, number> = {};
		const byStatus: Record<string, number> = {};
		let active = 0;
		for (const [location, store] of engine.store.entries()) {
			if (store.ordered.length > 0) {
				byLocation[location] = store.ordered.length;
			}
		}

		for (const execution of engine.store.all.values()) {
			byStatus[execution.status] = (byStatus[execution.status] ?? 0) + 1;
			if (!isTerminal(execution.status)) {
				active += 1;
			}
		}

		return {
			now: engine.now,
			executions: engine.store.all.size,
			byLocation,
			byStatus,
			active,
			requests: {...this.requests},
			pendingTimers: engine.scheduler.size,
		};
	}
}
