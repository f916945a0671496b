// The action dialogs end to end: keys into the dialogs, the real ActionPort and
// SDK over HTTP, the emulator on a loopback port with a manual clock.
import {afterAll, beforeAll, beforeEach, afterEach, describe, expect, it} from 'vitest';
import {createActionPort} from '../../../source/aws/action-port.js';
import type {AwsApi} from '../../../source/aws/index.js';
import type {ActionPort} from '../../../source/core/ports.js';
import type {RunningEmulator} from '../../../source/emulator/index.js';
import {renderModal, storeFor, type RenderedModal} from './harness.js';
import {chooseRestartInstance, throughToReview} from './start-form-steps.js';
import {clientTokens, startEmulatorApi, stopEmulatorApi} from '../../helpers/emulator-api.js';

const REGION = 'us-east-1';
const INSTANCE = 'i-0123456789abcdef0';
let emulator: RunningEmulator;
let api: AwsApi;
let port: ActionPort;
let rendered: RenderedModal | undefined;
const token = clientTokens('11111111');

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('none', [REGION, 'eu-west-1']));
	port = createActionPort({client: region => api.homeClient(region)});
});

afterAll(async () => stopEmulatorApi(emulator, api));

beforeEach(() => emulator.control.reset('none'));

afterEach(() => {
	rendered?.unmount();
	rendered = undefined;
});

async function detail(id: string) {
	return (await api.getExecution(REGION, id)).detail;
}

describe('start dialog against the emulator', () => {
	it('a retried submit after a lost answer starts exactly one execution', async () => {
		let first = true;
		// The first answer is lost on the way back (as in a timeout); the service did start the run.
		const flaky: ActionPort = {
			...port,
			async startExecution(request) {
				const result = await port.startExecution(request);
				if (first) {
					first = false;
					throw new Error('Request timed out; the run may or may not have started.');
				}
				return result;
			},
		};
		const store = storeFor();
		rendered = await renderModal(store, flaky, {kind: 'start'});
		const ui = rendered;
		await chooseRestartInstance(ui, INSTANCE);
		await throughToReview(ui);
		// A double key press: the second Enter reaches the confirmation, which only y answers.
		await ui.press('enter', 'enter');
		await ui.confirm('Start AWS-RestartEC2Instance in account 123456789012, us-east-1?');
		await ui.waitFor('Request timed out');
		await ui.press('enter');
		await ui.confirm('Start AWS-RestartEC2Instance in account 123456789012, us-east-1?');
		await ui.waitFor(frame => frame.trim() === '');
		expect(emulator.control.counts().executions).toBe(1);
		const [only] = (await api.listExecutions(REGION, {pageCap: 2})).executions;
		expect(store.getState().selectedId).toBe(only!.id);
		expect((await detail(only!.id)).parameters?.['InstanceId']).toEqual([INSTANCE]);
	});
});

