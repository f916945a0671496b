// The ActionPort end to end: the real SDK over HTTP against the emulator on a
// loopback port, time driven by the emulator's manual clock.
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {createActionPort} from '../../source/aws/action-port.js';
import type {AwsApi} from '../../source/aws/index.js';
import {ActionError, type ActionPort, type StartRequest} from '../../source/core/ports.js';
import {parseRunbookParameters} from '../../source/core/start-form/parameter-spec.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {signalOptions} from '../../source/core/dialogs/signal-options.js';
import {clientTokens, startEmulatorApi, stopEmulatorApi} from '../helpers/emulator-api.js';

const REGION = 'us-east-1';
let emulator: RunningEmulator;
let api: AwsApi;
let port: ActionPort;
let refreshes = 0;
const token = clientTokens('00000000');

async function detail(id: string) {
	return (await api.getExecution(REGION, id)).detail;
}

beforeAll(async () => {
	({emulator, api} = await startEmulatorApi('none', [REGION, 'eu-west-1']));
	port = createActionPort({client: region => api.homeClient(region), refreshNow: () => refreshes++});
});

afterAll(async () => stopEmulatorApi(emulator, api));

beforeEach(() => {
	emulator.control.reset('none');
});

describe('runbook catalogue', () => {
	it('lists Automation runbooks, by owner and by name prefix', async () => {
		const all = await port.listDocuments(REGION);
		const names = all.map(document => document.name);
		expect(names).toContain('AWS-RestartEC2Instance');
		expect(names).toContain('Ops-PatchFleetWithApproval');
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		const amazon = await port.listDocuments(REGION, {owner: 'Amazon'});
		expect(amazon.length).toBeGreaterThan(0);
		expect(amazon.every(document => document.name.startsWith('AWS-'))).toBe(true);
		const prefixed = await port.listDocuments(REGION, {namePrefix: 'Ops-'});
		expect(prefixed.length).toBeGreaterThan(0);
		expect(prefixed.every(document => document.name.startsWith('Ops-'))).toBe(true);
	});

	it('lists versions newest first and reads a version with its parameter metadata', async () => {
		expect(await port.listDocumentVersions(REGION, 'Ops-PatchFleetWithApproval')).toEqual(['3', '2', '1']);
		// Read with ListDocumentVersions itself, not the DescribeDocument fallback.
		expect(emulator.control.counts().requests).toMatchObject({ListDocumentVersions: 1});
		expect(emulator.control.counts().requests['DescribeDocument']).toBeUndefined();
		const document = await port.getDocument(REGION, 'Ops-PatchFleetWithApproval');
		expect(document).toMatchObject({name: 'Ops-PatchFleetWithApproval', defaultVersion: '2', latestVersion: '3'});
		const parsed = parseRunbookParameters(document.content);
		if (!parsed.ok) throw new Error(parsed.error);
		const instanceIds = parsed.value.parameters.find(spec => spec.name === 'InstanceIds');
		expect(instanceIds).toMatchObject({type: 'StringList', required: true, minItems: 1, maxItems: 50, allowedPattern: '^i-[a-z0-9]{8,17}$'});
		expect(parsed.value.parameters.find(spec => spec.name === 'Operation')).toMatchObject({
			required: false,
			default: 'Install',
			allowedValues: ['Scan', 'Install'],
		});
	});

	it('names the exception for a runbook that does not exist', async () => {
		const error = (await port.getDocument(REGION, 'No-Such-Runbook').catch((thrown: unknown) => thrown)) as ActionError;
		expect(error).toBeInstanceOf(ActionError);
		expect(error.exception).toBe('InvalidDocument');
		expect(error.message).toMatch(/^Could not read runbook No-Such-Runbook in us-east-1: InvalidDocument — the document does not exist\./);
	});
});

describe('starting a run', () => {
	const request = (overrides: Partial<StartRequest> = {}): StartRequest => ({
		region: REGION,
		documentName: 'AWS-RestartEC2Instance',
		parameters: {InstanceId: ['i-0123456789abcdef0']},
		clientToken: '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b',
		...overrides,
	});

	it('a repeated submit with the same ClientToken starts exactly one execution', async () => {
		const before = emulator.control.counts().executions;
		const [first, second] = await Promise.all([port.startExecution(request()), port.startExecution(request())]);
		const third = await port.startExecution(request());
		expect(second.executionId).toBe(first.executionId);
		expect(third.executionId).toBe(first.executionId);
		expect(emulator.control.counts().executions - before).toBe(1);
		const listed = await api.listExecutions(REGION, {pageCap: 5});
		expect(listed.executions.filter(execution => execution.documentName === 'AWS-RestartEC2Instance')).toHaveLength(1);
		expect(refreshes).toBeGreaterThan(0);
	});

	it('refuses the same token with other values, naming IdempotentParameterMismatch', async () => {
		await port.startExecution(request());
		const error = (await port.startExecution(request({parameters: {InstanceId: ['i-0aaaaaaaaaaaaaaaa']}})).catch((thrown: unknown) => thrown)) as ActionError;
		expect(error).toBeInstanceOf(ActionError);
		expect(error.exception).toBe('IdempotentParameterMismatch');
		expect(error.message).toContain('IdempotentParameterMismatch');
	});

	it('reads back the tags a run was started with (ListTagsForResource)', async () => {
		const tags = [
			{key: 'team', value: 'ops'},
			{key: 'ticket', value: 'CHG-104233'},
		];
		const {executionId} = await port.startExecution(request({tags, clientToken: token()}));
		expect(await port.listExecutionTags?.(REGION, executionId)).toEqual(tags);
		const {executionId: untagged} = await port.startExecution(request({clientToken: token()}));
		expect(await port.listExecutionTags?.(REGION, untagged)).toEqual([]);
		const elsewhere = (await port.listExecutionTags?.('eu-west-1', executionId).catch((thrown: unknown) => thrown)) as ActionError;
		expect(elsewhere.exception).toBe('InvalidResourceId');
	});

	it('shows the service refusal of bad parameters with the exception name', async () => {
		const error = (await port.startExecution(request({parameters: {Nope: ['x']}, clientToken: token()})).catch((thrown: unknown) => thrown)) as ActionError;
		expect(error.exception).toBe('InvalidAutomationExecutionParametersException');
		expect(error.message).toMatch(/^Could not start AWS-RestartEC2Instance in us-east-1: InvalidAutomationExecutionParametersException — /);
	});
});

