/**
 * Issue 11: a profile whose identity could not be read at start is watched under `profile:NAME`.
 * Once one of its locations lists (the user ran `aws sso login`, the credentials came back),
 * its account is read with STS GetCallerIdentity and the placeholder becomes the real id
 * everywhere (store/account-identity.ts; the API reads it under both). One STS call per recovery.
 */
import type {AccountEntry} from '../aws/accounts/resolve-accounts.js';
import type {CredentialSource} from '../aws/accounts/credential-source.js';
import type {AwsApi} from '../aws/index.js';
import {accountIdentified, isPlaceholderAccount} from '../store/account-identity.js';
import type {AppStore} from '../store/app-store.js';

export interface PlaceholderWatch {
	readonly store: AppStore;
	readonly api: Pick<AwsApi, 'accountIdentified'>;
	readonly accounts: readonly AccountEntry[];
	/** The account id behind a source (STS GetCallerIdentity). */
	readonly identify: (source: CredentialSource) => Promise<string>;
	/** After the store took the id: the poller's locations are fixed when it is made, so the CLI makes it again. */
	readonly onIdentified?: () => void;
}

/** Watches the store until every placeholder has its id; returns the unsubscribe. */
export function watchPlaceholderAccounts({store, api, accounts, identify, onIdentified}: PlaceholderWatch): () => void {
	const pending = new Map(accounts.filter(entry => isPlaceholderAccount(entry.account)).map(entry => [entry.account, entry]));
	if (pending.size === 0) return () => undefined;
	// The listing success each placeholder was last tried after: a failed STS call waits for the next one.
	const triedAt = new Map<string, number>();
	const inFlight = new Set<string>();

	const check = (): void => {
		const {regions} = store.getState();
		for (const [placeholder, entry] of pending) {
			if (inFlight.has(placeholder)) continue;
			const listedAt = Math.max(
				-1,
				...Object.values(regions)
					.filter(health => health.account === placeholder)
					.map(health => health.lastSuccessAt ?? -1),
			);
			if (listedAt < 0 || listedAt === triedAt.get(placeholder)) continue;
			triedAt.set(placeholder, listedAt);
			inFlight.add(placeholder);
			identify(entry.source).then(
				account => {
					inFlight.delete(placeholder);
					pending.delete(placeholder);
					if (!api.accountIdentified(placeholder, account)) return;
					const patch = accountIdentified(store.getState(), placeholder, account);
					if (!patch) return;
					store.setState(patch);
					onIdentified?.();
					if (pending.size === 0) unsubscribe();
				},
				() => {
					// Still not readable by STS: tried again after the location's next good listing.
					inFlight.delete(placeholder);
				},
			);
		}
	};

	const unsubscribe = store.subscribe((state, previous) => {
		if (state.regions !== previous.regions) check();
	});
	check();
	return unsubscribe;
}
