import {DescribeAutomationExecutionsCommand, GetAutomationExecutionCommand, ListDocumentsCommand, StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {emulator, failure, rawPost, ssm} from './support.js';

describe('fault injection', () => {
	let running: RunningEmulator;
	beforeEach(async () => {
		running = await emulator();
	});
	afterEach(async () => running.close());

	it('is off by default', () => {
		expect(running.control.faults()).toEqual({throttleRate: 0, serverErrorRate: 0, latencyMs: 0, downRegions: []});
	});

	it('throttles with ThrottlingException (HTTP 400, "Rate exceeded"), which the SDK retries', async () => {
		running.control.setFaults({throttleRate: 1});
		const error = await failure(ssm(running).send(new ListDocumentsCommand({})));
		expect(error.name).toBe('ThrottlingException');
		expect(error.message).toBe('Rate exceeded');
		expect(error.$metadata?.httpStatusCode).toBe(400);
		const before = running.control.counts().requests['ListDocuments'] ?? 0;
		await failure(ssm(running, {maxAttempts: 3}).send(new ListDocumentsCommand({})));
		expect(running.control.counts().requests['ListDocuments']).toBe(before + 3);
	});

	it('a partial throttle rate lets some requests through and fails others', async () => {
		running.control.setFaults({throttleRate: 0.5});
		const outcomes = await Promise.allSettled(Array.from({length: 40}, () => ssm(running).send(new ListDocumentsCommand({MaxResults: 1}))));
		const failed = outcomes.filter(outcome => outcome.status === 'rejected').length;
		expect(failed).toBeGreaterThan(5);
		expect(failed).toBeLessThan(35);
	});

	it('answers InternalServerError with HTTP 500 and a server fault', async () => {
		running.control.setFaults({serverErrorRate: 1});
		const error = await failure(ssm(running).send(new DescribeAutomationExecutionsCommand({})));
		expect(error.name).toBe('InternalServerError');
		expect(error.$fault).toBe('server');
		expect(error.$metadata?.httpStatusCode).toBe(500);
	});

	it('takes a whole Region down (HTTP 503) while others keep answering', async () => {
		running.control.setFaults({downRegions: ['eu-west-1']});
		const error = await failure(ssm(running, {region: 'eu-west-1'}).send(new DescribeAutomationExecutionsCommand({})));
		expect(error.$metadata?.httpStatusCode).toBe(503);
		expect(error.name).toBe('ServiceUnavailableException');
		await expect(ssm(running, {region: 'us-east-1'}).send(new DescribeAutomationExecutionsCommand({}))).resolves.toBeDefined();
	});

	it('takes one location (account × Region) down alone: that account elsewhere, and other accounts there, keep answering', async () => {
		running.control.setFaults({downLocations: ['111122223333/eu-west-1']});
		const error = await failure(ssm(running, {region: 'eu-west-1', account: '111122223333'}).send(new DescribeAutomationExecutionsCommand({})));
		expect(error.$metadata?.httpStatusCode).toBe(503);
		expect(error.message).toMatch(/eu-west-1 for account 111122223333/);
		await expect(ssm(running, {region: 'us-east-1', account: '111122223333'}).send(new DescribeAutomationExecutionsCommand({}))).resolves.toBeDefined();
		await expect(ssm(running, {region: 'eu-west-1', account: '444455556666'}).send(new DescribeAutomationExecutionsCommand({}))).resolves.toBeDefined();
		expect(() => running.control.setFaults({downLocations: ['eu-west-1']})).toThrow(/ACCOUNT\/REGION/);
	});

	it('adds latency to every request', async () => {
		running.control.setFaults({latencyMs: 120});
		const started = performance.now();
		await ssm(running).send(new ListDocumentsCommand({MaxResults: 1}));
		expect(performance.now() - started).toBeGreaterThanOrEqual(115);
	});

	it('is set and cleared over HTTP, and the control API itself is never faulted', async () => {
		const set = await fetch(`${running.url}/_emulator/faults`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({throttleRate: 1, downRegions: ['ap-southeast-2']}),
		});
		expect(await set.json()).toEqual({throttleRate: 1, serverErrorRate: 0, latencyMs: 0, downRegions: ['ap-southeast-2']});
		expect((await fetch(`${running.url}/_emulator/counts`)).status).toBe(200);
		expect((await failure(ssm(running).send(new ListDocumentsCommand({})))).name).toBe('ThrottlingException');
		await fetch(`${running.url}/_emulator/faults`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({throttleRate: 0, downRegions: []}),
		});
		await expect(ssm(running).send(new ListDocumentsCommand({}))).resolves.toBeDefined();
		const invalid = await fetch(`${running.url}/_emulator/faults`, {
			method: 'POST',
			headers: {'content-type': 'application/json'},
			body: JSON.stringify({throttleRate: 2}),
		});
		expect(invalid.status).toBe(400);
	});

	it('can start with faults from the options', async () => {
		const faulty = await emulator({faults: {serverErrorRate: 1}});
		try {
			expect((await failure(ssm(faulty).send(new ListDocumentsCommand({})))).name).toBe('InternalServerError');
		} finally {
			await faulty.close();
		}
	});
});

describe('Region and account separation', () => {
	let running: RunningEmulator;
	beforeEach(async () => {
		running = await emulator();
	});
	afterEach(async () => running.close());

	it("keeps each Region's executions to itself", async () => {
		const eu = ssm(running, {region: 'eu-west-1'});
		const id = (await eu.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}})))
			.AutomationExecutionId!;
		expect((await eu.send(new DescribeAutomationExecutionsCommand({}))).AutomationExecutionMetadataList).toHaveLength(1);
		expect((await ssm(running).send(new DescribeAutomationExecutionsCommand({}))).AutomationExecutionMetadataList).toEqual([]);
		expect((await failure(ssm(running).send(new GetAutomationExecutionCommand({AutomationExecutionId: id})))).name).toBe(
			'AutomationExecutionNotFoundException',
		);
	});

	it("keeps each account's executions to itself; unknown keys act as the home account", async () => {
		const member = ssm(running, {account: '210987654321'});
		const id = (
			await member.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}))
		).AutomationExecutionId!;
		const execution = (await member.send(new GetAutomationExecutionCommand({AutomationExecutionId: id}))).AutomationExecution!;
		expect(execution.ExecutedBy).toContain(':210987654321:');
		expect((await failure(ssm(running).send(new GetAutomationExecutionCommand({AutomationExecutionId: id})))).name).toBe(
			'AutomationExecutionNotFoundException',
		);
		expect(running.control.counts().byLocation).toEqual({'210987654321/us-east-1': 1});
	});

	it('an unsigned request is served as the home account in us-east-1', async () => {
		await ssm(running).send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
		const response = await rawPost(running, 'AmazonSSM.DescribeAutomationExecutions', '{}');
		expect((response.json['AutomationExecutionMetadataList'] as unknown[]).length).toBe(1);
	});
});
