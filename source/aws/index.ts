/**
 * The AWS facade the composition root (cli.tsx) builds once and hands to the
 * poller (as a MonitorApi) and to whatever else needs SSM clients.
 *
 *   createAwsApi(options: AwsApiOptions): AwsApi
 *
 *   AwsApiOptions = {
 *     regions: string[];                 // at least one
 *     profile?: string;                  // home credentials from the SDK chain (env, profiles, SSO)
 *     endpointUrl?: string;              // --endpoint-url, or the local emulator's url
 *     credentials?: StaticCredentials;   // static home credentials (local mode)
 *     accountProfiles?: Record<account, profile>;           // --account-profile ACCOUNT=PROFILE
 *     accountCredentials?: (account) => StaticCredentials | undefined;  // local mode: every account
 *     homeAccount?: string;              // children in this account use the home credentials
 *     maxAttempts?: number; requestTimeoutMs?: number;
 *   }
 *
 *   AwsApi (implements core/monitor-api.ts MonitorApi) = {
 *     regions,
 *     listExecutionPage(region, {filters?, nextToken?, maxResults?, signal?}) → {executions, nextToken?}
 *     listExecutions(region, {filters?, pageCap?, nextToken?, signal?}) → {executions, nextToken?, truncated, calls}
 *     getExecution(region, id, {signal?}) → {detail, calls}
 *     getChildExecution({account, region, executionId}, {signal?}) → {detail, calls} | undefined (no credentials)
 *     listCommandInvocations(region, commandId, {signal?}) → {invocations, calls, truncated}   // a runCommand step's instances
 *     getCommandInvocation(region, commandId, instanceId, {signal?}) → {status, responseCode?, stdout, stderr, …}
 *     childSteps({account, region, executionId}, {signal?}) → StepExecution[] | undefined (no credentials)
 *     canReadAccount(account) → boolean
 *     clientFor(account, region) → SSMClient | undefined   // for action calls in a child's account
 *     homeClient(region) → SSMClient
 *     checkConnection({timeoutMs?}) → {ok, regions: [{region, ok, kind?, message?, detail?}], message?}
 *     resolveHomeAccount() → account id | undefined   // options.homeAccount, the credentials' accountId, or ExecutedBy ARNs
 *     homeAccount → the account id once known
 *     resetCredentials()   // drop cached clients so refreshed credentials are picked up
 *     destroy()
 *   }
 *
 * Also: localModeOptions(emulator, regions) for --local, resolveDefaultRegion(profile?).
 * Every failure rejects with a DataError {kind, message}; messages never contain credentials.
 */
import {SSMClient} from '@aws-sdk/client-ssm';
import type {ChildLocation, DetailResult, ExecutionPage, ExecutionPageRequest, MonitorApi} from '../core/monitor-api.js';
import type {StepExecution} from '../core/types.js';
import {createClientFactory, quietSdkNotices, type ClientOptions, type StaticCredentials} from './client-factory.js';
import {checkRegions, type ConnectionCheck} from './check-connection.js';
import {getCommandInvocation, listCommandInvocations} from './command-calls.js';
import {getExecution, listExecutionPage, listExecutions, type CallTarget, type ListResult} from './ssm-calls.js';
import type {AccountEntry} from './accounts/resolve-accounts.js';
import {describeSource} from './accounts/credential-source.js';
import {DataError} from '../core/data-error.js';

export type {StaticCredentials} from './client-factory.js';
export type {ConnectionCheck, RegionCheck} from './check-connection.js';
export type {ListResult} from './ssm-calls.js';
export {classifyError, errorKindOf} from './classify-error.js';
export {createEventsQueue, queueAccount, queueEndpoint, queueName, type EventsQueue, type EventsQueueOptions} from './events-queue.js';

export interface AwsApiOptions extends Omit<ClientOptions, 'accounts'> {
	readonly homeAccount?: string;
	/**
	 * The watched accounts, when several are (aws/accounts/resolve-accounts.ts): each listed with
	 * its own credentials, its rows named by `label`. The first is the home account.
	 */
	readonly accounts?: readonly AccountEntry[];
}

