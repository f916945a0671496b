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
});
