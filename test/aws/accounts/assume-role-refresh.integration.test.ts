/**
 * Issue 11, through the real SDK clients against the emulator's SSM, STS and Organizations:
 * - assumed-role credentials on a fake clock (the emulator's and the SDK's, moved together):
 *   one AssumeRole per account for all its Regions, renewed by the SDK's own provider before
 *   they expire, so the emulator never answers ExpiredToken;
 * - `--accounts org` over an organisation larger than one ListAccounts page (20): every active
 *   account, by name, the suspended one left out.
 * Profiles from a temporary HOME are covered by watch-accounts.integration.test.ts.
 */
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {resolveAccounts} from '../../../source/aws/accounts/resolve-accounts.js';
import {REFRESH_AHEAD_MS} from '../../../source/aws/accounts/credential-source.js';
import {createAwsApi, type AwsApi} from '../../../source/aws/index.js';
import {createManualClock, startEmulator, type RunningEmulator} from '../../../source/emulator/index.js';
import {generatedAccountId} from '../../../source/emulator/identity/organization.js';
import {createPoller, type Poller} from '../../../source/poller/index.js';
import {createAppStore, type AppStore} from '../../../source/store/app-store.js';
import {selectRegionHealth} from '../../../source/store/data-selectors.js';

const START = Date.UTC(2026, 10, 25, 12, 0, 0);
const MINUTE = 60_000;
const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const MEMBER_1 = generatedAccountId(1);
const MEMBER_2 = generatedAccountId(2);

let emulator: RunningEmulator;
let api: AwsApi | undefined;
let poller: Poller | undefined;

beforeAll(async () => {
	process.env['AWS_EC2_METADATA_DISABLED'] = 'true';
	emulator = await startEmulator({seed: 'none', clock: createManualClock(START), organization: {accounts: 45, regions: REGIONS, runsPerLocation: 1}});
});

afterEach(() => {
	poller?.stop();
	api?.destroy();
	poller = undefined;
	api = undefined;
	vi.useRealTimers();
});

afterAll(async () => {
	await emulator?.close();
});

const homeKeys = () => ({kind: 'static' as const, credentials: {accessKeyId: emulator.accessKeyFor(emulator.homeAccount), secretAccessKey: 'not-a-secret'}});
const requests = (operation: string): number => emulator.control.counts().requests[operation] ?? 0;

/** The emulator's clock and the SDK's (Date, which it compares Expiration with) moved together. */
function advance(ms: number): void {
	emulator.control.advance(ms);
	vi.setSystemTime(emulator.control.now());
}

