import {parseArgs} from 'node:util';
import type {EmulatorOptions} from './index.js';

export const usage = `Usage: npm run emulator -- [options]

  --host <addr>               loopback address to listen on (default 127.0.0.1)
  --port <n>                  port (default: a free port, printed at start)
  --seed <demo|none>          initial data (default demo)
  --time-scale <x>            run the engine clock x times faster (default 1)
  --throttle-rate <0..1>      share of requests answered with ThrottlingException
  --server-error-rate <0..1>  share of requests answered with HTTP 500 InternalServerError
  --latency-ms <n>            extra latency per request
  --down-regions <r1,r2>      regions whose requests fail with HTTP 503
  --help`;

function number(value: string | undefined, name: string): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const parsed = Number(value);
	if (value.trim() === '' || !Number.isFinite(parsed)) {
		throw new Error(`--${name} takes a number`);
	}

	return parsed;
}

/** The emulator's command line → startEmulator options ('help' when --help was asked for). */
export function parseEmulatorArgs(argv: string[]): EmulatorOptions | 'help' {
	const {values} = parseArgs({
		args: argv,
		options: {
			host: {type: 'string'},
			port: {type: 'string'},
			seed: {type: 'string'},
			'time-scale': {type: 'string'},
			'throttle-rate': {type: 'string'},
			'server-error-rate': {type: 'string'},
			'latency-ms': {type: 'string'},
			'down-regions': {type: 'string'},
			help: {type: 'boolean'},
		},
		strict: true,
	});
	if (values.help) {
		return 'help';
	}

	const faults = {
		throttleRate: number(values['throttle-rate'], 'throttle-rate'),
		serverErrorRate: number(values['server-error-rate'], 'server-error-rate'),
		latencyMs: number(values['latency-ms'], 'latency-ms'),
		downRegions: values['down-regions']?.split(',').filter(Boolean),
	};
	return {
		host: values.host,
		port: number(values.port, 'port'),
		seed: values.seed,
		timeScale: number(values['time-scale'], 'time-scale'),
		faults: Object.fromEntries(Object.entries(faults).filter(([, value]) => value !== undefined)),
	};
}
