/**
 * ssmtop's --local composition (emulator → AWS api → store → poller → action port → <App/>),
 * rendered into a fake terminal with injected clocks, for the benchmark and the screenshots.
 * It calls the same exported pieces cli.tsx wires (createAwsApi, localModeOptions,
 * createAppStore, createPoller, createActionPort, App); only the clocks and the terminal differ,
 * so what is measured is what runs.
 */
import {render, type Instance, type RenderOptions} from 'ink';
import {createActionPort} from '../aws/action-port.js';
import {startEffectRunner} from '../cli/effect-runner.js';
import {createFrameWriter} from '../cli/frame-writer.js';
import {createAwsApi, localModeOptions, type AwsApi} from '../aws/index.js';
import type {MonitorApi} from '../core/monitor-api.js';
import type {ActionPort} from '../core/ports.js';
import {accessKeyFor, HOME_ACCOUNT} from '../emulator/accounts.js';
import {createManualClock, startEmulator, type EmulatorOptions, type RunningEmulator} from '../emulator/index.js';
import {createPoller, type Poller} from '../poller/index.js';
import {createAppStore, type AppStore} from '../store/app-store.js';
import type {ConnectionContext} from '../store/state.js';
import {App} from '../ui/app.js';
import type {Clock} from '../ui/clock-context.js';
import {DEFAULT_THEME, type Theme} from '../ui/theme.js';
import {createFakeTerminal, type FakeTerminal, type FakeTtyOptions} from './fake-terminal.js';
import {createManualPollerClock, UNMETERED_BUDGET, type ManualPollerClock} from './manual-poller-clock.js';
import {trackInFlight} from './in-flight.js';

/** The regions `ssmtop --local` watches (cli.tsx LOCAL_REGIONS). */
export const LOCAL_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'] as const;

/**
 * Ink's options as cli.tsx passes them, less the streams and console patching: ssmtop's frame
 * writer (only the lines that changed, in synchronized output), not Ink's (the whole frame).
 */
export const CLI_RENDER_OPTIONS = {exitOnCtrlC: false, createLogUpdate: (stream: NodeJS.WriteStream) => createFrameWriter(stream)} as const;

export interface LocalSessionOptions {
	/** Engine and poller start time (epoch ms); both clocks are manual and move together. */
	readonly startMs: number;
	readonly seed: 'demo' | 'none';
	readonly extraExecutions?: number;
	readonly regions?: readonly string[];
	readonly intervalMs?: number;
	readonly terminal: FakeTtyOptions & {readonly columns: number; readonly rows: number};
	/**
	 * How the UI reads the time. 'frozen': the start time, never ticking (screenshots).
	 * 'follow': the simulated time, re-read every `uiTickMs` real ms (benchmarks: the header's
	 * relative times advance with simulated time as they would with the system clock).
	 */
	readonly uiClock: 'frozen' | 'follow';
	readonly uiTickMs?: number;
	readonly theme?: Theme;
	/** Start the poller's loops (default true); off to drive refreshes by hand with poller.tick(). */
	readonly startPoller?: boolean;
	/** Render the App now (default true). */
	readonly render?: boolean;
	readonly emulator?: Partial<EmulatorOptions>;
	/**
	 * An emulator in another process (see emulator-process.ts) instead of one in this process, so
	 * memory figures are the app's own. Its engine clock must be manual; advance() sets it over HTTP.
	 */
	readonly remoteEmulatorUrl?: string;
	/**
	 * Watch every active account of the emulator's organisation, as `ssmtop --local` does by default
	 * (the ACCOUNT column, a location per account × region); off: the home account alone
	 * (`--local --accounts self`). In-process emulator only.
	 */
	readonly organisation?: boolean;
	/** Wraps the api the poller reads through (e.g. to count its calls by purpose: call-ledger.ts). */
	readonly wrapApi?: (api: MonitorApi) => MonitorApi;
	/**
	 * Extra Ink options: {createLogUpdate: undefined} draws with Ink's own frame writer,
	 * {incrementalRendering: true} with its incremental one (to compare writers).
	 */
	readonly ink?: Pick<RenderOptions, 'incrementalRendering' | 'maxFps' | 'createLogUpdate' | 'onRender'>;
}

