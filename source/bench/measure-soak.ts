/**
 * The memory soak: ssmtop left running against the demo fleet at 20× time scale (runs start,
 * step and finish; the UI clock ticks; the poller refreshes on real timers), the newest running
 * execution opened for a while and closed again every half minute, as someone glancing at it
 * would. Every `sampleSeconds` a full GC, then heap used and RSS are sampled; after the warm-up a
 * least-squares line through the samples gives the growth in MB per hour, and over the soak.
 *
 * The emulator runs in its own process by default, so the figure is the app's alone (against AWS
 * there is no emulator in the process). Run in a fresh `node --expose-gc` process:
 *   node --expose-gc dist/bench/measure-soak.js --soak-seconds 60
 */
// Run directly, the heap is sized here, after the module graph compiled; fresh-process.ts preloads it earlier.
import './product-heap.js';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {selectVisibleRows} from '../store/selectors.js';
import {resultOfFreshProcess} from './fresh-process.js';
import {collectGarbage, keys, rssBytes, toMegabytes, waitUntil} from './harness.js';
import {emptyInkTextCaches} from './ink-text-caches.js';
import {pause} from './quiet.js';
import {startRealtimeSession} from './realtime-session.js';
import {fitGrowth, warmUpFor} from './soak-math.js';

export const DEFAULT_SOAK_SECONDS = 600;

export interface SoakOptions {
	/** Wall-clock length of the soak, warm-up included (default 600 s). */
	readonly seconds?: number;
	readonly timeScale?: number;
	readonly emulator?: 'in-process' | 'separate';
	/** Open and close the newest running execution every 30 s (default true). */
	readonly browse?: boolean;
}

export interface SoakSample {
	/** Seconds since the start of the soak. */
	readonly at: number;
	/** Heap used after a full GC, Ink's bounded text caches emptied first (source/bench/ink-text-caches.ts). */
	readonly heapUsedMb: number;
	/** The same before they were emptied: the app with its caches as they happened to be. */
	readonly heapWithCachesMb: number;
	/** Entries the caches held then. */
	readonly cacheEntries: number;
	readonly rssMb: number;
	readonly executions: number;
}

export interface SoakResult {
	readonly seconds: number;
	readonly warmUpSeconds: number;
	readonly timeScale: number;
	readonly emulator: 'in-process' | 'separate';
	readonly gcAvailable: boolean;
	readonly samples: readonly SoakSample[];
	/** Slope of heap used after a full GC, after the warm-up, in MB per hour of wall time. */
	readonly heapSlopeMbPerHour: number;
	/** That slope over the whole soak: what the soak grew by. */
	readonly heapGrowthMb: number;
	/** Its standard error. */
	readonly heapGrowthErrorMb: number;
	/** The most that Ink's text caches held at a sample (heap with them − heap without). */
	readonly textCachesMaxMb: number;
	readonly rssSlopeMbPerHour: number;
	readonly rssGrowthMb: number;
	readonly peakRssMb: number;
	readonly executionsAtWarmUp: number;
	readonly executionsAtEnd: number;
	/** Times a running execution was opened and closed again. */
	readonly opened: number;
	/** Bytes written to the (fake) terminal over the soak. */
	readonly bytesWritten: number;
}

