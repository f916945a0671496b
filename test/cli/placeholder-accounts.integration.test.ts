/**
 * Issue 11: a profile whose STS call failed at start is watched under `profile:NAME`; once its
 * credentials work again, it is named by its real account id everywhere — the watched account,
 * its locations, its rows — and read under that id. Real SDK clients against the emulator, with
 * its fault injection refusing the profile's key at start; profiles from a temporary HOME.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {callerAccount, resolveAccounts} from '../../source/aws/accounts/resolve-accounts.js';
import {createAwsApi} from '../../source/aws/index.js';
import {watchPlaceholderAccounts} from '../../source/cli/placeholder-accounts.js';
import {createRenewablePoller} from '../../source/cli/renewable-poller.js';
import {createManualClock, startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {generatedAccountId} from '../../source/emulator/identity/organization.js';
import {createPoller} from '../../source/poller/index.js';
import {createAppStore} from '../../source/store/app-store.js';
import {selectRegionHealth} from '../../source/store/data-selectors.js';
import {enterAwsHome, type AwsHome} from '../helpers/temp-aws-home.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
const LATE = generatedAccountId(1);
const GOOD = generatedAccountId(2);

let emulator: RunningEmulator;
let home: AwsHome | undefined;

beforeAll(async () => {
	emulator = await startEmulator({
		seed: 'none',
		clock: createManualClock(Date.UTC(2026, 10, 25, 12, 0, 0)),
		organization: {accounts: 2, regions: REGIONS, runsPerLocation: 2},
	});
	home = enterAwsHome('ssmtop-placeholder-', {
		config: ['[profile late]', 'region = us-east-1', '[profile good]', 'region = us-east-1'],
		credentials: [
			'[late]',
			`aws_access_key_id = ${emulator.accessKeyFor(LATE)}`,
			'aws_secret_access_key = not-a-secret',
			'[good]',
			`aws_access_key_id = ${emulator.accessKeyFor(GOOD)}`,
			'aws_secret_access_key = not-a-secret',
		],
	});
});

afterAll(async () => {
	home?.restore();
	await emulator?.close();
});

describe('a profile watched as profile:NAME', () => {
	it('gets its real account id once its credentials work again', async () => {
		// At start the profile's key is refused (as an expired session would be): STS cannot name its account.
		emulator.control.setFaults({expiredAccessKeys: [emulator.accessKeyFor(LATE)]});
		const settings = {region: 'us-east-1', endpointUrl: emulator.url};
		const resolved = await resolveAccounts({kind: 'profiles', patterns: ['late', 'good']}, settings);
		expect(resolved.accounts.map(entry => entry.account)).toEqual(['profile:late', GOOD]);

		const api = createAwsApi({regions: REGIONS, endpointUrl: emulator.url, maxAttempts: 1, accounts: resolved.accounts});
		const store = createAppStore({
			context: {
				label: '2 accounts',
				regions: REGIONS,
				readOnly: true,
				local: false,
				readableAccounts: resolved.accounts.map(entry => entry.account),
				accounts: resolved.accounts.map(entry => ({account: entry.account, label: entry.label, ...(entry.problem ? {problem: entry.problem} : {})})),
			},
		});
		// As cli.tsx wires it: the poller is made again once the placeholder's locations are renamed.
		const poller = createRenewablePoller(() => createPoller({store, api}));
		let identifyCalls = 0;
		const unsubscribe = watchPlaceholderAccounts({
			store,
			api,
			accounts: resolved.accounts,
			identify: async source => {
				identifyCalls++;
				return callerAccount(source, settings);
			},
			onIdentified: () => poller.renew(),
		});
		try {
			await poller.tick();
			const failing = selectRegionHealth(store.getState());
			expect(failing.map(location => `${location.key} ${location.state}`)).toEqual([
				'profile:late/us-east-1 error',
				'profile:late/eu-west-1 error',
				`${GOOD}/us-east-1 ok`,
				`${GOOD}/eu-west-1 ok`,
			]);
			expect(identifyCalls).toBe(0);

			// The credentials work again (aws sso login): the next listing succeeds, and STS names the account.
			emulator.control.setFaults({expiredAccessKeys: []});
			await poller.tick();
			await new Promise<void>(resolve => {
				const done = (): boolean => store.getState().context.accounts!.some(entry => entry.account === LATE);
				if (done()) resolve();
				const off = store.subscribe(() => {
					if (done()) {
						off();
						resolve();
					}
				});
			});
			const state = store.getState();
			expect(identifyCalls).toBe(1);
			expect(state.context.accounts).toEqual([
				{account: LATE, label: 'late'},
				{account: GOOD, label: 'good'},
			]);
			expect(state.context.readableAccounts).toEqual([LATE, GOOD]);
			expect(Object.keys(state.regions).sort()).toEqual([`${LATE}/eu-west-1`, `${LATE}/us-east-1`, `${GOOD}/eu-west-1`, `${GOOD}/us-east-1`]);
			// The rows listed under the placeholder now carry the id, and the next poll reads the account under it.
			const lateRows = Object.values(state.executions).filter(row => row.accountName === 'late');
			expect(lateRows.length).toBeGreaterThan(0);
			expect(lateRows.every(row => row.account === LATE)).toBe(true);
			await poller.tick();
			expect(selectRegionHealth(store.getState()).map(location => `${location.key} ${location.state}`)).toEqual([
				`${LATE}/us-east-1 ok`,
				`${LATE}/eu-west-1 ok`,
				`${GOOD}/us-east-1 ok`,
				`${GOOD}/eu-west-1 ok`,
			]);
			expect(Object.values(store.getState().executions).some(row => row.account === 'profile:late')).toBe(false);
		} finally {
			unsubscribe();
			poller.stop();
			api.destroy();
		}
	});
});
