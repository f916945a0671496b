#!/usr/bin/env node
/**
 * The composition root: flags (meow) → emulator (--local) → AWS api → store →
 * poller → render(<App/>). The only file that wires concrete pieces together.
 * Bad flags exit with 2, a failed connection check with 1, both with one paragraph.
 */
import {realpathSync} from 'node:fs';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import {requestTimeoutFor} from './core/backoff.js';
import {executionJsonLines} from './core/execution-json.js';
import {visibleText} from './core/visible-text.js';
import type {ActionPort} from './core/ports.js';
import {createAppStore, type AppStore} from './store/app-store.js';
import type {ConnectionContext} from './store/state.js';
import {parseCli, validateFlags, withDefaultMode, type CliOptions} from './cli/flags.js';
import {leaveAlternateScreen, suspendToShell, takeTerminal} from './cli/terminal-lifecycle.js';
import {selectVisibleRows} from './store/selectors.js';
import {selectTruncatedRegions} from './store/data-selectors.js';
import {themeFromEnvironment} from './ui/theme.js';
import {displayZone, UTC_ZONE} from './core/time-zone.js';
// Types only here: the SDK, the poller and the emulator are imported when needed, so --help,
// --version and flag errors answer at once and AWS mode never loads the emulator.
import type {AwsApi, AwsApiOptions} from './aws/index.js';
import type {Poller} from './poller/index.js';
import type {RunningEmulator} from './emulator/index.js';

const LOCAL_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

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
	// They may quote the service (a connection check's error), so controls in them are shown, not obeyed.
	process.stderr.write(`ssmtop: ${visibleText(message.replace(/^ssmtop /, ''))}\n`);
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

	// A request is cut after a share of the refresh interval, so a hung endpoint shows as an error and recovers by itself.
	const api = createAwsApi({...apiOptions, requestTimeoutMs: requestTimeoutFor(options.intervalMs)});
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
		getExecution: async (region, executionId) => (await api.getExecution(region, executionId)).detail,
		loadOlder: () => {
			for (const region of selectTruncatedRegions(store.getState())) void poller.loadOlder(region);
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
	// Plain text is read in a terminal: every field from AWS is shown with its controls made visible,
	// on one line (a tab or line break in a field would split the columns or the row).
	const field = (text: string): string => visibleText(text, {oneLine: true});
	const text = json
		? executionJsonLines(rows)
		: rows
				.map(
					row => `${[row.status, row.id, row.documentName, row.region, row.startTime ? new Date(row.startTime).toISOString() : '-'].map(field).join('\t')}\n`,
				)
				.join('');
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
		process.stderr.write(failed.map(message => `ssmtop: ${visibleText(message)}\n`).join(''));
		process.exitCode = 1;
	}
}

export async function main(argv: readonly string[]): Promise<void> {
	// `ssmtop wait ID…`: the waiter, a command of its own (no terminal UI).
	if (argv[0] === 'wait') {
		const {runWait} = await import('./cli/wait.js');
		process.exitCode = await runWait(argv.slice(1));
		return;
	}
	// React's development build checks every render; the installed program runs the production one.
	// (React picks its build when first loaded, which is why ink, react and the views are imported below, not at the top.)
	process.env['NODE_ENV'] ??= 'production';
	const {flags, unknownFlags} = parseCli(argv);
	const validated = validateFlags(flags, unknownFlags);
	if ('errors' in validated) fail(`${validated.errors.join('\n\n')}\nRun "ssmtop --help" for usage.`, 2);
	const options = await withDefaultMode(validated.options);
	const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
	if (!options.once && !interactive) {
		fail(
			'standard input and output must be a terminal (TTY): ssmtop is an interactive terminal UI. Run it in a terminal, or use --once (with --json) to print the executions from a script.',
			2,
		);
	}

	const viewport = {columns: process.stdout.columns || 80, rows: process.stdout.rows || 24};
	if (!options.once && (viewport.columns < 80 || viewport.rows < 24)) {
		// At run time a shrinking terminal gets a "resize me" screen; at launch there is nothing to keep yet.
		fail(
			`the terminal is ${viewport.columns}×${viewport.rows}, and ssmtop needs at least 80 columns by 24 rows. Enlarge the window (or the tmux pane) and start it again.`,
			1,
		);
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
	const terminal = takeTerminal(process.stdin, process.stdout);
	running.poller.start();
	const [{createElement, Fragment}, {render}, {App}, {RepaintHandle}, {startEffectRunner}, {readFile}, {randomUUID}] = await Promise.all([
		import('react'),
		import('ink'),
		import('./ui/app.js'),
		import('./cli/repaint-handle.js'),
		import('./cli/effect-runner.js'),
		import('node:fs/promises'),
		import('node:crypto'),
	]);
	// What the views ask for (SSM calls, files, the clipboard, suspend) is carried out here, and only here.
	const effects = startEffectRunner({
		store: running.store,
		port: running.port,
		readFile: async path => readFile(path, 'utf8'),
		writeTerminal: text => process.stdout.write(text),
		newToken: randomUUID,
		suspend: suspendToShell,
		notify: options.notify,
		inTmux: Boolean(process.env['TMUX']),
	});
	// Absolute times in the machine's zone (TZ honoured), or UTC with --utc.
	const zone = options.utc ? UTC_ZONE : displayZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
	const app = createElement(App, {store: running.store, theme: themeFromEnvironment(process.env, {noColor: !options.color}), zone});
	const instance = render(createElement(Fragment, null, createElement(RepaintHandle, {onReady: terminal.setRepaint}), app), {
		exitOnCtrlC: false,
		patchConsole: true,
	});
	try {
		await instance.waitUntilExit();
	} finally {
		effects.stop();
		process.stdout.off('resize', onResize);
		await shutdown(running);
		terminal.release();
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