export async function measureSoak(options: SoakOptions = {}): Promise<SoakResult> {
	const seconds = options.seconds ?? DEFAULT_SOAK_SECONDS;
	const timeScale = options.timeScale ?? 20;
	const emulator = options.emulator ?? 'separate';
	const warmUpSeconds = warmUpFor(seconds);
	// Every 5 s (120 samples in 600 s): the heap moves by about a megabyte between samples, so the line needs many.
	const sampleSeconds = Math.max(1, Math.min(5, Math.floor(seconds / 60)));
	const session = await startRealtimeSession({seed: 'demo', timeScale, emulator});
	const samples: SoakSample[] = [];
	let gcAvailable = false;
	let peakRss = rssBytes();
	let opened = 0;
	const started = performance.now();
	const elapsed = (): number => (performance.now() - started) / 1000;
	const executions = (): number => Object.keys(session.store.getState().executions).length;
	const {stdin} = session.terminal;
	try {
		const bytesBefore = session.terminal.stdout.totalBytes;
		let nextSample = sampleSeconds;
		let nextBrowse = 30;
		while (elapsed() < seconds) {
			await pause(Math.max(0, Math.min(nextSample, nextBrowse) - elapsed()) * 1000);
			peakRss = Math.max(peakRss, rssBytes());
			if (elapsed() >= nextBrowse && (options.browse ?? true)) {
				nextBrowse += 30;
				// The list sorts newest first: the top row is the newest run, usually still running.
				const state = session.store.getState();
				if (state.screen === 'list' && selectVisibleRows(state).length > 0) {
					stdin.press('g');
					stdin.press(keys.enter);
					await waitUntil(() => session.store.getState().screen === 'detail', {what: 'the detail screen'});
					opened++;
				} else {
					stdin.press(keys.escape);
					await waitUntil(() => session.store.getState().screen === 'list', {what: 'the list'});
				}
			}

			if (elapsed() >= nextSample) {
				nextSample += sampleSeconds;
				gcAvailable = collectGarbage();
				const rss = rssBytes();
				peakRss = Math.max(peakRss, rss);
				const heapWithCachesMb = toMegabytes(process.memoryUsage().heapUsed);
				const cacheEntries = await emptyInkTextCaches();
				collectGarbage();
				samples.push({
					at: Math.round(elapsed() * 10) / 10,
					heapUsedMb: toMegabytes(process.memoryUsage().heapUsed),
					heapWithCachesMb,
					cacheEntries,
					rssMb: toMegabytes(rss),
					executions: executions(),
				});
			}
		}

		const heap = fitGrowth(
			samples.map(sample => ({at: sample.at, value: sample.heapUsedMb})),
			warmUpSeconds,
			seconds,
		);
		const rss = fitGrowth(
			samples.map(sample => ({at: sample.at, value: sample.rssMb})),
			warmUpSeconds,
			seconds,
		);
		const measured = samples.filter(sample => sample.at >= warmUpSeconds);
		return {
			seconds,
			warmUpSeconds,
			timeScale,
			emulator,
			gcAvailable,
			samples,
			heapSlopeMbPerHour: heap.slopeMbPerHour,
			heapGrowthMb: heap.growthMb,
			heapGrowthErrorMb: heap.growthErrorMb,
			textCachesMaxMb: Math.round(Math.max(0, ...samples.map(sample => sample.heapWithCachesMb - sample.heapUsedMb)) * 10) / 10,
			rssSlopeMbPerHour: rss.slopeMbPerHour,
			rssGrowthMb: rss.growthMb,
			peakRssMb: toMegabytes(peakRss),
			executionsAtWarmUp: measured[0]?.executions ?? executions(),
			executionsAtEnd: executions(),
			opened,
			bytesWritten: session.terminal.stdout.totalBytes - bytesBefore,
		};
	} finally {
		await session.close();
	}
}

/** Runs {@link measureSoak} in a fresh `node --expose-gc` process; progress goes to stderr. */
export async function measureSoakInFreshProcess(options: {seconds: number; emulator?: 'in-process' | 'separate'}): Promise<SoakResult> {
	return resultOfFreshProcess<SoakResult>(
		['--expose-gc', fileURLToPath(import.meta.url), '--soak-seconds', String(options.seconds), '--emulator', options.emulator ?? 'separate'],
		'the soak',
	);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const {values} = parseArgs({
		options: {'soak-seconds': {type: 'string', default: String(DEFAULT_SOAK_SECONDS)}, emulator: {type: 'string', default: 'separate'}},
	});
	const result = await measureSoak({seconds: Number(values['soak-seconds']), emulator: values.emulator === 'in-process' ? 'in-process' : 'separate'});
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}
