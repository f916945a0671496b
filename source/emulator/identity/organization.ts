import {HOME_ACCOUNT} from '../accounts.js';
import {Prng} from '../prng.js';
import {DEMO_REGIONS} from '../seed/run-templates.js';

// The AWS Organization the emulator pretends to be part of: who the management account is,
// which accounts are members, and where (which Regions) their own runs live. Pure data:
// building one costs a few objects per account, whatever the number of Regions.

export type AccountStatus = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';

export interface OrgAccount {
	readonly id: string;
	readonly name: string;
	readonly email: string;
	readonly status: AccountStatus;
	readonly joinedMethod: 'INVITED' | 'CREATED';
	/** Epoch ms. */
	readonly joinedTimestamp: number;
}

export interface Organization {
	readonly id: string;
	readonly managementAccount: string;
	/** Accounts that may call the Organizations read APIs besides the management account. */
	readonly delegatedAdministrators: ReadonlySet<string>;
	/** Management account first, then the members in the order ListAccounts returns them. */
	readonly accounts: readonly OrgAccount[];
	readonly byId: ReadonlyMap<string, OrgAccount>;
	/** Regions where member accounts have runs of their own. */
	readonly regions: readonly string[];
	/** Finished and live runs the seed gives each active member account in each of those Regions (0: none). */
	readonly runsPerLocation: number;
	/** Member runs are seeded only with the demo seed (the demo organisation) or always (a generated one). */
	readonly runsNeedDemoSeed: boolean;
}

export interface GeneratedOrganization {
	/** Member accounts besides the management account (1–5000). */
	readonly accounts: number;
	/** Regions each member has runs in: a count (the first n of a fixed list) or names. Default the demo's three. */
	readonly regions?: number | readonly string[];
	/** Runs per member account and Region, default 6 (0: accounts without runs). */
	readonly runsPerLocation?: number;
	/** Whether the home account is the management account (default) or a member that is a delegated administrator. */
	readonly home?: 'management' | 'delegated-administrator';
}

/** 'demo' (default): the demo organisation; 'none': the home account belongs to no organisation. */
export type OrganizationOption = 'demo' | 'none' | GeneratedOrganization;

/** Commercial Regions, in the order a generated organisation takes them. */
export const ORG_REGIONS = [
	'us-east-1',
	'eu-west-1',
	'ap-southeast-2',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'ca-central-1',
	'sa-east-1',
	'eu-west-2',
	'eu-west-3',
	'eu-central-1',
	'eu-central-2',
	'eu-north-1',
	'eu-south-1',
	'eu-south-2',
	'ap-south-1',
	'ap-south-2',
	'ap-southeast-1',
	'ap-southeast-3',
	'ap-southeast-4',
	'ap-northeast-1',
	'ap-northeast-2',
	'ap-northeast-3',
	'ap-east-1',
	'me-south-1',
	'me-central-1',
	'af-south-1',
	'il-central-1',
	'ca-west-1',
] as const;

const DAY = 86_400_000;

function organization(
	id: string,
	managementAccount: string,
	accounts: OrgAccount[],
	rest: Pick<Organization, 'regions' | 'runsPerLocation' | 'runsNeedDemoSeed'> & {delegated?: string[]},
): Organization {
	return {
		id,
		managementAccount,
		delegatedAdministrators: new Set(rest.delegated ?? []),
		accounts,
		byId: new Map(accounts.map(account => [account.id, account])),
		regions: rest.regions,
		runsPerLocation: rest.runsPerLocation,
		runsNeedDemoSeed: rest.runsNeedDemoSeed,
	};
}

const demoMembers: ReadonlyArray<[id: string, name: string, status: AccountStatus, joined: string, method: OrgAccount['joinedMethod']]> = [
	// The first five are the targets of the demo's cross-account runs (seed/demo.ts MEMBER_ACCOUNTS).
	['111122223333', 'prod-payments', 'ACTIVE', '2021-03-02T10:14:00Z', 'CREATED'],
	['210987654321', 'staging', 'ACTIVE', '2021-03-02T10:31:00Z', 'CREATED'],
	['345678901234', 'prod-checkout', 'ACTIVE', '2021-06-17T08:02:00Z', 'CREATED'],
	['444455556666', 'shared-services', 'ACTIVE', '2022-01-11T15:45:00Z', 'INVITED'],
	['777788889999', 'prod-search', 'ACTIVE', '2022-09-28T12:20:00Z', 'CREATED'],
	['505050505050', 'sandbox-data-science', 'ACTIVE', '2024-02-05T09:00:00Z', 'CREATED'],
	['606060606060', 'sandbox-legacy', 'SUSPENDED', '2020-11-23T16:40:00Z', 'INVITED'],
];

