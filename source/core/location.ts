/**
 * Locations: where executions are listed. With one set of credentials a location is a region
 * and its key is the region's name (as it always was); with several accounts watched
 * (`--profile a,b`, `--assume-role … --accounts …`) every account × region is a location of
 * its own, keyed `ACCOUNT/REGION`, polled, backed off and reported on by itself.
 */
/** One watched account: its id (or, for a profile whose identity could not be read, `profile:NAME`) and what the ACCOUNT column shows. */
export interface WatchedAccount {
	readonly account: string;
	/** The Organizations account name, else the profile name, else the id. */
	readonly label: string;
	/** Where its credentials come from, in words ("profile prod", "role Ops via profile hub"). */
	readonly source?: string;
	/** Why it could not be used at start (its locations show this until they are read). */
	readonly problem?: string;
}

export interface Location {
	readonly key: string;
	readonly region: string;
	/** Set when several accounts are watched. */
	readonly account?: string;
}

/** What the location helpers need of the connection context. */
export interface LocationContext {
	readonly regions: readonly string[];
	/** Set when several accounts are watched (even if only one of them resolved). */
	readonly accounts?: readonly WatchedAccount[];
}

export function locationKey(account: string | undefined, region: string): string {
	return account === undefined ? region : `${account}/${region}`;
}

/** The account and region of a key (a region name has no slash). */
export function parseLocationKey(key: string): Location {
	const slash = key.lastIndexOf('/');
	return slash < 0 ? {key, region: key} : {key, account: key.slice(0, slash), region: key.slice(slash + 1)};
}

const locationsMemo = new WeakMap<LocationContext, readonly Location[]>();

/** Every location of the context: account by account, each in the context's region order. */
export function contextLocations(context: LocationContext): readonly Location[] {
	let locations = locationsMemo.get(context);
	if (!locations) {
		locations = context.accounts
			? context.accounts.flatMap(({account}) => context.regions.map(region => ({key: locationKey(account, region), account, region})))
			: context.regions.map(region => ({key: region, region}));
		locationsMemo.set(context, locations);
	}

	return locations;
}

/** The key of the location an execution was listed in. */
export function executionLocationKey(context: LocationContext, execution: {readonly region: string; readonly account?: string | undefined}): string {
	return context.accounts ? locationKey(execution.account ?? '', execution.region) : execution.region;
}

/** Whether the ACCOUNT column and the per-account header are worth showing. */
export function watchesManyAccounts(context: LocationContext): boolean {
	return (context.accounts?.length ?? 0) > 1;
}

const labelsMemo = new WeakMap<LocationContext, ReadonlyMap<string, WatchedAccount>>();

/** The watched account of this id, if it is one. */
export function watchedAccount(context: LocationContext, account: string | undefined): WatchedAccount | undefined {
	if (account === undefined || !context.accounts) return undefined;
	let byId = labelsMemo.get(context);
	if (!byId) {
		byId = new Map(context.accounts.map(entry => [entry.account, entry]));
		labelsMemo.set(context, byId);
	}

	return byId.get(account);
}

/** The words for an account id: its label when watched, else the id. */
export function accountLabel(context: LocationContext, account: string | undefined): string {
	if (account === undefined) return '';
	return watchedAccount(context, account)?.label ?? account;
}
