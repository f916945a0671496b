// "Only the failed targets" of a rate-controlled run, against what the emulator
// really did: the run is started and played to its end on the emulator (manual
// clock), read back through the real SDK (createAwsApi getExecution), and the
// re-run's prefill — core and dialog — must hold exactly the targets that failed.
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createActionPort} from '../../../source/aws/action-port.js';
import type {AwsApi} from '../../../source/aws/index.js';
import type {ActionPort, StartRequest} from '../../../source/core/ports.js';
import {prefillFromExecution, rerunOptions} from '../../../source/core/start-form/rerun-prefill.js';
import type {ExecutionDetail} from '../../../source/core/types.js';
import type {RunningEmulator} from '../../../source/emulator/index.js';
import {renderModal, storeFor, type RenderedModal} from './harness.js';
import {clientTokens, startEmulatorApi, stopEmulatorApi} from '../../helpers/emulator-api.js';

const REGION = 'us-east-1';
const FINAL = new Set(['Success', 'Failed', 'TimedOut', 'Cancelled']);
let emulator: RunningEmulator;
let api: AwsApi;
let port: ActionPort;
let rendered: RenderedModal | undefined;
const token = clientTokens('22222222');

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('none', [REGION]));
	port = createActionPort({client: region => api.homeClient(region)});
});

afterAll(async () => stopEmulatorApi(emulator, api));

beforeEach(() => emulator.control.reset('none'));

afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

async function detail(id: string): Promise<ExecutionDetail> {
	return (await api.getExecution(REGION, id)).detail;
}

/** Plays the run to its end on the emulator's clock (a guard, not a timing target). */
async function runToEnd(id: string): Promise<ExecutionDetail> {
	for (let guard = 0; guard < 200; guard++) {
		const current = await detail(id);
		if (FINAL.has(current.status)) return current;
		emulator.control.advance(60_000);
	}
	throw new Error(`execution ${id} did not finish`);
}

async function startRateControlled(overrides: Partial<StartRequest>): Promise<ExecutionDetail> {
	const {executionId} = await port.startExecution({
		region: REGION,
		documentName: 'AWS-RestartEC2Instance',
		targetParameterName: 'InstanceId',
		clientToken: token(),
		...overrides,
	});
	return runToEnd(executionId);
}

/** What the emulator says happened to each target: the parent's child steps, by outcome. */
function outcomes(parent: ExecutionDetail): Record<string, string[]> {
	const byStatus: Record<string, string[]> = {};
	for (const step of parent.steps) (byStatus[step.status] ??= []).push(step.stepName);
	return byStatus;
}

// The emulator fails a target whose value holds the word `fail` and times out one holding `hang`.
const ok = (n: number): string => `i-0aaaaaaaaaaaaaa${n}`;
const failing = (n: number): string => `i-0fail000000000${n}`;
const hanging = (n: number): string => `i-0hang000000000${n}`;

