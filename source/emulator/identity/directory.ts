import {HOME_ACCOUNT, accountForAccessKey} from '../accounts.js';
import {errors} from '../errors.js';
import {Prng} from '../prng.js';
import type {SignedRequest} from '../wire/request-context.js';
import type {Organization} from './organization.js';
import {DEFAULT_USER, awsId, userPrincipal, type Principal} from './principals.js';
import {builtInRole, makeRole, type Role, type RoleSpec} from './roles.js';
import {SessionStore, type Session} from './sessions.js';

export interface UserCredentials {
	readonly account: string;
	readonly userName: string;
	readonly arn: string;
	readonly userId: string;
	/** AKIA + 16 characters, derived from the account and the name (the same on every run). */
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
}

export interface AssumeRoleInput {
	readonly roleArn: string;
	readonly roleSessionName: string;
	readonly durationSeconds?: number;
	readonly externalId?: string;
}

/** Users every emulator has: people in the home account whose names an approval or ExecutedBy can show. */
export const SEEDED_USERS: ReadonlyArray<{account: string; userName: string}> = [
	{account: HOME_ACCOUNT, userName: 'alice'},
	{account: HOME_ACCOUNT, userName: 'bob'},
];

// arn:aws:iam::<account>:role[/path/]<name>, and any ARN at all (arn:partition:service:region:account:resource)
/** Users and roles added beyond the defaults, at most (each is a few objects; the bound keeps the control API harmless). */
const MAX_ADDED = 10_000;

const anyArnPattern = /^arn:[\w-]+:[\w-]*:[\w-]*:\d*:.+$/;
const roleArnPattern = /^arn:aws:iam::(\d{12}):role(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]{1,64})$/;

function credentialsFor(account: string, userName: string): UserCredentials {
	const principal = userPrincipal(account, userName);
	const prng = new Prng(`secret/${account}/${userName}`);
	const secretAccessKey = Array.from({length: 5}, () => prng.hex(8)).join('');
	return {
		account,
		userName,
		arn: principal.arn,
		userId: principal.userId,
		accessKeyId: awsId('AKIA', `key/${account}/${userName}`, 20),
		secretAccessKey,
	};
}

/**
 * Access keys → principals, the organisation's roles, and the sessions AssumeRole issues.
 * Keys resolve in this order: an issued session key (ASIA…, with its session token; expired
 * ones answer ExpiredToken), a registered user's key (AKIA…), `AKID` + 12 digits (that
 * account's ssmtop-emulator user), anything else or nothing (the home account's ssmtop-emulator user).
 */
export class IdentityDirectory {
	readonly sessions = new SessionStore();
	private readonly users = new Map<string, {credentials: UserCredentials; principal: Principal}>();
	private readonly roles = new Map<string, Role>();

	constructor(private org: Organization | undefined) {
		for (const user of SEEDED_USERS) {
			this.addUser(user.account, user.userName);
		}
	}

	get organization(): Organization | undefined {
		return this.org;
	}

	/** Users, roles added and sessions stay; only the organisation (and so the built-in roles) changes. */
	setOrganization(org: Organization | undefined): void {
		this.org = org;
	}

	addUser(account: string, userName: string): UserCredentials {
		if (!/^\d{12}$/.test(account) || !/^[\w+=,.@-]{1,64}$/.test(userName)) {
			throw new RangeError('a user needs a 12-digit account and a name of 1-64 of [A-Za-z0-9+=,.@_-]');
		}

		const credentials = credentialsFor(account, userName);
		if (!this.users.has(credentials.accessKeyId) && this.users.size >= MAX_ADDED) {
			throw new RangeError(`at most ${MAX_ADDED} users`);
		}

		this.users.set(credentials.accessKeyId, {credentials, principal: userPrincipal(account, userName)});
		return credentials;
	}

	/** The registered user's credentials (registering it if need be). */
	userCredentials(account: string, userName: string): UserCredentials {
		const credentials = credentialsFor(account, userName);
		return this.users.get(credentials.accessKeyId)?.credentials ?? this.addUser(account, userName);
	}

	listUsers(): UserCredentials[] {
		return [...this.users.values()].map(user => user.credentials);
	}

	addRole(spec: RoleSpec): Role {
		if (typeof spec !== 'object' || spec === null || (spec.trustedAccounts !== undefined && !Array.isArray(spec.trustedAccounts))) {
			throw new RangeError('a role is {account, roleName, path?, trustedAccounts?: [account…], externalId?, maxSessionDuration?}');
		}

		const role = makeRole(spec, this.org?.managementAccount ?? HOME_ACCOUNT);
		if (!this.roles.has(`${role.account}/${role.name}`) && this.roles.size >= MAX_ADDED) {
			throw new RangeError(`at most ${MAX_ADDED} roles`);
		}

		this.roles.set(`${role.account}/${role.name}`, role);
		return role;
	}

	/** Roles added (the built-in ones are not listed: they follow from the organisation). */
	listRoles(): Role[] {
		return [...this.roles.values()];
	}

	role(account: string, roleName: string): Role | undefined {
		return this.roles.get(`${account}/${roleName}`) ?? builtInRole(this.org, account, roleName);
	}

	/** The principal behind a request, or ExpiredTokenException / UnrecognizedClientException. */
	resolve(request: SignedRequest, now: number, expiredKeys: readonly string[] = []): Principal {
		const key = request.accessKeyId;
		if (key !== undefined && expiredKeys.includes(key)) {
			throw errors.expiredToken();
		}

		if (key?.startsWith('ASIA')) {
			const session = this.sessions.get(key);
			if (!session || request.sessionToken !== session.sessionToken) {
				throw errors.invalidToken();
			}

			if (now >= session.expiresAt) {
				throw errors.expiredToken();
			}

			return session.principal;
		}

		const user = key === undefined ? undefined : this.users.get(key);
		return user?.principal ?? userPrincipal(accountForAccessKey(key), DEFAULT_USER);
	}

	/** STS AssumeRole's rules: the role must exist and trust the caller's account (and ExternalId); durations within the role's limits. */
	assumeRole(caller: Principal, input: AssumeRoleInput, now: number): Session {
		if (!anyArnPattern.test(input.roleArn)) {
			throw errors.validation('Request ARN is invalid');
		}

		// An ARN of something else (a user, another partition) names no role: denied like a missing one.
		const [, account = '', , roleName = ''] = roleArnPattern.exec(input.roleArn) ?? [];
		const role = account === '' ? undefined : this.role(account, roleName);
		const trusted =
			role !== undefined &&
			role.arn === input.roleArn &&
			role.trustedAccounts.includes(caller.account) &&
			(role.externalId === undefined || role.externalId === input.externalId);
		if (!trusted) {
			throw errors.accessDenied(`User: ${caller.arn} is not authorized to perform: sts:AssumeRole on resource: ${input.roleArn}`);
		}

		const duration = input.durationSeconds ?? 3600;
		if (caller.kind === 'assumed-role' && duration > 3600) {
			throw errors.validation('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
		}

		if (duration > role.maxSessionDuration) {
			throw errors.validation('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
		}

		const principal: Principal = {
			kind: 'assumed-role',
			account,
			arn: `arn:aws:sts::${account}:assumed-role/${role.name}/${input.roleSessionName}`,
			userId: `${role.roleId}:${input.roleSessionName}`,
			name: role.name,
			roleArn: role.arn,
			sessionName: input.roleSessionName,
		};
		// Whole seconds, as Expiration is written: the key stops working at the instant it names.
		return this.sessions.issue(principal, Math.floor(now / 1000) * 1000 + duration * 1000);
	}
}
