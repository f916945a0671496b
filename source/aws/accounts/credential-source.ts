/**
 * Where one account's credentials come from, and how a client gets them: the SDK's own chain (env,
 * a named profile, IAM Identity Center), static keys (the emulator), or a role assumed through STS
 * from another source, refreshed by the SDK's own provider before it expires.
 */
import {fromNodeProviderChain, fromTemporaryCredentials} from '@aws-sdk/credential-providers';
import type {AwsCredentialIdentity, AwsCredentialIdentityProvider} from '@aws-sdk/types';

export interface StaticCredentials {
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
	readonly sessionToken?: string;
}

export type CredentialSource =
	| {readonly kind: 'chain'; readonly profile?: string}
	| {readonly kind: 'static'; readonly credentials: StaticCredentials}
	| {
			readonly kind: 'assume';
			readonly roleArn: string;
			readonly sessionName: string;
			readonly externalId?: string;
			/** The credentials that assume the role. */
			readonly base: CredentialSource;
	  };

/** A cache key for a source: which profile, which key id, which role — never a secret. */
export function sourceKey(source: CredentialSource): string {
	switch (source.kind) {
		case 'chain':
			return `profile:${source.profile ?? ''}`;
		case 'static':
			return `static:${source.credentials.accessKeyId}`;
		case 'assume':
			return `assume:${source.roleArn}@${sourceKey(source.base)}`;
	}
}

/** Words for messages and the locations screen: "profile prod", "role OrganizationAccountAccessRole via profile hub". */
export function describeSource(source: CredentialSource): string {
	switch (source.kind) {
		case 'chain':
			return source.profile === undefined ? 'default credentials' : `profile ${source.profile}`;
		case 'static':
			return 'static credentials';
		case 'assume':
			return `role ${source.roleArn.split('/').pop() ?? source.roleArn} via ${describeSource(source.base)}`;
	}
}

export interface StsSettings {
	readonly region: string;
	readonly endpointUrl?: string;
}

/**
 * The client options that give a client this source's credentials. A profile is the client's own
 * `profile` option (the SDK resolves SSO, processes, roles in the profile…); an assumed role is the
 * SDK's fromTemporaryCredentials over the base source, one provider per source so every Region's
 * client shares it and it refreshes once, ahead of expiry.
 */
export function credentialOptions(
	source: CredentialSource,
	sts: StsSettings,
	providers: Map<string, AwsCredentialIdentityProvider>,
): {readonly profile?: string; readonly credentials?: StaticCredentials | AwsCredentialIdentityProvider} {
	switch (source.kind) {
		case 'chain':
			return source.profile === undefined ? {} : {profile: source.profile};
		case 'static':
			return {credentials: {...source.credentials}};
		case 'assume':
			return {credentials: providerFor(source, sts, providers)};
	}
}

function baseProvider(source: CredentialSource, sts: StsSettings, providers: Map<string, AwsCredentialIdentityProvider>): AwsCredentialIdentityProvider {
	switch (source.kind) {
		case 'chain':
			return fromNodeProviderChain(source.profile === undefined ? {} : {profile: source.profile});
		case 'static': {
			const credentials = {...source.credentials};
			return async () => credentials;
		}
		case 'assume':
			return providerFor(source, sts, providers);
	}
}

function providerFor(
	source: Extract<CredentialSource, {kind: 'assume'}>,
	sts: StsSettings,
	providers: Map<string, AwsCredentialIdentityProvider>,
): AwsCredentialIdentityProvider {
	const key = sourceKey(source);
	let provider = providers.get(key);
	if (!provider) {
		provider = sharedAhead(
			fromTemporaryCredentials({
				params: {
					RoleArn: source.roleArn,
					RoleSessionName: source.sessionName,
					...(source.externalId === undefined ? {} : {ExternalId: source.externalId}),
				},
				masterCredentials: baseProvider(source.base, sts, providers),
				clientConfig: {region: sts.region, ...(sts.endpointUrl === undefined ? {} : {endpoint: sts.endpointUrl})},
			}),
		);
		providers.set(key, provider);
	}
	return provider;
}

/**
 * How long before they expire shared credentials are renewed: ahead of every client's own
 * five-minute window (the SDK's), so a client asking again then gets fresh ones.
 */
export const REFRESH_AHEAD_MS = 10 * 60_000;

/**
 * One AssumeRole for every client of a source. fromTemporaryCredentials caches nothing (each
 * SDK client memoises what its provider returns), so without this every Region's client of an
 * account assumed the role by itself: 20 Regions, 20 AssumeRole calls an hour per account.
 * Concurrent asks share one call; a failed call is not kept, so the next ask tries again.
 */
export function sharedAhead(provider: AwsCredentialIdentityProvider, now: () => number = Date.now): AwsCredentialIdentityProvider {
	let value: AwsCredentialIdentity | undefined;
	let pending: Promise<AwsCredentialIdentity> | undefined;
	return async properties => {
		if (value && (value.expiration === undefined || value.expiration.getTime() - now() > REFRESH_AHEAD_MS)) return value;
		pending ??= provider(properties).then(
			credentials => {
				value = credentials;
				pending = undefined;
				return credentials;
			},
			(error: unknown) => {
				pending = undefined;
				throw error;
			},
		);
		return pending;
	};
}
