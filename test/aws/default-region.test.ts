import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {resolveDefaultRegion} from '../../source/aws/index.js';

let saved: NodeJS.ProcessEnv;
beforeEach(() => {
	saved = {...process.env};
	delete process.env['AWS_REGION'];
	delete process.env['AWS_DEFAULT_REGION'];
	delete process.env['AWS_PROFILE'];
	const dir = mkdtempSync(join(tmpdir(), 'ssmtop-region-'));
	writeFileSync(join(dir, 'config'), '[profile ops]\nregion = eu-central-1\n');
	process.env['AWS_CONFIG_FILE'] = join(dir, 'config');
	process.env['AWS_SHARED_CREDENTIALS_FILE'] = join(dir, 'credentials');
});
afterEach(() => {
	process.env = saved;
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