describe('re-run of only the failed targets, against the emulator', () => {
	it('Targets: the prefill holds exactly the failed and timed-out values, and the re-run runs exactly those', async () => {
		const values = [ok(1), failing(2), ok(3), failing(4), hanging(5), ok(6), failing(7), ok(8)];
		const expected = [failing(2), failing(4), hanging(5), failing(7)];
		const parent = await startRateControlled({
			targets: [{key: 'ParameterValues', values}],
			maxConcurrency: '2',
			maxErrors: '4',
			tags: [{key: 'team', value: 'ops'}],
		});
		// What the emulator did, read through the SDK: every target ran; four failed or timed out.
		expect(parent.status).toBe('Failed');
		expect(outcomes(parent)).toEqual({Success: [ok(1), ok(3), ok(6), ok(8)], Failed: [failing(2), failing(4), failing(7)], TimedOut: [hanging(5)]});

		expect(rerunOptions(parent)).toEqual({locations: 0, targets: 4});
		const prefill = prefillFromExecution(parent, 'targets');
		if (!prefill.ok) throw new Error(prefill.error);
		expect(prefill.value.settings).toMatchObject({
			targetParameterName: 'InstanceId',
			targets: `ParameterValues=${expected.join(',')}`,
			maxConcurrency: '2',
			maxErrors: '4',
		});
		expect(prefill.value.parameters).not.toHaveProperty('InstanceId');
		// Every target ran, so nothing is said about targets that never started.
		expect(prefill.value.notes).toHaveLength(1);

		const store = storeFor({details: [parent]});
		rendered = await renderModal(store, port, {kind: 'start', fromExecutionId: parent.id});
		const ui = rendered;
		await ui.waitFor('Re-run what?');
		await ui.focus('Only the 4 failed targets');
		await ui.press('enter');
		await ui.waitFor(`Only the 4 failed or timed-out targets: ${expected.join(', ')}.`);
		await ui.waitFor('InstanceId*');
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor(/Tags\s+team=ops/);
		await ui.focus('Review ›');
		await ui.press('enter');
		const review = await ui.waitFor('aws ssm start-automation-execution');
		// The long option wraps in the dialog: compared without whitespace.
		const squeezed = (text: string): string => text.replace(/\s+/g, '');
		expect(squeezed(review)).toContain(squeezed(`--targets '[{"Key":"ParameterValues","Values":${JSON.stringify(expected)}}]'`));
		expect(review).toContain('--target-parameter-name InstanceId');
		await ui.focus('Start the run');
		await ui.press('enter');
		await ui.confirm(/Start [\w-]+( \(version \S+\))? in account \d{12}, [a-z0-9-]+\?/);
		await ui.waitFor(frame => frame.trim() === '');

		const rerunId = store.getState().selectedId!;
		expect(rerunId).not.toBe(parent.id);
		const rerun = await runToEnd(rerunId);
		expect(rerun.targets).toEqual([{key: 'ParameterValues', values: expected}]);
		// Exactly the failed targets ran again, and nothing that had succeeded.
		expect(rerun.steps.map(step => step.stepName)).toEqual(expected);
		expect(outcomes(rerun)).toEqual({Failed: [failing(2), failing(4), failing(7)], TimedOut: [hanging(5)]});
		expect(await port.listExecutionTags?.(REGION, rerunId)).toEqual([{key: 'team', value: 'ops'}]);
	});

	it('a run stopped by MaxErrors: only the targets that failed, not those it never launched', async () => {
		const values = [ok(1), failing(2), failing(3), failing(4), ok(5), ok(6)];
		const parent = await startRateControlled({targets: [{key: 'ParameterValues', values}], maxConcurrency: '1', maxErrors: '1'});
		// One at a time: the second error exceeds MaxErrors 1, so the rest never start.
		expect(outcomes(parent)).toEqual({Success: [ok(1)], Failed: [failing(2), failing(3)], Pending: [failing(4), ok(5), ok(6)]});
		const prefill = prefillFromExecution(parent, 'targets');
		if (!prefill.ok) throw new Error(prefill.error);
		expect(prefill.value.settings.targets).toBe(`ParameterValues=${failing(2)},${failing(3)}`);
		expect(prefill.value.notes).toEqual([
			`Only the 2 failed or timed-out targets: ${failing(2)}, ${failing(3)}.`,
			'3 other targets never started (the run stopped before reaching them) and are not included.',
		]);
	});

	it('Targets by tag: the prefill names the instances whose child failed', async () => {
		// Tag targets resolve to the emulator's fake fleet; none carry a failure marker, so a
		// failure comes from another parameter and every child fails: all resolved ids come back.
		const parent = await startRateControlled({
			documentName: 'AWS-RestartEC2Instance',
			targets: [{key: 'tag:Role', values: ['db']}],
			parameters: {AutomationAssumeRole: ['arn:aws:iam::123456789012:role/fail']},
			maxConcurrency: '50%',
			maxErrors: '100%',
		});
		const resolved = parent.resolvedTargets ?? [];
		expect(resolved.length).toBeGreaterThan(0);
		expect(outcomes(parent)).toEqual({Failed: resolved});
		const prefill = prefillFromExecution(parent, 'targets');
		if (!prefill.ok) throw new Error(prefill.error);
		expect(prefill.value.settings.targets).toBe(`ParameterValues=${resolved.join(',')}`);
	});

	it('TargetMaps: only the maps whose child failed', async () => {
		const maps = [{InstanceId: [ok(1)]}, {InstanceId: [failing(2)]}, {InstanceId: [ok(3)]}, {InstanceId: [hanging(4)]}];
		const parent = await startRateControlled({targetMaps: maps, maxConcurrency: '2', maxErrors: '2'});
		expect(outcomes(parent)).toEqual({Success: [ok(1), ok(3)], Failed: [failing(2)], TimedOut: [hanging(4)]});
		const prefill = prefillFromExecution(parent, 'targets');
		if (!prefill.ok) throw new Error(prefill.error);
		expect(JSON.parse(prefill.value.settings.targetMaps)).toEqual([{InstanceId: [failing(2)]}, {InstanceId: [hanging(4)]}]);
		expect(prefill.value.settings.targets).toBe('');
	});
});
