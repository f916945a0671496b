/**
 * SSMClients, one per (credential source, region), created lazily and reused.
 * Credentials come from the SDK's own chain (env, shared config/profiles, SSO)
 * through the client's `profile` option, or are static (local emulator mode).
 * Clients live here, never in the store.
 */
import {SSMClient, type SSMClientConfig} from '@aws-sdk/client-ssm';
import type {AwsCredentialIdentityProvider} from '@aws-sdk/types';
import {credentialOptions, describeSource, sourceKey, type CredentialSource, type StaticCredentials} from './accounts/credential-source.js';
import {createRetryStrategy} from './retry-strategy.js';

export type {StaticCredentials} from './accounts/credential-source.js';

/** One watched account (several accounts watched: `--profile a,b`, `--assume-role`). */
export interface AccountSourceEntry {
	readonly account: string;
	readonly source: CredentialSource;
}

export interface ClientOptions {
	/** Named profile for the home account; undefined uses the default chain (AWS_PROFILE, env, …). */
	readonly profile?: string;
	readonly regions: readonly string[];
	/** Custom endpoint (the local emulator, a VPC endpoint, …). */
	readonly endpointUrl?: string;
	/** Target account → profile, to read CrossAccount children in their own account. */
	readonly accountProfiles?: Readonly<Record<string, string>>;
	/** Static credentials for the home account (local mode: dummy ones). */
	readonly credentials?: StaticCredentials;
	/** Static credentials per target account (local mode: the emulator's per-account keys). */
	readonly accountCredentials?: (account: string) => StaticCredentials | undefined;
	/**
	 * The watched accounts and where each one's credentials come from (a profile, or a role
	 * assumed through STS, refreshed by the SDK's provider before it expires). The first is the home account.
	 */
	readonly accounts?: readonly AccountSourceEntry[];
	/** SDK attempts per call, including its own retries on throttling and 5xx. Default 2. */
	readonly maxAttempts?: number;
	/**
	 * Per-request timeout in ms (until the answer's headers arrive): the request is cut and fails
	 * as a 'timeout' DataError. Default 10 000; the CLI derives it from --interval
	 * (core/backoff.ts requestTimeoutFor).
	 */
	readonly requestTimeoutMs?: number;
}

export interface ClientFactory {
	/** The home-account client for a region. */
	home(region: string): SSMClient;
	/** A client for `account`, or undefined when we hold no credentials for it. */
	forAccount(account: string, region: string, homeAccount?: string): SSMClient | undefined;
	/** Human label of where `forAccount` reads from (no secrets), e.g. "profile audit". */
	describeAccount(account: string, homeAccount?: string): string | undefined;
	/** Drops every cached client, so the next call re-reads credentials (after `aws sso login`). */
	reset(): void;
	/** `account` (a real id, learnt late) is read as `as` is: a profile watched under `profile:NAME` until its id was known. */
	alias(account: string, as: string): void;
	destroy(): void;
}

/**
 * The SDK prints a Node-version notice to stderr on the first client (Node 20):
 * in a full-screen terminal UI that lands on top of the frame. Its documented
 * switch turns it off, unless the user set it themselves.
 */
export function quietSdkNotices(): void {
	process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
}

/**
 * Where the SDK and its HTTP handler would log: nowhere. Their default is the console, which Ink
 * patches into the frame (the handler's requestTimeout WARN lines landed in the TUI); every
 * failure reaches the user as a classified error in the store instead.
 */
const silentLogger = {
	trace: () => undefined,
	debug: () => undefined,
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined,
};

/**
 * SDK clients kept, the most recently used. Each one holds its resolved config and middleware
 * (≈ 50 kB before its first call, more after): one per account × Region of an organisation's
 * 10,000 locations took 1 GB with a socket each. The budget lets 32 calls be in flight, so 128
 * cover the locations refreshed around now; one made again costs about half a millisecond (32
 * kept measured 20 MB less at peak in the organisation bench, 128 keep the rows on screen's).
 */
export const CLIENTS_KEPT = 128;

type ResolvedSettings = Pick<
	SSMClientConfig,
	'useFipsEndpoint' | 'useDualstackEndpoint' | 'userAgentAppId' | 'authSchemePreference' | 'defaultsMode' | 'credentials'
>;

/** A client's own resolved providers (memoised by the SDK: each resolves once), to give the source's next clients. */
function resolvedSettings(client: SSMClient, source: CredentialSource): ResolvedSettings {
	const {config} = client;
	return {
		useFipsEndpoint: config.useFipsEndpoint,
		useDualstackEndpoint: config.useDualstackEndpoint,
		userAgentAppId: config.userAgentAppId,
		authSchemePreference: config.authSchemePreference,
		defaultsMode: config.defaultsMode,
		// A profile's chain (SSO, process, ini files) is read once, refreshed by the SDK as it expires; the other sources already share theirs.
		...(source.kind === 'chain' ? {credentials: config.credentials} : {}),
	};
}

