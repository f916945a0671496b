/**
 * The benchmark proper (run.ts sets the environment first): every figure of issue #3's benchmark against the emulator in one run, printed
 * as a table against its target (figures only: no pass/fail exit). Timings depend on the machine
 * and its load, printed first. `node dist/bench/run.js --json` prints the raw results too;
 * `--soak-seconds N` shortens the memory soak (default 600 s of wall time) and `--idle-seconds N`
 * the idle CPU windows (default 60 s each), e.g. `npm run bench -- --soak-seconds 60`.
 * `--keys` runs the key benchmark alone; `--events` the events-against-polling figures alone (issue 12);
 * `--org` the organisation phase alone (measure-org.ts); `--memory` the memory phase alone.
 */
import {cpus, loadavg} from 'node:os';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';
import {startBulkSession} from './bulk-session.js';
import {measureEmulatorLatency} from './emulator-latency.js';
import {formatFigures, meetsTarget, summarize, type Figure} from './harness.js';
import {startLocalSession} from './local-session.js';
import {createCallLedger, type CallLedger} from './call-ledger.js';
import {measureApiCalls, type ApiCallsResult} from './measure-api-calls.js';
import {perMinute} from './naive-calls.js';
import {HELLO_PROGRAM, measureInPty, ssmtopProgram, timeProcess, type PtyFrameTimes} from './measure-first-frame.js';
import {
	DEFAULT_IDLE_SECONDS,
	describeIdleCpuScenario,
	IDLE_SLICE_SECONDS,
	measureIdle,
	measureIdleCpuInFreshProcess,
	type IdleCpuScenario,
} from './measure-idle.js';
import {measureLiveBytes} from './measure-live-bytes.js';
import {measureCliMemory} from './measure-cli-memory.js';
import {measureMemoryInFreshProcess, type MemoryResult} from './measure-memory.js';
import {DEFAULT_SOAK_SECONDS, measureSoakInFreshProcess} from './measure-soak.js';
import {KEY_CLASS_LABELS, measureScrolling, type KeyClass, type ScrollingResult} from './measure-scrolling.js';
import {BENCH_TIME} from './bulk-session.js';
import {measureEvents} from './measure-events.js';
import {measureOrganization, measureOrganizationInFreshProcess} from './measure-org.js';
import {DEFAULT_RESYNC_INTERVAL_MS} from '../poller/index.js';
import {DEFAULT_CALLS_PER_SECOND} from '../core/request-budget.js';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const median = (samples: readonly number[]): number => summarize(samples).p50;
const max = (samples: readonly number[]): number => Math.max(...samples);
const log = (line: string): void => {
	process.stderr.write(`${line}\n`);
};

/** Launch runs per program; hello world and ssmtop alternate, so each pair shares the load of its moment. */
const LAUNCH_RUNS = 5;

