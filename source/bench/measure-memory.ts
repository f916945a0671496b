/**
 * RSS with 10,000 executions in the list and a 500-location cross-account run (50 accounts × 10
 * regions) open in its grid while it runs. Run in its own process (`--expose-gc`), so earlier
 * measurements leave nothing behind: `node --expose-gc dist/bench/measure-memory.js --json`.
 * In --local mode the emulator lives in the same process; `--emulator separate` runs it in its
 * own process, so the figure is the app's alone (what ssmtop costs against AWS).
 *
 * Besides the peak, it says what the megabytes are (memory-breakdown.ts): V8's spaces at the
 * peak (committed and used), the memory outside the heap, and after the run the live heap by
 * owner (the UI, the poller and SDK clients, the open run's detail and child steps, the rows).
 */
import {resultOfFreshProcess, V8_DEFAULTS_FLAG} from './fresh-process.js';
// Run directly, the heap is sized here, after the module graph compiled; fresh-process.ts preloads it earlier.
import {productHeapFlags} from './product-heap.js';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {isFinal} from '../core/status.js';
import {selectVisibleRows} from '../store/selectors.js';
import {BENCH_TIME, startBulkSession} from './bulk-session.js';
import {spawnEmulatorProcess} from './emulator-process.js';
import {collectGarbage, keys, rssBytes, toMegabytes, waitUntil} from './harness.js';
import {attributeHeap, samplePeak, type HeapPicture} from './memory-breakdown.js';

export const CROSS_ACCOUNT_ACCOUNTS = Array.from({length: 50}, (_, index) => String(200_000_000_000 + index * 1_010_101));
export const CROSS_ACCOUNT_REGIONS = [
	'us-east-1',
	'us-east-2',
	'us-west-1',
	'us-west-2',
	'eu-west-1',
	'eu-west-2',
	'eu-central-1',
	'ap-southeast-1',
	'ap-southeast-2',
	'ap-northeast-1',
];

export interface MemoryResult {
	readonly executions: number;
	readonly locations: number;
	readonly gridCells: number;
	readonly parentStatus: string;
	readonly peakRssMb: number;
	/** After the run finished, with the grid open, after a full GC when available. */
	readonly finalRssMb: number;
	readonly heapUsedMb: number;
	readonly heapTotalMb: number;
	readonly externalMb: number;
	/** With the 10,000 executions listed, before the cross-account run (after a GC when available). */
	readonly listOnlyRssMb: number;
	readonly gcAvailable: boolean;
	/** The process at its peak RSS: V8's spaces committed and used, external memory, the rest. */
	readonly atPeak: HeapPicture;
	/** After the run, the live heap by owner (MB held, found by dropping each and collecting), and what is left. */
	readonly heapByOwnerMb: Readonly<Record<string, number>>;
	readonly heapRestMb: number;
	/** CPU time of the whole process (user + system), to weigh a V8 flag that trades CPU for memory. */
	readonly cpuSeconds: number;
	/** Node flags the process ran with besides --expose-gc. */
	readonly nodeFlags: readonly string[];
	/** V8 flags it set at start-up as the CLI does (none under --v8-defaults). */
	readonly heapFlags: readonly string[];
}

export type EmulatorPlacement = 'in-process' | 'separate';