export function createClientFactory(options: ClientOptions): ClientFactory {
	quietSdkNotices();
	const maxAttempts = options.maxAttempts ?? 2;
	const clients = new Map<string, SSMClient>();
	// Static keys (the emulator's home account) win over the first watched account's source: in --local the
	// organisation is watched through a role the home (management) account does not have, as in AWS.
	const homeSource: CredentialSource = options.credentials
		? {kind: 'static', credentials: options.credentials}
		: (options.accounts?.[0]?.source ?? {kind: 'chain', ...(options.profile === undefined ? {} : {profile: options.profile})});
	const watched = new Map((options.accounts ?? []).map(entry => [entry.account, entry.source]));
	// One credential provider per assumed role, shared by every Region's client: it refreshes once, ahead of expiry.
	const providers = new Map<string, AwsCredentialIdentityProvider>();
	const sts = {region: options.regions[0] ?? 'us-east-1', ...(options.endpointUrl === undefined ? {} : {endpointUrl: options.endpointUrl})};

	// One HTTP handler (one keep-alive agent) for every client: a handler per client held a socket per
	// location, thousands with an organisation. Set from the first client's; cleared by reset(), which
	// destroys it (SSMClient.destroy destroys its handler).
	let sharedHandler: SSMClient['config']['requestHandler'] | undefined;

	/**
	 * Per credential source, what its first client resolved from the environment and
	 * ~/.aws/config (FIPS, dual-stack, app id, auth preference, defaults mode; a profile's
	 * credential chain), given to its later clients: past CLIENTS_KEPT locations clients are made
	 * again all the time, and each one resolving them anew (each a chain of loaders that throws
	 * until one answers) was a tenth of the organisation bench's CPU. Cleared by reset().
	 */
	const resolved = new Map<string, ResolvedSettings>();

	function clientFor(source: CredentialSource, region: string): SSMClient {
		const sourceId = sourceKey(source);
		const key = `${sourceId}|${region}`;
		let client = clients.get(key);
		if (client) {
			// Most recently used last: the first is the one evicted.
			clients.delete(key);
			clients.set(key, client);
		} else {
			client = new SSMClient({
				region,
				maxAttempts,
				retryStrategy: createRetryStrategy(maxAttempts),
				logger: silentLogger,
				// Without throwOnRequestTimeout the handler only logs a warning and lets the request hang
				// (@smithy/node-http-handler 4.x); with it the request is destroyed and rejects as a TimeoutError.
				requestHandler: sharedHandler ?? {
					requestTimeout: options.requestTimeoutMs ?? 10_000,
					throwOnRequestTimeout: true,
					connectionTimeout: 5000,
					logger: silentLogger,
				},
				...(options.endpointUrl === undefined ? {} : {endpoint: options.endpointUrl}),
				...credentialOptions(source, sts, providers),
				...resolved.get(sourceId),
			});
			if (!resolved.has(sourceId)) resolved.set(sourceId, resolvedSettings(client, source));
			// ssmtop logs no SDK call: the logger middleware would pass every answer through the SDK's
			// sensitive-data filter (a deep copy of each page) only to hand it to a logger that drops it.
			client.middlewareStack.remove('loggerMiddleware');
			sharedHandler ??= client.config.requestHandler;
			clients.set(key, client);
			// An evicted client is only dropped, not destroyed: its handler is everyone's, and a call
			// it has in flight ends as usual. Credential providers are kept apart (providers), so a
			// client made again for the location does not assume its role again.
			for (const old of clients.keys()) {
				if (clients.size <= CLIENTS_KEPT) break;
				clients.delete(old);
			}
		}

		return client;
	}

	function accountSource(account: string, homeAccount?: string): CredentialSource | undefined {
		const staticCredentials = options.accountCredentials?.(account);
		if (staticCredentials) return {kind: 'static', credentials: staticCredentials};
		const source = watched.get(account);
		if (source) return source;
		const profile = options.accountProfiles?.[account];
		if (profile !== undefined) return {kind: 'chain', profile};
		if (homeAccount !== undefined && account === homeAccount) return homeSource;
		return undefined;
	}

	return {
		home: region => clientFor(homeSource, region),
		forAccount(account, region, homeAccount) {
			const source = accountSource(account, homeAccount);
			return source ? clientFor(source, region) : undefined;
		},
		describeAccount(account, homeAccount) {
			const source = accountSource(account, homeAccount);
			if (!source) return undefined;
			if (source.kind === 'chain') return `account ${account}, profile ${source.profile ?? 'default'}`;
			return source.kind === 'assume' ? `account ${account}, ${describeSource(source)}` : `account ${account}`;
		},
		alias(account, as) {
			const source = watched.get(as);
			if (source && !watched.has(account)) watched.set(account, source);
		},
		reset() {
			for (const client of clients.values()) client.destroy();
			sharedHandler?.destroy?.();
			sharedHandler = undefined;
			clients.clear();
			providers.clear();
			resolved.clear();
		},
		destroy() {
			this.reset();
		},
	};
}
