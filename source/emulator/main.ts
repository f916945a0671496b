#!/usr/bin/env node
import {parseArgs} from 'node:util';
import {startEmulator} from './index.js';

const usage = `Usage: npm run emulator -- [options]

  --host <addr>            loopback address to listen on (default 127.0.0.1)
  --port <n>               port (default: a free port, printed at start)
  --seed <demo|none>       initial data (default demo)
  --time-scale <x>         run the engine clock x times faster (default 1)
  --throttle-rate <0..1>   share of requests answered with ThrottlingException
  --server-error-rate <0..1>  share of requests answered with HTTP 500 InternalServerError
  --latency-ms <n>         extra latency per request
  --down-regions <r1,r2>   regions whose requests fail with HTTP 503
  --help`;

function number(value: string | undefined, name: string): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const parsed = Number(value);
	if (!Number.isFinite(parsed)) {
		throw new Error(`--${name} takes a number`);
	}

	return parsed;
}

async function main(): Promise<void> {
	const {values} = parseArgs({
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
		console.log(usage);
		return;
	}

	const emulator = await startEmulator({
		host: values.host,
		port: number(values.port, 'port'),
		seed: values.seed,
		timeScale: number(values['time-scale'], 'time-scale'),
		faults: {
			throttleRate: number(values['throttle-rate'], 'throttle-rate'),
			serverErrorRate: number(values['server-error-rate'], 'server-error-rate'),
			latencyMs: number(values['latency-ms'], 'latency-ms'),
			downRegions: values['down-regions']?.split(',').filter(Boolean),
		},
	});
	console.log(emulator.url);
	const stop = () => {
		void emulator.close().then(() => process.exit(0));
	};

	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(`emulator: ${(error as Error).message}`);
	process.exit(1);
});
