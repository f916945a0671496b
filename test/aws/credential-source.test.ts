import {describe, expect, it} from 'vitest';
import {credentialSourceLabel} from '../../source/aws/index.js';

describe('credentialSourceLabel', () => {
	it('names the profile given by flag or AWS_PROFILE', () => {
		expect(credentialSourceLabel({profile: 'prod'}, {AWS_PROFILE: 'other'})).toBe('profile prod');
		expect(credentialSourceLabel({}, {AWS_PROFILE: 'ops'})).toBe('profile ops');
	});

	it('says environment credentials, never the key, when the chain will use AWS_ACCESS_KEY_ID', () => {
		const label = credentialSourceLabel({}, {AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE1234567890'});
		expect(label).toBe('credentials from the environment');
		expect(label).not.toContain('AKID');
	});

	it('falls back to the default profile, and says nothing for explicit static credentials', () => {
		expect(credentialSourceLabel({}, {})).toBe('profile default');
		expect(credentialSourceLabel({credentials: {accessKeyId: 'a', secretAccessKey: 'b'}}, {})).toBeUndefined();
	});
});
