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
	readonly region: string;
}

export function confirmQuestion({action, target, account, region}: Confirmation): string {
	return `${action} ${target} in ${account === undefined ? 'this account' : `account ${account}`}, ${region}?`;
}
