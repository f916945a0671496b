import {HOME_ACCOUNT} from './accounts.js';
import type {EmulatorClock} from './clock.js';
import {DEFAULT_QUOTA, type ExecutionQuota} from './engine/admission.js';
import {Engine} from './engine/engine.js';
import {Timeline} from './engine/timeline.js';
import {type FaultConfig, FaultInjector, mergeFaults} from './faults.js';
import {IdentityDirectory, type UserCredentials} from './identity/directory.js';
import {buildOrganization, isOrganizationOption, type Organization, type OrganizationOption} from './identity/organization.js';
import type {Role, RoleSpec} from './identity/roles.js';
import type {Principal} from './identity/principals.js';
import {isTerminal, type Fate} from './model.js';
import {Catalogue} from './runbooks/catalogue.js';
import {HISTORY_MS, seedDemo} from './seed/demo.js';
import {EventBus} from './events/event-bus.js';
import {SqsService} from './sqs/sqs-service.js';
import {memberSeeder} from './seed/member-runs.js';
import type {CallerIdentity, SignedRequest} from './wire/request-context.js';

export type SeedName = 'demo' | 'none';

/** How much engine time one step of advanceGradually runs before the server answers others. */
const ADVANCE_STEP_MS = 3_600_000;

export interface ResetOptions {
	/** Extra finished executions in the home account's us-east-1, spread over the past 14 days. */
	readonly extraExecutions?: number;
	/** Replaces the organisation ('demo', 'none' or a generated one); default: keep the current one. */
	readonly organization?: OrganizationOption;
}

export interface EmulatorCounts {
	readonly now: number;
	readonly executions: number;
	readonly byLocation: Record<string, number>;
	readonly byStatus: Record<string, number>;
	readonly active: number;
	/** Requests served, by operation (SSM's, STS's and Organizations'; faulted requests included). */
	readonly requests: Record<string, number>;
	/** SQS requests served, by operation (faulted ones included), and events published, by detail-type. */
	readonly sqsRequests: Record<string, number>;
	readonly events: Record<string, number>;
	readonly pendingTimers: number;
	/** Member (account, Region) pairs whose own history has been replayed: each is replayed when first asked for. */
	readonly materializedLocations: number;
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
	/** The organisation the home account belongs to (undefined with organization 'none'). */
	organization(): Organization | undefined;
	/** Registers an IAM user (its keys are derived from account and name: the same on every run). */
	addUser(account: string, userName: string): UserCredentials;
	/** Users with access keys: the seeded ones (alice, bob in the home account) and those added. */
	users(): UserCredentials[];
	/** Adds (or replaces) a role that AssumeRole can assume. */
	addRole(spec: RoleSpec): Role;
	/** Roles added (built-in ones, such as OrganizationAccountAccessRole, are not listed). */
	roles(): Role[];
}

export function isSeedName(value: unknown): value is SeedName {
	return value === 'demo' || value === 'none';
}

/** Owns the engines and rebuilds them on reset; the server asks it for the current engine on every request. */
export class EmulatorState implements EmulatorControl {
	timeline!: Timeline;
	readonly catalogue = new Catalogue();
	readonly faultInjector = new FaultInjector();
	readonly requests: Record<string, number> = {};
	/** Every account's and Region's events; SQS (served beside SSM) holds the queue they are delivered to. */
	readonly events = new EventBus();
	readonly sqs = new SqsService(
		this.events,
		() => this.clock.now(),
		() => this.faultInjector.config.sqs,
	);
	/** Outlives resets: users, added roles and issued sessions stay; reset only swaps the organisation. */
	readonly identities = new IdentityDirectory(undefined);
	private organizationOption: OrganizationOption = 'demo';

	constructor(
		readonly clock: EmulatorClock,
		seed: SeedName,
		options: ResetOptions = {},
		private readonly ticker = false,
		private readonly quota: ExecutionQuota = DEFAULT_QUOTA,
	) {
		this.reset(seed, options);
	}

