#!/usr/bin/env node
/**
 * The composition root: flags (meow) → emulator (--local) → AWS api → store →
 * poller → render(<App/>). The only file that wires concrete pieces together.
 * Bad flags exit with 2, a failed connection check with 1, both with one paragraph.
 */
import {realpathSync} from 'node:fs';
import {constants as osConstants} from 'node:os';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import meow from 'meow';
import {compileFilter} from './core/filter.js';
import {executionJsonLines} from './core/execution-json.js';
import type {ActionPort} from './core/ports.js';
import {createAppStore, type AppStore} from './store/app-store.js';
import type {ConnectionContext} from './store/state.js';
import {selectVisibleRows} from './store/selectors.js';
import {themeFromEnvironment} from './ui/theme.js';
// Types only here: the SDK, the poller and the emulator are imported when needed, so --help,
// --version and flag errors answer at once and AWS mode never loads the emulator.
import type {AwsApi, AwsApiOptions} from './aws/index.js';
import type {Poller} from './poller/index.js';
import type {RunningEmulator} from './emulator/index.js';

const HELP = `
  Usage
    $ ssmtop [options]

  Watch and drive AWS Systems Manager Automation executions.

  Options
    --local                   Run against the embedded SSM emulator (demo data); no AWS account needed.
                              This is the default when no connection flag is given and nothing on
                              this machine is configured for AWS (no AWS_* credentials or profile
                              variables, no ~/.aws/config or ~/.aws/credentials)
    --profile NAME            AWS profile (default: the SDK chain: env, AWS_PROFILE, SSO, …)
    --region R1,R2,…          Regions to watch (default: the profile's region)
    --endpoint-url URL        Send SSM calls to this endpoint
    --interval SECONDS        List refresh interval, at least 2 (default 5)
    --read-only               Hide and disable start, re-run, stop and signal
    --filter EXPR             Initial filter, same syntax as / (e.g. "status:failed doc:AWS-")
    --account-profile A=P     Read child executions of account A with profile P (repeatable)
    --no-color                No colours (NO_COLOR is honoured too)
    --once                    Print the executions once and exit (no terminal UI)
    --json                    With --once: print JSON Lines (one object per execution)
    --version                 Show the version
    --help                    Show this help

  Examples
    $ ssmtop --local
    $ ssmtop --profile prod --region us-east-1,eu-west-1 --read-only
    $ ssmtop --account-profile 111122223333=audit --filter status:problem
`;

export interface RawFlags {
	readonly local: boolean;
	readonly profile?: string;
	readonly region?: string;
	readonly endpointUrl?: string;
	readonly interval: number;
	readonly readOnly: boolean;
	readonly filter?: string;
	readonly accountProfile: readonly string[];
	readonly color: boolean;
	readonly once: boolean;
	readonly json: boolean;
}

