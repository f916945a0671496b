import {describe, expect, it} from 'vitest';
import {parseEmulatorArgs} from '../../source/emulator/cli-args.js';

describe('emulator command line', () => {
	it('maps flags to startEmulator options', () => {
		expect(
			parseEmulatorArgs([
				'--port',
				'4583',
				'--seed',
				'none',
				'--time-scale',
				'20',
				'--throttle-rate',
				'0.2',
				'--server-error-rate',
				'0.05',
				'--latency-ms',
				'30',
				'--down-regions',
				'eu-west-1,ap-southeast-2',
			]),
		).toEqual({
			host: undefined,
			port: 4583,
			seed: 'none',
			timeScale: 20,
			faults: {throttleRate: 0.2, serverErrorRate: 0.05, latencyMs: 30, downRegions: ['eu-west-1', 'ap-southeast-2']},
		});
	});

	it('leaves faults off when no fault flag is given', () => {
		expect(parseEmulatorArgs([])).toEqual({host: undefined, port: undefined, seed: undefined, timeScale: undefined, faults: {}});
	});

	it('asks for help, and rejects unknown flags and non-numbers', () => {
		expect(parseEmulatorArgs(['--help'])).toBe('help');
		expect(() => parseEmulatorArgs(['--bogus'])).toThrow();
		expect(() => parseEmulatorArgs(['--port', 'eighty'])).toThrow(/--port takes a number/);
	});

	it('--org: the demo organisation, none, or n generated members with their Regions, runs and home', () => {
		expect(parseEmulatorArgs(['--org', 'none'])).toMatchObject({organization: 'none'});
		expect(parseEmulatorArgs(['--org', '500', '--org-regions', '20', '--org-runs', '2', '--org-home', 'delegated-administrator'])).toMatchObject({
			organization: {accounts: 500, regions: 20, runsPerLocation: 2, home: 'delegated-administrator'},
		});
		expect(parseEmulatorArgs(['--org', '3', '--org-regions', 'us-east-1,eu-west-1'])).toMatchObject({
			organization: {accounts: 3, regions: ['us-east-1', 'eu-west-1']},
		});
		expect(() => parseEmulatorArgs(['--org-runs', '2'])).toThrow(/needs --org <n>/);
		expect(() => parseEmulatorArgs(['--org', 'zero'])).toThrow();
		expect(() => parseEmulatorArgs(['--org', '3', '--org-home', 'member'])).toThrow(/--org-home takes/);
	});
});