	/** The main engine: the home account's runs and every cross-account fan-out. */
	get engine(): Engine {
		return this.timeline.main;
	}

	/** Brings every engine up to the clock's time; called before every request. */
	sync(): Engine {
		this.timeline.advanceTo(this.clock.now());
		return this.engine;
	}

	/** The engine that serves (account, region), its history replayed on first use. */
	engineFor(account: string, region: string): Engine {
		this.sync();
		return this.timeline.engineFor(account, region);
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
		const config = this.faultInjector.config;
		return {...config, downRegions: [...config.downRegions], ...(config.sqs ? {sqs: {...config.sqs}} : {})};
	}

	setLocationOutcome(account: string, region: string, outcome: 'Success' | 'Failed' | 'TimedOut'): void {
		const fate: Fate = outcome === 'Success' ? {} : {failStep: '*', failAs: outcome};
		this.engine.locationFates.set(`${account}/${region}`, fate);
	}

	/**
	 * Replaces the data: the home account's runs (seeded into the main engine now) and the
	 * organisation's member runs (replayed per location when first asked for).
	 */
	reset(seed: SeedName = 'demo', options: ResetOptions = {}): void {
		if (!isSeedName(seed)) {
			throw new RangeError(`unknown seed ${String(seed)} (use demo or none)`);
		}

		if (options.organization !== undefined && !isOrganizationOption(options.organization)) {
			throw new RangeError('organization is demo, none or {accounts, regions?, runsPerLocation?, home?}');
		}

		const organizationOption = options.organization ?? this.organizationOption;
		const org = buildOrganization(organizationOption);
		this.organizationOption = organizationOption;
		this.identities.setOrganization(org);
		const origin = this.clock.now();
		const replay = seed === 'demo' || (options.extraExecutions ?? 0) > 0;
		const main = new Engine(origin, replay ? origin - HISTORY_MS : origin, {quota: this.quota});
		this.timeline = new Timeline(main, origin - HISTORY_MS, memberSeeder(org, this.catalogue, seed === 'demo'), this.quota);
		this.events.startAt(origin);
		main.world.observer = this.events;
		this.sqs.reset(origin);
		if (seed === 'demo') {
			const members = org?.accounts.filter(account => account.status === 'ACTIVE' && account.id !== HOME_ACCOUNT && account.id !== org.managementAccount);
			seedDemo(main, this.catalogue, {extraExecutions: options.extraExecutions, ticker: this.ticker, members: members?.slice(0, 5).map(account => account.id)});
		} else if (options.extraExecutions) {
			seedDemo(main, this.catalogue, {extraExecutions: options.extraExecutions, bulkOnly: true});
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
			sqsRequests: {...this.sqs.requests},
			events: {...this.events.published},
			pendingTimers: this.timeline.pendingTimers,
			materializedLocations: this.timeline.materialized,
		};
	}

	/** The principal behind a signature (throws AWS's error for an unknown or expired key). */
	principalOf(signed: SignedRequest): Principal {
		return this.identities.resolve(signed, this.now(), this.faultInjector.config.expiredAccessKeys);
	}

	/** The caller behind a signature, as every service of the emulator sees it. */
	callerOf(signed: SignedRequest): CallerIdentity {
		const principal = this.principalOf(signed);
		return {account: principal.account, region: signed.region, ...(signed.accessKeyId === undefined ? {} : {accessKeyId: signed.accessKeyId}), principal};
	}

	organization(): Organization | undefined {
		return this.identities.organization;
	}

	addUser(account: string, userName: string): UserCredentials {
		return this.identities.addUser(account, userName);
	}

	users(): UserCredentials[] {
		return this.identities.listUsers();
	}

	addRole(spec: RoleSpec): Role {
		return this.identities.addRole(spec);
	}

	roles(): Role[] {
		return this.identities.listRoles();
	}
}