export interface CliOptions {
	readonly local: boolean;
	readonly profile?: string;
	readonly regions: readonly string[];
	readonly endpointUrl?: string;
	readonly intervalMs: number;
	readonly readOnly: boolean;
	readonly filter: string;
	readonly accountProfiles: Readonly<Record<string, string>>;
	readonly color: boolean;
	readonly once: boolean;
	readonly json: boolean;
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
const LOCAL_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** Checks every flag; returns the options or one paragraph per problem (exit 2). */
export function validateFlags(flags: RawFlags): {readonly options: CliOptions} | {readonly errors: readonly string[]} {
	const errors: string[] = [];
	const regions = (flags.region ?? '')
		.split(',')
		.map(region => region.trim())
		.filter(Boolean);
	const badRegions = regions.filter(region => !REGION.test(region));
	if (badRegions.length > 0) {
		errors.push(`--region: ${badRegions.map(region => `"${region}"`).join(', ')} is not a region name. Give a comma-separated list such as --region us-east-1,eu-west-1.`);
	}

	if (flags.region !== undefined && regions.length === 0) {
		errors.push('--region needs at least one region name, e.g. --region us-east-1,eu-west-1 (leave it out to use the profile\'s region).');
	}

	if (flags.profile !== undefined && flags.profile.trim() === '') {
		errors.push('--profile needs a profile name, e.g. --profile prod (leave it out to use the default credentials).');
	}

	if (!Number.isFinite(flags.interval)) {
		errors.push('--interval: give a number of seconds, 2 or more (default 5), e.g. --interval 10.');
	} else if (flags.interval < 2) {
		errors.push(`--interval: ${String(flags.interval)} is too short. ssmtop refreshes at most every 2 seconds, to stay clear of SSM's rate limits; give a number of seconds of 2 or more (default 5).`);
	}

	if (flags.endpointUrl !== undefined) {
		try {
			const url = new URL(flags.endpointUrl);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
		} catch {
			errors.push(`--endpoint-url: "${flags.endpointUrl}" is not an http(s) URL. Give the full address, e.g. --endpoint-url https://ssm.us-east-1.amazonaws.com.`);
		}
	}

	if (flags.local && (flags.profile !== undefined || flags.endpointUrl !== undefined)) {
		errors.push('--local runs against the embedded emulator, so it cannot be combined with --profile or --endpoint-url. Drop --local to use AWS, or drop the others to use the emulator.');
	}

	if (flags.filter !== undefined) {
		const {errors: filterErrors} = compileFilter(flags.filter);
		if (filterErrors.length > 0) {
			errors.push(`--filter: ${filterErrors.join('; ')}. Terms are free text or column:value with doc, status, type, region, mode or id; ! negates a term.`);
		}
	}

	const accountProfiles: Record<string, string> = {};
	for (const mapping of flags.accountProfile) {
		const [account, profile, ...rest] = mapping.split('=');
		if (!account || !ACCOUNT.test(account) || !profile || rest.length > 0) {
			errors.push(`--account-profile: "${mapping}" should be ACCOUNT=PROFILE, with a 12-digit account id, e.g. --account-profile 111122223333=audit.`);
			continue;
		}

		accountProfiles[account] = profile;
	}

	if (flags.json && !flags.once) errors.push('--json only applies with --once (the terminal UI is not JSON). Add --once, or drop --json.');

	if (errors.length > 0) return {errors};
	return {
		options: {
			local: flags.local,
			...(flags.profile === undefined ? {} : {profile: flags.profile}),
			regions,
			...(flags.endpointUrl === undefined ? {} : {endpointUrl: flags.endpointUrl}),
			intervalMs: Math.round(flags.interval * 1000),
			readOnly: flags.readOnly,
			filter: flags.filter ?? '',
			accountProfiles,
			color: flags.color,
			once: flags.once,
			json: flags.json,
		},
	};
}

/**
 * With no connection flag and nothing configured for AWS on this machine, run the embedded
 * emulator (the header says so plainly); otherwise use AWS and report its problems.
 */
export async function withDefaultMode(options: CliOptions, env: NodeJS.ProcessEnv = process.env): Promise<CliOptions> {
	const chosen = options.local || options.profile !== undefined || options.endpointUrl !== undefined || options.regions.length > 0;
	if (chosen) return options;
	const {awsConfiguration} = await import('./aws/aws-configured.js');
	return awsConfiguration(env) === undefined ? {...options, local: true} : options;
}

export function parseCli(argv: readonly string[]): {readonly flags: RawFlags; readonly showHelp: () => never} {
	const cli = meow(HELP, {
		importMeta: import.meta,
		argv: [...argv],
		allowUnknownFlags: false,
		flags: {
			local: {type: 'boolean', default: false},
			profile: {type: 'string'},
			region: {type: 'string'},
			endpointUrl: {type: 'string'},
			interval: {type: 'number', default: 5},
			readOnly: {type: 'boolean', default: false},
			filter: {type: 'string'},
			accountProfile: {type: 'string', isMultiple: true, default: []},
			color: {type: 'boolean', default: true},
			once: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
		},
	});
	return {flags: cli.flags as RawFlags, showHelp: () => cli.showHelp(2)};
}

/** The connection as the header shows it. */
export function connectionContext(options: CliOptions, regions: readonly string[], homeAccount?: string): ConnectionContext {
	const label = options.local ? 'local emulator' : options.profile ? `profile ${options.profile}` : (options.endpointUrl ?? 'default credentials');
	return {
		label,
		regions,
		readOnly: options.readOnly,
		local: options.local,
		...(options.profile === undefined ? {} : {profile: options.profile}),
		...(options.endpointUrl === undefined ? {} : {endpoint: options.endpointUrl}),
		...(homeAccount === undefined ? {} : {account: homeAccount}),
		readableAccounts: options.local ? 'all' : Object.keys(options.accountProfiles),
		refreshIntervalMs: options.intervalMs,
	};
}

function fail(message: string, code: number): never {
	// Start-up messages begin "ssmtop cannot…"/"ssmtop found…": say the name once ("ssmtop: cannot…").
	process.stderr.write(`ssmtop: ${message.replace(/^ssmtop /, '')}\n`);
	process.exit(code);
}

interface Running {
	readonly store: AppStore;
	readonly api: AwsApi;
	readonly poller: Poller;
	readonly port: ActionPort;
	readonly emulator?: RunningEmulator;
}

async function connect(options: CliOptions, viewport: {columns: number; rows: number}): Promise<Running> {
	const {createAwsApi, localModeOptions, resolveDefaultRegion} = await import('./aws/index.js');
	let emulator: RunningEmulator | undefined;
	let apiOptions: AwsApiOptions;
	let regions = options.regions;
	if (options.local) {
		const {startEmulator} = await import('./emulator/index.js');
		emulator = await startEmulator({seed: 'demo'});
		if (regions.length === 0) regions = LOCAL_REGIONS;
		apiOptions = localModeOptions(emulator, regions);
	} else {
		if (regions.length === 0) {
			const region = await resolveDefaultRegion(options.profile);
			if (!region) {
				fail(
					`no region to watch. ${options.profile ? `Profile "${options.profile}" has no region set` : 'Neither AWS_REGION nor the default profile sets one'}; pass --region (e.g. --region us-east-1), or run "ssmtop --local" to try the built-in emulator.`,
					2,
				);
			}

			regions = [region];
		}

		apiOptions = {
			regions,
			...(options.profile === undefined ? {} : {profile: options.profile}),
			...(options.endpointUrl === undefined ? {} : {endpointUrl: options.endpointUrl}),
			accountProfiles: options.accountProfiles,
		};
	}

	const api = createAwsApi(apiOptions);
	// The embedded emulator is known to answer; against AWS, fail fast with one clear paragraph.
	const check = emulator ? {ok: true as const} : await api.checkConnection({timeoutMs: 10_000});
	if (!check.ok) {
		api.destroy();
		await emulator?.close();
		fail(check.message ?? 'could not reach SSM in any region.', 1);
	}

	const store = createAppStore({
		context: connectionContext(options, regions, emulator?.homeAccount),
		filter: options.filter,
		viewport,
	});
	const [{createPoller}, {createActionPort}] = await Promise.all([import('./poller/index.js'), import('./aws/action-port.js')]);
	const poller = createPoller({store, api, intervalMs: options.intervalMs});
	const port: ActionPort = {
		...createActionPort({client: region => api.homeClient(region), refreshNow: () => poller.refreshNow()}),
		loadOlder: () => {
			for (const [region, health] of Object.entries(store.getState().regions)) if (health.truncated) void poller.loadOlder(region);
		},
	};
	return {store, api, poller, port, ...(emulator ? {emulator} : {})};
}

async function shutdown(running: Running): Promise<void> {
	running.poller.stop();
	running.api.destroy();
	await running.emulator?.close();
}

/** --once: one refresh, the filtered and sorted list on stdout, exit. */
async function printOnce(running: Running, json: boolean): Promise<void> {
	await running.poller.tick();
	const rows = selectVisibleRows(running.store.getState());
	const text = json
		? executionJsonLines(rows)
		: rows.map(row => `${[row.status, row.id, row.documentName, row.region, row.startTime ? new Date(row.startTime).toISOString() : '-'].join('\t')}\n`).join('');
	// A reader that stops early (| head) is not an error.
	process.stdout.on('error', error => {
		if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
	});
	await new Promise<void>(resolve => process.stdout.write(text, () => resolve()));
	// A region that could not be read is not an empty region: say so, and let scripts see it in the status.
	const state = running.store.getState();
	const failed = state.context.regions.flatMap(region => {
		const health = state.regions[region];
		return health?.lastError && (health.lastSuccessAt === undefined || health.lastError.at >= health.lastSuccessAt) ? [health.lastError.message] : [];
	});
	if (failed.length > 0) {
		process.stderr.write(failed.map(message => `ssmtop: ${message}\n`).join(''));
		process.exitCode = 1;
	}
}

const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?1049l';
let onAlternateScreen = false;

/**
 * Leaves the alternate screen once: leaving it again (as an exit handler would after a crash)
 * moves the cursor back to where it was saved, over whatever was printed since.
 */
function leaveAlternateScreen(): void {
	if (!onAlternateScreen) return;
	onAlternateScreen = false;
	process.stdout.write(LEAVE_ALTERNATE_SCREEN);
}

export async function main(argv: readonly string[]): Promise<void> {
	// React's development build checks every render; the installed program runs the production one.
	// (React picks its build when first loaded, which is why ink, react and the views are imported below, not at the top.)
	process.env['NODE_ENV'] ??= 'production';
	const {flags} = parseCli(argv);
	const validated = validateFlags(flags);
	if ('errors' in validated) fail(`${validated.errors.join('\n\n')}\nRun "ssmtop --help" for usage.`, 2);
	const options = await withDefaultMode(validated.options);
	const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
	if (!options.once && !interactive) {
		fail('standard input and output must be a terminal (TTY): ssmtop is an interactive terminal UI. Run it in a terminal, or use --once (with --json) to print the executions from a script.', 2);
	}

	const viewport = {columns: process.stdout.columns || 80, rows: process.stdout.rows || 24};
	if (!options.once && (viewport.columns < 80 || viewport.rows < 24)) {
		// At run time a shrinking terminal gets a "resize me" screen; at launch there is nothing to keep yet.
		fail(`the terminal is ${viewport.columns}×${viewport.rows}, and ssmtop needs at least 80 columns by 24 rows. Enlarge the window (or the tmux pane) and start it again.`, 1);
	}

	const running = await connect(options, viewport);
	if (options.once) {
		try {
			await printOnce(running, options.json);
		} finally {
			await shutdown(running);
		}

		return;
	}

	const onResize = (): void => running.store.getState().actions.viewportResized({columns: process.stdout.columns, rows: process.stdout.rows});
	process.stdout.on('resize', onResize);
	// The alternate screen keeps the user's scrollback intact and is left on exit, whatever happens.
	process.stdout.write(ENTER_ALTERNATE_SCREEN);
	onAlternateScreen = true;
	const restore = leaveAlternateScreen;
	process.once('exit', restore);
	// A signal ends the process without 'exit' handlers: kill, a closed SSH session, or Ctrl-C before
	// Ink has the terminal in raw mode would otherwise leave the user on the alternate screen.
	const onSignal = (signal: NodeJS.Signals): void => {
		leaveAlternateScreen();
		process.exit(128 + (osConstants.signals[signal] ?? 0));
	};
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
	for (const signal of signals) process.once(signal, onSignal);
	running.poller.start();
	const [{createElement}, {render}, {App}] = await Promise.all([import('react'), import('ink'), import('./ui/app.js')]);
	const instance = render(createElement(App, {store: running.store, port: running.port, theme: themeFromEnvironment(process.env, {noColor: !options.color})}), {
		exitOnCtrlC: false,
		patchConsole: true,
	});
	try {
		await instance.waitUntilExit();
	} finally {
		process.stdout.off('resize', onResize);
		await shutdown(running);
		restore();
		process.off('exit', restore);
		for (const signal of signals) process.off(signal, onSignal);
	}
}

/** Run only as the program (also through npm's bin symlink), not when a test imports this file. */
function isEntry(): boolean {
	const script = process.argv[1];
	if (script === undefined) return false;
	try {
		return import.meta.url === pathToFileURL(realpathSync(script)).href;
	} catch {
		return false;
	}
}

/**
 * A promise nobody awaited that failed, or an exception nothing caught, is a bug: leave the alternate
 * screen first so the message stays visible, say what happened, and exit non-zero (Node would
 * otherwise print the stack on the alternate screen, where leaving it on exit wipes it).
 */
function crashLoudly(kind: string) {
	return (error: unknown): void => {
		leaveAlternateScreen();
		process.stderr.write(`ssmtop: internal error (${kind}): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
		process.exit(70);
	};
}

if (isEntry()) {
	process.on('unhandledRejection', crashLoudly('unhandled promise rejection'));
	process.on('uncaughtException', crashLoudly('uncaught exception'));
	main(process.argv.slice(2)).then(
		() => process.exit(process.exitCode ?? 0),
		(error: unknown) => fail(error instanceof Error ? error.message : String(error), 1),
	);
}
