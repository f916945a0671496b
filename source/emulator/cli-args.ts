import {parseArgs} from 'node:util';
import type {OrganizationOption} from './identity/organization.js';
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
  --org <demo|none|n>         the AWS Organization: the demo's (default), none, or n generated members
  --org-regions <n|r1,r2>     regions a generated organisation's members have runs in (default 3)
  --org-runs <n>              runs per member account and region of a generated organisation (default 6)
  --org-home <management|delegated-administrator>
                              what the home account is in a generated organisation (default management)
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

function organization(values: Record<string, string | boolean | undefined>): OrganizationOption | undefined {
	const org = values['org'] as string | undefined;
	const generatedFlags = ['org-regions', 'org-runs', 'org-home'].filter(name => values[name] !== undefined);
	if (org === undefined || org === 'demo' || org === 'none') {
		if (generatedFlags.length > 0) {
			throw new Error(`--${generatedFlags[0]} needs --org <n> (a generated organisation)`);
		}

		return org;
	}

	const accounts = number(org, 'org');
	if (!Number.isInteger(accounts) || accounts! < 1) {
		throw new Error('--org takes demo, none or a number of member accounts');
	}

	const regionsText = values['org-regions'] as string | undefined;
	const home = values['org-home'] as string | undefined;
	if (home !== undefined && home !== 'management' && home !== 'delegated-administrator') {
		throw new Error('--org-home takes management or delegated-administrator');
	}

	return {
		accounts: accounts!,
		...(regionsText === undefined ? {} : {regions: /^\d+$/.test(regionsText) ? Number(regionsText) : regionsText.split(',').filter(Boolean)}),
		...(values['org-runs'] === undefined ? {} : {runsPerLocation: number(values['org-runs'] as string, 'org-runs')!}),
		...(home === undefined ? {} : {home}),
	};
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
			org: {type: 'string'},
			'org-regions': {type: 'string'},
			'org-runs': {type: 'string'},
			'org-home': {type: 'string'},
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
		organization: organization(values),
	};
}