export async function launchFigures(): Promise<{figures: Figure[]; raw: unknown}> {
	log(`launch: an Ink hello world and \`ssmtop --local\` in a pseudo-terminal, ${LAUNCH_RUNS} runs each, alternating; ssmtop --version…`);
	const pairs: Array<{hello: PtyFrameTimes; ssmtop: PtyFrameTimes}> = [];
	for (let run = 0; run < LAUNCH_RUNS; run++) {
		const hello = await measureInPty(HELLO_PROGRAM);
		const ssmtop = await measureInPty(ssmtopProgram(CLI));
		if (hello && ssmtop?.rowsFrameMs !== undefined) pairs.push({hello, ssmtop});
	}

	const version = await timeProcess([CLI, '--version'], 5);
	const figures: Figure[] = [];
	if (pairs.length > 0) {
		const of = (pick: (pair: (typeof pairs)[number]) => number | undefined): number[] =>
			pairs.map(pick).filter((value): value is number => value !== undefined);
		const hello = median(of(pair => pair.hello.firstFrameMs));
		const runs = `median of ${pairs.length}`;
		figures.push(
			{name: `Ink hello world (bundled with the same esbuild settings), spawn → first frame (pty via script(1), ${runs})`, value: hello, unit: 'ms'},
			{
				name: '`ssmtop --local` (dist/cli.js), spawn → first frame (the header; regions loading)',
				value: median(of(pair => pair.ssmtop.firstFrameMs)),
				unit: 'ms',
			},
			{
				name: '  ÷ hello world (median of the ratios of runs side by side)',
				value: median(of(pair => pair.ssmtop.firstFrameMs / pair.hello.firstFrameMs)),
				unit: '×',
				target: {max: 1.2},
			},
			{name: '`ssmtop --local`, spawn → first frame with executions (list rows)', value: median(of(pair => pair.ssmtop.rowsFrameMs)), unit: 'ms'},
			{
				name: '  ÷ hello world',
				value: median(of(pair => (pair.ssmtop.rowsFrameMs ?? Number.NaN) / pair.hello.firstFrameMs)),
				unit: '×',
				target: {max: 1.5},
			},
		);
		const cpu = of(pair => pair.hello.firstFrameCpuMs);
		if (cpu.length > 0) {
			figures.push(
				{name: 'process CPU time (user + system) at the first frame: hello world', value: median(cpu), unit: 'ms'},
				{name: '  ssmtop, at the first frame', value: median(of(pair => pair.ssmtop.firstFrameCpuMs)), unit: 'ms'},
				{name: '  ssmtop, at the first frame with executions', value: median(of(pair => pair.ssmtop.rowsFrameCpuMs)), unit: 'ms'},
			);
		}
	}

	figures.push({name: '`node dist/cli.js --version`, whole process (median of 5)', value: median(version), unit: 'ms'});
	return {figures, raw: {pairs, version}};
}

/** Each key class against the targets: p50 ≤ 8 ms, p95 ≤ 16 ms, CPU ≤ 8 ms a key. */
function keyFigures(scrolling: ScrollingResult): Figure[] {
	const ticking = scrolling.clockTicking ? 'UI clock ticking' : 'UI clock still';
	const figures: Figure[] = [
		{
			name: `keypress → frame over ${scrolling.rows} rows, ${ticking}: p50 of all ${scrolling.all.count} keys`,
			value: scrolling.all.p50,
			unit: 'ms',
			target: {max: 8},
		},
		{name: '  p95 of all keys', value: scrolling.all.p95, unit: 'ms', target: {max: 16}},
	];
	for (const [key, label] of Object.entries(KEY_CLASS_LABELS) as Array<[KeyClass, string]>) {
		const {latency, cpuMsPerKey, frameBytes} = scrolling.classes[key];
		figures.push(
			{name: `  ${label} (${latency.count} keys): p50`, value: latency.p50, unit: 'ms', target: {max: 8}},
			{name: `  ${label}: p95`, value: latency.p95, unit: 'ms', target: {max: 16}},
			{name: `  ${label}: CPU time per key (process, user + system)`, value: cpuMsPerKey, unit: 'ms', target: {max: 8}},
			{name: `  ${label}: bytes per key frame (mean)`, value: frameBytes, unit: 'B'},
		);
	}

	figures.push(
		{name: "  after Enter: CPU until the detail's own data is drawn (SDK, the emulator in this process)", value: scrolling.detailRefreshCpuMs, unit: 'ms'},
		{name: '  held ↓ (next press as soon as the frame is out) p95', value: scrolling.held.p95, unit: 'ms'},
	);
	return figures;
}

async function bulkFigures(): Promise<{figures: Figure[]; raw: unknown}> {
	log('10,000 executions: loading the whole history into the list…');
	let ledger: CallLedger | undefined;
	const session = await startBulkSession(10_000, {wrapApi: api => (ledger = createCallLedger(api)).api});
	try {
		log('keys: ↓, PgDn, G/g, typing in the filter prompt, Enter into the detail, each timed to its frame, UI clock ticking…');
		const scrolling = await measureScrolling(session);
		log('idle refreshes and one status change…');
		const idle = await measureIdle(session);
		log('API calls over one simulated minute…');
		const calls = await measureApiCalls(session, {...(ledger ? {ledger} : {})});
		const figures: Figure[] = [
			...keyFigures(scrolling),
			{name: 'bytes per idle refresh, live clock (max of polls)', value: max(idle.pollLiveBytes), unit: 'B', target: {max: 0}},
			{name: 'bytes per idle refresh, UI time pinned (max of polls)', value: max(idle.pollPinnedBytes), unit: 'B', target: {max: 0}},
			{name: 'bytes per idle second between refreshes (clock tick, max)', value: max(idle.secondBytes), unit: 'B'},
			{name: 'bytes for one execution changing status (one poll)', value: idle.oneChangeBytes, unit: 'B'},
			...callFigures(`${totalExecutions(calls)} executions, nothing open`, calls),
		];
		return {figures, raw: {scrolling, idle: {...idle, lastLivePollText: undefined, oneChangeText: undefined}, calls}};
	} finally {
		await session.close();
	}
}