describe('re-run from an execution', () => {
	it('pre-fills a Local run and starts it again with the same parameters and mode', async () => {
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: [INSTANCE]},
			mode: 'Interactive',
			tags: [
				{key: 'team', value: 'ops'},
				{key: 'ticket', value: 'CHG-1'},
			],
			clientToken: token(),
		});
		const source = await detail(executionId);
		// GetAutomationExecution carries no Tags: the dialog reads them with ListTagsForResource.
		expect(source.tags).toBeUndefined();
		const store = storeFor({details: [source]});
		rendered = await renderModal(store, port, {kind: 'start', fromExecutionId: executionId});
		const ui = rendered;
		await ui.waitFor(`InstanceId* ${INSTANCE}`);
		await ui.focus('Run settings ›');
		await ui.press('enter');
		await ui.waitFor(/Mode\s+Interactive/);
		await ui.waitFor(/Tags\s+team=ops, ticket=CHG-1/);
		await ui.focus('Review ›');
		await ui.press('enter');
		const review = await ui.waitFor('aws ssm start-automation-execution');
		expect(review).toContain(`--parameters '{"InstanceId":["${INSTANCE}"]}'`);
		expect(review).toContain(`--tags '[{"Key":"team","Value":"ops"},{"Key":"ticket","Value":"CHG-1"}]'`);
		await ui.focus('Start the run');
		await ui.press('enter');
		await ui.confirm(/Start [\w-]+( \(version \S+\))? in account \d{12}, [a-z0-9-]+\?/);
		await ui.waitFor(frame => frame.trim() === '');
		const newId = store.getState().selectedId!;
		expect(newId).not.toBe(executionId);
		const rerun = await detail(newId);
		expect(rerun).toMatchObject({documentName: 'AWS-RestartEC2Instance', mode: 'Interactive'});
		expect(rerun.parameters?.['InstanceId']).toEqual([INSTANCE]);
		expect(await port.listExecutionTags?.(REGION, newId)).toEqual([
			{key: 'team', value: 'ops'},
			{key: 'ticket', value: 'CHG-1'},
		]);
	});

	it('re-runs only the failed locations of a CrossAccount run, as the emulator reports them', async () => {
		const accounts = ['111122223333', '444455556666'];
		emulator.control.setLocationOutcome('111122223333', 'eu-west-1', 'Failed');
		emulator.control.setLocationOutcome('444455556666', REGION, 'TimedOut');
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: [INSTANCE]},
			targetLocations: [{accounts, regions: [REGION, 'eu-west-1'], targetLocationMaxConcurrency: '4', targetLocationMaxErrors: '4', executionRoleName: 'Exec'}],
			clientToken: token(),
		});
		for (let guard = 0; guard < 50 && !['Success', 'Failed', 'TimedOut', 'CompletedWithFailure'].includes((await detail(executionId)).status); guard++)
			emulator.control.advance(60_000);
		const parent = await detail(executionId);
		const failedByEmulator = parent.steps
			.filter(step => step.targetLocation && ['Failed', 'TimedOut'].includes(step.status))
			.map(step => `${step.targetLocation!.accounts[0]}/${step.targetLocation!.regions[0]}`)
			.sort();
		expect(failedByEmulator).toEqual(['111122223333/eu-west-1', '444455556666/us-east-1']);

		const store = storeFor({details: [parent]});
		rendered = await renderModal(store, port, {kind: 'start', fromExecutionId: executionId});
		const ui = rendered;
		await ui.waitFor('Re-run what?');
		await ui.focus('Only the 2 failed locations');
		await ui.press('enter');
		await ui.waitFor('Only the 2 failed or timed-out locations: 111122223333/eu-west-1, 444455556666/us-east-1.');
		await ui.waitFor(`InstanceId* ${INSTANCE}`);
		const review = await throughToReview(ui);
		expect(review).toContain('--target-locations');
		await ui.press('enter');
		await ui.confirm('Start AWS-RestartEC2Instance (version 2) in account 123456789012, us-east-1?');
		await ui.waitFor(frame => frame.trim() === '');

		const rerunId = store.getState().selectedId!;
		for (let guard = 0; guard < 50 && !['Success', 'Failed', 'TimedOut', 'CompletedWithFailure'].includes((await detail(rerunId)).status); guard++)
			emulator.control.advance(60_000);
		const rerun = await detail(rerunId);
		const pairs = rerun.steps
			.filter(step => step.targetLocation)
			.map(step => `${step.targetLocation!.accounts[0]}/${step.targetLocation!.regions[0]}`)
			.sort();
		expect(pairs).toEqual(failedByEmulator);
		expect(rerun.targetLocations?.every(location => location.executionRoleName === 'Exec')).toBe(true);
	});
});

describe('stop dialog', () => {
	it('names the execution, explains Cancel, asks, and the run goes Cancelling → Cancelled', async () => {
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: [INSTANCE]},
			clientToken: token(),
		});
		emulator.control.advance(1500);
		const store = storeFor({details: [await detail(executionId)]});
		rendered = await renderModal(store, port, {kind: 'stop', executionId});
		const ui = rendered;
		await ui.waitFor(`Stop execution ${executionId}`);
		expect(ui.frame()).toContain('Cancel: stops the run now');
		expect(ui.frame()).not.toContain('Complete');
		await ui.press('enter');
		await ui.waitFor(`Cancel execution ${executionId} (AWS-RestartEC2Instance) in account 123456789012, us-east-1? y: yes · n: no`);
		await ui.press('escape');
		await ui.waitFor('Enter: continue');
		// Enter and y in one go, as a quick typist sends them: the y must see the confirmation.
		await ui.press('enter');
		await ui.type('y');
		await ui.waitFor(frame => frame.trim() === '');
		expect(['Cancelling', 'Cancelled']).toContain((await detail(executionId)).status);
		emulator.control.advance(60_000);
		expect((await detail(executionId)).status).toBe('Cancelled');
		expect(store.getState().flash).toBe(`Cancelling ${executionId}`);
	});

	it('offers Complete for an Interactive run and shows the service refusal', async () => {
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: [INSTANCE]},
			mode: 'Interactive',
			clientToken: token(),
		});
		await port.sendSignal(REGION, executionId, 'StartStep', {StepName: ['stopInstances']});
		const store = storeFor({details: [await detail(executionId)]});
		rendered = await renderModal(store, port, {kind: 'stop', executionId});
		const ui = rendered;
		await ui.waitFor('Complete');
		await ui.press('down');
		await ui.waitFor('Complete: ends an Interactive run here');
		await ui.press('enter');
		await ui.waitFor(`Complete execution ${executionId}`);
		await ui.type('y');
		await ui.waitFor('InvalidAutomationStatusUpdateException');
		expect(store.getState().modal.kind).toBe('stop');
	});

	it('says there is nothing to stop for a finished run', async () => {
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: [INSTANCE]},
			clientToken: token(),
		});
		await port.stopExecution(REGION, executionId, 'Cancel');
		emulator.control.advance(60_000);
		const store = storeFor({details: [await detail(executionId)]});
		rendered = await renderModal(store, port, {kind: 'stop', executionId});
		await rendered.waitFor('It is Cancelled: there is nothing to stop.');
	});
});

