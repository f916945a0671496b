import type {AddressInfo} from 'node:net';
import {HOME_ACCOUNT, accessKeyFor} from './accounts.js';
import {createManualClock, createScaledClock, type EmulatorClock} from './clock.js';
import {type EmulatorControl, EmulatorState, isSeedName} from './control.js';
import type {FaultConfig} from './faults.js';
import type {OrganizationOption} from './identity/organization.js';
import type {RoleSpec} from './identity/roles.js';
import {createEmulatorServer} from './server.js';
import {EVENTS_QUEUE_NAME} from './events/ssmtop-rule.js';

export type {EmulatorClock} from './clock.js';
export type {EmulatorControl, EmulatorCounts, ResetOptions, SeedName} from './control.js';
export type {FaultConfig} from './faults.js';
export type {UserCredentials} from './identity/directory.js';
export type {GeneratedOrganization, OrgAccount, Organization, OrganizationOption} from './identity/organization.js';
export type {Role, RoleSpec} from './identity/roles.js';
export {HOME_ACCOUNT} from './accounts.js';
export {ORGANIZATION_ACCESS_ROLE, AUTOMATION_EXECUTION_ROLE, CHANGE_APPROVERS_ROLE} from './identity/roles.js';
export {createManualClock};

export interface EmulatorOptions {
	/** Default 127.0.0.1; anything that is not a loopback address is refused. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** 'demo' (default) | 'none'. */
	seed?: string;
	/** Injected clock for tests; default: real time scaled by timeScale. */
	clock?: EmulatorClock;
	/** Demo speed-up of the engine clock, default 1. */
	timeScale?: number;
	faults?: Partial<FaultConfig>;
	/** Extra finished executions in the home account's us-east-1 (bulk data for benchmarks). */
	extraExecutions?: number;
	/**
	 * The AWS Organization the home account belongs to: 'demo' (default: it manages seven
	 * members, whose own runs come with the demo seed), 'none', or a generated one of N members
	 * with runs in each ({accounts: 500, regions: 20}); member runs are replayed per account and
	 * Region when first asked for, so a Region nobody lists costs nothing.
	 */
	organization?: OrganizationOption;
	/**
	 * IAM users (each gets access keys derived from account and name: the same on every run) and
	 * roles AssumeRole can assume, besides the defaults: users alice and bob in the home account,
	 * its ChangeApprovers role, and the organisation's OrganizationAccountAccessRole in members.
	 */
	identities?: {users?: ReadonlyArray<{account: string; userName: string}>; roles?: readonly RoleSpec[]};
	/** Start a new demo run every 40 s of engine time. Default: on for the demo seed with the real clock, off with an injected clock. */
	ticker?: boolean;
	/** Running executions per account and Region, and the queue behind them (default 100 and 1000, as in SSM). */
	executionQuota?: {running: number; queued: number};
}

export interface RunningEmulator {
	url: string;
	homeAccount: string;
	accessKeyFor(account: string): string;
	/** The `ssmtop-events` queue (home account), which receives every account's Automation events. */
	eventsQueueUrl: string;
	control: EmulatorControl;
	close(): Promise<void>;
}

export function isLoopbackHost(host: string): boolean {
	return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	const host = options.host ?? '127.0.0.1';
	if (!isLoopbackHost(host)) {
		throw new Error(`The emulator listens on loopback addresses only; refusing host ${host}.`);
	}

	const seed = options.seed ?? 'demo';
	if (!isSeedName(seed)) {
		throw new Error(`Unknown seed ${seed} (use demo or none).`);
	}

	const clock = options.clock ?? createScaledClock(options.timeScale ?? 1);
	const state = new EmulatorState(
		clock,
		seed,
		{extraExecutions: options.extraExecutions, organization: options.organization ?? 'demo'},
		options.ticker ?? (seed === 'demo' && !options.clock),
		options.executionQuota,
	);
	if (options.faults) {
		state.setFaults(options.faults);
	}

	for (const user of options.identities?.users ?? []) {
		state.addUser(user.account, user.userName);
	}

	for (const role of options.identities?.roles ?? []) {
		state.addRole(role);
	}

	const server = createEmulatorServer(state);
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host.replace(/^\[|\]$/g, ''), () => {
			server.off('error', reject);
			resolve();
		});
	});
	const address = server.address() as AddressInfo;
	const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
	return {
		url: `http://${urlHost}:${address.port}`,
		homeAccount: HOME_ACCOUNT,
		accessKeyFor,
		eventsQueueUrl: `http://${urlHost}:${address.port}/${HOME_ACCOUNT}/${EVENTS_QUEUE_NAME}`,
		control: state,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close(error => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