describe('stop and signals', () => {
	it('Cancel moves a running execution to Cancelling, then Cancelled', async () => {
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: ['i-0123456789abcdef0']},
			clientToken: token(),
		});
		emulator.control.advance(1500);
		expect((await detail(executionId)).status).toBe('InProgress');
		await port.stopExecution(REGION, executionId, 'Cancel');
		expect(['Cancelling', 'Cancelled']).toContain((await detail(executionId)).status);
		emulator.control.advance(60_000);
		expect((await detail(executionId)).status).toBe('Cancelled');
		const again = (await port.stopExecution(REGION, executionId, 'Cancel').catch((thrown: unknown) => thrown)) as ActionError;
		expect(again.exception).toBe('InvalidAutomationStatusUpdateException');
	});

	async function waitingApproval(): Promise<string> {
		const {executionId} = await port.startExecution({
			region: REGION,
			documentName: 'Ops-PatchFleetWithApproval',
			parameters: {InstanceIds: ['i-0123456789abcdef0']},
			clientToken: token(),
		});
		emulator.control.advance(1500);
		return executionId;
	}

	it('approves a waiting approval with a comment: only Approve/Reject are offered, and the step succeeds', async () => {
		const id = await waitingApproval();
		const waiting = await detail(id);
		expect(waiting.status).toBe('Waiting');
		const options = signalOptions(waiting);
		expect(options.map(option => option.signal)).toEqual(['Approve', 'Reject']);
		await port.sendSignal(REGION, id, 'Approve', {Comment: ['ship it']});
		const after = await detail(id);
		const approval = after.steps.find(step => step.stepName === 'approvePatching')!;
		expect(approval.status).toBe('Success');
		expect(approval.outputs?.['ApproverDecisions']?.[0]).toContain('ship it');
	});

	it('rejects a waiting approval: the run fails', async () => {
		const id = await waitingApproval();
		await port.sendSignal(REGION, id, 'Reject');
		emulator.control.advance(1000);
		const after = await detail(id);
		expect(after.steps.find(step => step.stepName === 'approvePatching')?.status).toBe('Failed');
		expect(after.status).toBe('Failed');
		expect(signalOptions(after)).toEqual([]);
		const refused = (await port.sendSignal(REGION, id, 'Approve').catch((thrown: unknown) => thrown)) as ActionError;
		expect(refused.exception).toBe('InvalidAutomationSignalException');
		expect(refused.message).toMatch(/InvalidAutomationSignalException — the execution does not accept this signal in its current state\. \(SSM says: /);
	});

	it('drives an Interactive run: StartStep, StopStep, Resume of a pause, then Complete', async () => {
		const {executionId: id} = await port.startExecution({
			region: REGION,
			documentName: 'Ops-IncidentTriage',
			parameters: {InstanceId: ['i-0123456789abcdef0'], IncidentId: ['INC-2041']},
			mode: 'Interactive',
			clientToken: token(),
		});
		let current = await detail(id);
		expect(current.status).toBe('Waiting');
		let options = signalOptions(current);
		expect(options.map(option => [option.signal, option.payload])).toEqual([['StartStep', {StepName: ['collectDiagnostics']}]]);
		await port.sendSignal(REGION, id, 'StartStep', options[0]!.payload);

		current = await detail(id);
		expect(current.steps[0]?.status).toBe('InProgress');
		options = signalOptions(current);
		expect(options.map(option => option.signal)).toEqual(['StopStep']);
		await port.sendSignal(REGION, id, 'StopStep', options[0]!.payload);
		current = await detail(id);
		expect(current.steps[0]?.status).toBe('Cancelled');
		expect(current.status).toBe('Waiting');

		// Walk the remaining steps until the pause waits for a Resume.
		for (let guard = 0; guard < 10; guard++) {
			options = signalOptions(current);
			const resume = options.find(option => option.signal === 'Resume');
			if (resume) {
				expect(resume.payload).toEqual({StepName: ['waitForDecision']});
				await port.sendSignal(REGION, id, 'Resume', resume.payload);
				break;
			}
			const start = options.find(option => option.signal === 'StartStep');
			if (!start) throw new Error(`no StartStep offered: ${JSON.stringify(current.steps.map(step => [step.stepName, step.status]))}`);
			await port.sendSignal(REGION, id, 'StartStep', start.payload);
			emulator.control.advance(120_000);
			current = await detail(id);
		}
		current = await detail(id);
		expect(current.steps.find(step => step.stepName === 'waitForDecision')?.status).toBe('Success');
		await port.stopExecution(REGION, id, 'Complete');
		expect(['Success', 'Failed']).toContain((await detail(id)).status);
	});
});
