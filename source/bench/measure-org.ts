/**
 * The organisation phase (issue 11): 500 member accounts × 20 Regions (10,000 locations) on the
 * emulator, in a process of its own so the RSS is the app's. The app side is what
 * `ssmtop --local --assume-role OrganizationAccountAccessRole --accounts org --region …` wires:
 * Organizations ListAccounts, a role assumed in every account through STS, one SDK client per
 * account and Region, the store and the poller with the default request budget, on real clocks
 * (no UI: the frame figures at this scale are the frame-budget work's).
 *
 * 1. Real time: how long until every location has been listed once, the calls per minute the
 *    budget measured, the RSS; then a while longer, the oldest last good refresh.
 * 2. Simulated time (the poller on a manual clock, an in-memory api answering at once): ten
 *    minutes of polling 10,000 locations at the default budget, for the longest any location
 *    went without a refresh — ten real minutes would not fit in a benchmark.
 */
// Run directly, the heap is sized here, after the module graph compiled; fresh-process.ts preloads it earlier.
import './product-heap.js';
import {createAwsApi, localModeOptions} from '../aws/index.js';
import {resolveAccounts} from '../aws/accounts/resolve-accounts.js';
import {requestTimeoutFor} from '../core/backoff.js';
import {contextLocations, type WatchedAccount} from '../core/location.js';
import type {MonitorApi} from '../core/monitor-api.js';
import {DEFAULT_CALLS_PER_SECOND, DEFAULT_MAX_CONCURRENT} from '../core/request-budget.js';
import {accessKeyFor, HOME_ACCOUNT} from '../emulator/accounts.js';
import {ORG_REGIONS} from '../emulator/identity/organization.js';
import {createPoller, DEFAULT_INTERVAL_MS} from '../poller/index.js';
import type {PollerClock} from '../poller/clock.js';
import {createAppStore, type AppStore} from '../store/app-store.js';
import type {ConnectionContext} from '../store/state.js';
import type {Figure} from './harness.js';
import {rssBytes, toMegabytes} from './memory.js';
import {spawnEmulatorProcess} from './emulator-process.js';
import {tuneHeapFor} from '../cli/heap-tuning.js';
import {CALLS_WINDOW_MS} from '../poller/request-gate.js';
import {measureOrgKeys} from './org-keys.js';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {resultOfFreshProcess} from './fresh-process.js';

export interface OrgOptions {
	readonly accounts: number;
	readonly regions: number;
	/** Give up on the first listing after this long (real ms). */
	readonly listTimeoutMs: number;
	/** Real seconds to keep polling after every location was listed. */
	readonly followSeconds: number;
	/** The manual-clock phase: its organisation, simulated minutes, and the real time it may take at most. */
	readonly simulated: {readonly accounts: number; readonly regions: number; readonly minutes: number; readonly realCapMs: number};
}

/**
 * The simulated phase is smaller than the real one: every list refresh costs the store time in
 * proportion to the locations held (copying the per-location record, the notices' and the
 * selection's passes over every row), so ten simulated minutes of 10,000 locations would take
 * hours of real time; 2,000 locations fit in the benchmark's time.
 */
export const DEFAULT_ORG_OPTIONS: OrgOptions = {
	accounts: 500,
	regions: 20,
	listTimeoutMs: 60_000,
	followSeconds: 10,
	simulated: {accounts: 100, regions: 20, minutes: 6, realCapMs: 30_000},
};

/** What the budget lets through in a minute: its rate, plus the bucket's one second of burst. */
const CALLS_PER_MINUTE_CAP = DEFAULT_CALLS_PER_SECOND * 61;

const log = (line: string): void => {
	process.stderr.write(`${line}\n`);
};

const sleep = async (ms: number): Promise<void> =>
	new Promise(resolve => {
		setTimeout(resolve, ms);
	});

function orgContext(regions: readonly string[], accounts: readonly WatchedAccount[]): ConnectionContext {
	return {
		label: `${accounts.length} accounts (role OrganizationAccountAccessRole)`,
		regions,
		readOnly: true,
		local: true,
		account: HOME_ACCOUNT,
		readableAccounts: 'all',
		accounts,
		refreshIntervalMs: DEFAULT_INTERVAL_MS,
	};
}

