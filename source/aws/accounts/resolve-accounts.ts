/**
 * Which accounts ssmtop watches, and with which credentials:
 * - `--profile a,b,'prod-*'`: every profile the patterns name, each one account, its id read with
 *   STS GetCallerIdentity (so an SSO profile whose token expired is named, with the login to run);
 * - `--assume-role ROLE --accounts 1111…,2222… | org`: the role in each account, assumed through
 *   STS from the starting credentials; `org` lists the organisation's active accounts
 *   (Organizations ListAccounts, paged) and names each account by its Organizations name;
 * - `--account-profile ACCOUNT=PROFILE` adds or replaces the source for one account.
 * Every failure is one account's problem, in words, never a reason to stop the others.
 */
import {GetCallerIdentityCommand, STSClient} from '@aws-sdk/client-sts';
import {OrganizationsClient, paginateListAccounts} from '@aws-sdk/client-organizations';
import {describeError} from '../../core/data-error.js';
import type {AccountSpec} from '../../core/account-spec.js';
import {classifyError} from '../classify-error.js';
import {quietSdkNotices} from '../client-factory.js';
import {credentialOptions, describeSource, type CredentialSource, type StsSettings} from './credential-source.js';
import {matchProfiles, profileNames} from './profile-names.js';
import type {AwsCredentialIdentityProvider} from '@aws-sdk/types';

export interface AccountEntry {
	readonly account: string;
	/** What the ACCOUNT column shows: the Organizations name, else the profile name, else the id. */
	readonly label: string;
	readonly source: CredentialSource;
	/**
	 * Set on a profile whose identity could not be read at start (an expired SSO login…): it is
	 * still watched, under `profile:NAME` for an account id, so its locations show the error and
	 * recover by themselves once its credentials work again.
	 */
	readonly problem?: string;
}

export interface AccountProblem {
	/** What could not be used: "profile prod-eu", "account 111122223333", "the organisation". */
	readonly subject: string;
	readonly message: string;
}

export interface ResolveOptions extends StsSettings {
	readonly env?: NodeJS.ProcessEnv;
	/** `--account-profile`: these accounts are read with these profiles, whatever the spec says. */
	readonly accountProfiles?: Readonly<Record<string, string>>;
	/** The starting credentials of `--assume-role` (default: the SDK chain, or `baseProfile`); the emulator's static keys in --local. */
	readonly baseSource?: CredentialSource;
	/** Profiles looked up at once. Default 8. */
	readonly concurrency?: number;
}

export interface ResolvedAccounts {
	readonly accounts: readonly AccountEntry[];
	readonly problems: readonly AccountProblem[];
}

export const SESSION_NAME = 'ssmtop';

/** The person-readable reason a source failed, with the fix for an expired IAM Identity Center login. */
export function sourceProblem(error: unknown, source: CredentialSource): string {
	const text = error instanceof Error ? error.message : String(error);
	const profile = source.kind === 'chain' ? source.profile : source.kind === 'assume' && source.base.kind === 'chain' ? source.base.profile : undefined;
	if (/sso/i.test(text) && /expired|invalid|refresh|login/i.test(text)) {
		return `its IAM Identity Center (SSO) login has expired: run "aws sso login${profile === undefined ? '' : ` --profile ${profile}`}" and press p to resume.`;
	}
	const {kind, message} = describeError(classifyError(error, {operation: 'GetCallerIdentity', region: 'STS', source: describeSource(source)}));
	if (kind === 'access-denied' && source.kind === 'assume') return `cannot assume ${source.roleArn} (${message})`;
	return message;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < items.length) {
			const index = next++;
			results[index] = await work(items[index]!);
		}
	};
	await Promise.all(Array.from({length: Math.min(limit, items.length)}, worker));
	return results;
}

function stsClient(source: CredentialSource, settings: StsSettings, providers: Map<string, AwsCredentialIdentityProvider>): STSClient {
	quietSdkNotices();
	return new STSClient({
		region: settings.region,
		maxAttempts: 2,
		...(settings.endpointUrl === undefined ? {} : {endpoint: settings.endpointUrl}),
		...credentialOptions(source, settings, providers),
	});
}

