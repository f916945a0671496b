/**
 * One confirmation style for every action that changes state in AWS: a y/n question that names the
 * action, what it acts on (the execution or the runbook), the account and the Region.
 */

export interface Confirmation {
	/** "Cancel", "Start", "Send Approve to". */
	readonly action: string;
	/** "execution 1a2b… (Ops-Deploy)", "Ops-DeployServiceConfig (version 3)". */
	readonly target: string;
	/** Undefined when the account is not known (credentials whose account could not be read). */
	readonly account?: string;
	/** The account's name (Organizations or profile), said with its id when it differs. */
	readonly accountName?: string;
	readonly region: string;
}

export function confirmQuestion({action, target, account, accountName, region}: Confirmation): string {
	const named = accountName !== undefined && accountName !== '' && accountName !== account;
	const where = account === undefined ? 'this account' : named ? `account ${accountName} (${account})` : `account ${account}`;
	return `${action} ${target} in ${where}, ${region}?`;
}