/** Locations listed at least once, and the oldest last good refresh among them. */
function listed(store: AppStore): {count: number; oldest: number; failing: number} {
	let count = 0;
	let failing = 0;
	let oldest = Number.POSITIVE_INFINITY;
	for (const region of Object.values(store.getState().regions)) {
		if (region.lastSuccessAt === undefined) {
			if (region.lastError) failing++;
			continue;
		}

		count++;
		oldest = Math.min(oldest, region.lastSuccessAt);
	}

	return {count, oldest, failing};
}

async function realTimePhase(options: OrgOptions): Promise<{figures: Figure[]; raw: Record<string, unknown>}> {
	const regions = ORG_REGIONS.slice(0, options.regions);
	const locations = options.accounts * regions.length;
	log(`organisation: ${options.accounts} member accounts × ${regions.length} Regions (${locations} locations): starting the emulator in its own process…`);
	const emulator = await spawnEmulatorProcess({
		executions: 0,
		startMs: Date.now(),
		organization: {accounts: options.accounts, regions: regions.length, runsPerLocation: 2},
	});
	const figures: Figure[] = [];
	const raw: Record<string, unknown> = {};
	try {
		const local = localModeOptions({url: emulator.url, homeAccount: HOME_ACCOUNT, accessKeyFor}, regions);
		const resolveStarted = performance.now();
		const resolved = await resolveAccounts(
			{kind: 'assume-role', roleName: 'OrganizationAccountAccessRole', accounts: 'org'},
			{region: regions[0]!, endpointUrl: emulator.url, accountProfiles: {}, baseSource: {kind: 'static', credentials: local.credentials!}},
		);
		const resolveMs = performance.now() - resolveStarted;
		const accounts: WatchedAccount[] = resolved.accounts.map(entry => ({
			account: entry.account,
			label: entry.label,
			...(entry.problem === undefined ? {} : {problem: entry.problem}),
		}));
		const api = createAwsApi({...local, accounts: resolved.accounts, requestTimeoutMs: requestTimeoutFor(DEFAULT_INTERVAL_MS)});
		const context = orgContext(regions, accounts);
		const total = contextLocations(context).length;
		const store = createAppStore({context, viewport: {columns: 160, rows: 50}});
		// As the CLI does once it knows how many locations it watches.
		const heapFlags = tuneHeapFor(total);
		const poller = createPoller({store, api, intervalMs: DEFAULT_INTERVAL_MS});
		log(`  ${accounts.length} accounts from Organizations ListAccounts in ${Math.round(resolveMs)} ms; polling ${total} locations at the default budget…`);
		const started = performance.now();
		const startedAt = Date.now();
		poller.start();
		let listedMs: number | undefined;
		let peakRss = rssBytes();
		let lastLog = 0;
		while (performance.now() - started < options.listTimeoutMs) {
			await sleep(250);
			peakRss = Math.max(peakRss, rssBytes());
			const {count} = listed(store);
			if (performance.now() - lastLog > 10_000) {
				lastLog = performance.now();
				const memory = process.memoryUsage();
				log(
					`  ${Math.round((performance.now() - started) / 1000)} s: ${count} of ${total} listed (RSS ${toMegabytes(memory.rss)} MB, heap ${toMegabytes(memory.heapUsed)} MB, external ${toMegabytes(memory.external)} MB)`,
				);
			}

			if (count >= total) {
				listedMs = performance.now() - started;
				break;
			}
		}

		const atList = listed(store);
		const callsAtList = store.getState().budget?.callsPerMinute ?? 0;
		const stretchedAtList = store.getState().budget?.stretchedIntervalMs;
		// A while longer: the refreshes after the first listing, and how old the oldest one gets.
		let worstAgeMs = 0;
		// …and until the calls window is a whole minute past the start: the budget's first second of
		// burst would otherwise be in it, scaled up with a young window (it read 12,206 against 12,200).
		const followUntil = Math.max(performance.now() + options.followSeconds * 1000, started + CALLS_WINDOW_MS + options.followSeconds * 1000);
		while (performance.now() < followUntil) {
			await sleep(500);
			peakRss = Math.max(peakRss, rssBytes());
			const {oldest, count} = listed(store);
			if (count > 0) worstAgeMs = Math.max(worstAgeMs, Date.now() - oldest);
		}

		const budget = store.getState().budget;
		// Then the UI over every location's rows, keys timed while the poller goes on at the budget.
		let peakRssWithUi = rssBytes();
		const sampler = setInterval(() => {
			peakRssWithUi = Math.max(peakRssWithUi, rssBytes());
		}, 250);
		log(`  drawing the list of every location's runs and timing keys while the poller refreshes…`);
		const orgKeys = await measureOrgKeys(store).finally(() => clearInterval(sampler));
		const end = listed(store);
		const errorKinds: Record<string, number> = {};
		for (const region of Object.values(store.getState().regions)) {
			if (region.lastError && (region.lastSuccessAt === undefined || region.lastError.at >= region.lastSuccessAt))
				errorKinds[region.lastError.kind] = (errorKinds[region.lastError.kind] ?? 0) + 1;
		}

		const listedPerSecond = atList.count / ((listedMs ?? options.listTimeoutMs) / 1000);
		const {count: listedAtEnd} = end;
		poller.stop();
		api.destroy();
		raw['realTime'] = {
			locations: total,
			accounts: accounts.length,
			resolveMs,
			listedMs,
			listedAtDeadline: atList.count,
			failing: end.failing,
			errorKinds,
			listedPerSecond,
			callsPerMinuteAtList: callsAtList,
			callsPerMinute: budget?.callsPerMinute,
			stretchedIntervalMs: budget?.stretchedIntervalMs ?? stretchedAtList,
			listedAtEnd,
			peakRssMb: toMegabytes(peakRss),
			worstAgeMs,
			startedAt,
		};
		figures.push(
			{
				name: `organisation: ${accounts.length} accounts × ${regions.length} Regions = ${total} locations (emulator in its own process, real clocks)`,
				value: total,
				unit: '',
			},
			{name: '  Organizations ListAccounts, every page', value: resolveMs, unit: 'ms'},
			listedMs === undefined
				? {
						name: `  every location listed once: NOT within ${options.listTimeoutMs / 1000} s (${atList.count} of ${total} listed, ${atList.failing} failing); at the rate seen, it would take`,
						value: atList.count === 0 ? Number.POSITIVE_INFINITY : total / listedPerSecond,
						unit: 's',
						target: {max: 60},
					}
				: {
						name: `  every location listed once, at the default budget (${DEFAULT_CALLS_PER_SECOND} calls/s, ${DEFAULT_MAX_CONCURRENT} in flight)`,
						value: listedMs / 1000,
						unit: 's',
						target: {max: 60},
					},
			{name: '  locations first listed per second', value: listedPerSecond, unit: '/s'},
			{
				name: `  calls per minute over the minute to the end, beside the budget: ${DEFAULT_CALLS_PER_SECOND * 60} a minute after a burst of ${DEFAULT_CALLS_PER_SECOND} (a detail's further pages are charged as they answer)`,
				value: budget?.callsPerMinute ?? callsAtList,
				unit: '/min',
			},
			{
				name: `  the interval as the budget stretched it (header: "interval stretched to …"; --interval ${DEFAULT_INTERVAL_MS / 1000} s)`,
				value: (budget?.stretchedIntervalMs ?? stretchedAtList ?? DEFAULT_INTERVAL_MS) / 1000,
				unit: 's',
			},
			{
				name: `  locations failing at the end (${
					Object.entries(errorKinds)
						.map(([kind, count]) => `${count} ${kind}`)
						.join(', ') || 'none'
				})`,
				value: Object.values(errorKinds).reduce((sum, count) => sum + count, 0),
				unit: '',
			},
			{
				name: `  oldest last good refresh after the first listing, to the end (among the locations listed)`,
				value: worstAgeMs / 1000,
				unit: 's',
				target: {max: 300},
			},
			{
				name: `  peak RSS of the app (SDK clients, store, poller; no UI; V8 ${heapFlags.join(' ') || 'defaults'} as the CLI sets it)`,
				value: toMegabytes(peakRss),
				unit: 'MB',
				target: {max: 300},
			},
			{
				name: `  keypress → frame over ${orgKeys.rows} rows, the poller refreshing at the budget: p50 of all ${orgKeys.all.count} keys`,
				value: orgKeys.all.p50,
				unit: 'ms',
				target: {max: 8},
			},
			{name: '    p95 of all keys', value: orgKeys.all.p95, unit: 'ms', target: {max: 16}},
			{name: `    ↓ (${orgKeys.down.count} keys): p95`, value: orgKeys.down.p95, unit: 'ms', target: {max: 16}},
			{name: `    PgDn (${orgKeys.pageDown.count} keys): p95`, value: orgKeys.pageDown.p95, unit: 'ms', target: {max: 16}},
			{name: '  peak RSS of the app with the list drawn and the keys pressed', value: toMegabytes(peakRssWithUi), unit: 'MB', target: {max: 300}},
		);
		raw['keys'] = orgKeys;
	} finally {
		await emulator.stop();
	}

	return {figures, raw};
}

