import {
	DescribeAutomationExecutionsCommand,
	DescribeAutomationStepExecutionsCommand,
	paginateDescribeAutomationExecutions,
	StartAutomationExecutionCommand,
	type AutomationExecutionFilter,
	type AutomationExecutionMetadata,
	type SSMClient,
} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {emulator, ssm} from './support.js';

describe('DescribeAutomationExecutions paging and filters over the demo fleet', () => {
	let running: RunningEmulator;
	let client: SSMClient;
	let all: AutomationExecutionMetadata[];
	beforeAll(async () => {
		running = await emulator({seed: 'demo', extraExecutions: 200});
		client = ssm(running);
		all = [];
		for await (const page of paginateDescribeAutomationExecutions({client, pageSize: 50}, {})) {
			expect(page.AutomationExecutionMetadataList!.length).toBeLessThanOrEqual(50);
			all.push(...page.AutomationExecutionMetadataList!);
		}
	});
	afterAll(async () => running.close());

	async function listWith(filters: AutomationExecutionFilter[], pageSize = 7): Promise<string[]> {
		const ids: string[] = [];
		const tokens = new Set<string>();
		let token: string | undefined;
		do {
			const page = await client.send(new DescribeAutomationExecutionsCommand({Filters: filters, MaxResults: pageSize, NextToken: token}));
			ids.push(...page.AutomationExecutionMetadataList!.map(item => item.AutomationExecutionId!));
			token = page.NextToken;
			if (token) {
				expect(tokens.has(token)).toBe(false);
				tokens.add(token);
			}
		} while (token);
		return ids;
	}

	const idsWhere = (test: (item: AutomationExecutionMetadata) => boolean) => all.filter(item => test(item)).map(item => item.AutomationExecutionId!);

	it('pages through every execution of the account and Region exactly once, newest first', () => {
		expect(all.length).toBeGreaterThanOrEqual(300);
		expect(all.length).toBe(running.control.counts().byLocation['123456789012/us-east-1']);
		expect(new Set(all.map(item => item.AutomationExecutionId)).size).toBe(all.length);
		const starts = all.map(item => item.ExecutionStartTime!.getTime());
		expect(starts).toEqual([...starts].sort((a, b) => b - a));
	});

	it('DocumentNamePrefix (values OR together)', async () => {
		const expected = idsWhere(item => item.DocumentName!.startsWith('Ops-') || item.DocumentName!.startsWith('AWS-Start'));
		expect(expected.length).toBeGreaterThan(0);
		expect(await listWith([{Key: 'DocumentNamePrefix', Values: ['Ops-', 'AWS-Start']}])).toEqual(expected);
	});

	it('ExecutionStatus', async () => {
		for (const statuses of [['Failed'], ['Success', 'TimedOut'], ['Cancelled'], ['Waiting', 'InProgress']]) {
			const expected = idsWhere(item => statuses.includes(item.AutomationExecutionStatus!));
			expect(expected.length).toBeGreaterThan(0);
			expect(await listWith([{Key: 'ExecutionStatus', Values: statuses}])).toEqual(expected);
		}
	});

	it('ExecutionId, and an unknown id gives an empty list', async () => {
		const some = all[17]!.AutomationExecutionId!;
		expect(await listWith([{Key: 'ExecutionId', Values: [some]}])).toEqual([some]);
		expect(await listWith([{Key: 'ExecutionId', Values: ['00000000-0000-4000-8000-000000000000']}])).toEqual([]);
	});

	it('ParentExecutionId', async () => {
		const child = all.find(item => item.ParentAutomationExecutionId)!;
		const expected = idsWhere(item => item.ParentAutomationExecutionId === child.ParentAutomationExecutionId);
		expect(expected.length).toBeGreaterThan(1);
		expect(await listWith([{Key: 'ParentExecutionId', Values: [child.ParentAutomationExecutionId!]}])).toEqual(expected);
	});

	it('CurrentAction', async () => {
		const expected = idsWhere(item => item.CurrentAction === 'aws:approve');
		expect(expected).toHaveLength(1);
		expect(await listWith([{Key: 'CurrentAction', Values: ['aws:approve']}])).toEqual(expected);
	});

	it('StartTimeBefore and StartTimeAfter split the list at an instant (before is exclusive, after inclusive)', async () => {
		const pivot = all[150]!.ExecutionStartTime!.toISOString();
		const before = await listWith([{Key: 'StartTimeBefore', Values: [pivot]}], 50);
		const after = await listWith([{Key: 'StartTimeAfter', Values: [pivot]}], 50);
		expect(before).toEqual(idsWhere(item => item.ExecutionStartTime!.getTime() < Date.parse(pivot)));
		expect(after).toContain(all[150]!.AutomationExecutionId);
		expect([...after, ...before]).toEqual(all.map(item => item.AutomationExecutionId));
	});

	it('AutomationType', async () => {
		const cross = idsWhere(item => item.AutomationType === 'CrossAccount');
		expect(cross.length).toBeGreaterThanOrEqual(3);
		expect(await listWith([{Key: 'AutomationType', Values: ['CrossAccount']}])).toEqual(cross);
		expect(await listWith([{Key: 'AutomationType', Values: ['Local']}], 50)).toEqual(idsWhere(item => item.AutomationType === 'Local'));
	});

	it('TagKey and TargetResourceGroup', async () => {
		const tagged = await listWith([{Key: 'TagKey', Values: ['team']}]);
		expect(tagged.length).toBeGreaterThan(0);
		expect(tagged.length).toBeLessThan(all.length);
		const grouped = await listWith([{Key: 'TargetResourceGroup', Values: ['web-fleet', 'db-fleet']}]);
		expect(grouped).toEqual(idsWhere(item => item.Targets?.some(target => target.Key === 'ResourceGroup') ?? false));
		expect(grouped.length).toBeGreaterThan(0);
	});

	it('AutomationSubtype and OpsItemId match nothing the emulator runs', async () => {
		expect(await listWith([{Key: 'AutomationSubtype', Values: ['ChangeRequest']}])).toEqual([]);
		expect(await listWith([{Key: 'OpsItemId', Values: ['oi-0123456789ab']}])).toEqual([]);
	});

	it('different keys AND together', async () => {
		const expected = idsWhere(item => item.DocumentName!.startsWith('AWS-') && item.AutomationExecutionStatus === 'Failed');
		expect(expected.length).toBeGreaterThan(0);
		expect(
			await listWith([
				{Key: 'DocumentNamePrefix', Values: ['AWS-']},
				{Key: 'ExecutionStatus', Values: ['Failed']},
			]),
		).toEqual(expected);
	});

	it('keeps paging stable while new executions start', async () => {
		const first = await client.send(new DescribeAutomationExecutionsCommand({MaxResults: 10}));
		running.control.advance(1000);
		await client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
		const second = await client.send(new DescribeAutomationExecutionsCommand({MaxResults: 10, NextToken: first.NextToken}));
		expect(second.AutomationExecutionMetadataList!.map(item => item.AutomationExecutionId)).toEqual(all.slice(10, 20).map(item => item.AutomationExecutionId));
	});

	it('DescribeAutomationStepExecutions filters and pages the steps of a run', async () => {
		const parent = all.find(item => item.AutomationType === 'CrossAccount' && item.AutomationExecutionStatus === 'Failed')!;
		const id = parent.AutomationExecutionId!;
		const page = async (input: Partial<ConstructorParameters<typeof DescribeAutomationStepExecutionsCommand>[0]>) =>
			(await client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: id, ...input}))).StepExecutions!;
		const everything = await page({});
		expect(everything).toHaveLength(15);
		const failed = await page({Filters: [{Key: 'StepExecutionStatus', Values: ['Failed']}]});
		expect(failed.map(step => step.StepName)).toEqual(everything.filter(step => step.StepStatus === 'Failed').map(step => step.StepName));
		expect(await page({Filters: [{Key: 'StepName', Values: [everything[3]!.StepName!]}]})).toHaveLength(1);
		expect(await page({Filters: [{Key: 'StepExecutionId', Values: [everything[4]!.StepExecutionId!]}]})).toHaveLength(1);
		expect(await page({Filters: [{Key: 'Action', Values: ['aws:executeAutomation']}]})).toHaveLength(15);
		const pivot = everything[5]!.ExecutionStartTime!.toISOString();
		const before = await page({Filters: [{Key: 'StartTimeBefore', Values: [pivot]}]});
		const after = await page({Filters: [{Key: 'StartTimeAfter', Values: [pivot]}]});
		expect(before.length + after.length).toBe(15);
		expect(await page({Filters: [{Key: 'ParentStepExecutionId', Values: [everything[0]!.StepExecutionId!]}]})).toEqual([]);
		const first = await client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: id, MaxResults: 4}));
		const rest = await client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: id, MaxResults: 50, NextToken: first.NextToken}));
		expect([...first.StepExecutions!, ...rest.StepExecutions!].map(step => step.StepExecutionId)).toEqual(everything.map(step => step.StepExecutionId));
		expect(rest.NextToken).toBeUndefined();
	});
});