async function liveCallFigures(): Promise<{figures: Figure[]; raw: unknown}> {
	log('demo seed, a running execution open in the detail view: API calls over one simulated minute…');
	let ledger: CallLedger | undefined;
	const session = await startLocalSession({
		startMs: BENCH_TIME,
		seed: 'demo',
		terminal: {columns: 120, rows: 34, keepOutput: false},
		uiClock: 'follow',
		wrapApi: api => (ledger = createCallLedger(api)).api,
	});
	try {
		await session.settled();
		log('demo seed: bytes written per second as the fleet moves, the list and then a running execution open…');
		const listBytes = await measureLiveBytes(session);
		// Open the newest running execution: its detail refreshes every 2 s while it runs.
		const running = Object.values(session.store.getState().executions)
			.filter(execution => execution.status === 'InProgress' && execution.region === 'eu-west-1')
			.sort((a, b) => (b.startTime ?? 0) - (a.startTime ?? 0))[0];
		if (running) session.store.getState().actions.screenOpened('detail', running.id);
		const detailBytes = await measureLiveBytes(session, {seconds: 30});
		const calls = await measureApiCalls(session, {...(ledger ? {ledger} : {})});
		const figures: Figure[] = [
			{
				name: `bytes written per second, demo fleet moving, the list (mean of ${listBytes.seconds} s)`,
				value: listBytes.bytesPerSecond,
				unit: 'B',
				target: {max: 1024},
			},
			{name: '  the busiest second', value: listBytes.maxSecondBytes, unit: 'B'},
			{
				name: `bytes written per second, a running execution's detail open (mean of ${detailBytes.seconds} s)`,
				value: detailBytes.bytesPerSecond,
				unit: 'B',
				target: {max: 1024},
			},
			...callFigures(`demo seed (${totalExecutions(calls)} executions, live runs, a running one open)`, calls),
		];
		return {figures, raw: {calls, opened: running?.id, listBytes, detailBytes}};
	} finally {
		await session.close();
	}
}

/** "new 32 / old 90 (39 used) / …": V8's spaces at the peak, committed (used). */
function spacesText(result: MemoryResult): string {
	const {committedMb, usedMb} = result.atPeak;
	return Object.keys(committedMb)
		.filter(space => committedMb[space]! >= 1)
		.map(space => `${space} ${committedMb[space]} (${usedMb[space]} used)`)
		.join(', ');
}

const heapCommittedMb = (result: MemoryResult): number => Math.round(Object.values(result.atPeak.committedMb).reduce((sum, value) => sum + value, 0) * 10) / 10;

function breakdownFigures(result: MemoryResult, label: string): Figure[] {
	const peak = result.atPeak;
	const heapCommitted = heapCommittedMb(result);
	const figures: Figure[] = [
		{name: `  ${label} at the peak: V8 heap committed (${spacesText(result)})`, value: Math.round(heapCommitted * 10) / 10, unit: 'MB'},
		{name: `  ${label} at the peak: outside V8's heap (Yoga's WebAssembly memory, buffers)`, value: peak.externalMb, unit: 'MB'},
	];
	if (peak.fileBackedMb !== undefined)
		figures.push({name: `  ${label} at the peak: the node binary's pages (file-backed)`, value: peak.fileBackedMb, unit: 'MB'});
	if (peak.otherMb !== undefined) figures.push({name: `  ${label} at the peak: the rest (malloc, stacks, Node's own)`, value: peak.otherMb, unit: 'MB'});
	for (const [owner, megabytes] of Object.entries(result.heapByOwnerMb))
		figures.push({name: `  ${label} live heap after the run: ${owner}`, value: megabytes, unit: 'MB'});
	figures.push({
		name: `  ${label} live heap after the run: the rest (code, modules${label.includes('process') ? ', the emulator' : ''})`,
		value: result.heapRestMb,
		unit: 'MB',
	});
	return figures;
}

