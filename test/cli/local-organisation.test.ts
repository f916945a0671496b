// Issue 11: --local watches the emulated organisation by default; --accounts self keeps the home account alone.
import {describe, expect, it} from 'vitest';
import {LOCAL_ORGANISATION, validateFlags, withDefaultMode, type CliOptions, type RawFlags} from '../../source/cli/flags.js';

const defaults: RawFlags = {local: false, interval: 5, readOnly: false, accountProfile: [], color: true, notify: 'off', once: false, json: false};

function options(flags: Partial<RawFlags>): CliOptions {
	const result = validateFlags({...defaults, ...flags});
	if ('errors' in result) throw new Error(result.errors.join('\n'));
	return result.options;
}

const errorsOf = (flags: Partial<RawFlags>): readonly string[] => {
	const result = validateFlags({...defaults, ...flags});
	return 'errors' in result ? result.errors : [];
};

describe('--local and the organisation', () => {
	it('--local alone watches every account of the organisation through OrganizationAccountAccessRole', () => {
		expect(options({local: true}).accounts).toEqual({kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: 'org'});
		expect(options({local: true, once: true, json: true}).accounts).toEqual(LOCAL_ORGANISATION);
	});

	it('--accounts self watches the home account alone, with --local or without', () => {
		const local = options({local: true, accounts: 'self'});
		expect(local.accounts).toBeUndefined();
		expect(local.singleAccount).toBe(true);
		expect(options({accounts: ' SELF '}).accounts).toBeUndefined();
		expect(errorsOf({accounts: 'self'})).toEqual([]);
	});

	it('--local --accounts IDS assumes the organisation role in just those accounts', () => {
		expect(options({local: true, accounts: '111122223333,210987654321'}).accounts).toEqual({
			kind: 'assume-role',
			roleName: 'OrganizationAccountAccessRole',
			accounts: ['111122223333', '210987654321'],
		});
		expect(options({local: true, assumeRole: 'Ops', accounts: 'org'}).accounts).toMatchObject({roleName: 'Ops', accounts: 'org'});
	});

	it('without --local, --accounts still needs --assume-role, and self takes none', () => {
		expect(errorsOf({accounts: 'org'}).join()).toMatch(/--accounts only applies with --assume-role/);
		expect(errorsOf({assumeRole: 'Ops', accounts: 'self'}).join()).toMatch(/--accounts self .* takes no --assume-role/);
		expect(options({}).accounts).toBeUndefined();
	});

	it('the implicit --local (nothing configured for AWS) watches the organisation too, unless --accounts self', async () => {
		const env = {HOME: '/nonexistent-ssmtop-home', AWS_CONFIG_FILE: '/nonexistent/config', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials'};
		const implicit = await withDefaultMode(options({}), env);
		expect(implicit.local).toBe(true);
		expect(implicit.accounts).toEqual(LOCAL_ORGANISATION);
		const self = await withDefaultMode(options({accounts: 'self'}), env);
		expect(self.local).toBe(true);
		expect(self.accounts).toBeUndefined();
	});
});
