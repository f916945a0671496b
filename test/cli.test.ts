import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {connectionContext} from '../source/cli.js';
import {unknownFlags, validateFlags, type RawFlags} from '../source/cli/flags.js';

const defaults: RawFlags = {local: false, interval: 5, readOnly: false, accountProfile: [], color: true, notify: 'desktop', once: false, json: false};
const errorsOf = (flags: Partial<RawFlags>): readonly string[] => {
	const result = validateFlags({...defaults, ...flags});
	return 'errors' in result ? result.errors : [];
};

describe('validateFlags', () => {
	it('accepts the defaults and converts units', () => {
		const result = validateFlags({...defaults, region: 'us-east-1, eu-west-1', interval: 2.5, accountProfile: ['111122223333=audit'], filter: 'status:failed'});
		expect(result).toEqual({
			options: {
				local: false,
				regions: ['us-east-1', 'eu-west-1'],
				intervalMs: 2500,
				readOnly: false,
				filter: 'status:failed',
				accountProfiles: {'111122223333': 'audit'},
				color: true,
				notify: 'desktop',
				once: false,
				json: false,
			},
		});
	});

	it.each<[string, Partial<RawFlags>, RegExp]>([
		['a region that is not one', {region: 'us-east-1,moon'}, /--region: "moon" is not a region name/],
		['an interval under 2 s', {interval: 1}, /--interval: 1 is too short.*2 or more/],
		['an interval that is not a number', {interval: Number.NaN}, /--interval: give a number of seconds, 2 or more/],
		['--region without a region', {region: ' , '}, /--region needs at least one region name/],
		['--profile without a name', {profile: ''}, /--profile needs a profile name/],
		['a bad endpoint', {endpointUrl: 'ftp://x'}, /--endpoint-url: "ftp:\/\/x" is not an http\(s\) URL/],
		['--local with --profile', {local: true, profile: 'prod'}, /--local .* cannot be combined with --profile/],
		['a filter with errors', {filter: 'colour:red'}, /--filter: unknown column "colour"/],
		['an account mapping without =', {accountProfile: ['111122223333']}, /--account-profile: "111122223333" should be ACCOUNT=PROFILE/],
		['an account that is not 12 digits', {accountProfile: ['12=audit']}, /12-digit account id/],
		['--json without --once', {json: true}, /--json only applies with --once/],
		['a call budget under 1', {maxCallsPerSecond: 0}, /--max-calls-per-second: give a number of calls a second, 1 or more \(default 200\)/],
		['a call budget that is not a number', {maxCallsPerSecond: Number.NaN}, /--max-calls-per-second: give a number/],
		['a fractional concurrency cap', {maxConcurrentCalls: 2.5}, /--max-concurrent-calls: give a whole number of requests, 1 or more \(default 32\)/],
	])('rejects %s with a clear message', (_name, flags, message) => {
		const errors = errorsOf(flags);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(message);
	});

	it.each<[string, Partial<RawFlags>, RegExp]>([
		['--accounts without --assume-role', {accounts: 'org'}, /--accounts only applies with --assume-role ROLE/],
		['--external-id without --assume-role', {externalId: 'x-123'}, /--external-id only applies with --assume-role/],
		['--assume-role without --accounts', {assumeRole: 'Ops'}, /--assume-role needs --accounts/],
		['--assume-role with an ARN', {assumeRole: 'arn:aws:iam::111122223333:role/Ops', accounts: 'org'}, /give the role's name, not its ARN.*--assume-role Ops/],
		['--assume-role with a bad name', {assumeRole: 'my role', accounts: 'org'}, /"my role" is not an IAM role name/],
		['--accounts with a bad id', {assumeRole: 'Ops', accounts: '111122223333,12'}, /--accounts: "12" is not an account id/],
		['--assume-role with a profile list', {assumeRole: 'Ops', accounts: 'org', profile: 'a,b'}, /--assume-role takes one starting profile/],
		['--assume-role with a profile glob', {assumeRole: 'Ops', accounts: 'org', profile: 'prod-*'}, /--assume-role takes one starting profile/],
		['--local with a profile list', {local: true, profile: 'a,b'}, /--local .* cannot be combined with --profile/],
	])('accounts: rejects %s with a clear message', (_name, flags, message) => {
		const errors = errorsOf(flags);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(message);
	});

	it('a list or a glob of profiles watches several accounts; one name stays the starting profile', () => {
		const of = (flags: Partial<RawFlags>) => {
			const result = validateFlags({...defaults, ...flags});
			if ('errors' in result) throw new Error(result.errors.join());
			return result.options;
		};
		expect(of({profile: 'a, b'})).toMatchObject({accounts: {kind: 'profiles', patterns: ['a', 'b']}});
		expect(of({profile: 'a, b'}).profile).toBeUndefined();
		expect(of({profile: 'prod-*'}).accounts).toEqual({kind: 'profiles', patterns: ['prod-*']});
		expect(of({profile: 'prod'})).toMatchObject({profile: 'prod'});
		expect(of({profile: 'prod'}).accounts).toBeUndefined();
		expect(of({profile: 'hub', assumeRole: 'Ops', accounts: '111122223333, 444455556666,111122223333', externalId: 'ext-1'}).accounts).toEqual({
			kind: 'assume-role',
			roleName: 'Ops',
			accounts: ['111122223333', '444455556666'],
			externalId: 'ext-1',
			baseProfile: 'hub',
		});
		expect(of({assumeRole: 'OrganizationAccountAccessRole', accounts: 'ORG'}).accounts).toEqual({
			kind: 'assume-role',
			roleName: 'OrganizationAccountAccessRole',
			accounts: 'org',
		});
	});

	it('passes the request budget on only when given (the poller has the defaults)', () => {
		const of = (flags: Partial<RawFlags>) => {
			const result = validateFlags({...defaults, ...flags});
			if ('errors' in result) throw new Error(result.errors.join());
			return result.options;
		};
		expect(of({}).budget).toBeUndefined();
		expect(of({maxCallsPerSecond: 20}).budget).toEqual({callsPerSecond: 20});
		expect(of({maxCallsPerSecond: 2.5, maxConcurrentCalls: 4}).budget).toEqual({callsPerSecond: 2.5, maxConcurrent: 4});
	});

	it('reports every problem at once', () => {
		expect(errorsOf({interval: 0, region: 'x', json: true})).toHaveLength(3);
	});
});

describe('unknownFlags (meow would exit with its own bare report)', () => {
	it.each<[string[], string[]]>([
		[['--bogus'], ['--bogus']],
		[['--bogus-flag=3', 'x'], ['--bogus-flag']],
		[['--local', '--bogus', '--read-only', '--bogus'], ['--bogus']],
		[
			['-x', '-abc'],
			['-x', '-abc'],
		],
		[
			['--Local', '--read_only', '--noColor', '--no-colour'],
			['--Local', '--read_only', '--noColor', '--no-colour'],
		],
		// A string flag does not take a value that starts with "-": meow reads it as a flag.
		[['--filter', '-foo'], ['-foo']],
		[['--region', '--x'], ['--x']],
	])('%j → %j', (argv, unknown) => {
		expect(unknownFlags(argv)).toEqual(unknown);
	});

	it.each<[string[]]>([
		[['--local', '--read-only', '--readOnly', '--no-color', '--no-read-only']],
		[['--endpoint-url=http://x', '--endpointUrl', 'http://y', '--account-profile', 'a=b', '--accountProfile=c']],
		[['--interval', '-1', '--interval=-1.5', '--interval', '-.5', '--interval', '-1e3']],
		[['--help', '--version', '--no-help']],
		[['--local', '--', '--not-a-flag', '-x']],
		[['-', 'positional']],
	])('accepts %j', argv => {
		expect(unknownFlags(argv)).toEqual([]);
	});
});

describe('validateFlags with unknown flags', () => {
	it('reports them first, one paragraph, with the documented flag a typo most likely meant', () => {
		expect(validateFlags({...defaults, interval: 1}, ['--colour', '--Local', '--regions', '--readonly', '--bogus', '-x'])).toEqual({
			errors: [
				'unknown flags --colour (did you mean --color?), --Local (did you mean --local?), --regions (did you mean --region?), --readonly (did you mean --read-only?), --bogus, -x.',
				expect.stringMatching(/^--interval: 1 is too short/),
			],
		});
	});

	it('one unknown flag: singular', () => {
		expect(validateFlags(defaults, ['--bogus'])).toEqual({errors: ['unknown flag --bogus.']});
	});
});

describe('connectionContext', () => {
	const options = (flags: Partial<RawFlags>) => {
		const result = validateFlags({...defaults, ...flags});
		if ('errors' in result) throw new Error(result.errors.join());
		return result.options;
	};

	it('local: every account readable, labelled as the emulator', () => {
		expect(connectionContext(options({local: true, readOnly: true}), ['us-east-1'], '123456789012')).toEqual({
			label: 'local emulator',
			regions: ['us-east-1'],
			readOnly: true,
			local: true,
			account: '123456789012',
			readableAccounts: 'all',
			refreshIntervalMs: 5000,
		});
	});

	it('carries --interval, so the header calls data stale only after three missed refreshes', () => {
		expect(connectionContext(options({interval: 30}), ['us-east-1']).refreshIntervalMs).toBe(30_000);
	});

	it('AWS: only the mapped accounts are readable', () => {
		const context = connectionContext(options({profile: 'prod', accountProfile: ['111122223333=audit']}), ['eu-west-1']);
		expect(context).toMatchObject({label: 'profile prod', profile: 'prod', local: false, readableAccounts: ['111122223333']});
	});
});

// The built program (npm test builds before running vitest).
const built = join(import.meta.dirname, '..', 'dist', 'cli.js');

describe.skipIf(!existsSync(built))('the built CLI', () => {
	const run = (...args: string[]) =>
		spawnSync(process.execPath, [built, ...args], {
			encoding: 'utf8',
			stdio: ['pipe', 'pipe', 'pipe'],
			timeout: 20_000,
			env: {...process.env, AWS_PROFILE: '', AWS_REGION: ''},
		});

	it('--version prints the version', () => {
		const result = run('--version');
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('--help lists the options', () => {
		const result = run('--help');
		expect(result.status).toBe(0);
		expect(result.stdout).toContain('--account-profile');
		expect(result.stdout).toContain('--read-only');
	});

	it('exits 2 with one paragraph per bad flag', () => {
		const result = run('--interval', '1');
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/--interval: 1 is too short/);
	});

	it('exits 2 on an unknown flag, with the prefix and the pointer to --help of every flag error', () => {
		const result = run('--bogus');
		expect(result.status).toBe(2);
		expect(result.stderr).toBe('ssmtop: unknown flag --bogus.\nRun "ssmtop --help" for usage.\n');
	});

	it('exits 2 when not attached to a terminal', () => {
		const result = run('--local');
		expect(result.status).toBe(2);
		expect(result.stderr).toMatch(/must be a terminal \(TTY\)/);
	});

	it('--local --once --json prints the emulator executions without a terminal', () => {
		const result = run('--local', '--once', '--json', '--filter', 'status:problem');
		expect(result.status).toBe(0);
		const rows = result.stdout
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as {AutomationExecutionStatus: string});
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every(row => ['Failed', 'TimedOut', 'CompletedWithFailure', 'Rejected'].includes(row.AutomationExecutionStatus))).toBe(true);
	});

	it('--local --assume-role … --accounts org lists every account of the organisation, each row with its own AccountId', () => {
		const result = run('--local', '--assume-role', 'OrganizationAccountAccessRole', '--accounts', 'org', '--region', 'us-east-1', '--once', '--json');
		expect(result.status).toBe(0);
		expect(result.stderr).toBe('');
		const rows = result.stdout
			.trimEnd()
			.split('\n')
			.map(line => JSON.parse(line) as {AccountId?: string; Region: string});
		const accounts = new Set(rows.map(row => row.AccountId));
		// The demo organisation: the home (management) account and its active members, each listed in its own account.
		expect(accounts.has('123456789012')).toBe(true);
		expect(accounts.has('111122223333')).toBe(true);
		expect(accounts.size).toBeGreaterThanOrEqual(5);
		expect(rows.every(row => /^\d{12}$/.test(row.AccountId ?? '') && row.Region === 'us-east-1')).toBe(true);
		// The plain form names each row's account (its Organizations name) before the region.
		const plain = run('--local', '--assume-role', 'OrganizationAccountAccessRole', '--accounts', 'org', '--region', 'us-east-1', '--once');
		expect(plain.status).toBe(0);
		const names = new Set(
			plain.stdout
				.trimEnd()
				.split('\n')
				.map(line => line.split('\t')[3]),
		);
		expect(names.has('prod-payments')).toBe(true);
		expect(names.has('acme-management')).toBe(true);
	});
});