describe('assumed roles on a fake clock', () => {
	it('one AssumeRole per account for every Region, renewed before it expires; never ExpiredToken', async () => {
		// Only Date is faked: the SDK's HTTP and the poller's timers run for real.
		vi.useFakeTimers({toFake: ['Date'], now: START});
		const resolved = await resolveAccounts(
			{kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: [MEMBER_1, MEMBER_2]},
			{region: 'us-east-1', endpointUrl: emulator.url, baseSource: homeKeys()},
		);
		expect(resolved.problems).toEqual([]);
		api = createAwsApi({regions: REGIONS, endpointUrl: emulator.url, maxAttempts: 1, accounts: resolved.accounts});
		const store: AppStore = createAppStore({
			context: {
				label: 'accounts',
				regions: REGIONS,
				readOnly: true,
				local: false,
				readableAccounts: [MEMBER_1, MEMBER_2],
				accounts: resolved.accounts.map(entry => ({account: entry.account, label: entry.label})),
			},
		});
		poller = createPoller({store, api});
		const pollAllOk = async (): Promise<void> => {
			await poller!.tick();
			const health = selectRegionHealth(store.getState());
			expect(health.map(location => `${location.key} ${location.state}${location.message ? `: ${location.message}` : ''}`)).toEqual(
				resolved.accounts.flatMap(entry => REGIONS.map(region => `${entry.account}/${region} ok`)),
			);
		};

		const before = requests('AssumeRole');
		await pollAllOk();
		// Six locations, two accounts: one session each, shared by the account's three Regional clients.
		expect(requests('AssumeRole') - before).toBe(2);
		expect(Object.values(store.getState().executions).filter(row => row.account === MEMBER_1).length).toBeGreaterThan(0);

		// Half-way through the hour: the same sessions.
		advance(30 * MINUTE);
		await pollAllOk();
		expect(requests('AssumeRole') - before).toBe(2);

		// 51 minutes: inside ssmtop's shared window, but no client has asked yet (each asks in its last five minutes).
		advance(60 * MINUTE - REFRESH_AHEAD_MS + MINUTE - 30 * MINUTE);
		await pollAllOk();
		expect(requests('AssumeRole') - before).toBe(2);

		// 56 minutes, still before the hour is up: the clients ask, and the role is assumed again, once per account.
		advance(5 * MINUTE);
		await pollAllOk();
		expect(requests('AssumeRole') - before).toBe(4);

		// Past the first sessions' expiry: the renewed ones carry on, with no further call.
		advance(10 * MINUTE);
		await pollAllOk();
		expect(requests('AssumeRole') - before).toBe(4);
	});

	it('the first sessions do expire on the emulator: without renewal the calls would be refused', async () => {
		vi.useFakeTimers({toFake: ['Date'], now: emulator.control.now()});
		const {STSClient, AssumeRoleCommand} = await import('@aws-sdk/client-sts');
		const {SSMClient, DescribeAutomationExecutionsCommand} = await import('@aws-sdk/client-ssm');
		const sts = new STSClient({region: 'us-east-1', endpoint: emulator.url, credentials: homeKeys().credentials});
		const {Credentials} = await sts.send(
			new AssumeRoleCommand({RoleArn: `arn:aws:iam::${MEMBER_1}:role/OrganizationAccountAccessRole`, RoleSessionName: 'ssmtop'}),
		);
		sts.destroy();
		const ssm = new SSMClient({
			region: 'us-east-1',
			endpoint: emulator.url,
			maxAttempts: 1,
			credentials: {accessKeyId: Credentials!.AccessKeyId!, secretAccessKey: Credentials!.SecretAccessKey!, sessionToken: Credentials!.SessionToken!},
		});
		try {
			await ssm.send(new DescribeAutomationExecutionsCommand({}));
			advance(61 * MINUTE);
			await expect(ssm.send(new DescribeAutomationExecutionsCommand({}))).rejects.toMatchObject({name: expect.stringMatching(/ExpiredToken/)});
		} finally {
			ssm.destroy();
		}
	});
});

describe('--accounts org over several ListAccounts pages', () => {
	it('lists every active account of 46 (20 a page), named, without the suspended one', async () => {
		const before = requests('ListAccounts');
		const resolved = await resolveAccounts(
			{kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: 'org'},
			{region: 'us-east-1', endpointUrl: emulator.url, baseSource: homeKeys()},
		);
		expect(resolved.problems).toEqual([]);
		// Three pages of 20, 20 and 6.
		expect(requests('ListAccounts') - before).toBe(3);
		const organization = emulator.control.organization()!;
		const active = organization.accounts.filter(account => account.status === 'ACTIVE');
		expect(active.length).toBe(45);
		expect(resolved.accounts.map(entry => entry.account)).toEqual(active.map(account => account.id));
		expect(resolved.accounts.map(entry => entry.label)).toEqual(active.map(account => account.name));
		expect(resolved.accounts.some(entry => entry.account === generatedAccountId(25))).toBe(false);
		// Members through the role; the management account (the starting credentials' own) with those credentials.
		expect(resolved.accounts.filter(entry => entry.source.kind !== 'assume').map(entry => entry.account)).toEqual([emulator.homeAccount]);
		expect(resolved.accounts.find(entry => entry.account === emulator.homeAccount)?.source.kind).toBe('static');
	});
});
