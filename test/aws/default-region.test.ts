import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {resolveDefaultRegion} from '../../source/aws/index.js';
import {enterAwsHome, type AwsHome} from '../helpers/temp-aws-home.js';

let home: AwsHome | undefined;
beforeEach(() => {
	home = enterAwsHome('ssmtop-region-', {config: ['[profile ops]', 'region = eu-central-1']});
});
afterEach(() => {
	home?.restore();
	home = undefined;
});

describe('resolveDefaultRegion', () => {
	it("reads the profile's region, AWS_REGION first", async () => {
		expect(await resolveDefaultRegion('ops')).toBe('eu-central-1');
		process.env['AWS_REGION'] = 'ap-south-1';
		expect(await resolveDefaultRegion('ops')).toBe('ap-south-1');
	});

	it('is undefined when nothing names a region', async () => {
		expect(await resolveDefaultRegion('unknown')).toBeUndefined();
	});
});
