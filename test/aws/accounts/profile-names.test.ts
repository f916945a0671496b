// --profile patterns over the profiles a temporary HOME's ~/.aws/config and credentials define,
// IAM Identity Center profiles (sso_session) included; sso-session and services sections are not profiles.
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {matchProfiles, profileNames} from '../../../source/aws/accounts/profile-names.js';
import {makeAwsHome, type AwsHome} from '../../helpers/temp-aws-home.js';

let aws: AwsHome | undefined;
let home: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
	aws = makeAwsHome('ssmtop-profiles-', {
		config: [
			'[default]',
			'region = us-east-1',
			'[profile prod-eu]',
			'sso_session = corp',
			'sso_account_id = 111122223333',
			'sso_role_name = ReadOnly',
			'[profile prod-us]',
			'sso_session = corp',
			'[ profile staging ]',
			'role_arn = arn:aws:iam::444455556666:role/Ops',
			'source_profile = default',
			'[sso-session corp]',
			'sso_start_url = https://corp.awsapps.com/start',
			'[services local]',
			'ssm =',
			'  endpoint_url = http://127.0.0.1:4566',
			'[legacy]',
		],
		credentials: '[prod-eu]\naws_access_key_id = x\n[ci]\naws_access_key_id = y\n',
	});
	home = aws.home;
	env = {HOME: home};
});

afterAll(() => aws?.restore());

describe('profiles for --profile', () => {
	it('reads every profile of both files once, and no sso-session or services section', () => {
		expect(profileNames(env)).toEqual(['default', 'prod-eu', 'prod-us', 'staging', 'legacy', 'ci']);
	});

	it('expands globs, keeps plain names, and reports a glob that matches nothing', () => {
		expect(matchProfiles(['prod-*', 'ci', 'prod-eu', 'dev-*'], profileNames(env))).toEqual({profiles: ['prod-eu', 'prod-us', 'ci'], unmatched: ['dev-*']});
		expect(matchProfiles(['?taging'], profileNames(env)).profiles).toEqual(['staging']);
		// A plain name stands for itself even if the files do not define it (the SDK reports that itself).
		expect(matchProfiles(['nope'], profileNames(env))).toEqual({profiles: ['nope'], unmatched: []});
	});

	it('takes the file locations from AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', () => {
		expect(profileNames({HOME: '/nonexistent', AWS_CONFIG_FILE: join(home, '.aws', 'config'), AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/x'})).toContain(
			'prod-us',
		);
	});
});
