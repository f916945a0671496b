/**
 * Bytes written to the terminal when nothing changed (all-final data, the poller ticking) and when
 * one execution changes status. Polls run on the simulated clock; the UI's clock follows it.
 *
 * Three idle figures separate the causes: a poll with the UI's time pinned (what the refresh and
 * the merge alone write), a second of the UI clock ticking between polls, and a poll as it
 * happens live (the header's "ok Ns ago" resets to "ok now").
 */
// Run directly, the heap is sized here, after the module graph compiled; fresh-process.ts preloads it earlier.
import './product-heap.js';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {isFinal} from '../core/status.js';
import {CALLS_WINDOW_MS} from '../poller/request-gate.js';
import {resultOfFreshProcess} from './fresh-process.js';
import {waitUntil} from './harness.js';
import type {LocalSession} from './local-session.js';
import {pause, waitForQuiet} from './quiet.js';
import {startRealtimeSession} from './realtime-session.js';

export interface IdleResult {
	/** Per poll, UI time pinned: only what the refresh itself changes. */
	readonly pollPinnedBytes: readonly number[];
	/** Per simulated second between polls, UI clock ticking. */
	readonly secondBytes: readonly number[];
	/** Per poll, UI clock live. */
	readonly pollLiveBytes: readonly number[];
	/** What the terminal received in the last live idle poll (escapes included), for diagnosis. */
	readonly lastLivePollText: string;
	/** The poll that brought one execution's change to a final status (UI time pinned). */
	readonly oneChangeBytes: number;
	readonly oneChangeText: string;
}

export async function measureIdle(session: LocalSession, options: {polls?: number; intervalMs?: number} = {}): Promise<IdleResult> {
	const {terminal} = session;
	const polls = options.polls ?? 6;
	const intervalMs = options.intervalMs ?? session.poller.intervalMs;
	const bytesOf = async (action: () => Promise<void>): Promise<{bytes: number; text: string}> => {
		await waitForQuiet(terminal.stdout);
		terminal.stdout.mark();
		await action();
		await waitForQuiet(terminal.stdout);
		return {bytes: terminal.stdout.bytesSinceMark(), text: terminal.stdout.outputSinceMark()};
	};

	// Reach the steady state: the header's calls per minute is measured over a sliding minute, so
	// the history's burst of pages must have left that window (it decays poll by poll until then).
	for (let waited = 0; waited < CALLS_WINDOW_MS + 3 * intervalMs; waited += intervalMs) await session.advance(intervalMs);

	session.ui.freeze();
	const pollPinnedBytes: number[] = [];
	for (let index = 0; index < polls; index++) pollPinnedBytes.push((await bytesOf(async () => session.advance(intervalMs))).bytes);

	session.ui.follow();
	const secondBytes: number[] = [];
	const pollLiveBytes: number[] = [];
	let lastLivePollText = '';
	const seconds = Math.round(intervalMs / 1000);
	for (let index = 0; index < polls; index++) {
		for (let second = 1; second < seconds; second++) secondBytes.push((await bytesOf(async () => session.advance(1000))).bytes);
		const poll = await bytesOf(async () => session.advance(intervalMs - (seconds - 1) * 1000));
		pollLiveBytes.push(poll.bytes);
		lastLivePollText = poll.text;
	}

	const change = await oneStatusChange(session, intervalMs, bytesOf);
	session.ui.follow();
	return {pollPinnedBytes, secondBytes, pollLiveBytes, lastLivePollText, oneChangeBytes: change.bytes, oneChangeText: change.text};
}

/**
 * Starts one short run through the SDK, waits until the list shows it not yet final, then times the
 * poll that shows it finished. A run can go from unseen (or Pending) to Success within one
 * interval; the poll that brought a final status then counts when the list had shown it before,
 * and otherwise (it appeared already final: a new row, not a status change) another run is started.
 */
async function oneStatusChange(
	session: LocalSession,
	intervalMs: number,
	bytesOf: (action: () => Promise<void>) => Promise<{bytes: number; text: string}>,
): Promise<{bytes: number; text: string}> {
	const region = 'us-east-1';
	for (let attempt = 0; attempt < 3; attempt++) {
		const started = await session.api
			.homeClient(region)
			.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
		const id = started.AutomationExecutionId!;
		const status = () => session.store.getState().executions[id]?.status;
		for (let guard = 0; status() === undefined; guard++) {
			if (guard > 20) throw new Error('the new run never showed in the list');
			await session.advance(intervalMs);
		}

		if (isFinal(status()!)) continue;
		// Pin the UI's time, so the status change is the only news on screen.
		session.ui.freeze();
		for (let guard = 0; guard < 50; guard++) {
			const poll = await bytesOf(async () => session.advance(intervalMs));
			const after = status();
			// Pending → InProgress is news too, but not the change measured here: wait for the final status.
			if (after !== undefined && isFinal(after)) return poll;
		}

		throw new Error(`the run never finished (status ${String(status())})`);
	}

	throw new Error('each run started had finished before the list first showed it');
}

