/**
 * Which accounts to watch when more than the one set of credentials (issue 11): several profiles
 * (`--profile a,b` or globs), or a role assumed in listed accounts or in every account of the
 * organisation (`--assume-role ROLE --accounts ids|org`). The flags parse into it; aws/accounts
 * resolves it into credentials per account.
 */
export type AccountSpec =
	| {readonly kind: 'profiles'; readonly patterns: readonly string[]}
	| {
			readonly kind: 'assume-role';
			readonly roleName: string;
			readonly accounts: readonly string[] | 'org';
			readonly externalId?: string;
			/** The starting credentials' profile (default: the SDK chain). */
			readonly baseProfile?: string;
	  };
