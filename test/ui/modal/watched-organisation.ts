/**
 * The emulated organisation with the home account and one member watched through assumed roles
 * (OrganizationAccountAccessRole), as `--assume-role … --accounts HOME,MEMBER` wires it: the
 * emulator on a manual clock and the AWS api over its accounts, for the account-aware modal tests.
 */
import {resolveAccounts} from '../../../source/aws/accounts/resolve-accounts.js';
import {createAwsApi, type AwsApi} from '../../../source/aws/index.js';
import {createManualClock, startEmulator, type RunningEmulator} from '../../../source/emulator/index.js';

export async function startWatchedOrganisation(options: {
	readonly region: string;
	readonly member: string;
	/** Member accounts of the organisation (the watched member is one of them). */
	readonly accounts: number;
}): Promise<{readonly emulator: RunningEmulator; readonly api: AwsApi}> {
	const {region, member, accounts} = options;
	const emulator = await startEmulator({
		seed: 'none',
		clock: createManualClock(Date.UTC(2026, 11, 1, 12, 0, 0)),
		organization: {accounts, regions: [region], runsPerLocation: 1},
	});
	const resolved = await resolveAccounts(
		{kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: [emulator.homeAccount, member]},
		{
			region,
			endpointUrl: emulator.url,
			baseSource: {kind: 'static', credentials: {accessKeyId: emulator.accessKeyFor(emulator.homeAccount), secretAccessKey: 'not-a-secret'}},
		},
	);
	const api = createAwsApi({regions: [region], endpointUrl: emulator.url, maxAttempts: 1, accounts: resolved.accounts});
	return {emulator, api};
}
