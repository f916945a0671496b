import {describe, expect, it} from 'vitest';
import {CLIENTS_KEPT, createClientFactory} from '../../source/aws/client-factory.js';
import {enterAwsHome} from '../helpers/temp-aws-home.js';

const credentials = {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret'};

describe('SDK clients of many locations (issue 11)', () => {
	it('share one HTTP handler, so thousands of locations do not hold a socket each', () => {
		const factory = createClientFactory({regions: ['us-east-1'], endpointUrl: 'http://127.0.0.1:1', credentials});
		const first = factory.home('us-east-1');
		const other = factory.home('eu-west-1');
		expect(other).not.toBe(first);
		expect(other.config.requestHandler).toBe(first.config.requestHandler);
		factory.destroy();
	});

	it('keeps the CLIENTS_KEPT most recently used clients and makes an evicted one again', () => {
		const factory = createClientFactory({regions: ['us-east-1'], endpointUrl: 'http://127.0.0.1:1', credentials});
		const kept = factory.home('region-kept');
		const dropped = factory.home('region-dropped');
		for (let index = 0; index < CLIENTS_KEPT - 1; index++) {
			factory.home(`region-${index}`);
			// Used all along: stays the most recently used.
			expect(factory.home('region-kept')).toBe(kept);
		}

		expect(factory.home('region-kept')).toBe(kept);
		const again = factory.home('region-dropped');
		expect(again).not.toBe(dropped);
		expect(again.config.requestHandler).toBe(kept.config.requestHandler);
		factory.destroy();
	});

	it('resolve a source’s settings once, for every client made for it again, until reset()', async () => {
		const home = enterAwsHome('ssmtop-shared-settings-', {
			config: ['[profile ops]', 'region = eu-west-1', 'sdk_ua_app_id = on-call'],
			credentials: ['[ops]', 'aws_access_key_id = AKIDOPS', 'aws_secret_access_key = ops-secret'],
		});
		const fips = process.env['AWS_USE_FIPS_ENDPOINT'];
		try {
			process.env['AWS_USE_FIPS_ENDPOINT'] = 'true';
			const factory = createClientFactory({regions: ['us-east-1'], profile: 'ops'});
			const first = factory.home('us-east-1');
			expect(await first.config.useFipsEndpoint()).toBe(true);
			process.env['AWS_USE_FIPS_ENDPOINT'] = 'false';
			// Evicted and made again, as an organisation's locations are all the time: not resolved again.
			for (let index = 0; index < CLIENTS_KEPT; index++) factory.home(`region-${index}`);
			const again = factory.home('us-east-1');
			expect(again).not.toBe(first);
			expect(await again.config.useFipsEndpoint()).toBe(true);
			// What the profile says, and its credentials, reach the clients made again.
			expect(await again.config.userAgentAppId()).toBe('on-call');
			expect((await again.config.credentials()).accessKeyId).toBe('AKIDOPS');
			// reset() (after `aws sso login`, a resume) reads everything afresh.
			factory.reset();
			expect(await factory.home('us-east-1').config.useFipsEndpoint()).toBe(false);
			factory.destroy();
		} finally {
			if (fips === undefined) delete process.env['AWS_USE_FIPS_ENDPOINT'];
			else process.env['AWS_USE_FIPS_ENDPOINT'] = fips;
			home.restore();
		}
	});
});
