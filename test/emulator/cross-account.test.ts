import {
	DescribeAutomationExecutionsCommand,
	StartAutomationExecutionCommand,
	StopAutomationExecutionCommand,
	type StartAutomationExecutionCommandInput,
	type TargetLocation,
} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {failure, getExecution, ssm, withEmulator} from './support.js';

const accounts = ['111122223333', '210987654321', '345678901234', '444455556666', '777788889999'];
const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

describe('multi-account, multi-Region (TargetLocations)', () => {
	const env = withEmulator('each');

	const start = async (locations: TargetLocation[], extra: Partial<StartAutomationExecutionCommandInput> = {}) =>
		(await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'Ops-ApplySecurityBaseline', TargetLocations: locations, ...extra})))
			.AutomationExecutionId!;
	const get = async (id: string, through = env.client) => getExecution(through, id);

	async function settle(id: string): Promise<void> {
		for (let step = 0; step < 500; step++) {
			env.running.control.advance(5000);
			if (!['InProgress', 'Pending', 'Cancelling'].includes((await get(id)).AutomationExecutionStatus!)) {
				return;
			}
		}

		throw new Error('the parent never finished');
	}

	it('fans out to 5 accounts × 3 Regions; ProgressCounters and per-location steps match the scripted outcomes', async () => {
		env.running.control.setLocationOutcome('210987654321', 'eu-west-1', 'Failed');
		env.running.control.setLocationOutcome('444455556666', 'ap-southeast-2', 'TimedOut');
		const id = await start([{Accounts: accounts, Regions: regions, TargetLocationMaxConcurrency: '4', TargetLocationMaxErrors: '5'}]);
		const early = await get(id);
		expect(early.ProgressCounters).toEqual({TotalSteps: 15, SuccessSteps: 0, FailedSteps: 0, CancelledSteps: 0, TimedOutSteps: 0});
		// Locations ramp up as targets do: the first location runs alone, then the window doubles with each success, up to 4.
		expect(early.StepExecutions!.filter(step => step.StepStatus === 'InProgress')).toHaveLength(1);
		await settle(id);
		const parent = await get(id);
		expect(parent.AutomationExecutionStatus).toBe('Failed');
		expect(parent.ProgressCounters).toEqual({TotalSteps: 15, SuccessSteps: 13, FailedSteps: 1, CancelledSteps: 0, TimedOutSteps: 1});
		expect(parent.TargetLocations).toEqual([{Accounts: accounts, Regions: regions, TargetLocationMaxConcurrency: '4', TargetLocationMaxErrors: '5'}]);
		const byLocation = Object.fromEntries(
			parent.StepExecutions!.map(step => [`${step.TargetLocation?.Accounts?.[0]}/${step.TargetLocation?.Regions?.[0]}`, step]),
		);
		expect(Object.keys(byLocation)).toHaveLength(15);
		expect(byLocation['210987654321/eu-west-1']?.StepStatus).toBe('Failed');
		expect(byLocation['444455556666/ap-southeast-2']?.StepStatus).toBe('TimedOut');
		expect(byLocation['111122223333/us-east-1']).toMatchObject({
			Action: 'aws:executeAutomation',
			StepStatus: 'Success',
			TargetLocation: {Accounts: ['111122223333'], Regions: ['us-east-1'], ExecutionRoleName: 'AWS-SystemsManager-AutomationExecutionRole'},
		});

		const metadata = await env.client.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'AutomationType', Values: ['CrossAccount']}]}));
		expect(metadata.AutomationExecutionMetadataList?.map(item => item.AutomationExecutionId)).toEqual([id]);
	});

	it("each child lives in its own account and Region, readable only with that account's key", async () => {
		const id = await start([{Accounts: accounts.slice(0, 2), Regions: ['eu-west-1', 'ap-southeast-2'], TargetLocationMaxConcurrency: '100%'}]);
		await settle(id);
		const step = (await get(id)).StepExecutions!.find(
			item => item.TargetLocation?.Accounts?.[0] === accounts[1] && item.TargetLocation?.Regions?.[0] === 'ap-southeast-2',
		)!;
		const childId = step.Outputs?.['AutomationExecutionId']?.[0];
		expect(childId).toHaveLength(36);
		const member = ssm(env.running, {account: accounts[1], region: 'ap-southeast-2'});
		const child = await get(childId!, member);
		expect(child).toMatchObject({
			ParentAutomationExecutionId: id,
			DocumentName: 'Ops-ApplySecurityBaseline',
			AutomationExecutionStatus: 'Success',
			ExecutedBy: `arn:aws:sts::${accounts[1]}:assumed-role/AWS-SystemsManager-AutomationExecutionRole/${id}`,
		});
		expect(child.ProgressCounters).toBeUndefined();
		for (const elsewhere of [
			env.client,
			ssm(env.running, {region: 'ap-southeast-2'}),
			ssm(env.running, {account: accounts[1], region: 'eu-west-1'}),
			ssm(env.running, {account: accounts[0], region: 'ap-southeast-2'}),
		]) {
			expect((await failure(get(childId!, elsewhere))).name).toBe('AutomationExecutionNotFoundException');
		}

		const listed = await member.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'ParentExecutionId', Values: [id]}]}));
		expect(listed.AutomationExecutionMetadataList?.map(item => item.AutomationExecutionId)).toEqual([childId]);
	});

	it('defaults: one location at a time, and the first failure stops queueing more', async () => {
		env.running.control.setLocationOutcome(accounts[0]!, 'eu-west-1', 'Failed');
		const id = await start([{Accounts: accounts, Regions: regions}]);
		const early = await get(id);
		expect(early.StepExecutions!.filter(step => step.StepStatus === 'InProgress')).toHaveLength(1);
		expect(early.StepExecutions![0]?.TargetLocation).toMatchObject({TargetLocationMaxConcurrency: '1', TargetLocationMaxErrors: '0'});
		await settle(id);
		const parent = await get(id);
		expect(parent.AutomationExecutionStatus).toBe('Failed');
		expect(parent.ProgressCounters).toEqual({TotalSteps: 15, SuccessSteps: 1, FailedSteps: 1, CancelledSteps: 0, TimedOutSteps: 0});
		expect(parent.StepExecutions!.filter(step => step.StepStatus === 'Pending')).toHaveLength(13);
	});

	it('ExcludeAccounts drops accounts; ExecutionRoleName is passed on', async () => {
		const id = await start([
			{
				Accounts: accounts,
				Regions: ['us-east-1'],
				ExcludeAccounts: [accounts[2]!, accounts[3]!],
				ExecutionRoleName: 'OrgAutomationRole',
				TargetLocationMaxConcurrency: '3',
			},
		]);
		const parent = await get(id);
		expect(parent.StepExecutions!.map(step => step.TargetLocation?.Accounts?.[0])).toEqual([accounts[0], accounts[1], accounts[4]]);
		expect(parent.StepExecutions!.every(step => step.TargetLocation?.ExecutionRoleName === 'OrgAutomationRole')).toBe(true);
	});

	it('per-location Targets with TargetsMaxConcurrency make each child a rate-control run in its location', async () => {
		const id = await (async () =>
			(
				await env.client.send(
					new StartAutomationExecutionCommand({
						DocumentName: 'Ops-RotateInstanceLogs',
						TargetParameterName: 'InstanceId',
						Targets: [{Key: 'tag:Environment', Values: ['dev']}],
						TargetLocations: [
							{
								Accounts: [accounts[0]!],
								Regions: ['eu-west-1'],
								Targets: [{Key: 'tag:Environment', Values: ['prod']}],
								TargetsMaxConcurrency: '2',
								TargetsMaxErrors: '1',
							},
						],
					}),
				)
			).AutomationExecutionId!)();
		await settle(id);
		const childId = (await get(id)).StepExecutions![0]!.Outputs!['AutomationExecutionId']![0]!;
		const member = ssm(env.running, {account: accounts[0], region: 'eu-west-1'});
		const child = await get(childId, member);
		expect(child).toMatchObject({
			MaxConcurrency: '2',
			MaxErrors: '1',
			Targets: [{Key: 'tag:Environment', Values: ['prod']}],
			AutomationExecutionStatus: 'Success',
		});
		expect(child.ResolvedTargets?.ParameterValues).toHaveLength(4);
		const grandchildren = await member.send(new DescribeAutomationExecutionsCommand({Filters: [{Key: 'ParentExecutionId', Values: [childId]}]}));
		expect(grandchildren.AutomationExecutionMetadataList).toHaveLength(4);
	});

	it('cancelling the parent cancels running children and leaves unstarted locations Pending', async () => {
		const id = await start([{Accounts: accounts, Regions: regions, TargetLocationMaxConcurrency: '2'}]);
		env.running.control.advance(1000);
		await env.client.send(new StopAutomationExecutionCommand({AutomationExecutionId: id}));
		await settle(id);
		const parent = await get(id);
		expect(parent.AutomationExecutionStatus).toBe('Cancelled');
		// One location was running (the ramp-up starts with one): it is cancelled, the rest never started.
		expect(parent.ProgressCounters).toMatchObject({TotalSteps: 15, CancelledSteps: 1, SuccessSteps: 0});
	});
});