describe('signal dialog', () => {
	async function approvalRun(): Promise<string> {
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'Ops-PatchFleetWithApproval',
			parameters: {InstanceIds: [INSTANCE]},
			clientToken: token(),
		});
		emulator.control.advance(1500);
		return executionId;
	}

	it('approves with a comment', async () => {
		const id = await approvalRun();
		const store = storeFor({details: [await detail(id)]});
		rendered = await renderModal(store, port, {kind: 'signal', executionId: id});
		const ui = rendered;
		await ui.waitFor('› Approve approvePatching');
		expect(ui.frame()).toContain('Reject approvePatching');
		expect(ui.frame()).not.toMatch(/Start step|Resume|Stop step/);
		await ui.press('enter');
		await ui.waitFor('Comment (optional):');
		await ui.type('looks good');
		await ui.press('enter');
		await ui.confirm(`Send Approve to execution ${id} (Ops-PatchFleetWithApproval) with comment “looks good” in account 123456789012, us-east-1?`);
		await ui.waitFor(frame => frame.trim() === '');
		const after = await detail(id);
		const step = after.steps.find(candidate => candidate.stepName === 'approvePatching')!;
		expect(step.status).toBe('Success');
		expect(step.outputs?.['ApproverDecisions']?.[0]).toContain('looks good');
	});

	it('rejects, and shows the refusal when the approval is no longer waiting', async () => {
		const id = await approvalRun();
		const waiting = await detail(id);
		await port.sendSignal(REGION, id, 'Approve');
		// The dialog still shows the old state: the service's refusal must appear.
		const store = storeFor({details: [waiting]});
		rendered = await renderModal(store, port, {kind: 'signal', executionId: id});
		const ui = rendered;
		await ui.waitFor('› Approve approvePatching');
		await ui.press('down');
		await ui.waitFor('› Reject approvePatching');
		await ui.press('enter', 'enter');
		await ui.confirm(`Send Reject to execution ${id}`);
		await ui.waitFor('InvalidAutomationSignalException');
		expect(store.getState().modal.kind).toBe('signal');
	});

	it('rejects a waiting approval: the run fails', async () => {
		const id = await approvalRun();
		const store = storeFor({details: [await detail(id)]});
		rendered = await renderModal(store, port, {kind: 'signal', executionId: id});
		const ui = rendered;
		await ui.waitFor('› Approve approvePatching');
		await ui.press('down');
		await ui.waitFor('› Reject');
		await ui.press('enter');
		await ui.waitFor('Comment (optional):');
		await ui.press('enter');
		await ui.confirm(`Send Reject to execution ${id} (Ops-PatchFleetWithApproval) in account 123456789012, us-east-1?`);
		await ui.waitFor(frame => frame.trim() === '');
		emulator.control.advance(1000);
		expect((await detail(id)).status).toBe('Failed');
	});

	it('starts, stops and resumes steps of an Interactive run', async () => {
		const {executionId: id} = await port.startExecution({
			region: REGION,
			documentName: 'Ops-IncidentTriage',
			parameters: {InstanceId: [INSTANCE], IncidentId: ['INC-2041']},
			mode: 'Interactive',
			clientToken: token(),
		});
		const store = storeFor({details: [await detail(id)]});
		const send = async (label: string): Promise<void> => {
			store.getState().actions.detailLoaded(await detail(id));
			rendered = await renderModal(store, port, {kind: 'signal', executionId: id});
			await rendered.focus(label);
			expect(rendered.frame()).not.toMatch(/Approve|Reject/);
			await rendered.press('enter');
			await rendered.confirm(new RegExp(`Send \\w+ to execution ${id} \\(Ops-IncidentTriage\\) in account 123456789012, us-east-1\\?`));
			await rendered.waitFor(frame => frame.trim() === '');
			rendered.unmount();
			rendered = undefined;
		};
		await send('Start step collectDiagnostics');
		expect((await detail(id)).steps[0]?.status).toBe('InProgress');
		await send('Stop step collectDiagnostics');
		expect((await detail(id)).steps[0]?.status).toBe('Cancelled');
		await send('Start step snapshotVolumes');
		emulator.control.advance(120_000);
		await send('Start step waitForDecision');
		expect((await detail(id)).steps.find(step => step.stepName === 'waitForDecision')?.status).toBe('Waiting');
		await send('Resume waitForDecision');
		expect((await detail(id)).steps.find(step => step.stepName === 'waitForDecision')?.status).toBe('Success');
	});

	it('lists nothing for a finished run', async () => {
		const id = await approvalRun();
		await port.stopExecution(REGION, id, 'Cancel');
		emulator.control.advance(60_000);
		const store = storeFor({details: [await detail(id)]});
		rendered = await renderModal(store, port, {kind: 'signal', executionId: id});
		await rendered.waitFor('It is Cancelled and waits for no approval, pause or Interactive step: no signal applies.');
	});
});