const totalExecutions = (calls: ApiCallsResult): number => Object.values(calls.executionsPerRegion).reduce((sum, count) => sum + count, 0);
const formatCalls = (value: number): string => String(Math.round(value * 10) / 10);

/** The API-call rows: the poller and the fair naive loop, counted by the emulator over the same simulated minute, and where the poller's calls went. */
function callFigures(scene: string, calls: ApiCallsResult): Figure[] {
	const purposes = Object.values(calls.poller.byPurpose ?? {});
	const sum = (pick: (purpose: string) => boolean): number =>
		perMinute(
			purposes.reduce((total, row) => total + Object.entries(row).reduce((part, [purpose, count]) => part + (pick(purpose) ? count : 0), 0), 0),
			calls.simulatedMs,
		);
	const openCalls = sum(purpose => purpose === 'get' || purpose === 'steps');
	const figures: Figure[] = [
		{name: `SSM calls/min, ${scene}: the poller`, value: calls.poller.perMinute, unit: 'calls'},
		{
			name: `  fair naive loop (all pages each ${calls.intervalMs / 1000} s, the open execution each ${calls.detailIntervalMs / 1000} s)`,
			value: calls.naive.perMinute,
			unit: 'calls',
		},
		{name: '    naive: listing / the open execution', value: calls.naive.listPerMinute, unit: `calls / ${formatCalls(calls.naive.openPerMinute)} calls`},
		{name: '  poller ÷ fair naive loop', value: calls.ratio * 100, unit: '%', target: {max: 10}},
	];
	if (calls.poller.byPurpose) {
		figures.push({
			name: '    poller: listing / the open execution',
			value: sum(purpose => purpose.startsWith('list')),
			unit: `calls / ${formatCalls(openCalls)} calls`,
		});
	}

	if (openCalls > 0) {
		// The naive loop reads it every detail interval; the poller less often while its reads change nothing.
		figures.push({
			name: "    the open execution's reads alone ÷ the naive loop",
			value: (openCalls / calls.naive.perMinute) * 100,
			unit: '%',
		});
	}

	for (const [region, row] of Object.entries(calls.poller.byPurpose ?? {})) {
		const parts = Object.entries(row).map(([purpose, count]) => `${purpose} ${formatCalls(perMinute(count, calls.simulatedMs))}`);
		const total = Object.values(row).reduce((part, count) => part + count, 0);
		figures.push({name: `    poller in ${region} (${parts.join(', ')})`, value: perMinute(total, calls.simulatedMs), unit: 'calls'});
	}

	return figures;
}

