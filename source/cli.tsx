#!/usr/bin/env node
/**
 * The composition root: flags (meow) → store → AWS api (and the emulator, --local) → poller →
 * render(<App/>); with --local the first frame is drawn before the emulator starts (startInteractive).
 * The only file that wires concrete pieces together.
 * Bad flags exit with 2, a failed connection check with 1, both with one paragraph.
 */
import {realpathSync} from 'node:fs';
import process from 'node:process';
import {pathToFileURL} from 'node:url';
import {requestTimeoutFor} from './core/backoff.js';
import {DEFAULT_CALLS_PER_SECOND, DEFAULT_MAX_CONCURRENT} from './core/request-budget.js';
import {executionJsonLines} from './core/execution-json.js';
import {visibleText} from './core/visible-text.js';
import type {ActionPort} from './core/ports.js';
import {createAppStore, locationsOf, type AppStore} from './store/app-store.js';
import type {ConnectionContext} from './store/state.js';
import {contextLocations, watchesManyAccounts, type WatchedAccount} from './core/location.js';
import {LOCAL_EVENTS_QUEUE, parseCli, validateFlags, withDefaultMode, type CliOptions} from './cli/flags.js';
import {leaveAlternateScreen, suspendToShell, takeTerminal} from './cli/terminal-lifecycle.js';
import {selectVisibleRows} from './store/selectors.js';
import {selectTruncatedRegions} from './store/data-selectors.js';
import {themeFromEnvironment} from './ui/theme.js';
import {createDeferredPort} from './cli/deferred-port.js';
import {enableCompileCache} from './cli/compile-cache.js';
import {tuneHeapAtStart, tuneHeapFor} from './cli/heap-tuning.js';
import {HOME_ACCOUNT} from './emulator/accounts.js';
import {hyperlinksSupported} from './cli/hyperlink-support.js';
import {lazyDisplayZone, UTC_ZONE} from './core/time-zone.js';
// Types only here: the SDK, the poller, the emulator and the views are imported when needed (each a
// chunk of the bundle, compiled when imported), so --help, --version and flag errors answer at once,
// AWS mode never loads the emulator, and --local draws its first frame before loading either.
import type {AwsApi, AwsApiOptions} from './aws/index.js';
import type {ResolvedAccounts} from './aws/accounts/resolve-accounts.js';
import type {EventsConsumer, Poller} from './poller/index.js';
import type {EventsQueue} from './aws/index.js';
import type {RunningEmulator} from './emulator/index.js';

const LOCAL_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

/** The header's words for several watched accounts: where they come from. */
function accountsLabel(options: CliOptions, count: number): string | undefined {
	const spec = options.accounts;
	if (!spec) return undefined;
	const accounts = `${count} account${count === 1 ? '' : 's'}`;
	if (spec.kind === 'profiles') return `${accounts} (profile ${spec.patterns.join(',')})`;
	const from = options.local ? 'the local emulator' : spec.baseProfile === undefined ? 'default credentials' : `profile ${spec.baseProfile}`;
	return `${accounts} (role ${spec.roleName}${spec.accounts === 'org' ? ' in the organisation' : ''} via ${from})`;
}