/** What is on screen while the CPU is measured. */
export type IdleCpuScenario = 'bulk-paused' | 'bulk-polling' | 'demo';

export interface IdleCpuResult {
	readonly scenario: IdleCpuScenario;
	readonly executions: number;
	readonly seconds: number;
	/** CPU time of the process (user + system) over the window, per wall second, in % of one core. */
	readonly cpuPercent: number;
	readonly cpuMs: number;
	/**
	 * The busiest slice of {@link IDLE_SLICE_SECONDS} in the window, in % of one core: a one-off (V8's
	 * full collection once the heap stops growing after the load) shows here, not as a steady cost.
	 */
	readonly busiestSlicePercent: number;
	/** Terminal writes and bytes in the window (each frame is a few writes). */
	readonly writes: number;
	readonly bytes: number;
}

const IDLE_CPU_SCENARIOS: Readonly<Record<IdleCpuScenario, string>> = {
	'bulk-paused': '10,000 final executions listed, refreshing paused (p): the UI clock alone',
	'bulk-polling': '10,000 final executions listed, the poller refreshing every 5 s (emulator in process)',
	demo: 'the demo fleet moving in real time, the poller refreshing (emulator in process)',
};

/**
 * Idle CPU windows: 60 s. The 10,000-execution case spends ≈ 280 ms of CPU once, some 20 s after
 * the load (V8's full collection, mostly on its own threads), then ≈ 0.3 % of a core: a 20 s window
 * read that one-off as 2 % (150 s read 0.4 %). The busiest 5 s is printed beside each figure.
 */
export const DEFAULT_IDLE_SECONDS = 60;
/** The window is read in slices of this many seconds, for {@link IdleCpuResult.busiestSlicePercent}. */
export const IDLE_SLICE_SECONDS = 5;

export function describeIdleCpuScenario(scenario: IdleCpuScenario): string {
	return IDLE_CPU_SCENARIOS[scenario];
}

/**
 * CPU time of the whole --local process over `seconds` of wall time, on real clocks (the UI's
 * clock ticking, the poller's timers real), after a warm-up. Run it in a fresh process.
 */
export async function measureIdleCpu(scenario: IdleCpuScenario, options: {seconds?: number; warmUpSeconds?: number} = {}): Promise<IdleCpuResult> {
	const seconds = options.seconds ?? DEFAULT_IDLE_SECONDS;
	const session = await startRealtimeSession(scenario === 'demo' ? {seed: 'demo'} : {seed: 'none', extraExecutions: 10_000, ticker: false});
	try {
		if (scenario !== 'demo') await session.loadWholeHistory();
		if (scenario === 'bulk-paused') {
			session.terminal.stdin.press('p');
			await waitUntil(() => session.store.getState().paused, {what: 'the pause'});
		}

		await pause((options.warmUpSeconds ?? 5) * 1000);
		const stdout = session.terminal.stdout;
		stdout.mark();
		const cpu = process.cpuUsage();
		const started = performance.now();
		let busiestSlicePercent = 0;
		for (let left = seconds; left > 0; left -= IDLE_SLICE_SECONDS) {
			const slice = process.cpuUsage();
			const sliceStarted = performance.now();
			await pause(Math.min(left, IDLE_SLICE_SECONDS) * 1000);
			const sliceUsed = process.cpuUsage(slice);
			busiestSlicePercent = Math.max(busiestSlicePercent, (sliceUsed.user + sliceUsed.system) / 10 / (performance.now() - sliceStarted));
		}

		const used = process.cpuUsage(cpu);
		const wallMs = performance.now() - started;
		const cpuMs = (used.user + used.system) / 1000;
		return {
			scenario,
			executions: Object.keys(session.store.getState().executions).length,
			seconds,
			cpuPercent: Math.round((cpuMs / wallMs) * 1000) / 10,
			cpuMs: Math.round(cpuMs),
			busiestSlicePercent: Math.round(busiestSlicePercent * 10) / 10,
			writes: stdout.writesSinceMark(),
			bytes: stdout.bytesSinceMark(),
		};
	} finally {
		await session.close();
	}
}

/** Runs {@link measureIdleCpu} in a fresh process (nothing left from earlier measurements, no other timers). */
export async function measureIdleCpuInFreshProcess(scenario: IdleCpuScenario, seconds: number): Promise<IdleCpuResult> {
	return resultOfFreshProcess<IdleCpuResult>(
		[fileURLToPath(import.meta.url), '--scenario', scenario, '--seconds', String(seconds)],
		'the idle CPU measurement',
	);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const {values} = parseArgs({options: {scenario: {type: 'string', default: 'bulk-paused'}, seconds: {type: 'string', default: String(DEFAULT_IDLE_SECONDS)}}});
	const scenario = values.scenario as IdleCpuScenario;
	if (!(scenario in IDLE_CPU_SCENARIOS)) throw new Error(`unknown scenario ${scenario} (${Object.keys(IDLE_CPU_SCENARIOS).join(', ')})`);
	const result = await measureIdleCpu(scenario, {seconds: Number(values.seconds)});
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}
