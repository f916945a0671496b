/**
 * Several accounts, through the real SDK against the emulator's SSM, STS and Organizations:
 * profiles from a temporary HOME whose ~/.aws files the test writes (static keys that name
 * emulator accounts, and an IAM Identity Center profile without a login), and a role assumed in
 * every account of the organisation. Every (account, region) location is polled; the ones that
 * cannot be read say why, alone, while the others list their own runs.
 */
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {resolveAccounts, type ResolvedAccounts} from '../../../source/aws/accounts/resolve-accounts.js';
import {createAwsApi, type AwsApi} from '../../../source/aws/index.js';
import {createManualClock, startEmulator, type RunningEmulator} from '../../../source/emulator/index.js';
import {generatedAccountId} from '../../../source/emulator/identity/organization.js';
import {createPoller} from '../../../source/poller/index.js';
import {createAppStore, type AppStore} from '../../../source/store/app-store.js';
import {selectRegionHealth} from '../../../source/store/data-selectors.js';
import {enterAwsHome, type AwsHome} from '../../helpers/temp-aws-home.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
const MEMBER_1 = generatedAccountId(1);
const MEMBER_2 = generatedAccountId(2);

let emulator: RunningEmulator;
let home: AwsHome | undefined;
let api: AwsApi | undefined;

beforeAll(async () => {
	emulator = await startEmulator({
		seed: 'none',
		clock: createManualClock(Date.UTC(2026, 10, 25, 12, 0, 0)),
		organization: {accounts: 3, regions: REGIONS, runsPerLocation: 2},
	});
	home = enterAwsHome('ssmtop-accounts-', {
		config: [
			'[profile member-1]',
			'region = us-east-1',
			'[profile member-2]',
			'region = eu-west-1',
			'[profile sso-dev]',
			'sso_session = corp',
			`sso_account_id = ${MEMBER_2}`,
			'sso_role_name = ReadOnly',
			'region = us-east-1',
			'[sso-session corp]',
			'sso_start_url = https://corp.awsapps.com/start',
			'sso_region = us-east-1',
		],
		credentials: [
			'[member-1]',
			`aws_access_key_id = ${emulator.accessKeyFor(MEMBER_1)}`,
			'aws_secret_access_key = not-a-secret',
			'[member-2]',
			`aws_access_key_id = ${emulator.accessKeyFor(MEMBER_2)}`,
			'aws_secret_access_key = not-a-secret',
		],
	});
});

afterEach(() => {
	api?.destroy();
	api = undefined;
});

afterAll(async () => {
	home?.restore();
	await emulator?.close();
});

/** Polls every location once, as the CLI wires it, and returns the store. */
async function pollOnce(resolved: ResolvedAccounts): Promise<AppStore> {
	api = createAwsApi({regions: REGIONS, endpointUrl: emulator.url, maxAttempts: 1, accounts: resolved.accounts});
	const store = createAppStore({
		context: {
			label: 'accounts',
			regions: REGIONS,
			readOnly: true,
			local: false,
			readableAccounts: resolved.accounts.map(entry => entry.account),
			accounts: resolved.accounts.map(entry => ({account: entry.account, label: entry.label})),
		},
	});
	const poller = createPoller({store, api});
	await poller.tick();
	poller.stop();
	return store;
}

describe('--profile member-*,sso-dev', () => {
	it("reads each profile's account with STS; the SSO profile without a login names the login to run", async () => {
		const resolved = await resolveAccounts({kind: 'profiles', patterns: ['member-*', 'sso-dev']}, {region: 'us-east-1', endpointUrl: emulator.url});
		expect(resolved.accounts.map(entry => [entry.account, entry.label])).toEqual([
			[MEMBER_1, 'member-1'],
			[MEMBER_2, 'member-2'],
			['profile:sso-dev', 'sso-dev'],
		]);
		expect(resolved.accounts[2]!.problem).toMatch(/aws sso login --profile sso-dev/);
	});

	it('polls every account × region: the readable ones list their own runs, the SSO one fails alone', async () => {
		const resolved = await resolveAccounts({kind: 'profiles', patterns: ['member-1', 'member-2', 'sso-dev']}, {region: 'us-east-1', endpointUrl: emulator.url});
		const store = await pollOnce(resolved);
		const state = store.getState();
		const health = selectRegionHealth(state);
		expect(health.map(location => [location.key, location.state])).toEqual([
			[`${MEMBER_1}/us-east-1`, 'ok'],
			[`${MEMBER_1}/eu-west-1`, 'ok'],
			[`${MEMBER_2}/us-east-1`, 'ok'],
			[`${MEMBER_2}/eu-west-1`, 'ok'],
			['profile:sso-dev/us-east-1', 'error'],
			['profile:sso-dev/eu-west-1', 'error'],
		]);
		expect(health[4]!.message).toMatch(/aws sso login --profile sso-dev/);
		// One account's refused credentials pause nothing: no banner, polling goes on.
		expect(state.paused).toBe(false);
		expect(state.banner).toBeUndefined();
		const rows = Object.values(state.executions);
		for (const [account, label] of [
			[MEMBER_1, 'member-1'],
			[MEMBER_2, 'member-2'],
		] as const) {
			for (const region of REGIONS) {
				const here = rows.filter(row => row.account === account && row.region === region);
				expect(here.length).toBeGreaterThan(0);
				expect(here.every(row => row.accountName === label)).toBe(true);
			}
		}
	});
});

describe('--assume-role OrganizationAccountAccessRole --accounts org', () => {
	const base = () => ({kind: 'static' as const, credentials: {accessKeyId: emulator.accessKeyFor(emulator.homeAccount), secretAccessKey: 'not-a-secret'}});

	it("lists the organisation's active accounts by name and reads each through the assumed role", async () => {
		const resolved = await resolveAccounts(
			{kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: 'org'},
			{region: 'us-east-1', endpointUrl: emulator.url, baseSource: base()},
		);
		expect(resolved.problems).toEqual([]);
		const members = resolved.accounts.filter(entry => entry.account === MEMBER_1 || entry.account === MEMBER_2);
		expect(members).toHaveLength(2);
		expect(members.every(entry => entry.label !== entry.account)).toBe(true);
		const store = await pollOnce({accounts: members, problems: []});
		const state = store.getState();
		expect(selectRegionHealth(state).map(location => location.state)).toEqual(['ok', 'ok', 'ok', 'ok']);
		for (const member of members) {
			const rows = Object.values(state.executions).filter(row => row.account === member.account);
			expect(rows.length).toBeGreaterThan(0);
			expect(rows.every(row => row.accountName === member.label)).toBe(true);
		}
	});

	it("a role the account does not have fails that account alone, with AWS's AccessDenied", async () => {
		const good = await resolveAccounts(
			{kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: [MEMBER_1]},
			{region: 'us-east-1', endpointUrl: emulator.url, baseSource: base()},
		);
		const bad = await resolveAccounts(
			{kind: 'assume-role', roleName: 'NoSuchRole', accounts: [MEMBER_2]},
			{region: 'us-east-1', endpointUrl: emulator.url, baseSource: base()},
		);
		const store = await pollOnce({accounts: [...good.accounts, ...bad.accounts], problems: []});
		const health = selectRegionHealth(store.getState());
		expect(health.map(location => location.state)).toEqual(['ok', 'ok', 'error', 'error']);
		expect(health[2]!.message).toMatch(/NoSuchRole|AssumeRole|not authorized|Access denied/i);
		expect(Object.values(store.getState().executions).some(row => row.account === MEMBER_1)).toBe(true);
	});
});
