/**
 * ssmtop's --local composition on real clocks, for figures that are about wall time: idle CPU and
 * the memory soak. The emulator's engine runs on its scaled clock (real time × timeScale), the
 * poller on real timers, and the UI reads the engine's time, so its relative times and durations
 * agree with the engine's at any speed. Only the terminal is fake (it counts bytes).
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {performance} from 'node:perf_hooks';
import {createInterface} from 'node:readline';
import {fileURLToPath} from 'node:url';
import {render, type Instance} from 'ink';
import {createAwsApi, localModeOptions} from '../aws/index.js';
import {accessKeyFor, HOME_ACCOUNT} from '../emulator/accounts.js';
import {startEmulator} from '../emulator/index.js';
import {createPoller, type Poller} from '../poller/index.js';
import {systemClock} from '../poller/clock.js';
import {createAppStore, type AppStore} from '../store/app-store.js';
import {selectTruncatedRegions} from '../store/data-selectors.js';
import type {ConnectionContext} from '../store/state.js';
import {App} from '../ui/app.js';
import type {Clock} from '../ui/clock-context.js';
import {createFakeTerminal, type FakeTerminal} from './fake-terminal.js';
import {CLI_RENDER_OPTIONS, LOCAL_REGIONS} from './local-session.js';
import {waitUntil} from './harness.js';

export interface RealtimeSessionOptions {
	readonly seed: 'demo' | 'none';
	/** Finished executions in us-east-1, spread over the 14 days before the start. */
	readonly extraExecutions?: number;
	/** Engine speed-up (the UI follows it); default 1. */
	readonly timeScale?: number;
	/** The poller's interval in real ms (default 5000, the CLI's). */
	readonly intervalMs?: number;
	/** Start new demo runs every 40 s of engine time (default: on for the demo seed). */
	readonly ticker?: boolean;
	readonly columns?: number;
	readonly rows?: number;
	/**
	 * 'separate': the emulator runs in a process of its own (`npm run emulator`, demo seed only), so
	 * memory and CPU figures are the app's alone, as against AWS. Default 'in-process' (--local).
	 */
	readonly emulator?: 'in-process' | 'separate';
	/** Which frame writer draws: ssmtop's line-diff one, as the CLI has it (default), or Ink's own (to compare). */
	readonly writer?: 'cli' | 'ink';
}

/** Where the emulator is: its url and account convention, the engine's time, and how to stop it. */
interface EmulatorHandle {
	readonly url: string;
	readonly homeAccount: string;
	accessKeyFor(account: string): string;
	now(): number;
	close(): Promise<void>;
}

const EMULATOR_MAIN = fileURLToPath(new URL('../emulator/main.js', import.meta.url));

/** `node dist/emulator/main.js --seed demo --time-scale x` in its own process; its clock read once and followed locally. */
async function spawnDemoEmulator(timeScale: number): Promise<EmulatorHandle> {
	const child: ChildProcess = spawn(process.execPath, [EMULATOR_MAIN, '--seed', 'demo', '--time-scale', String(timeScale)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		createInterface({input: child.stdout!}).once('line', resolve);
		child.once('exit', code => reject(new Error(`the emulator process exited with ${String(code)} before it was ready`)));
	});
	const response = await fetch(`${url}/_emulator/clock`);
	const {now: engineAt} = (await response.json()) as {now: number};
	const readAt = performance.now();
	return {
		url,
		homeAccount: HOME_ACCOUNT,
		accessKeyFor,
		// The engine's clock is real time × timeScale from its start: follow it from the one reading.
		now: () => engineAt + (performance.now() - readAt) * timeScale,
		close: async () =>
			new Promise<void>(resolve => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			}),
	};
}

async function startInProcess(options: RealtimeSessionOptions, timeScale: number): Promise<EmulatorHandle> {
	const emulator = await startEmulator({
		seed: options.seed,
		timeScale,
		...(options.extraExecutions === undefined ? {} : {extraExecutions: options.extraExecutions}),
		...(options.ticker === undefined ? {} : {ticker: options.ticker}),
	});
	return {...emulator, now: () => emulator.control.now(), close: async () => emulator.close()};
}

export interface RealtimeSession {
	readonly emulatorUrl: string;
	readonly store: AppStore;
	readonly poller: Poller;
	readonly terminal: FakeTerminal;
	readonly instance: Instance;
	/** The engine's (and the UI's) time. */
	now(): number;
	/** Pages in the older history until every region's listing is complete (the poller's loadOlder). */
	loadWholeHistory(): Promise<void>;
	close(): Promise<void>;
}

/** A UI clock on the engine's timeline: `ms` of engine time pass in `ms / timeScale` real ms. */
export function engineUiClock(now: () => number, timeScale: number): Clock {
	return {now, delayUntil: time => (time - now()) / timeScale};
}

export async function startRealtimeSession(options: RealtimeSessionOptions): Promise<RealtimeSession> {
	const timeScale = options.timeScale ?? 1;
	if (options.emulator === 'separate' && (options.seed !== 'demo' || options.extraExecutions !== undefined || options.ticker === false)) {
		throw new Error('a separate emulator runs the demo seed with its ticker only');
	}

	const emulator = options.emulator === 'separate' ? await spawnDemoEmulator(timeScale) : await startInProcess(options, timeScale);
	const regions = [...LOCAL_REGIONS];
	const api = createAwsApi(localModeOptions(emulator, regions));
	const context: ConnectionContext = {label: 'local emulator', regions, readOnly: false, local: true, account: emulator.homeAccount, readableAccounts: 'all'};
	const columns = options.columns ?? 120;
	const rows = options.rows ?? 34;
	const store = createAppStore({context, filter: '', viewport: {columns, rows}});
	// The engine's time for the poller's timestamps (what "ok"/"stale" compare against), real timers for its schedule.
	const engineNow = (): number => emulator.now();
	const poller = createPoller({store, api, clock: {...systemClock, now: engineNow}, intervalMs: options.intervalMs ?? 5000});
	const terminal = createFakeTerminal({columns, rows, keepOutput: false});
	const firstWrite = terminal.stdout.nextWrite({timeoutMs: 10_000});
	poller.start();
	const instance = render(<App store={store} clock={engineUiClock(engineNow, timeScale)} />, {
		...terminal.inkOptions,
		...(options.writer === 'ink' ? {exitOnCtrlC: false} : CLI_RENDER_OPTIONS),
	});
	await firstWrite;
	await waitUntil(() => store.getState().regions['us-east-1']?.lastSuccessAt !== undefined, {timeoutMs: 60_000, what: 'the first listing'});
	return {
		emulatorUrl: emulator.url,
		store,
		poller,
		terminal,
		instance,
		now: engineNow,
		async loadWholeHistory() {
			for (let batches = 0; batches < 1000; batches++) {
				const truncated = selectTruncatedRegions(store.getState());
				if (truncated.length === 0) return;
				await Promise.all(truncated.map(async region => poller.loadOlder(region)));
			}

			throw new Error('the history never finished loading');
		},
		async close() {
			instance.unmount();
			instance.cleanup();
			poller.stop();
			api.destroy();
			await emulator.close();
		},
	};
}