export interface LocalSession {
	readonly emulator: RunningEmulator;
	readonly api: AwsApi;
	readonly store: AppStore;
	readonly poller: Poller;
	readonly port: ActionPort;
	readonly terminal: FakeTerminal;
	/** The poller's clock; advance() also moves the emulator's engine clock. */
	readonly clock: ManualPollerClock;
	/** Renders the App (if `render: false` was given); resolves at the first write. */
	renderApp(): Promise<void>;
	readonly instance: () => Instance | undefined;
	/** Simulated time: moves the engine and poller clocks, fires due poller timers, waits until no poll is in flight. */
	advance(ms: number): Promise<void>;
	/** Resolves once no region or detail refresh is running. */
	settled(): Promise<void>;
	/**
	 * With uiClock 'follow': pin the UI's time where it is now, let it follow the simulated time
	 * again, or let it run on from the simulated time in whole real seconds, as the app's
	 * one-second clock ticks (live(): the UI re-renders once a real second; the poller's and the
	 * engine's clocks stay where they are).
	 */
	readonly ui: {freeze(): void; follow(): void; live(): void};
	close(): Promise<void>;
}

const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

/** An emulator in another process: the url and account convention; its control API is over HTTP only. */
function remoteEmulator(url: string): RunningEmulator {
	const unavailable = (): never => {
		throw new Error('the emulator runs in another process: use its HTTP control API');
	};
	return {
		url,
		homeAccount: HOME_ACCOUNT,
		accessKeyFor,
		eventsQueueUrl: `${url}/${HOME_ACCOUNT}/ssmtop-events`,
		control: new Proxy({} as RunningEmulator['control'], {get: unavailable}),
		close: async () => undefined,
	};
}

