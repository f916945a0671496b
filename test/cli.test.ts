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
	])('rejects %s with a clear message', (_name, flags, message) => {
		const errors = errorsOf(flags);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(message);
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
});