/** The connection as the header shows it; `accounts` when several are watched. */
export function connectionContext(
	options: CliOptions,
	regions: readonly string[],
	homeAccount?: string,
	accounts?: readonly WatchedAccount[],
): ConnectionContext {
	const label =
		(accounts && accountsLabel(options, accounts.length)) ??
		(options.local ? 'local emulator' : options.profile ? `profile ${options.profile}` : (options.endpointUrl ?? 'default credentials'));
	return {
		label,
		regions,
		readOnly: options.readOnly,
		local: options.local,
		...(options.profile === undefined ? {} : {profile: options.profile}),
		...(options.endpointUrl === undefined ? {} : {endpoint: options.endpointUrl}),
		...(homeAccount === undefined ? {} : {account: homeAccount}),
		readableAccounts: options.local ? 'all' : [...new Set([...(accounts ?? []).map(entry => entry.account), ...Object.keys(options.accountProfiles)])],
		...(accounts ? {accounts} : {}),
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
	/** --events-queue: the queue and the consumer that takes changes from it. */
	readonly events?: {readonly queue: EventsQueue; readonly consumer: EventsConsumer};
}

/** How --local starts its demo emulator; a test slows it down to see the first frame come first. */
export type EmulatorStarter = () => Promise<RunningEmulator>;

/**
 * The regions to watch: --region, else the emulator's three (--local), else the profile's or the
 * environment's default Region (exits 2 without one, before anything is drawn).
 */
async function regionsToWatch(options: CliOptions): Promise<readonly string[]> {
	if (options.regions.length > 0) return options.regions;
	if (options.local) return LOCAL_REGIONS;
	const {resolveDefaultRegion} = await import('./aws/index.js');
	const region = await resolveDefaultRegion(options.profile);
	if (!region) {
		fail(
			`no region to watch. ${options.profile ? `Profile "${options.profile}" has no region set` : 'Neither AWS_REGION nor the default profile sets one'}; pass --region (e.g. --region us-east-1), or run "ssmtop --local" to try the built-in emulator.`,
			2,
		);
	}

	return [region];
}

/** The store, before any data: what the header says (connection, regions, account) is known from the flags. */
export function createStore(options: CliOptions, regions: readonly string[], viewport: {columns: number; rows: number}): AppStore {
	return createAppStore({
		// The emulator's home account is a constant: the header can name it before the emulator runs.
		context: connectionContext(options, regions, options.local ? HOME_ACCOUNT : undefined),
		filter: options.filter,
		viewport,
	});
}

/** The demo emulator of --local: a chunk of its own, loaded and seeded once the first frame is out. */
async function startDemoEmulator(): Promise<RunningEmulator> {
	const {startEmulator} = await import('./emulator/index.js');
	return startEmulator({seed: 'demo'});
}

/**
 * Connects to AWS, or (--local) to the emulator being started, and builds the poller and the action
 * port on the store; against AWS it checks the connection first (exit 1 with one paragraph when it
 * fails). The poller is not started.
 */
async function connect(options: CliOptions, regions: readonly string[], store: AppStore, emulatorStarting?: Promise<RunningEmulator>): Promise<Running> {
	// The SDK and the poller are chunks of the bundle of their own: load them together.
	const [{createAwsApi, localModeOptions, createEventsQueue, queueAccount, queueEndpoint}, {createPoller, createEventsConsumer}, {createAccountActionPort}] =
		await Promise.all([import('./aws/index.js'), import('./poller/index.js'), import('./cli/account-action-port.js')]);
	let emulator: RunningEmulator | undefined;
	let apiOptions: AwsApiOptions;
	if (emulatorStarting) {
		emulator = await emulatorStarting;
		apiOptions = localModeOptions(emulator, regions);
	} else {
		apiOptions = {
			regions,
			...(options.profile === undefined ? {} : {profile: options.profile}),
			...(options.endpointUrl === undefined ? {} : {endpointUrl: options.endpointUrl}),
			accountProfiles: options.accountProfiles,
		};
	}

	// Several accounts: which ones, and each one's credentials (profiles read with STS, roles to assume, the organisation's list).
	let resolved: ResolvedAccounts | undefined;
	if (options.accounts) {
		resolved = await resolveWatchedAccounts(options, apiOptions, regions);
		if (resolved.accounts.length === 0) {
			await emulator?.close();
			const problems = resolved.problems.map(problem => `${problem.subject}: ${problem.message}`).join('\n');
			fail(`found no account to watch.${problems ? `\n${problems}` : ''}`, 1);
		}

		apiOptions = {...apiOptions, accounts: resolved.accounts};
	}

	// A request is cut after a share of the refresh interval, so a hung endpoint shows as an error and recovers by itself.
	const api = createAwsApi({...apiOptions, requestTimeoutMs: requestTimeoutFor(options.intervalMs)});
	// The embedded emulator is known to answer; against AWS, fail fast with one clear paragraph.
	// With several accounts each location shows its own problem instead: one account failing stops nothing.
	const check = emulator || resolved ? {ok: true as const} : await api.checkConnection({timeoutMs: 10_000});
	if (!check.ok) {
		api.destroy();
		await emulator?.close();
		fail(check.message ?? 'could not reach SSM in any region.', 1);
	}

	if (resolved) {
		// The accounts are known now: the header's context and the store's locations follow them.
		const context = connectionContext(options, regions, api.homeAccount, resolved.accounts.map(watchedAccountOf));
		store.setState({context, regions: locationsOf(context)});
		if (resolved.problems.length > 0) {
			const first = resolved.problems[0]!;
			const more = resolved.problems.length > 1 ? ` (and ${resolved.problems.length - 1} more: see the locations)` : '';
			store.getState().actions.bannerShown({level: 'warning', message: `${first.subject}: ${first.message}${more}`, at: Date.now()});
		}
	}

	// Hundreds of locations: keep the heap near what is live (source/cli/heap-tuning.ts).
	tuneHeapFor(contextLocations(store.getState().context).length);
	const makePoller = (): Poller =>
		createPoller({
			store,
			api,
			intervalMs: options.intervalMs,
			...(options.resyncIntervalMs === undefined ? {} : {resyncIntervalMs: options.resyncIntervalMs}),
			budget: {
				callsPerSecond: options.budget?.callsPerSecond ?? DEFAULT_CALLS_PER_SECOND,
				maxConcurrent: options.budget?.maxConcurrent ?? DEFAULT_MAX_CONCURRENT,
			},
		});
	let poller: Poller = makePoller();
	if (resolved?.accounts.some(entry => entry.problem !== undefined)) {
		// A profile watched under profile:NAME gets its real account id once its credentials work; the
		// poller, whose locations are fixed when made, is then made again for the renamed locations.
		const [{watchPlaceholderAccounts}, {callerAccount}, {createRenewablePoller}] = await Promise.all([
			import('./cli/placeholder-accounts.js'),
			import('./aws/accounts/resolve-accounts.js'),
			import('./cli/renewable-poller.js'),
		]);
		const renewable = createRenewablePoller(makePoller);
		poller = renewable;
		const sts = {region: regions[0] ?? 'us-east-1', ...(apiOptions.endpointUrl === undefined ? {} : {endpointUrl: apiOptions.endpointUrl})};
		watchPlaceholderAccounts({
			store,
			api,
			accounts: resolved.accounts,
			identify: async source => callerAccount(source, sts),
			onIdentified: () => renewable.renew(),
		});
	}

	let events: Running['events'];
	// --events-queue (not with --once: one listing says it all). The queue is read with the home credentials.
	if (options.eventsQueue !== undefined && !options.once) {
		const local = options.eventsQueue === LOCAL_EVENTS_QUEUE;
		const queueUrl = local && emulator ? emulator.eventsQueueUrl : options.eventsQueue;
		const endpointUrl = queueEndpoint(queueUrl);
		const queue = createEventsQueue({
			queueUrl,
			fallbackRegion: regions[0] ?? 'us-east-1',
			...(apiOptions.credentials === undefined ? {} : {credentials: apiOptions.credentials}),
			...(endpointUrl === undefined ? {} : {endpointUrl}),
			...(options.profile === undefined ? {} : {profile: options.profile}),
			...(options.accounts?.kind === 'assume-role' && options.accounts.baseProfile !== undefined ? {profile: options.accounts.baseProfile} : {}),
		});
		// With one set of credentials only the home account's events are ours (an organisation's queue carries every account's):
		// the credentials' account, or, while the SDK does not tell it, the queue's own.
		if (!resolved) void api.resolveHomeAccount();
		const fallbackAccount = queueAccount(queue.queueUrl);
		const consumer = createEventsConsumer({store, queue, poller, api, ...(resolved ? {} : {homeAccount: () => api.homeAccount ?? fallbackAccount})});
		events = {queue, consumer};
	}

	// Stop, signal and their reads act in the execution's own account, with that account's credentials.
	const port: ActionPort = {
		...createAccountActionPort({
			api,
			accountOf: executionId => {
				const state = store.getState();
				const account = state.details[executionId]?.account ?? state.executions[executionId]?.account;
				if (state.context.accounts) return account;
				// One account watched: only a child run in another account (opened from its parent's location)
				// acts elsewhere: with that account's --account-profile, else refused, never with the home credentials.
				const home = api.homeAccount;
				return account !== undefined && home !== undefined && account !== home ? account : undefined;
			},
			refreshNow: () => poller.refreshNow(),
		}),
		loadOlder: () => {
			for (const region of selectTruncatedRegions(store.getState())) void poller.loadOlder(region);
		},
	};
	return {store, api, poller, port, ...(emulator ? {emulator} : {}), ...(events ? {events} : {})};
}

/** The UI on a terminal, as the start-up needs it: cli.tsx's is the process's terminal, a test's is a fake one. */
export interface MountedTerminalUi {
	/** Resolves when the user quits. */
	waitUntilExit(): Promise<void>;
	/** Unmounts the UI and gives the terminal back (idempotent). */
	stop(): void;
}

export interface StartUpSeams {
	/** Draws the UI; the first frame is on the terminal when the promise resolves. */
	readonly mount: (store: AppStore, port: ActionPort) => Promise<MountedTerminalUi>;
	readonly startEmulator?: EmulatorStarter;
}

/**
 * The interactive start-up order (issue 10). With --local the first frame comes first (the header
 * and "loading" for each region), and only then do the emulator start and seed its 14 days of demo
 * history, the SDK load and the first poll go out: what the first frame does not need waits for it.
 * Against AWS the connection check comes first, so a failed one is one paragraph on the normal
 * screen; the first poll then goes out while the views load.
 */
export async function startInteractive(
	options: CliOptions,
	regions: readonly string[],
	store: AppStore,
	seams: StartUpSeams,
): Promise<{running: Running; ui: MountedTerminalUi}> {
	if (!options.local) {
		const running = await connect(options, regions, store);
		running.poller.start();
		running.events?.consumer.start();
		return {running, ui: await seams.mount(store, running.port)};
	}

	const deferred = createDeferredPort();
	const ui = await seams.mount(store, deferred.port);
	try {
		// The emulator's chunk and the SDK's load together (a failure to start is reported by connect, which awaits it).
		const emulatorStarting = (seams.startEmulator ?? startDemoEmulator)();
		emulatorStarting.catch(() => undefined);
		const running = await connect(options, regions, store, emulatorStarting);
		deferred.resolve(running.port);
		running.poller.start();
		running.events?.consumer.start();
		return {running, ui};
	} catch (error) {
		deferred.reject(error);
		ui.stop();
		throw error;
	}
}

/** The UI on the process's terminal: the alternate screen, raw keys, signals (terminal-lifecycle), resizes. */
async function mountOnProcessTerminal(store: AppStore, port: ActionPort, options: CliOptions): Promise<MountedTerminalUi> {
	const {mountUi} = await import('./cli/mount-ui.js');
	const onResize = (): void => store.getState().actions.viewportResized({columns: process.stdout.columns, rows: process.stdout.rows});
	process.stdout.on('resize', onResize);
	const terminal = takeTerminal(process.stdin, process.stdout);
	const ui = mountUi({
		store,
		port,
		theme: {...themeFromEnvironment(process.env, {noColor: !options.color}), hyperlinks: hyperlinksSupported(process.env)},
		// Absolute times in the machine's zone (TZ honoured), or UTC with --utc.
		zone: options.utc ? UTC_ZONE : lazyDisplayZone(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
		stdout: process.stdout,
		stdin: process.stdin,
		onRepaint: terminal.setRepaint,
		suspend: suspendToShell,
		notify: options.notify,
		inTmux: Boolean(process.env['TMUX']),
		lineDiff: true,
	});
	let stopped = false;
	return {
		waitUntilExit: ui.waitUntilExit,
		stop() {
			if (stopped) return;
			stopped = true;
			ui.stop();
			process.stdout.off('resize', onResize);
			terminal.release();
		},
	};
}

function watchedAccountOf(entry: ResolvedAccounts['accounts'][number]): WatchedAccount {
	return {account: entry.account, label: entry.label, ...(entry.problem === undefined ? {} : {problem: entry.problem})};
}

/** The accounts of --profile a,b / --assume-role: in --local the role is assumed from the emulator's home keys. */
async function resolveWatchedAccounts(options: CliOptions, apiOptions: AwsApiOptions, regions: readonly string[]): Promise<ResolvedAccounts> {
	const {resolveAccounts} = await import('./aws/accounts/resolve-accounts.js');
	const spec = options.accounts!;
	return resolveAccounts(spec, {
		region: regions[0] ?? 'us-east-1',
		...(apiOptions.endpointUrl === undefined ? {} : {endpointUrl: apiOptions.endpointUrl}),
		accountProfiles: options.accountProfiles,
		...(options.local && apiOptions.credentials ? {baseSource: {kind: 'static' as const, credentials: apiOptions.credentials}} : {}),
	});
}

async function shutdown(running: Running): Promise<void> {
	running.events?.consumer.stop();
	running.events?.queue.destroy();
	running.poller.stop();
	running.api.destroy();
	await running.emulator?.close();
}

/** --once: one refresh, the filtered and sorted list on stdout, exit. */
async function printOnce(running: Running, json: boolean): Promise<void> {
	await running.poller.tick();
	const rows = selectVisibleRows(running.store.getState());
	const many = watchesManyAccounts(running.store.getState().context);
	// Plain text is read in a terminal: every field from AWS is shown with its controls made visible,
	// on one line (a tab or line break in a field would split the columns or the row).
	const field = (text: string): string => visibleText(text, {oneLine: true});
	const text = json
		? executionJsonLines(rows)
		: rows
				.map(
					// With several accounts watched, each row says whose it is (its name, as the ACCOUNT column), before its region.
					row =>
						`${[row.status, row.id, row.documentName, ...(many ? [row.accountName ?? row.account ?? '-'] : []), row.region, row.startTime ? new Date(row.startTime).toISOString() : '-'].map(field).join('\t')}\n`,
				)
				.join('');
	// A reader that stops early (| head) is not an error.
	process.stdout.on('error', error => {
		if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
	});
	await new Promise<void>(resolve => process.stdout.write(text, () => resolve()));
	// A region that could not be read is not an empty region: say so, and let scripts see it in the status.
	const state = running.store.getState();
	const failed = contextLocations(state.context).flatMap(({key}) => {
		const health = state.regions[key];
		return health?.lastError && (health.lastSuccessAt === undefined || health.lastError.at >= health.lastSuccessAt) ? [health.lastError.message] : [];
	});
	if (failed.length > 0) {
		process.stderr.write(failed.map(message => `ssmtop: ${visibleText(message)}\n`).join(''));
		process.exitCode = 1;
	}
}

/**
 * The program. `emulator` replaces the embedded emulator of --local (the memory benchmark's bundled
 * entry, source/bench/local-bulk-cli.ts, starts one holding 10,000 executions on a manual clock).
 */
export async function main(argv: readonly string[], emulator: {readonly start?: EmulatorStarter} = {}): Promise<void> {
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

	const regions = await regionsToWatch(options);
	const store = createStore(options, regions, viewport);
	if (options.once) {
		const running = await connect(options, regions, store, options.local ? startDemoEmulator() : undefined);
		try {
			await printOnce(running, options.json);
		} finally {
			await shutdown(running);
		}

		return;
	}

	const {running, ui} = await startInteractive(options, regions, store, {
		mount: async (appStore, port) => mountOnProcessTerminal(appStore, port, options),
		...(emulator.start === undefined ? {} : {startEmulator: emulator.start}),
	});
	try {
		await ui.waitUntilExit();
	} finally {
		ui.stop();
		await shutdown(running);
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
	// Before anything is loaded: the young generation's size is set by the time it first grows.
	tuneHeapAtStart();
	// Before the chunks are imported: they are what the cache keeps compiled (Node ≥ 22.1; silent otherwise).
	enableCompileCache();
	process.on('unhandledRejection', crashLoudly('unhandled promise rejection'));
	process.on('uncaughtException', crashLoudly('uncaught exception'));
	main(process.argv.slice(2)).then(
		() => process.exit(process.exitCode ?? 0),
		(error: unknown) => fail(error instanceof Error ? error.message : String(error), 1),
	);
}
