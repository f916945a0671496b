import type {Engine, StartSpec} from '../engine/engine.js';
import {resolveTargets} from '../engine/inventory.js';
import {HOME_ACCOUNT} from '../accounts.js';
import type {Fate, ExecutionRecord} from '../model.js';
import {Prng} from '../prng.js';
import type {Catalogue} from '../runbooks/catalogue.js';
import {effectiveParameters} from '../runbooks/parameters.js';
import {DEMO_REGIONS, randomRun} from './run-templates.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** How far back the demo's history reaches. */
export const HISTORY_MS = 14 * DAY;

/** The five member accounts the cross-account runs fan out to. */
export const MEMBER_ACCOUNTS = ['111122223333', '210987654321', '345678901234', '444455556666', '777788889999'] as const;

/** Locations that fail in the demo's failing cross-account run. */
export const FAILING_LOCATIONS = ['210987654321/eu-west-1', '444455556666/ap-southeast-2'] as const;

/** How often demo mode starts a fresh run so the screen keeps moving. */
export const DEMO_TICK_MS = 40_000;

export const PAST_RUNS = 320;

export interface SeedOptions {
	/** Extra finished executions in the home account's us-east-1 (bulk data for benchmarks). */
	readonly extraExecutions?: number;
	/** Start a new run every DEMO_TICK_MS (demo mode). */
	readonly ticker?: boolean;
	/** Only the extra executions, none of the demo fleet (seed `none` with bulk data). */
	readonly bulkOnly?: boolean;
	/** The five accounts the cross-account runs fan out to (default MEMBER_ACCOUNTS, the demo organisation's). */
	readonly members?: readonly string[];
}

/** Starts a run at an absolute time on the engine's timeline, scripting its cancel if asked. */
function startAt(engine: Engine, at: number, spec: StartSpec, cancelAfterMs?: number, then?: (execution: ExecutionRecord) => void): void {
	engine.scheduler.schedule(at, () => {
		const execution = engine.start(spec);
		if (cancelAfterMs !== undefined) {
			engine.at(cancelAfterMs, () => {
				if (execution.status !== 'Cancelling' && !['Success', 'Failed', 'TimedOut', 'Cancelled'].includes(execution.status)) {
					engine.cancel(execution);
				}
			});
		}

		then?.(execution);
	});
}

function safely(action: () => void): void {
	try {
		action();
	} catch {
		// A scripted signal can race a run that already ended; the seed just moves on.
	}
}

/**
 * The deterministic demo fleet. History is replayed through the engine from
 * origin − 14 days, so past runs finished exactly as the runbooks say and the runs
 * still going at `origin` are live.
 */
export function seedDemo(engine: Engine, catalogue: Catalogue, options: SeedOptions = {}): void {
	const prng = new Prng('demo');
	const origin = engine.origin;
	const home = HOME_ACCOUNT;
	if (options.bulkOnly) {
		seedBulk(engine, catalogue, options.extraExecutions ?? 0);
		return;
	}

	// ≥300 everyday runs over the past 14 days, mostly in us-east-1.
	const times = Array.from({length: PAST_RUNS}, () => origin - HISTORY_MS + prng.next() * (HISTORY_MS - 2 * HOUR)).sort((a, b) => a - b);
	for (const [index, time] of times.entries()) {
		const region = prng.next() < 0.55 ? 'us-east-1' : prng.next() < 0.6 ? 'eu-west-1' : 'ap-southeast-2';
		const run = randomRun(prng, catalogue, home, region, index);
		startAt(engine, time, {...run.spec, account: home, region}, run.cancelAfterMs);
	}

	seedCrossAccount(engine, catalogue, origin, options.members?.length ? options.members : MEMBER_ACCOUNTS);
	seedLiveRuns(engine, catalogue, origin);
	if (options.extraExecutions) {
		seedBulk(engine, catalogue, options.extraExecutions);
	}

	if (options.ticker) {
		startTicker(engine, catalogue, origin);
	}
}

function crossAccountSpec(
	catalogue: Catalogue,
	members: readonly string[],
	runbookName: string,
	parameters: Record<string, string[]>,
	concurrency: string,
	maxErrors: string,
	fates: Record<string, Fate> = {},
): StartSpec {
	const runbook = catalogue.find(runbookName)!;
	return {
		account: HOME_ACCOUNT,
		region: 'us-east-1',
		runbook,
		documentVersion: String(runbook.defaultVersion),
		parameters: effectiveParameters(runbook, parameters),
		targetLocations: [
			{
				Accounts: [...members],
				Regions: [...DEMO_REGIONS],
				TargetLocationMaxConcurrency: concurrency,
				TargetLocationMaxErrors: maxErrors,
				ExecutionRoleName: 'AWS-SystemsManager-AutomationExecutionRole',
			},
		],
		locationFates: fates,
	};
}

/** Where yesterday's rollout fails, for these five members: the second in eu-west-1, the fourth in ap-southeast-2. */
export function failingLocations(members: readonly string[]): string[] {
	return [`${members[1]}/eu-west-1`, `${members[3]}/ap-southeast-2`];
}