export interface AwsApi extends MonitorApi {
	listCommandInvocations: NonNullable<MonitorApi['listCommandInvocations']>;
	getCommandInvocation: NonNullable<MonitorApi['getCommandInvocation']>;
	readonly regions: readonly string[];
	listExecutions(
		region: string,
		options?: {filters?: ExecutionPageRequest['filters']; pageCap?: number; nextToken?: string; signal?: AbortSignal},
	): Promise<ListResult>;
	childSteps(location: ChildLocation, options?: {signal?: AbortSignal}): Promise<readonly StepExecution[] | undefined>;
	canReadAccount(account: string): boolean;
	clientFor(account: string, region: string): SSMClient | undefined;
	homeClient(region: string): SSMClient;
	checkConnection(options?: {timeoutMs?: number}): Promise<ConnectionCheck>;
	/**
	 * The home account id, so children in the home account are read with the home
	 * credentials and the grid knows which account is ours. Never throws.
	 */
	resolveHomeAccount(): Promise<string | undefined>;
	readonly homeAccount: string | undefined;
	resetCredentials(): void;
	/**
	 * A profile watched under the placeholder `profile:NAME` (its identity could not be read at
	 * start) turned out to be `account`: read it under that id from now on. False when the
	 * placeholder is not watched or the id already is (two profiles, one account).
	 */
	accountIdentified(placeholder: string, account: string): boolean;
	destroy(): void;
}

/**
 * Where the home credentials come from, for error messages ("expired credentials (profile prod)").
 * It names the source, never a key: the SDK chain prefers environment keys to the default profile.
 */
export function credentialSourceLabel(options: Pick<AwsApiOptions, 'credentials' | 'profile'>, env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (options.credentials) return undefined;
	const profile = options.profile ?? (env['AWS_PROFILE'] || undefined);
	if (profile !== undefined) return `profile ${profile}`;
	if (env['AWS_ACCESS_KEY_ID']) return 'credentials from the environment';
	return 'profile default';
}

export function createAwsApi(options: AwsApiOptions): AwsApi {
	if (options.regions.length === 0) throw new Error('ssmtop needs at least one region.');
	const factory = createClientFactory(options);
	let homeAccount = options.homeAccount ?? options.accounts?.[0]?.account;
	const watched = new Map((options.accounts ?? []).map(entry => [entry.account, entry]));
	const profileLabel = credentialSourceLabel(options);
	const homeSource = [profileLabel, options.endpointUrl ? `endpoint ${options.endpointUrl}` : undefined].filter(Boolean).join(', ') || undefined;

	function homeTarget(region: string): CallTarget {
		return {
			client: factory.home(region),
			region,
			...(homeAccount === undefined ? {} : {account: homeAccount}),
			...(homeSource === undefined ? {} : {source: homeSource}),
		};
	}

	function childTarget(location: ChildLocation): CallTarget | undefined {
		const client = factory.forAccount(location.account, location.region, homeAccount);
		if (!client) return undefined;
		const source = factory.describeAccount(location.account, homeAccount);
		return {client, region: location.region, account: location.account, ...(source === undefined ? {} : {source})};
	}

	/** A watched account's region (several accounts watched): its own credentials, its rows named. */
	function watchedTarget(account: string, region: string): CallTarget {
		const entry = watched.get(account);
		const client = factory.forAccount(account, region, homeAccount);
		if (!client) throw new DataError('credentials', `No credentials for account ${account} in ${region}: it is not among the watched accounts.`);
		return {
			client,
			region,
			account,
			...(entry
				? {accountName: entry.label, source: `account ${entry.label === account ? account : `${entry.label} ${account}`}, ${describeSource(entry.source)}`}
				: {}),
		};
	}

	const targetOf = (region: string, account: string | undefined): CallTarget =>
		account === undefined || watched.size === 0 ? homeTarget(region) : watchedTarget(account, region);

	const api: AwsApi = {
		regions: [...options.regions],
		listExecutionPage: async (region, request): Promise<ExecutionPage> => listExecutionPage(targetOf(region, request?.account), request),
		listExecutions: async (region, listOptions) => listExecutions(homeTarget(region), listOptions),
		getExecution: async (region, executionId, callOptions): Promise<DetailResult> =>
			getExecution(targetOf(region, callOptions?.account), executionId, callOptions?.signal, callOptions?.heldSteps),
		async getChildExecution(location, callOptions) {
			const target = childTarget(location);
			return target ? getExecution(target, location.executionId, callOptions?.signal) : undefined;
		},
		async childSteps(location, callOptions) {
			const result = await api.getChildExecution(location, callOptions);
			return result?.detail.steps;
		},
		listCommandInvocations: async (region, commandId, callOptions) => listCommandInvocations(homeTarget(region), commandId, callOptions?.signal),
		getCommandInvocation: async (region, commandId, instanceId, callOptions) =>
			getCommandInvocation(homeTarget(region), commandId, instanceId, callOptions?.signal),
		canReadAccount: account => factory.describeAccount(account, homeAccount) !== undefined,
		clientFor: (account, region) => factory.forAccount(account, region, homeAccount),
		homeClient: region => factory.home(region),
		checkConnection: async checkOptions =>
			checkRegions(
				options.regions.map(homeTarget),
				{
					...(options.profile === undefined ? {} : {profile: options.profile}),
					...(options.endpointUrl === undefined ? {} : {endpointUrl: options.endpointUrl}),
					staticCredentials: options.credentials !== undefined,
				},
				checkOptions?.timeoutMs,
			),
		get homeAccount() {
			return homeAccount;
		},
		async resolveHomeAccount() {
			homeAccount ??= await discoverHomeAccount(options.regions.map(homeTarget));
			return homeAccount;
		},
		resetCredentials: () => factory.reset(),
		accountIdentified(placeholder, account) {
			const entry = watched.get(placeholder);
			if (!entry || watched.has(account)) return false;
			watched.set(account, {...entry, account});
			factory.alias(account, placeholder);
			return true;
		},
		destroy: () => factory.destroy(),
	};
	return api;
}

