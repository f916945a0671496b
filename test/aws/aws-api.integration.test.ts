// The AWS facade through the real SDK against the emulator on a loopback port.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createAwsApi, type AwsApi} from '../../source/aws/index.js';
import {isAbort} from '../../source/aws/classify-error.js';
import {buildLocationGrid} from '../../source/core/grid.js';
import {DataError} from '../../source/core/data-error.js';
import {createManualClock, startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {startEmulatorApi, stopEmulatorApi} from '../helpers/emulator-api.js';
import {withoutAwsCredentials} from '../helpers/without-aws-credentials.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
let emulator: RunningEmulator;
let api: AwsApi;

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('demo', REGIONS));
});

afterAll(async () => stopEmulatorApi(emulator, api));

describe('AWS facade against the emulator', () => {
	it('checkConnection succeeds for every region', async () => {
		const check = await api.checkConnection();
		expect(check).toMatchObject({ok: true, regions: REGIONS.map(region => ({region, ok: true}))});
	});

	it('lists executions mapped to core types, following NextToken up to the cap', async () => {
		const all = await api.listExecutions('us-east-1', {pageCap: 100});
		expect(all.truncated).toBe(false);
		expect(all.executions.length).toBeGreaterThan(50);
		const first = all.executions[0]!;
		expect(first.region).toBe('us-east-1');
		expect(first.account).toBe(emulator.homeAccount);
		expect(typeof first.startTime).toBe('number');
		expect(['Local', 'CrossAccount']).toContain(first.automationType);
		expect(new Set(all.executions.map(execution => execution.id)).size).toBe(all.executions.length);

		const capped = await api.listExecutions('us-east-1', {pageCap: 1});
		expect(capped).toMatchObject({truncated: true, calls: 1});
		expect(capped.executions).toHaveLength(50);
		const rest = await api.listExecutions('us-east-1', {pageCap: 100, nextToken: capped.nextToken!});
		expect(capped.executions.length + rest.executions.length).toBe(all.executions.length);
	});

	it('filters by status, start time and id as the poller does', async () => {
		const all = (await api.listExecutions('us-east-1', {pageCap: 100})).executions;
		const running = await api.listExecutionPage('us-east-1', {filters: [{key: 'ExecutionStatus', values: ['InProgress', 'Waiting']}]});
		expect(running.executions.length).toBeGreaterThan(0);
		expect(running.executions.every(execution => ['InProgress', 'Waiting'].includes(execution.status))).toBe(true);
		const ids = all.slice(0, 3).map(execution => execution.id);
		const byId = await api.listExecutionPage('us-east-1', {filters: [{key: 'ExecutionId', values: ids}]});
		expect(byId.executions.map(execution => execution.id).sort()).toEqual([...ids].sort());
		const newest = Math.max(...all.map(execution => execution.startTime ?? 0));
		const recent = await api.listExecutionPage('us-east-1', {
			filters: [{key: 'StartTimeAfter', values: [new Date(newest - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')]}],
		});
		expect(recent.executions.length).toBeGreaterThan(0);
		expect(recent.executions.length).toBeLessThan(all.length);
	});

	it('reads a CrossAccount parent, builds its grid and reads a child in its own account', async () => {
		const parents = await api.listExecutionPage('us-east-1', {filters: [{key: 'AutomationType', values: ['CrossAccount']}]});
		expect(parents.executions.length).toBeGreaterThan(0);
		const {detail, calls} = await api.getExecution('us-east-1', parents.executions[0]!.id);
		expect(calls).toBeGreaterThanOrEqual(1);
		expect(detail.automationType).toBe('CrossAccount');
		expect(detail.targetLocations?.length).toBeGreaterThan(0);
		const grid = buildLocationGrid(detail.steps);
		expect(grid.accounts.length).toBeGreaterThan(1);
		const cell = Object.values(grid.cells).find(candidate => candidate.childExecutionId);
		expect(cell).toBeDefined();
		const child = await api.getChildExecution({account: cell!.account, region: cell!.region, executionId: cell!.childExecutionId!});
		expect(child?.detail.id).toBe(cell!.childExecutionId);
		expect(child?.detail.account).toBe(cell!.account);
		expect(child?.detail.steps.length).toBeGreaterThan(0);
		const steps = await api.childSteps({account: cell!.account, region: cell!.region, executionId: cell!.childExecutionId!});
		expect(steps).toEqual(child?.detail.steps);
	});

	it('rejects an unknown execution with a classified error', async () => {
		const error = await api.getExecution('us-east-1', '00000000-0000-0000-0000-000000000000').catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(DataError);
		expect((error as DataError).kind).toBe('not-found');
	});

	it('discovers the home account from who started the executions, then reads home-account children with home credentials', async () => {
		const remote = createAwsApi({regions: REGIONS, endpointUrl: emulator.url, credentials: {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x'}});
		expect(remote.homeAccount).toBeUndefined();
		expect(remote.canReadAccount(emulator.homeAccount)).toBe(false);
		expect(await remote.resolveHomeAccount()).toBe(emulator.homeAccount);
		expect(remote.canReadAccount(emulator.homeAccount)).toBe(true);
		expect((await remote.listExecutionPage('us-east-1', {maxResults: 1})).executions[0]?.account).toBe(emulator.homeAccount);
		remote.destroy();
	});

	it('has no client for an account without credentials (outside local mode)', () => {
		const remote = createAwsApi({
			regions: REGIONS,
			endpointUrl: emulator.url,
			credentials: {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x'},
			accountProfiles: {'111122223333': 'audit'},
		});
		expect(remote.clientFor('999999999999', 'us-east-1')).toBeUndefined();
		expect(remote.canReadAccount('999999999999')).toBe(false);
		expect(remote.clientFor('111122223333', 'us-east-1')).toBeDefined();
		expect(remote.clientFor('111122223333', 'us-east-1')).toBe(remote.clientFor('111122223333', 'us-east-1'));
		remote.destroy();
	});
});

describe('errors through the real SDK', () => {
	it('throttling and server faults become throttled and server', async () => {
		emulator.control.setFaults({throttleRate: 1});
		try {
			const error = await api.listExecutionPage('us-east-1').catch((caught: unknown) => caught);
			expect((error as DataError).kind).toBe('throttled');
		} finally {
			emulator.control.setFaults({throttleRate: 0});
		}

		emulator.control.setFaults({downRegions: ['eu-west-1']});
		try {
			const error = await api.listExecutionPage('eu-west-1').catch((caught: unknown) => caught);
			expect((error as DataError).kind).toBe('server');
			// The other region is not affected.
			await expect(api.listExecutionPage('us-east-1', {maxResults: 1})).resolves.toBeDefined();
		} finally {
			emulator.control.setFaults({downRegions: []});
		}
	});

	it('an aborted call rejects as an abort, not as a failure', async () => {
		emulator.control.setFaults({latencyMs: 2000});
		try {
			const arrived = () => emulator.control.counts().requests['DescribeAutomationExecutions'] ?? 0;
			const before = arrived();
			const controller = new AbortController();
			const call = api.listExecutionPage('us-east-1', {signal: controller.signal}).catch((caught: unknown) => caught);
			for (let turn = 0; turn < 5000 && arrived() === before; turn++) await new Promise(resolve => setImmediate(resolve));
			controller.abort();
			const error = await call;
			expect(isAbort(error)).toBe(true);
		} finally {
			emulator.control.setFaults({latencyMs: 0});
		}
	});

	it('checkConnection explains an unreachable endpoint', async () => {
		const closed = await startEmulator({seed: 'none', clock: createManualClock(0)});
		const url = closed.url;
		await closed.close();
		const unreachable = createAwsApi({
			regions: ['us-east-1'],
			endpointUrl: url,
			credentials: {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x'},
			maxAttempts: 1,
		});
		const check = await unreachable.checkConnection({timeoutMs: 5000});
		unreachable.destroy();
		expect(check.ok).toBe(false);
		expect(check.regions[0]?.kind).toBe('unreachable');
		expect(check.message).toContain(url);
	});

	it('checkConnection explains missing credentials for an unknown profile, without secrets', async () => {
		await withoutAwsCredentials(async () => {
			const noCredentials = createAwsApi({regions: ['us-east-1'], endpointUrl: emulator.url, profile: 'no-such-profile', maxAttempts: 1});
			const check = await noCredentials.checkConnection({timeoutMs: 5000});
			noCredentials.destroy();
			expect(check.ok).toBe(false);
			expect(check.regions[0]?.kind).toBe('credentials');
			expect(check.message).toMatch(/credentials/i);
		});
	});
});