/** A min-heap clock: the bench's manual clock scans every timer per fire, too slow for 10,000 loops. */
function createHeapClock(start: number): PollerClock & {advanceTo(until: number): Promise<void>} {
	let now = start;
	let nextId = 1;
	const heap: Array<{at: number; id: number; callback: () => void}> = [];
	const cancelled = new Set<number>();
	const less = (a: (typeof heap)[number], b: (typeof heap)[number]) => a.at < b.at || (a.at === b.at && a.id < b.id);
	const push = (item: (typeof heap)[number]) => {
		heap.push(item);
		let index = heap.length - 1;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!less(heap[index]!, heap[parent]!)) break;
			[heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
			index = parent;
		}
	};

	const pop = () => {
		const top = heap[0]!;
		const last = heap.pop()!;
		if (heap.length > 0) {
			heap[0] = last;
			let index = 0;
			for (;;) {
				const left = 2 * index + 1;
				const right = left + 1;
				let smallest = index;
				if (left < heap.length && less(heap[left]!, heap[smallest]!)) smallest = left;
				if (right < heap.length && less(heap[right]!, heap[smallest]!)) smallest = right;
				if (smallest === index) break;
				[heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
				index = smallest;
			}
		}

		return top;
	};

	const settle = async () => {
		for (let turn = 0; turn < 3; turn++) await new Promise<void>(resolve => setImmediate(resolve));
	};

	return {
		now: () => now,
		setTimeout(callback, ms) {
			const id = nextId++;
			push({at: now + Math.max(0, ms), id, callback});
			return id;
		},
		clearTimeout(handle) {
			cancelled.add(handle as number);
		},
		async advanceTo(until) {
			while (heap.length > 0 && heap[0]!.at <= until) {
				const timer = pop();
				if (cancelled.delete(timer.id)) continue;
				now = Math.max(now, timer.at);
				timer.callback();
				// Let the answers (already resolved) come back before the next timer.
				if (heap.length === 0 || heap[0]!.at > now) await settle();
			}

			now = until;
			await settle();
		},
	};
}

