import {
	DescribeAutomationExecutionsCommand,
	DescribeAutomationStepExecutionsCommand,
	StartAutomationExecutionCommand,
	StopAutomationExecutionCommand,
	type StartAutomationExecutionCommandInput,
} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {getExecution, withEmulator} from './support.js';

const ids = (count: number, failing: number[] = []) =>
	Array.from({length: count}, (_, index) =>
		failing.includes(index + 1) ? `i-0fail${String(index + 1).padStart(9, '0')}` : `i-0${String(index + 1).padStart(13, '0')}`,
	);

describe('rate control', () => {
	const env = withEmulator('each');

	const start = async (input: Partial<StartAutomationExecutionCommandInput>) =>
		(await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'Ops-RotateInstanceLogs', TargetParameterName: 'InstanceId', ...input})))
			.AutomationExecutionId!;
	const get = async (id: string) => getExecution(env.client, id);
	const children = async (id: string) =>
		(await env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'ParentExecutionId', Values: [id]}]}))).AutomationExecutionMetadataList ??
		[];
	const tally = (statuses: Array<string | undefined>) =>
		statuses.reduce<Record<string, number>>((counts, status) => ({...counts, [status ?? '?']: (counts[status ?? '?'] ?? 0) + 1}), {});

	/** Advances in small steps and records the most children seen running at once. */
	async function runToEnd(id: string): Promise<number> {
		let peak = 0;
		for (let step = 0; step < 400; step++) {
			env.running.control.advance(2000);
			const parent = await get(id);
			const inProgress = parent.StepExecutions!.filter(item => item.StepStatus === 'InProgress').length;
			peak = Math.max(peak, inProgress);
			if (!['InProgress', 'Pending'].includes(parent.AutomationExecutionStatus!)) {
				return peak;
			}
		}

		throw new Error('the parent never finished');
	}

	it('10 targets, MaxConcurrency 2, MaxErrors 1, no failures: all 10 succeed, never more than 2 at once', async () => {
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(10)}], MaxConcurrency: '2', MaxErrors: '1'});
		const peak = await runToEnd(id);
		const parent = await get(id);
		expect(peak).toBe(2);
		expect(parent.AutomationExecutionStatus).toBe('Success');
		expect(parent.ResolvedTargets?.ParameterValues).toEqual(ids(10));
		expect(parent.StepExecutions?.map(step => step.StepName)).toEqual(ids(10));
		expect(parent.StepExecutions?.[0]).toMatchObject({Action: 'aws:executeAutomation', Inputs: {InstanceId: ids(10)[0]}, StepStatus: 'Success'});
		const kids = await children(id);
		expect(kids).toHaveLength(10);
		expect(tally(kids.map(kid => kid.AutomationExecutionStatus))).toEqual({Success: 10});
		expect(kids.map(kid => kid.Target).sort()).toEqual(ids(10));
	});

	it('10 targets, MaxConcurrency 2, MaxErrors 1, targets 1 and 2 fail: each runs alone (no success to ramp up on), the second error stops launching', async () => {
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(10, [1, 2])}], MaxConcurrency: '2', MaxErrors: '1'});
		await runToEnd(id);
		const parent = await get(id);
		expect(parent.AutomationExecutionStatus).toBe('Failed');
		expect(parent.FailureMessage).toMatch(/threshold/);
		expect(tally(parent.StepExecutions!.map(step => step.StepStatus))).toEqual({Failed: 2, Pending: 8});
		const kids = await children(id);
		expect(tally(kids.map(kid => kid.AutomationExecutionStatus))).toEqual({Failed: 2});
	});

	it('the first target runs alone: with MaxErrors 0 a runbook that fails everywhere fails once, and the others never start', async () => {
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(6, [1, 2, 3, 4, 5, 6])}], MaxConcurrency: '5', MaxErrors: '0'});
		const peak = await runToEnd(id);
		const parent = await get(id);
		expect(peak).toBe(1);
		expect(tally(parent.StepExecutions!.map(step => step.StepStatus))).toEqual({Failed: 1, Pending: 5});
		expect(await children(id)).toHaveLength(1);
	});

	it('ramps up: 1 at first, doubling with each success, never above MaxConcurrency', async () => {
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(30)}], MaxConcurrency: '8'});
		const seen: number[] = [];
		for (let step = 0; step < 400; step++) {
			env.running.control.advance(500);
			const parent = await get(id);
			seen.push(parent.StepExecutions!.filter(item => item.StepStatus === 'InProgress').length);
			if (parent.AutomationExecutionStatus === 'Success') break;
		}
		expect(seen[0]).toBe(1);
		expect(Math.max(...seen)).toBe(8);
		// The window grows only as children succeed: it is 1 until the first one ends, and never jumps past the next power of two.
		const firstAboveOne = seen.findIndex(value => value > 1);
		expect(seen[firstAboveOne]).toBeLessThanOrEqual(2);
	});

	it('errors within MaxErrors let every target run, and the parent still ends Failed', async () => {
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(8, [2, 7])}], MaxConcurrency: '3', MaxErrors: '2'});
		await runToEnd(id);
		const parent = await get(id);
		expect(parent.AutomationExecutionStatus).toBe('Failed');
		expect(tally(parent.StepExecutions!.map(step => step.StepStatus))).toEqual({Failed: 2, Success: 6});
	});

	it('percentages: 30% of 10 runs at most 3 at a time; 10% of 10 allows 1 error', async () => {
		const wide = await start({Targets: [{Key: 'ParameterValues', Values: ids(10)}], MaxConcurrency: '30%'});
		expect(await runToEnd(wide)).toBe(3);
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(10, [1, 2, 3])}], MaxConcurrency: '30%', MaxErrors: '10%'});
		await runToEnd(id);
		// 1 runs alone and fails (1 error allowed), 2 runs alone and fails: the threshold stops launching.
		expect(tally((await get(id)).StepExecutions!.map(step => step.StepStatus))).toEqual({Failed: 2, Pending: 8});
	});

	it('the default MaxConcurrency is 10 and the default MaxErrors 0', async () => {
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(40)}]});
		const parent = await get(id);
		expect(parent).toMatchObject({MaxConcurrency: '10', MaxErrors: '0'});
		expect(await runToEnd(id)).toBe(10);
	});

	it("resolves tag, resource-group and all-instance targets from the location's fleet", async () => {
		const byTag = await get(await start({Targets: [{Key: 'tag:Environment', Values: ['prod']}]}));
		expect(byTag.ResolvedTargets?.ParameterValues).toHaveLength(4);
		const byGroup = await get(await start({Targets: [{Key: 'ResourceGroup', Values: ['web-fleet']}]}));
		expect(byGroup.ResolvedTargets?.ParameterValues).toHaveLength(4);
		const all = await get(await start({Targets: [{Key: 'AWS::EC2::Instance', Values: ['*']}]}));
		expect(all.ResolvedTargets?.ParameterValues).toHaveLength(12);
		const groupRuns = await env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'TargetResourceGroup', Values: ['web-fleet']}]}));
		expect(groupRuns.AutomationExecutionMetadataList?.map(item => item.Targets?.[0]?.Key)).toEqual(['ResourceGroup']);
	});

	it("TargetMaps start one child per map with that map's parameters", async () => {
		const id = (
			await env.client.send(
				new StartAutomationExecutionCommand({
					DocumentName: 'Ops-RestartServiceWithRollback',
					TargetMaps: [
						{InstanceId: ['i-0000000000000001'], ServiceName: ['nginx']},
						{InstanceId: ['i-0000000000000002'], ServiceName: ['worker']},
						{InstanceId: ['i-0000000000000003'], ServiceName: ['cron']},
					],
					MaxConcurrency: '1',
				}),
			)
		).AutomationExecutionId!;
		await runToEnd(id);
		const kids = await children(id);
		expect(kids).toHaveLength(3);
		const services = await Promise.all(kids.map(async kid => (await get(kid.AutomationExecutionId!)).Parameters?.['ServiceName']?.[0]));
		expect(services.sort()).toEqual(['cron', 'nginx', 'worker']);
		expect((await get(id)).TargetMaps).toHaveLength(3);
	});

	it('GetAutomationExecution truncates at 100 steps; DescribeAutomationStepExecutions pages through all of them', async () => {
		const maps = Array.from({length: 120}, (_, index) => ({InstanceId: [`i-0${String(index).padStart(13, '0')}`]}));
		const id = (await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'Ops-RotateInstanceLogs', TargetMaps: maps, MaxConcurrency: '100%'})))
			.AutomationExecutionId!;
		const parent = await get(id);
		expect(parent.StepExecutions).toHaveLength(100);
		expect(parent.StepExecutionsTruncated).toBe(true);
		const names: string[] = [];
		let token: string | undefined;
		do {
			const page = await env.client.send(new DescribeAutomationStepExecutionsCommand({AutomationExecutionId: id, NextToken: token}));
			names.push(...page.StepExecutions!.map(step => step.StepName!));
			token = page.NextToken;
		} while (token);
		expect(names).toHaveLength(120);
		expect(new Set(names).size).toBe(120);
	});

	it('cancelling a parent cancels its running children and leaves the rest unstarted', async () => {
		const id = await start({Targets: [{Key: 'ParameterValues', Values: ids(6)}], MaxConcurrency: '2'});
		// Until the first child succeeds it runs alone (the ramp-up): one child is running here.
		env.running.control.advance(3000);
		await env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id}));
		expect((await get(id)).AutomationExecutionStatus).toBe('Cancelling');
		// The children are inside a running command, which takes a minute to stop.
		env.running.control.advance(61_000);
		const parent = await get(id);
		expect(parent.AutomationExecutionStatus).toBe('Cancelled');
		expect(tally(parent.StepExecutions!.map(step => step.StepStatus))).toEqual({Cancelled: 1, Pending: 5});
	});
});
