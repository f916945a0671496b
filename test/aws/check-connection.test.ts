import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkRegions, startupMessage} from '../../source/aws/check-connection.js';
import {profileExists} from '../../source/aws/profiles.js';
import {withoutAwsCredentials} from '../helpers/without-aws-credentials.js';

describe('startupMessage', () => {
	it('says a shared problem once, naming the regions and what to check', () => {
		const message = startupMessage(
			[
				{region: 'us-east-1', ok: false, kind: 'unreachable', message: 'x', detail: 'connect ECONNREFUSED 127.0.0.1:9'},
				{region: 'eu-west-1', ok: false, kind: 'unreachable', message: 'y', detail: 'connect ECONNREFUSED 127.0.0.1:9'},
			],
			{endpointUrl: 'http://127.0.0.1:9'},
		);
		expect(message).toBe(
			'ssmtop cannot reach SSM at http://127.0.0.1:9 for us-east-1 and eu-west-1 (connect ECONNREFUSED 127.0.0.1:9). Check --endpoint-url, --region, the network and any proxy.',
		);
	});

	it('explains missing credentials and access denied in words', () => {
		expect(startupMessage([{region: 'us-east-1', ok: false, kind: 'credentials', message: 'm'}], {profile: 'prod'})).toMatch(
			/^ssmtop found no usable AWS credentials for profile prod\. .*--profile\.$/,
		);
		expect(startupMessage([{region: 'us-east-1', ok: false, kind: 'access-denied', message: 'm', detail: 'not authorized'}], {})).toContain(
			'ssm:DescribeAutomationExecutions',
		);
	});
});

describe('profiles', () => {
	it('finds profiles in the config and credentials files', () => {
		const dir = mkdtempSync(join(tmpdir(), 'ssmtop-profiles-'));
		writeFileSync(join(dir, 'config'), '[default]\nregion=us-east-1\n[profile ops]\nregion = eu-west-1\n');
		writeFileSync(join(dir, 'credentials'), '[legacy]\naws_access_key_id = x\n');
		const env = {AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials')};
		expect(profileExists('ops', env)).toBe(true);
		expect(profileExists('legacy', env)).toBe(true);
		expect(profileExists('default', env)).toBe(true);
		expect(profileExists('opz', env)).toBe(false);
		expect(profileExists('ops', {AWS_CONFIG_FILE: join(dir, 'missing'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'missing')})).toBe(false);
	});

	it('checkRegions refuses an unknown profile before any call', async () => {
		const check = await withoutAwsCredentials(async () => checkRegions([], {profile: 'typo'}));
		expect(check.ok).toBe(false);
		expect(check.message).toContain('The AWS profile typo does not exist');
	});
});

describe('checkRegions against the emulator', () => {
	it('starts when a region is down or throttled (the poller shows it), not when the endpoint is unreachable', async () => {
		const {startEmulator} = await import('../../source/emulator/index.js');
		const {createAwsApi} = await import('../../source/aws/index.js');
		const emulator = await startEmulator({seed: 'none', faults: {downRegions: ['eu-west-1']}});
		try {
			const credentials = {accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret'};
			const api = createAwsApi({regions: ['us-east-1', 'eu-west-1'], endpointUrl: emulator.url, credentials});
			const oneDown = await api.checkConnection({timeoutMs: 5000});
			expect(oneDown.ok).toBe(true);
			expect(oneDown.regions.find(region => region.region === 'eu-west-1')).toMatchObject({ok: false, kind: 'server'});
			api.destroy();
			emulator.control.setFaults({downRegions: ['us-east-1', 'eu-west-1']});
			const allDown = createAwsApi({regions: ['us-east-1', 'eu-west-1'], endpointUrl: emulator.url, credentials});
			expect((await allDown.checkConnection({timeoutMs: 5000})).ok).toBe(true);
			allDown.destroy();
		} finally {
			await emulator.close();
		}

		const unreachable = createAwsApi({
			regions: ['us-east-1'],
			endpointUrl: emulator.url,
			credentials: {accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret'},
		});
		const check = await unreachable.checkConnection({timeoutMs: 5000});
		expect(check.ok).toBe(false);
		expect(check.message).toMatch(/cannot reach SSM/);
		unreachable.destroy();
	});
});