export async function startLocalSession(options: LocalSessionOptions): Promise<LocalSession> {
	const regions = options.regions ?? [...LOCAL_REGIONS];
	const engineClock = createManualClock(options.startMs);
	const emulator = options.remoteEmulatorUrl
		? remoteEmulator(options.remoteEmulatorUrl)
		: await startEmulator({
				seed: options.seed,
				clock: engineClock,
				...(options.extraExecutions === undefined ? {} : {extraExecutions: options.extraExecutions}),
				...options.emulator,
			});
	const clock = createManualPollerClock(options.startMs, now => engineClock.set(now));
	const setRemoteTime = async (ms: number): Promise<void> => {
		if (!options.remoteEmulatorUrl) return;
		const response = await fetch(`${options.remoteEmulatorUrl}/_emulator/clock`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({time: ms}),
		});
		if (!response.ok) throw new Error(`the emulator refused the clock: HTTP ${response.status}`);
	};
	// The organisation's active accounts, management first, as --accounts org lists them; each read with the emulator's keys for it.
	const members = options.organisation
		? (emulator.control.organization()?.accounts ?? [])
				.filter(account => account.status === 'ACTIVE')
				.map(account => ({account: account.id, label: account.name}))
		: undefined;
	const api = createAwsApi({
		...localModeOptions(emulator, regions),
		...(members
			? {
					accounts: members.map(({account, label}) => ({
						account,
						label,
						source: {kind: 'static' as const, credentials: {accessKeyId: emulator.accessKeyFor(account), secretAccessKey: 'ssmtop-local'}},
					})),
				}
			: {}),
	});
	const intervalMs = options.intervalMs ?? 5000;
	// What cli.tsx's connectionContext() gives for --local. Not imported: dist/cli.js is a bundle
	// with its own copies of React, Ink and the store, which would double the memory measured here.
	const context: ConnectionContext = {
		label: members ? `${members.length} accounts (role OrganizationAccountAccessRole in the organisation via the local emulator)` : 'local emulator',
		regions,
		readOnly: false,
		local: true,
		account: emulator.homeAccount,
		readableAccounts: 'all',
		...(members ? {accounts: members} : {}),
	};
	const store = createAppStore({
		context,
		filter: '',
		viewport: {columns: options.terminal.columns, rows: options.terminal.rows},
	});
	const tracked = trackInFlight(options.wrapApi ? options.wrapApi(api) : api);
	const poller = createPoller({store, api: tracked.api, clock, intervalMs, random: () => 0.5, budget: UNMETERED_BUDGET});
	const port = createActionPort({client: region => api.homeClient(region), refreshNow: () => poller.refreshNow()});
	// The CLI's effect runner, so keys that ask for work (refresh now, older history) do what they do in the app.
	const effects = startEffectRunner({
		store,
		port,
		readFile: async () => {
			throw new Error('no files in the bench');
		},
		writeTerminal: () => undefined,
		newToken: () => 'bench-token',
	});
	const terminal = createFakeTerminal(options.terminal);
	// 'follow' re-reads the simulated time on a short real-time tick; freeze() pins it (for isolating what a poll writes).
	let frozenAt: number | undefined = options.uiClock === 'frozen' ? options.startMs : undefined;
	let liveFrom: {readonly simulated: number; readonly real: number} | undefined;
	const liveNow = (from: {readonly simulated: number; readonly real: number}): number =>
		from.simulated + Math.floor((performance.now() - from.real) / 1000) * 1000;
	const uiClock: Clock =
		options.uiClock === 'frozen'
			? {now: () => options.startMs, tickMs: 0}
			: {now: () => frozenAt ?? (liveFrom ? liveNow(liveFrom) : clock.now()), tickMs: options.uiTickMs ?? 20};
	let instance: Instance | undefined;

	const renderApp = async (): Promise<void> => {
		const firstWrite = terminal.stdout.nextWrite({timeoutMs: 10_000});
		instance = render(<App store={store} clock={uiClock} theme={options.theme ?? DEFAULT_THEME} />, {
			...terminal.inkOptions,
			...CLI_RENDER_OPTIONS,
			...options.ink,
		});
		await firstWrite;
	};

	const settled = async (): Promise<void> => {
		// Quiet = no call in flight across a few event-loop turns (a finished call may start the next page).
		const deadline = Date.now() + 30_000;
		let quietTurns = 0;
		while (quietTurns < 5) {
			await turn();
			quietTurns = tracked.inFlight() === 0 ? quietTurns + 1 : 0;
			if (Date.now() > deadline) throw new Error('the poller did not settle within 30 s');
		}
	};

	if (options.startPoller ?? true) poller.start();
	if (options.render ?? true) await renderApp();

	return {
		emulator,
		api,
		store,
		poller,
		port,
		terminal,
		clock,
		renderApp,
		instance: () => instance,
		async advance(ms) {
			await setRemoteTime(clock.now() + ms);
			clock.advance(ms);
			await settled();
		},
		settled,
		ui: {
			freeze() {
				if (options.uiClock === 'follow') frozenAt = liveFrom ? liveNow(liveFrom) : clock.now();
				liveFrom = undefined;
			},
			follow() {
				if (options.uiClock === 'follow') frozenAt = undefined;
				liveFrom = undefined;
			},
			live() {
				if (options.uiClock !== 'follow') return;
				frozenAt = undefined;
				liveFrom = {simulated: clock.now(), real: performance.now()};
			},
		},
		async close() {
			instance?.unmount();
			instance?.cleanup();
			poller.stop();
			effects.stop();
			api.destroy();
			if (!options.remoteEmulatorUrl) await emulator.close();
		},
	};
}