export async function measureMemory(options: {executions?: number; emulator?: EmulatorPlacement} = {}): Promise<MemoryResult> {
	const executions = options.executions ?? 10_000;
	const remote = options.emulator === 'separate' ? await spawnEmulatorProcess({executions, startMs: BENCH_TIME}) : undefined;
	const sampler = samplePeak(25);
	const session = await startBulkSession(executions, remote ? {remoteEmulatorUrl: remote.url} : {});
	try {
		collectGarbage();
		const listOnlyRss = rssBytes();
		const region = 'us-east-1';
		const started = await session.api.homeClient(region).send(
			new StartAutomationExecutionCommand({
				DocumentName: 'Ops-ApplySecurityBaseline',
				TargetLocations: [
					{Accounts: CROSS_ACCOUNT_ACCOUNTS, Regions: CROSS_ACCOUNT_REGIONS, TargetLocationMaxConcurrency: '50', TargetLocationMaxErrors: '50'},
				],
			}),
		);
		const id = started.AutomationExecutionId!;
		await session.advance(session.poller.intervalMs);
		await waitUntil(() => selectVisibleRows(session.store.getState())[0]?.id === id, {what: 'the cross-account run at the top of the list'});
		// Open it as a person would: top row, Enter (detail), Enter (grid).
		for (const key of ['g', keys.enter]) session.terminal.stdin.press(key);
		await waitUntil(() => session.store.getState().screen === 'detail', {what: 'the detail screen'});
		await session.advance(2000);
		session.terminal.stdin.press(keys.enter);
		await waitUntil(() => session.store.getState().screen === 'grid', {what: 'the grid screen'});
		const status = () => session.store.getState().details[id]?.status;
		for (let guard = 0; guard < 400 && !(status() !== undefined && isFinal(status()!)); guard++) await session.advance(2000);
		await session.advance(2000);
		const detail = session.store.getState().details[id];
		const gridCells = detail?.steps.filter(step => step.targetLocation).length ?? 0;
		const gcAvailable = collectGarbage();
		const finalRss = rssBytes();
		const atPeak = sampler.stop();
		const {heapUsed, heapTotal, external} = process.memoryUsage();
		const state = session.store;
		const executionCount = Object.keys(state.getState().executions).length;
		const parentStatus = status() ?? 'unknown';
		const owners = await attributeHeap([
			{name: 'the UI (React tree, Ink nodes)', drop: () => session.instance()?.unmount()},
			{
				name: 'the poller and SDK clients',
				drop() {
					session.poller.stop();
					session.api.destroy();
				},
			},
			{name: `the run's detail (${gridCells} steps) and child steps`, drop: () => state.setState({details: {}, childSteps: {}, childErrors: {}})},
			{name: `${executionCount} execution rows and their memos`, drop: () => state.setState({executions: {}})},
		]);
		return {
			executions: executionCount,
			locations: CROSS_ACCOUNT_ACCOUNTS.length * CROSS_ACCOUNT_REGIONS.length,
			gridCells,
			parentStatus,
			peakRssMb: atPeak.rssMb,
			finalRssMb: toMegabytes(finalRss),
			heapUsedMb: toMegabytes(heapUsed),
			heapTotalMb: toMegabytes(heapTotal),
			externalMb: toMegabytes(external),
			listOnlyRssMb: toMegabytes(listOnlyRss),
			gcAvailable,
			atPeak,
			heapByOwnerMb: owners.byOwnerMb,
			heapRestMb: owners.restMb,
			cpuSeconds: Math.round(((process.cpuUsage().user + process.cpuUsage().system) / 1e6) * 10) / 10,
			nodeFlags: process.execArgv.filter(
				(flag, index, all) => flag !== '--expose-gc' && !flag.startsWith('data:') && all[index + 1]?.startsWith('data:') !== true,
			),
			heapFlags: productHeapFlags,
		};
	} finally {
		await session.close();
		await remote?.stop();
	}
}

/**
 * Runs the measurement in a fresh `node --expose-gc` process and returns its figures; `nodeFlags`
 * are V8's as node takes them (e.g. --optimize-for-size: a smaller heap for more collections).
 */
export async function measureMemoryInFreshProcess(
	emulator: EmulatorPlacement,
	nodeFlags: readonly string[] = [],
	heap: 'as the CLI sizes it' | "V8's defaults" = 'as the CLI sizes it',
): Promise<MemoryResult> {
	const heapArgs = heap === "V8's defaults" ? [V8_DEFAULTS_FLAG] : [];
	return resultOfFreshProcess<MemoryResult>(
		['--expose-gc', ...nodeFlags, fileURLToPath(import.meta.url), '--emulator', emulator, ...heapArgs],
		'the memory measurement',
	);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const {values} = parseArgs({options: {emulator: {type: 'string', default: 'in-process'}, 'v8-defaults': {type: 'boolean', default: false}}});
	const result = await measureMemory({emulator: values.emulator === 'separate' ? 'separate' : 'in-process'});
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}