/** Each location holds one finished run: every refresh is one call, as an idle organisation's are. */
function instantApi(): MonitorApi {
	return {
		async listExecutionPage(region, request) {
			const account = request?.account ?? HOME_ACCOUNT;
			return {executions: [{id: `${account}-${region}`, region, account, documentName: 'AWS-Patch', status: 'Success', startTime: 1_700_000_000_000}]};
		},
		async getExecution() {
			throw new Error('not used');
		},
		async getChildExecution() {
			return undefined;
		},
	};
}

async function simulatedPhase(options: OrgOptions): Promise<{figures: Figure[]; raw: Record<string, unknown>}> {
	const {simulated: sim} = options;
	const regions = ORG_REGIONS.slice(0, sim.regions);
	const accounts: WatchedAccount[] = Array.from({length: sim.accounts}, (_value, index) => ({
		account: String(400_000_000_000 + index),
		label: `member-${index}`,
	}));
	const context = orgContext(regions, accounts);
	const total = contextLocations(context).length;
	log(`organisation, simulated: ${total} locations, ${sim.minutes} minutes on the poller's manual clock, an in-memory api answering at once…`);
	const start = 1_800_000_000_000;
	const clock = createHeapClock(start);
	const store = createAppStore({context, viewport: {columns: 160, rows: 50}});
	const poller = createPoller({store, api: instantApi(), clock, intervalMs: DEFAULT_INTERVAL_MS});
	const realStarted = performance.now();
	const lastRefresh = new Map<string, number>();
	let worstGapMs = 0;
	let firstListedAt: number | undefined;
	poller.start();
	const end = start + sim.minutes * 60_000;
	let reached = start;
	for (let at = start + 1000; at <= end && performance.now() - realStarted < sim.realCapMs; at += 1000) {
		reached = at;
		await clock.advanceTo(at);
		const {regions: held} = store.getState();
		let count = 0;
		for (const [key, region] of Object.entries(held)) {
			if (region.lastSuccessAt === undefined) continue;
			count++;
			const previous = lastRefresh.get(key);
			if (previous !== region.lastSuccessAt) {
				if (previous !== undefined) worstGapMs = Math.max(worstGapMs, region.lastSuccessAt - previous);
				lastRefresh.set(key, region.lastSuccessAt);
			}
		}

		if (firstListedAt === undefined && count >= total) firstListedAt = at;
		// The gap still open counts too: a location not refreshed since.
		for (const previous of lastRefresh.values()) worstGapMs = Math.max(worstGapMs, at - previous);
	}

	const budget = store.getState().budget;
	poller.stop();
	const realMs = performance.now() - realStarted;
	const raw = {
		locations: total,
		simulatedMinutes: sim.minutes,
		reachedMs: reached - start,
		firstListedMs: firstListedAt === undefined ? undefined : firstListedAt - start,
		worstGapMs,
		callsPerMinute: budget?.callsPerMinute,
		stretchedIntervalMs: budget?.stretchedIntervalMs,
		realMs,
	};
	return {
		raw: {simulated: raw},
		figures: [
			{
				name: `  simulated: ${sim.accounts} accounts × ${sim.regions} Regions = ${total} locations, the poller on a manual clock, an in-memory api answering at once, default budget: every location listed once`,
				value: firstListedAt === undefined ? Number.NaN : (firstListedAt - start) / 1000,
				unit: 's',
				target: {max: 60},
			},
			{
				name: `  simulated: minutes simulated (of ${sim.minutes}; cut after ${sim.realCapMs / 1000} s of real time)`,
				value: (reached - start) / 60_000,
				unit: 'min',
			},
			{name: '  simulated: longest any location went without a refresh', value: worstGapMs / 1000, unit: 's', target: {max: 300}},
			{
				name: '  simulated: calls per minute at the end',
				value: budget?.callsPerMinute ?? Number.NaN,
				unit: '/min',
				target: {max: CALLS_PER_MINUTE_CAP},
			},
			{name: '  simulated: the interval as the budget stretched it', value: (budget?.stretchedIntervalMs ?? DEFAULT_INTERVAL_MS) / 1000, unit: 's'},
			{name: '  simulated: real time it took', value: realMs / 1000, unit: 's'},
		],
	};
}

export async function measureOrganization(options: OrgOptions = DEFAULT_ORG_OPTIONS): Promise<{figures: Figure[]; raw: unknown}> {
	const real = await realTimePhase(options);
	const simulated = await simulatedPhase(options);
	return {figures: [...real.figures, ...simulated.figures], raw: {...real.raw, ...simulated.raw}};
}

/**
 * {@link measureOrganization} in a fresh process: its peak RSS is then the organisation's, not
 * what the phases before it left in the heap (in one whole run after the 10,000-location events
 * phase it read 511 MB where the phase alone reads 250-260 MB).
 */
export async function measureOrganizationInFreshProcess(): Promise<{figures: Figure[]; raw: unknown}> {
	return resultOfFreshProcess<{figures: Figure[]; raw: unknown}>([fileURLToPath(import.meta.url)], 'the organisation phase');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const result = await measureOrganization();
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}
