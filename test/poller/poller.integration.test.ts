// The poller with the real AWS facade, through the SDK, against the emulator's demo seed.
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createAwsApi, type AwsApi} from '../../source/aws/index.js';
import {isFinal} from '../../source/core/status.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {createPoller} from '../../source/poller/create-poller.js';
import {createAppStore} from '../../source/store/app-store.js';
import {selectOpenGrid} from '../../source/store/selectors.js';
import {createFakeClock} from './fakes.js';
import {startEmulatorApi, stopEmulatorApi} from '../helpers/emulator-api.js';
import {withoutAwsCredentials} from '../helpers/without-aws-credentials.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
let emulator: RunningEmulator;
let api: AwsApi;

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('demo', REGIONS));
});

afterAll(async () => stopEmulatorApi(emulator, api));

function newStore() {
	return createAppStore({
		context: {label: 'local emulator', regions: REGIONS, readOnly: false, local: true, readableAccounts: 'all', account: emulator.homeAccount},
	});
}

const stepPageCalls = () => emulator.control.counts().requests['DescribeAutomationStepExecutions'] ?? 0;
const listCalls = () => emulator.control.counts().requests['DescribeAutomationExecutions'] ?? 0;

describe('poller against the emulator', () => {
	it('loads every region, then keeps up with far fewer calls than re-listing everything', async () => {
		const store = newStore();
		const poller = createPoller({store, api, clock: createFakeClock(emulator.control.now()), intervalMs: 5000});
		const before = listCalls();
		await poller.tick();
		const firstLoad = listCalls() - before;
		const state = store.getState();
		const count = Object.keys(state.executions).length;
		expect(count).toBeGreaterThan(100);
		for (const region of REGIONS) expect(state.regions[region]?.lastSuccessAt).toBeDefined();
		expect(REGIONS.reduce((total, region) => total + state.regions[region]!.calls, 0)).toBe(firstLoad);

		// Ten intervals of emulated time, with runs progressing and finishing.
		const steadyStart = listCalls();
		for (let round = 0; round < 10; round++) {
			emulator.control.advance(5000);
			await poller.tick();
		}

		const steady = (listCalls() - steadyStart) / 10;
		// A naive loop re-reads every execution each tick: at best every page of every region.
		const naivePerTick = firstLoad;
		expect(steady).toBeLessThanOrEqual(REGIONS.length * 2);
		expect(steady).toBeLessThan(naivePerTick);

		// What the poller holds matches a full listing.
		const truth = new Map<string, string>();
		for (const region of REGIONS) {
			for (const execution of (await api.listExecutions(region, {pageCap: 100})).executions) truth.set(execution.id, execution.status);
		}

		const held = store.getState().executions;
		for (const [id, status] of truth) expect(held[id]?.status, id).toBe(status);
		poller.stop();
	});

	it('follows the open cross-account parent and reads a location child in its own account', async () => {
		const store = newStore();
		const poller = createPoller({store, api, clock: createFakeClock(emulator.control.now())});
		await poller.tick();
		const parent = Object.values(store.getState().executions).find(execution => execution.automationType === 'CrossAccount' && !isFinal(execution.status));
		expect(parent).toBeDefined();
		store.setState({openId: parent!.id, screen: 'grid'});
		await poller.tick();
		const grid = selectOpenGrid(store.getState());
		expect(grid.accounts.length).toBeGreaterThan(1);
		const cell = Object.values(grid.cells).find(candidate => candidate.childExecutionId)!;
		store.setState({screen: 'location', gridCursor: {account: cell.account, region: cell.region}});
		await poller.tick();
		expect(store.getState().childSteps[cell.childExecutionId!]?.length).toBeGreaterThan(0);
		expect(store.getState().childErrors).toEqual({});
		poller.stop();
	});

	it("pages through a large parent's steps only when its counters moved (or every few refreshes)", async () => {
		const store = newStore();
		const accounts = Array.from({length: 12}, (_, index) => String(300_000_000_000 + index));
		const started = await api.homeClient('us-east-1').send(
			new StartAutomationExecutionCommand({
				DocumentName: 'Ops-ApplySecurityBaseline',
				TargetLocations: [
					{
						Accounts: accounts,
						Regions: REGIONS.concat(['us-west-2', 'eu-central-1', 'ap-northeast-1', 'sa-east-1', 'ca-central-1', 'eu-north-1', 'us-east-2']),
						TargetLocationMaxConcurrency: '10',
					},
				],
			}),
		);
		const id = started.AutomationExecutionId!;
		const poller = createPoller({store, api, clock: createFakeClock(emulator.control.now())});
		await poller.tick();
		store.setState({openId: id, screen: 'grid'});
		let before = stepPageCalls();
		await poller.tick();
		// 120 locations: GetAutomationExecution returns 100 steps, the rest come in pages.
		expect(store.getState().details[id]?.steps.length).toBe(120);
		expect(stepPageCalls()).toBeGreaterThan(before);
		const steps = store.getState().details[id]!.steps;

		// The emulator's clock stands still: same counters, so no paging, and the same step objects.
		before = stepPageCalls();
		await poller.tick();
		await poller.tick();
		expect(stepPageCalls()).toBe(before);
		expect(store.getState().details[id]?.steps).toBe(steps);

		// Once a location finishes, the counters move and the steps are read again.
		const progress = store.getState().details[id]!.progress!;
		for (let step = 0; step < 12; step++) emulator.control.advance(10_000);
		before = stepPageCalls();
		await poller.tick();
		expect(stepPageCalls()).toBeGreaterThan(before);
		expect(store.getState().details[id]!.progress).not.toEqual(progress);
		poller.stop();
	});

	it('backs off a throttled region and recovers, keeping its data', async () => {
		const store = newStore();
		const poller = createPoller({store, api, clock: createFakeClock(emulator.control.now()), random: () => 0.5});
		await poller.tick();
		const executions = store.getState().executions;
		emulator.control.setFaults({throttleRate: 1});
		try {
			await poller.tick();
		} finally {
			emulator.control.setFaults({throttleRate: 0});
		}

		const region = store.getState().regions['us-east-1']!;
		expect(region.throttled).toBe(true);
		expect(region.backoffUntil).toBeGreaterThan(region.lastError!.at);
		expect(store.getState().executions).toBe(executions);
		await poller.tick();
		expect(store.getState().regions['us-east-1']?.throttled).toBe(false);
		poller.stop();
	});

	it('without credentials raises the banner and pauses, keeping the regions apart from it', async () => {
		await withoutAwsCredentials(async () => {
			const noCredentials = createAwsApi({regions: ['us-east-1'], endpointUrl: emulator.url, maxAttempts: 1});
			try {
				const store = createAppStore({context: {label: 'aws', regions: ['us-east-1'], readOnly: false, local: false, readableAccounts: []}});
				const poller = createPoller({store, api: noCredentials, clock: createFakeClock()});
				await poller.tick();
				expect(store.getState().paused).toBe(true);
				expect(store.getState().banner?.message).toMatch(/credentials .* missing, expired or invalid/);
				expect(store.getState().regions['us-east-1']?.lastError?.kind).toBe('credentials');
				poller.stop();
			} finally {
				noCredentials.destroy();
			}
		});
	});
});