/** The account id behind a source (STS GetCallerIdentity). */
export async function callerAccount(
	source: CredentialSource,
	settings: StsSettings,
	providers = new Map<string, AwsCredentialIdentityProvider>(),
): Promise<string> {
	const client = stsClient(source, settings, providers);
	try {
		const identity = await client.send(new GetCallerIdentityCommand({}));
		if (!identity.Account) throw new Error('STS returned no account id.');
		return identity.Account;
	} finally {
		client.destroy();
	}
}

/** The organisation's active accounts and their names (Organizations ListAccounts, every page). */
export async function organisationAccounts(
	base: CredentialSource,
	settings: StsSettings,
	providers = new Map<string, AwsCredentialIdentityProvider>(),
): Promise<Array<{account: string; name?: string}>> {
	quietSdkNotices();
	const client = new OrganizationsClient({
		// Organizations is a global service, answered from us-east-1.
		region: 'us-east-1',
		maxAttempts: 2,
		...(settings.endpointUrl === undefined ? {} : {endpoint: settings.endpointUrl}),
		...credentialOptions(base, settings, providers),
	});
	try {
		const accounts: Array<{account: string; name?: string}> = [];
		for await (const page of paginateListAccounts({client}, {})) {
			for (const account of page.Accounts ?? []) {
				if (account.Id && (account.Status ?? 'ACTIVE') === 'ACTIVE') accounts.push({account: account.Id, ...(account.Name ? {name: account.Name} : {})});
			}
		}
		return accounts;
	} finally {
		client.destroy();
	}
}

export async function resolveAccounts(spec: AccountSpec, options: ResolveOptions): Promise<ResolvedAccounts> {
	// The SDK's Node-version notice would land on the terminal before the UI (as in client-factory.ts).
	process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
	const providers = new Map<string, AwsCredentialIdentityProvider>();
	const problems: AccountProblem[] = [];
	const entries: AccountEntry[] = [];
	const limit = options.concurrency ?? 8;
	if (spec.kind === 'profiles') {
		const {profiles, unmatched} = matchProfiles(spec.patterns, profileNames(options.env));
		for (const pattern of unmatched) problems.push({subject: `--profile ${pattern}`, message: 'matches no profile in the AWS config or credentials file.'});
		const found = await mapLimited(profiles, limit, async profile => {
			const source: CredentialSource = {kind: 'chain', profile};
			try {
				return {account: await callerAccount(source, options, providers), label: profile, source} satisfies AccountEntry;
			} catch (error) {
				const message = sourceProblem(error, source);
				problems.push({subject: `profile ${profile}`, message});
				return {account: `profile:${profile}`, label: profile, source, problem: message} satisfies AccountEntry;
			}
		});
		for (const entry of found) if (entry && !entries.some(known => known.account === entry.account)) entries.push(entry);
	} else {
		const base: CredentialSource = options.baseSource ?? {kind: 'chain', ...(spec.baseProfile === undefined ? {} : {profile: spec.baseProfile})};
		let accounts: Array<{account: string; name?: string}>;
		if (spec.accounts === 'org') {
			try {
				accounts = await organisationAccounts(base, options, providers);
			} catch (error) {
				problems.push({subject: 'the organisation (--accounts org)', message: sourceProblem(error, base)});
				accounts = [];
			}
		} else accounts = spec.accounts.map(account => ({account}));
		// The starting credentials' own account is read with them: there is no role to assume into oneself, and
		// Organizations creates OrganizationAccountAccessRole in member accounts only, not in the management account.
		const own = accounts.length > 0 ? await callerAccount(base, options, providers).catch(() => undefined) : undefined;
		for (const {account, name} of accounts) {
			const source: CredentialSource =
				account === own
					? base
					: {
							kind: 'assume',
							roleArn: `arn:aws:iam::${account}:role/${spec.roleName}`,
							sessionName: SESSION_NAME,
							...(spec.externalId === undefined ? {} : {externalId: spec.externalId}),
							base,
						};
			entries.push({account, label: name ?? account, source});
		}
	}

	for (const [account, profile] of Object.entries(options.accountProfiles ?? {})) {
		const source: CredentialSource = {kind: 'chain', profile};
		const index = entries.findIndex(entry => entry.account === account);
		const entry = {account, label: index >= 0 ? entries[index]!.label : profile, source};
		if (index >= 0) entries[index] = entry;
		else entries.push(entry);
	}

	return {accounts: entries, problems};
}