async function memoryFigures(): Promise<{figures: Figure[]; raw: unknown}> {
	log('memory: 10,000 executions and a 500-location run open in its grid: the CLI in a pseudo-terminal, then the same in fresh bench processes…');
	const cli = await measureCliMemory('separate');
	const cliLocal = await measureCliMemory('in-process');
	const inProcess = await measureMemoryInFreshProcess('in-process');
	const separate = await measureMemoryInFreshProcess('separate');
	// The same without the CLI's start-up heap sizing (cli/heap-tuning.ts): what V8 alone would reserve.
	const untuned = await measureMemoryInFreshProcess('separate', [], "V8's defaults");
	const figures: Figure[] = [
		{
			name: `RSS peak of ssmtop itself (dist/cli.js in a pseudo-terminal, the emulator in its own process): ${cli.executions} executions listed, the ${cli.locations}-location run's grid open to its end (${cli.parentStatus})`,
			value: cli.peakRssMb,
			unit: 'MB',
			target: {max: 150},
		},
		{name: '  the CLI with the executions listed, before the run', value: cli.listOnlyRssMb, unit: 'MB'},
		{
			name: `RSS peak of ssmtop --local, the same ${cliLocal.executions} executions in its embedded emulator, the run's grid open to its end (${cliLocal.parentStatus}; dist/bench/local-bulk)`,
			value: cliLocal.peakRssMb,
			unit: 'MB',
			target: {max: 150},
		},
		{name: '  ssmtop --local with the executions listed, before the run', value: cliLocal.listOnlyRssMb, unit: 'MB'},
		{
			name: `RSS peak, the same scene in the bench's process (unbundled modules; for the breakdown below), emulator in process`,
			value: inProcess.peakRssMb,
			unit: 'MB',
		},
		{name: `RSS peak, the same in the bench's process with the emulator in its own (the app alone)`, value: separate.peakRssMb, unit: 'MB'},
		...breakdownFigures(separate, 'app alone'),
		{
			name: `  app alone with V8's default heap sizing, not the CLI's ${separate.heapFlags.join(' ')} (CPU ${untuned.cpuSeconds} s against ${separate.cpuSeconds} s; V8 heap committed ${heapCommittedMb(untuned)} MB against ${heapCommittedMb(separate)} MB)`,
			value: untuned.peakRssMb,
			unit: 'MB',
		},
		{
			name: '  app alone: after the run, after GC / heap used / heap total',
			value: separate.finalRssMb,
			unit: `MB / ${separate.heapUsedMb} MB / ${separate.heapTotalMb} MB`,
		},
		{name: '  app alone: 10,000 executions listed, before the run', value: separate.listOnlyRssMb, unit: 'MB'},
		...breakdownFigures(inProcess, 'in process'),
	];
	return {figures, raw: {cli, cliLocal, inProcess, separate, untuned}};
}

async function idleCpuFigures(seconds: number): Promise<{figures: Figure[]; raw: unknown}> {
	log(`idle CPU: ${seconds} s of wall time per case, real clocks, fresh processes…`);
	const scenarios: IdleCpuScenario[] = ['bulk-paused', 'bulk-polling', 'demo'];
	const results = [];
	for (const scenario of scenarios) results.push(await measureIdleCpuInFreshProcess(scenario, seconds));
	const figures: Figure[] = results.flatMap(result => [
		{
			name: `idle CPU, ${describeIdleCpuScenario(result.scenario)}, over ${result.seconds} s (${result.bytes} B written)`,
			value: result.cpuPercent,
			unit: '% of a core',
			...(result.scenario === 'demo' ? {} : {target: {max: 1}}),
		},
		{name: `  its busiest ${IDLE_SLICE_SECONDS} s`, value: result.busiestSlicePercent, unit: '% of a core'},
	]);
	return {figures, raw: results};
}

async function soakFigures(seconds: number): Promise<{figures: Figure[]; raw: unknown}> {
	log(`memory soak: ${seconds} s of wall time, the demo fleet at 20× time scale, emulator in its own process (--soak-seconds to change)…`);
	const soak = await measureSoakInFreshProcess({seconds});
	const span = `${soak.seconds} s soak, slope after ${soak.warmUpSeconds} s of warm-up`;
	const figures: Figure[] = [
		{
			name: `soak: heap used after GC grows by (${span}; ${soak.heapSlopeMbPerHour} MB/h; Ink's bounded text caches emptied before each sample)`,
			value: soak.heapGrowthMb,
			unit: 'MB',
			target: {max: 1},
		},
		{name: '  soak: standard error of that growth (the heap moves by about a megabyte between samples)', value: soak.heapGrowthErrorMb, unit: 'MB'},
		{name: "  soak: the most Ink's text caches held at a sample (bounded: each at most twice its limit)", value: soak.textCachesMaxMb, unit: 'MB'},
		{name: `  soak: RSS grows by (${soak.rssSlopeMbPerHour} MB/h)`, value: soak.rssGrowthMb, unit: 'MB'},
		{name: '  soak: RSS peak', value: soak.peakRssMb, unit: 'MB'},
		{
			name: `  soak: executions listed at the end of the warm-up / at the end (detail opened and closed ${soak.opened} times)`,
			value: soak.executionsAtWarmUp,
			unit: `/ ${soak.executionsAtEnd}`,
		},
	];
	return {figures, raw: soak};
}