/** The demo's organisation: the home account manages it; members have runs of their own in the demo Regions. */
export function demoOrganization(): Organization {
	const accounts: OrgAccount[] = [
		{
			id: HOME_ACCOUNT,
			name: 'acme-management',
			email: 'aws-management@acme.example',
			status: 'ACTIVE',
			joinedMethod: 'INVITED',
			joinedTimestamp: Date.parse('2020-06-08T09:30:00Z'),
		},
		...demoMembers.map(([id, name, status, joined, joinedMethod]) => ({
			id,
			name,
			email: `aws+${name}@acme.example`,
			status,
			joinedMethod,
			joinedTimestamp: Date.parse(joined),
		})),
	];
	return organization('o-a1b2c3d4e5', HOME_ACCOUNT, accounts, {regions: [...DEMO_REGIONS], runsPerLocation: 8, runsNeedDemoSeed: true});
}

const environments = ['prod', 'staging', 'dev', 'sandbox'] as const;
const teams = ['payments', 'checkout', 'search', 'identity', 'data', 'ml', 'web', 'billing', 'logistics', 'support', 'mobile'] as const;

/** Member i (from 1) of a generated organisation: 12 digits, never the home account. */
export function generatedAccountId(index: number): string {
	return String(200_000_000_000 + index);
}

/** The management account of a generated organisation whose home account is only a delegated administrator. */
export const GENERATED_MANAGEMENT_ACCOUNT = '100000000000';

function regionList(regions: GeneratedOrganization['regions']): string[] {
	if (regions === undefined) {
		return [...DEMO_REGIONS];
	}

	if (typeof regions === 'number') {
		if (!Number.isInteger(regions) || regions < 1 || regions > ORG_REGIONS.length) {
			throw new RangeError(`regions takes a count from 1 to ${ORG_REGIONS.length} or a list of names`);
		}

		return ORG_REGIONS.slice(0, regions);
	}

	if (regions.length === 0 || regions.some(region => !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))) {
		throw new RangeError('regions must name Regions such as us-east-1');
	}

	return [...new Set(regions)];
}

/**
 * An organisation of `accounts` members, deterministic for the same options: names such as
 * prod-payments-007, every 25th member SUSPENDED, joined over the years before 2025.
 */
export function generateOrganization(options: GeneratedOrganization): Organization {
	const count = options.accounts;
	if (!Number.isInteger(count) || count < 1 || count > 5000) {
		throw new RangeError('an organisation has 1 to 5000 member accounts');
	}

	const runsPerLocation = options.runsPerLocation ?? 6;
	if (!Number.isInteger(runsPerLocation) || runsPerLocation < 0 || runsPerLocation > 500) {
		throw new RangeError('runsPerLocation takes a whole number from 0 to 500');
	}

	const delegated = options.home === 'delegated-administrator';
	if (options.home !== undefined && options.home !== 'management' && !delegated) {
		throw new RangeError('home is management or delegated-administrator');
	}

	const prng = new Prng(`org/${count}`);
	const management = delegated ? GENERATED_MANAGEMENT_ACCOUNT : HOME_ACCOUNT;
	const start = Date.parse('2019-01-07T09:00:00Z');
	const accounts: OrgAccount[] = [
		{id: management, name: 'org-management', email: 'aws-management@example.com', status: 'ACTIVE', joinedMethod: 'INVITED', joinedTimestamp: start},
	];
	if (delegated) {
		accounts.push({
			id: HOME_ACCOUNT,
			name: 'ops-automation',
			email: 'aws+ops-automation@example.com',
			status: 'ACTIVE',
			joinedMethod: 'INVITED',
			joinedTimestamp: start + DAY,
		});
	}

	for (let index = 1; index <= count; index++) {
		const name = `${environments[index % environments.length]}-${teams[index % teams.length]}-${String(index).padStart(3, '0')}`;
		accounts.push({
			id: generatedAccountId(index),
			name,
			email: `aws+${name}@example.com`,
			status: index % 25 === 0 ? 'SUSPENDED' : 'ACTIVE',
			joinedMethod: prng.chance(0.8) ? 'CREATED' : 'INVITED',
			joinedTimestamp: start + 2 * DAY + Math.floor(prng.next() * 6 * 365 * DAY),
		});
	}

	return organization(`o-${prng.hex(10)}`, management, accounts, {
		regions: regionList(options.regions),
		runsPerLocation,
		runsNeedDemoSeed: false,
		delegated: delegated ? [HOME_ACCOUNT] : [],
	});
}

export function buildOrganization(option: OrganizationOption): Organization | undefined {
	if (option === 'none') {
		return undefined;
	}

	return option === 'demo' ? demoOrganization() : generateOrganization(option);
}

export function isOrganizationOption(value: unknown): value is OrganizationOption {
	return value === 'demo' || value === 'none' || (typeof value === 'object' && value !== null && typeof (value as {accounts?: unknown}).accounts === 'number');
}

export const accountArn = (org: Organization, account: string): string => `arn:aws:organizations::${org.managementAccount}:account/${org.id}/${account}`;
export const organizationArn = (org: Organization): string => `arn:aws:organizations::${org.managementAccount}:organization/${org.id}`;
