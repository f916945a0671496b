import {describe, expect, it} from 'vitest';
import {awsConfiguration} from '../../source/aws/aws-configured.js';
import {validateFlags, withDefaultMode, type RawFlags} from '../../source/cli/flags.js';

const nothing = (): boolean => false;
const bareEnv = {HOME: '/home/nobody'};

describe('awsConfiguration', () => {
	it('finds nothing on a machine with no AWS variables and no shared files', () => {
		expect(awsConfiguration(bareEnv, nothing)).toBeUndefined();
	});

	it.each(['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_ENDPOINT_URL_SSM'])('names %s when it is set', name => {
		expect(awsConfiguration({...bareEnv, [name]: 'x'}, nothing)).toBe(`${name} is set`);
	});

	it('ignores variables set to the empty string', () => {
		expect(awsConfiguration({...bareEnv, AWS_PROFILE: ''}, nothing)).toBeUndefined();
	});

	it('finds the shared config file, honouring AWS_CONFIG_FILE', () => {
		const env = {...bareEnv, AWS_CONFIG_FILE: '/etc/aws/config'};
		expect(awsConfiguration(env, path => path === '/etc/aws/config')).toBe('/etc/aws/config exists');
		expect(awsConfiguration(bareEnv, path => path === '/home/nobody/.aws/credentials')).toBe('/home/nobody/.aws/credentials exists');
	});
});

describe('withDefaultMode', () => {
	const flags: RawFlags = {local: false, interval: 5, readOnly: false, accountProfile: [], color: true, notify: 'desktop', once: false, json: false};
	const options = (extra: Partial<RawFlags> = {}) => {
		const result = validateFlags({...flags, ...extra});
		if ('errors' in result) throw new Error(result.errors.join('\n'));
		return result.options;
	};

	it('runs the emulator when no flag chooses a connection and the machine has no AWS set-up', async () => {
		const env = {HOME: '/nonexistent-ssmtop-home'};
		expect((await withDefaultMode(options(), env)).local).toBe(true);
	});

	it('uses AWS as soon as a connection flag is given', async () => {
		const env = {HOME: '/nonexistent-ssmtop-home'};
		expect((await withDefaultMode(options({region: 'us-east-1'}), env)).local).toBe(false);
		expect((await withDefaultMode(options({profile: 'prod'}), env)).local).toBe(false);
		expect((await withDefaultMode(options({endpointUrl: 'http://127.0.0.1:1'}), env)).local).toBe(false);
	});

	it('uses AWS when the environment carries credentials', async () => {
		const env = {HOME: '/nonexistent-ssmtop-home', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE'};
		expect((await withDefaultMode(options(), env)).local).toBe(false);
	});
});