async function emulatorFigures(): Promise<{figures: Figure[]; raw: unknown}> {
	log('emulator: DescribeAutomationExecutions pages over 10,000 executions…');
	const result = await measureEmulatorLatency({pages: 300});
	return {
		figures: [
			{
				name: `emulator: DescribeAutomationExecutions page of ${result.pageSize}, median (p95 ${result.pageMs.p95.toFixed(2)} ms)`,
				value: result.pageMs.p50,
				unit: 'ms',
			},
		],
		raw: result,
	};
}

/**
 * Issue 12's two numbers side by side at its own scale, by arithmetic (not measured): one listing
 * per location per resync is the least events can cost, and polling 10,000 locations cannot make
 * more calls than the request budget lets through. The ratio is the lowest events can reach there.
 */
function resyncFloorFigures(): Figure[] {
	const locations = 10_000;
	const resyncPerMinute = locations / (DEFAULT_RESYNC_INTERVAL_MS / 60_000);
	const pollingCap = DEFAULT_CALLS_PER_SECOND * 60;
	return [
		{
			name: `  at ${locations.toLocaleString('en-US')} locations, by arithmetic: the resync alone (one listing each ${DEFAULT_RESYNC_INTERVAL_MS / 60_000} min) ÷ polling at the default budget (${pollingCap.toLocaleString('en-US')} a minute)`,
			value: Number(((100 * resyncPerMinute) / pollingCap).toFixed(2)),
			unit: '%',
		},
		{
			name: '    the resync interval at which that floor is 1 % (--resync-interval)',
			value: Math.ceil(locations / (pollingCap / 100)),
			unit: 'min',
		},
	];
}

/** Issue 12: SSM calls with events against polling, over many locations, and change → store and change → screen latency. */
export async function eventsFigures(): Promise<{figures: Figure[]; raw: unknown}> {
	// The scale: 500 accounts × 20 Regions (about 2 minutes of real time here).
	log('events: 10,000 locations (500 accounts × 20 Regions), polling for a simulated minute, events for a simulated resync interval, then real-time latency…');
	const result = await measureEvents({accounts: 500});
	const where = `${result.locations.toLocaleString('en-US')} locations (${result.accounts} accounts × ${result.regions} Regions), ${result.runsPerMinute.toFixed(1)} runs started a minute`;
	return {
		figures: [
			{
				name: `SSM calls a minute, polling (default 5 s interval, no request budget: what polling would need; ${where})`,
				value: Math.round(result.polling.ssmPerMinute),
				unit: 'calls',
			},
			{
				name: '  with --events-queue (a resync of each location every 10 min; averaged over 11 simulated minutes)',
				value: Math.round(result.events.ssmPerMinute),
				unit: 'calls',
			},
			{name: '  events ÷ polling', value: Number((result.ratio * 100).toFixed(2)), unit: '%', target: {max: 1}},
			{
				name: `  events ÷ what polling can make at the default budget (${(DEFAULT_CALLS_PER_SECOND * 60).toLocaleString('en-US')} a minute)`,
				value: Number(((100 * result.events.ssmPerMinute) / (DEFAULT_CALLS_PER_SECOND * 60)).toFixed(2)),
				unit: '%',
			},
			...resyncFloorFigures(),
			{name: '  SQS calls a minute with events (ReceiveMessage, DeleteMessageBatch; not SSM)', value: Math.round(result.events.sqsPerMinute), unit: 'calls'},
			{name: '  locations whose listing failed during the measure (polling / events)', value: result.polling.failures, unit: `/ ${result.events.failures}`},
			{
				name: `change → store with events, p50 (real time, 20 s long polls; p95 ${result.events.latencyMs.p95.toFixed(0)} ms, ${result.events.latencyMs.count} runs)`,
				value: Number(result.events.latencyMs.p50.toFixed(1)),
				unit: 'ms',
			},
			{name: '  change → store with events, p95', value: Number(result.events.latencyMs.p95.toFixed(1)), unit: 'ms', target: {max: 2000}},
			{
				name: `change → screen with events, p50 (the frame showing the new row written, ssmtop's frame writer; ${result.events.screenLatencyMs.count} runs)`,
				value: Number(result.events.screenLatencyMs.p50.toFixed(1)),
				unit: 'ms',
			},
			{name: '  change → screen with events, p95', value: Number(result.events.screenLatencyMs.p95.toFixed(1)), unit: 'ms', target: {max: 2000}},
			{
				name: `  change → store polling, p50 / p95 (simulated clock, to the second; ${result.polling.latencyMs.count} runs)`,
				value: result.polling.latencyMs.p50,
				unit: `ms / ${result.polling.latencyMs.p95} ms`,
			},
		],
		raw: result,
	};
}