function seedCrossAccount(engine: Engine, catalogue: Catalogue, origin: number, members: readonly string[]): void {
	const failing = Object.fromEntries(failingLocations(members).map(location => [location, {failStep: 'applyPasswordPolicy', failAs: 'Failed'} satisfies Fate]));
	const spec = (runbookName: string, parameters: Record<string, string[]>, concurrency: string, maxErrors: string, fates?: Record<string, Fate>) =>
		crossAccountSpec(catalogue, members, runbookName, parameters, concurrency, maxErrors, fates);
	// 1. A clean baseline rollout, five days ago.
	startAt(engine, origin - 5 * DAY, spec('Ops-ApplySecurityBaseline', {BaselineVersion: ['2026.10']}, '5', '0'));
	// 2. Yesterday's rollout: two locations fail; the error threshold (3) is never exceeded, so all 15 run.
	startAt(engine, origin - 20 * HOUR, spec('Ops-ApplySecurityBaseline', {BaselineVersion: ['2026.11']}, '3', '3', failing));
	// 3. A production config rollout still going: three locations at a time, each baking five minutes.
	startAt(
		engine,
		origin - 8 * MINUTE,
		spec('Ops-DeployServiceConfig', {Environment: ['prod'], ServiceName: ['checkout'], ChangeTicket: ['CHG104233']}, '3', '1'),
	);
}

function seedLiveRuns(engine: Engine, catalogue: Catalogue, origin: number): void {
	const home = HOME_ACCOUNT;
	const spec = (name: string, region: string, parameters: Record<string, string[]>, extra: Partial<StartSpec> = {}): StartSpec => {
		const runbook = catalogue.find(name)!;
		return {
			account: home,
			region,
			runbook,
			documentVersion: String(runbook.defaultVersion),
			parameters: effectiveParameters(runbook, parameters, extra.targetParameterName ? [extra.targetParameterName] : []),
			...extra,
		};
	};

	const fleet = (region: string) => resolveTargets([{Key: 'tag:Environment', Values: ['prod']}], home, region);
	// An approval nobody has answered yet.
	startAt(engine, origin - 25 * MINUTE, spec('Ops-PatchFleetWithApproval', 'us-east-1', {InstanceIds: fleet('us-east-1').slice(0, 3)}));
	// An Interactive triage: the first step was started by hand and has finished.
	startAt(
		engine,
		origin - 12 * MINUTE,
		spec('Ops-IncidentTriage', 'eu-west-1', {InstanceId: [fleet('eu-west-1')[0]!], IncidentId: ['INC-20417']}, {mode: 'Interactive'}),
		undefined,
		execution => engine.at(2 * MINUTE, () => safely(() => engine.signal(execution, 'StartStep', {StepName: ['collectDiagnostics']}))),
	);
	// A triage in Auto mode, paused at its decision point.
	startAt(engine, origin - 40 * MINUTE, spec('Ops-IncidentTriage', 'ap-southeast-2', {InstanceId: [fleet('ap-southeast-2')[1]!], IncidentId: ['INC-20391']}));
	// Long migrations that keep going for the next half hour or more.
	startAt(engine, origin - 20 * MINUTE, spec('Ops-MigrateDataInChunks', 'us-east-1', {Tables: ['orders', 'order_items'], TargetCluster: ['orders-v2']}));
	startAt(
		engine,
		origin - 4 * MINUTE,
		spec('Ops-MigrateDataInChunks', 'eu-west-1', {Tables: ['customers'], TargetCluster: ['crm-eu-v2'], ChunkSize: ['5000']}),
	);
	// A rate-controlled rotation over the production fleet, two at a time.
	startAt(
		engine,
		origin - 30_000,
		spec(
			'Ops-RotateInstanceLogs',
			'us-east-1',
			{RetentionDays: ['30']},
			{
				targetParameterName: 'InstanceId',
				targets: [{Key: 'tag:Environment', Values: ['prod']}],
				resolvedTargets: fleet('us-east-1'),
				maxConcurrency: '2',
				maxErrors: '1',
			},
		),
	);
	// A restart being cancelled right now (stopping a running command takes a while).
	startAt(
		engine,
		origin - 20_000,
		spec('Ops-RestartServiceWithRollback', 'us-east-1', {InstanceId: [fleet('us-east-1')[2]!], ServiceName: ['worker']}),
		12_000,
	);
	// One that has only just been started.
	startAt(engine, origin - 100, spec('AWS-RestartEC2Instance', 'ap-southeast-2', {InstanceId: [fleet('ap-southeast-2')[3]!]}));
}

function seedBulk(engine: Engine, catalogue: Catalogue, count: number): void {
	const prng = new Prng('bulk');
	const runbook = catalogue.find('AWS-StopEC2Instance')!;
	const span = HISTORY_MS - DAY;
	// Each start schedules the next, so the timer heap stays small however many runs there are.
	const startNext = (index: number) => {
		if (index >= count) {
			return;
		}

		const fate: Fate = prng.chance(0.1) ? {failStep: '*', failAs: 'Failed'} : {};
		engine.start({
			account: HOME_ACCOUNT,
			region: 'us-east-1',
			runbook,
			documentVersion: '1',
			parameters: {InstanceId: [`i-0${prng.hex(16)}`], AutomationAssumeRole: ['']},
			fate,
			salt: index,
		});
		engine.scheduler.schedule(engine.origin - HISTORY_MS + (span * (index + 1)) / count, () => startNext(index + 1));
	};

	engine.scheduler.schedule(engine.origin - HISTORY_MS, () => startNext(0));
}

function startTicker(engine: Engine, catalogue: Catalogue, origin: number): void {
	const prng = new Prng('ticker');
	let salt = 100_000;
	const tick = () => {
		// Half of the new runs land in us-east-1, the region a first look usually starts with.
		const region = prng.chance(0.5) ? 'us-east-1' : prng.pick(DEMO_REGIONS);
		const run = randomRun(prng, catalogue, HOME_ACCOUNT, region, salt++);
		safely(() => {
			const execution = engine.start({...run.spec, account: HOME_ACCOUNT, region});
			if (run.cancelAfterMs !== undefined) {
				engine.at(run.cancelAfterMs, () => safely(() => engine.stop(execution, 'Cancel')));
			}
		});
		engine.at(DEMO_TICK_MS, tick);
	};

	engine.scheduler.schedule(origin + DEMO_TICK_MS, tick);
}