const ACCOUNT_IN_ARN = /^arn:aws[\w-]*:(?:sts|iam)::(\d{12}):/;

/** The account of an ARN such as arn:aws:sts::123456789012:assumed-role/…, if it names one. */
export function accountOfArn(arn: string | undefined): string | undefined {
	return arn ? ACCOUNT_IN_ARN.exec(arn)?.[1] : undefined;
}

/**
 * Without STS (not a dependency), the account comes from the resolved credentials
 * when the provider reports it (SSO and newer profiles do), or else from who started
 * the executions listed here: in the home account that is a principal of the home account.
 */
async function discoverHomeAccount(targets: readonly CallTarget[]): Promise<string | undefined> {
	const first = targets[0];
	if (!first) return undefined;
	try {
		const identity = await first.client.config.credentials();
		if (identity.accountId && /^\d{12}$/.test(identity.accountId)) return identity.accountId;
	} catch {
		// No credentials: the connection check reports that; here we only give up.
	}

	for (const target of targets) {
		try {
			const page = await listExecutionPage(target, {maxResults: 20});
			for (const execution of page.executions) {
				const account = accountOfArn(execution.executedBy);
				if (account) return account;
			}
		} catch {
			// Try the next region; an unknown account only costs the home-account shortcut.
		}
	}

	return undefined;
}

/** What --local needs from the running emulator (structural, so aws/ never imports the emulator). */
export interface LocalEndpoint {
	readonly url: string;
	readonly homeAccount: string;
	accessKeyFor(account: string): string;
}

/** Options for the embedded emulator: static dummy keys that name each account, so every demo account is readable. */
export function localModeOptions(endpoint: LocalEndpoint, regions: readonly string[]): AwsApiOptions {
	const credentialsFor = (account: string): StaticCredentials => ({accessKeyId: endpoint.accessKeyFor(account), secretAccessKey: 'ssmtop-local'});
	return {
		regions,
		endpointUrl: endpoint.url,
		homeAccount: endpoint.homeAccount,
		credentials: credentialsFor(endpoint.homeAccount),
		accountCredentials: credentialsFor,
		// The emulator is local: fail fast rather than wait on retries.
		maxAttempts: 1,
	};
}

/** The region the SDK would use for this profile (AWS_REGION, or the profile's `region`), if any. */
export async function resolveDefaultRegion(profile?: string): Promise<string | undefined> {
	quietSdkNotices();
	const client = new SSMClient(profile === undefined ? {} : {profile});
	try {
		const region = await client.config.region();
		return region || undefined;
	} catch {
		return undefined;
	} finally {
		client.destroy();
	}
}