type Section = readonly [string, {figures: Figure[]; raw: unknown}];

/** Every section, one after the other (they share the machine). */
async function allSections(idleSeconds: number, soakSeconds: number): Promise<Section[]> {
	return [
		['Launch', await launchFigures()],
		['10,000 executions (list, idle, change, API calls)', await bulkFigures()],
		['Live demo data', await liveCallFigures()],
		['Idle CPU (real clocks)', await idleCpuFigures(idleSeconds)],
		['Memory', await memoryFigures()],
		['Memory soak', await soakFigures(soakSeconds)],
		['Emulator', await emulatorFigures()],
		['Events instead of polling (issue 12)', await eventsFigures()],
		['Organisation: 500 accounts × 20 Regions', await measureOrganizationInFreshProcess()],
	];
}

async function keyOnlyFigures(): Promise<{figures: Figure[]; raw: unknown}> {
	log('10,000 executions: loading the whole history into the list…');
	const session = await startBulkSession(10_000);
	try {
		log('keys: ↓, PgDn, G/g, typing in the filter prompt, Enter into the detail, each timed to its frame, UI clock ticking…');
		const scrolling = await measureScrolling(session);
		return {figures: keyFigures(scrolling), raw: {scrolling}};
	} finally {
		await session.close();
	}
}

export async function main(): Promise<void> {
	const {values} = parseArgs({
		options: {
			json: {type: 'boolean', default: false},
			keys: {type: 'boolean', default: false},
			live: {type: 'boolean', default: false},
			events: {type: 'boolean', default: false},
			org: {type: 'boolean', default: false},
			memory: {type: 'boolean', default: false},
			'soak-seconds': {type: 'string', default: String(DEFAULT_SOAK_SECONDS)},
			'idle-seconds': {type: 'string', default: String(DEFAULT_IDLE_SECONDS)},
		},
	});
	const soakSeconds = Number(values['soak-seconds']);
	const idleSeconds = Number(values['idle-seconds']);
	if (!(soakSeconds > 0) || !(idleSeconds > 0)) throw new Error('--soak-seconds and --idle-seconds take a positive number of seconds');
	const environment = `node ${process.version}, ${cpus().length} CPUs, load average ${loadavg()
		.map(value => value.toFixed(2))
		.join(' ')} at start`;
	log(`ssmtop benchmark against the emulator (${environment})`);
	// --keys: the key benchmark alone (10,000 executions, each key class), for working on it.
	// --live: the demo fleet moving alone (bytes per second, API calls).
	const sections: Section[] = values.keys
		? [['Keys over 10,000 executions', await keyOnlyFigures()]]
		: values.events
			? [['Events instead of polling (issue 12)', await eventsFigures()]]
			: values.live
				? [['Live demo data', await liveCallFigures()]]
				: values.org
					? [['Organisation: 500 accounts × 20 Regions', await measureOrganization()]]
					: values.memory
						? [['Memory', await memoryFigures()]]
						: await allSections(idleSeconds, soakSeconds);
	const lines = [
		`ssmtop benchmark: ${environment}, load average ${loadavg()
			.map(value => value.toFixed(2))
			.join(' ')} at the end`,
	];
	for (const [title, {figures}] of sections) lines.push('', `## ${title}`, formatFigures(figures));
	const missed = sections.flatMap(([, {figures}]) => figures.filter(figure => meetsTarget(figure) === false).map(figure => figure.name.trim()));
	lines.push('', missed.length === 0 ? 'Every target met.' : `Missed: ${missed.join('; ')}.`);
	process.stdout.write(`${lines.join('\n')}\n`);
	if (values.json) process.stdout.write(`${JSON.stringify(Object.fromEntries(sections.map(([title, {raw}]) => [title, raw])), null, 2)}\n`);
}
