import {HOME_ACCOUNT} from '../accounts.js';
import type {Organization} from './organization.js';
import {awsId} from './principals.js';

export interface Role {
	readonly account: string;
	readonly name: string;
	/** '/' or '/a/b/': part of the role's ARN, not of the assumed-role ARN. */
	readonly path: string;
	readonly arn: string;
	/** AROA…: the first half of an assumed role's UserId. */
	readonly roleId: string;
	/** Accounts whose principals the trust policy lets assume the role. */
	readonly trustedAccounts: readonly string[];
	/** The sts:ExternalId the trust policy requires, if any. */
	readonly externalId?: string;
	/** MaxSessionDuration in seconds (3600 unless the role says otherwise, as in IAM). */
	readonly maxSessionDuration: number;
}

export interface RoleSpec {
	readonly account: string;
	readonly roleName: string;
	readonly path?: string;
	/** Default: the management account (or the home account outside an organisation). */
	readonly trustedAccounts?: readonly string[];
	readonly externalId?: string;
	readonly maxSessionDuration?: number;
}

export const ORGANIZATION_ACCESS_ROLE = 'OrganizationAccountAccessRole';
export const AUTOMATION_EXECUTION_ROLE = 'AWS-SystemsManager-AutomationExecutionRole';
export const AUTOMATION_ADMINISTRATION_ROLE = 'AWS-SystemsManager-AutomationAdministrationRole';
/** The home account's role for people who approve changes (named in the demo runbook's default Approvers). */
export const CHANGE_APPROVERS_ROLE = 'ChangeApprovers';

export function makeRole(spec: RoleSpec, defaultTrust: string): Role {
	if (!/^\d{12}$/.test(spec.account)) {
		throw new RangeError('a role needs a 12-digit account');
	}

	if (!/^[\w+=,.@-]{1,64}$/.test(spec.roleName)) {
		throw new RangeError('a role name is 1-64 of the characters [A-Za-z0-9+=,.@_-]');
	}

	const path = spec.path ?? '/';
	if (!/^\/([\u0021-\u007E]*\/)?$/.test(path)) {
		throw new RangeError("a role path starts and ends with '/'");
	}

	const maxSessionDuration = spec.maxSessionDuration ?? 3600;
	if (!Number.isInteger(maxSessionDuration) || maxSessionDuration < 3600 || maxSessionDuration > 43_200) {
		throw new RangeError('maxSessionDuration is 3600 to 43200 seconds');
	}

	const trustedAccounts = spec.trustedAccounts ?? [defaultTrust];
	if (trustedAccounts.some(account => !/^\d{12}$/.test(account))) {
		throw new RangeError('trustedAccounts are 12-digit account ids');
	}

	const arn = `arn:aws:iam::${spec.account}:role${path}${spec.roleName}`;
	return {
		account: spec.account,
		name: spec.roleName,
		path,
		arn,
		roleId: awsId('AROA', arn, 21),
		trustedAccounts,
		...(spec.externalId === undefined ? {} : {externalId: spec.externalId}),
		maxSessionDuration,
	};
}

/**
 * The roles every account has without being told: members have OrganizationAccountAccessRole
 * (trusting the management account, as AWS creates it) and the Automation execution role
 * (trusting the account that runs cross-account automations, the home account, and the
 * management account); the home account has the Automation administration and execution roles
 * and ChangeApprovers (trusting itself: its users, such as bob, assume it to approve).
 * Suspended accounts have none that can be assumed.
 */
export function builtInRole(org: Organization | undefined, account: string, roleName: string): Role | undefined {
	const home = HOME_ACCOUNT;
	if (account === home && roleName === CHANGE_APPROVERS_ROLE) {
		return makeRole({account, roleName, trustedAccounts: [home]}, home);
	}

	if (!org) {
		return account === home && (roleName === AUTOMATION_ADMINISTRATION_ROLE || roleName === AUTOMATION_EXECUTION_ROLE)
			? makeRole({account, roleName, trustedAccounts: [home]}, home)
			: undefined;
	}

	const member = org.byId.get(account);
	if (!member || member.status !== 'ACTIVE') {
		return undefined;
	}

	const isManagement = account === org.managementAccount;
	const trust = (accounts: string[]) => makeRole({account, roleName, trustedAccounts: [...new Set(accounts)]}, home);
	switch (roleName) {
		case ORGANIZATION_ACCESS_ROLE:
			return isManagement ? undefined : trust([org.managementAccount]);
		case AUTOMATION_EXECUTION_ROLE:
			return trust([home, org.managementAccount]);
		case AUTOMATION_ADMINISTRATION_ROLE:
			return account === home ? trust([home]) : undefined;
		default:
			return undefined;
	}
}
