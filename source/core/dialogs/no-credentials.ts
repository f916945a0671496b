/**
 * The one refusal for an action in an account ssmtop holds no working credentials for (issue 11):
 * stop, signal, start and re-run never fall back to another account's credentials, as the call
 * would act in the wrong account. Said in the dialog (or the footer) in the confirmations' words.
 */

export interface NoCredentials {
	/** "stop this execution", "send Approve to this execution", "start the run". */
	readonly action: string;
	readonly account: string;
	/** The account's name (Organizations or profile), said with its id when it differs. */
	readonly accountName?: string;
	readonly region: string;
	/** Why (a watched account whose credentials failed: the SDK's or STS's words); absent: none are configured. */
	readonly reason?: string;
}

export function noCredentialsRefusal({action, account, accountName, region, reason}: NoCredentials): string {
	const named = accountName !== undefined && accountName !== '' && accountName !== account;
	const where = named ? `account ${accountName} (${account})` : `account ${account}`;
	const why = reason === undefined || reason === '' ? '' : ` (${reason.replace(/\.$/, '')})`;
	const fix =
		reason === undefined
			? `start ssmtop with --account-profile ${account}=PROFILE (repeatable), or watch it with --profile or --assume-role`
			: 'renew them (e.g. aws sso login for its profile) and try again';
	return `No credentials for ${where} in ${region}${why}: ssmtop will not ${action} with another account's. To act there, ${fix}.`;
}
