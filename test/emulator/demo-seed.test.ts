import {
	DescribeAutomationExecutionsCommand,
	DescribeDocumentCommand,
	GetAutomationExecutionCommand,
	GetDocumentCommand,
	ListDocumentsCommand,
	paginateDescribeAutomationExecutions,
	type AutomationExecutionMetadata,
	type SSMClient,
} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {FAILING_LOCATIONS, MEMBER_ACCOUNTS} from '../../source/emulator/seed/demo.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {emulator, ssm} from './support.js';

const regions = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

async function listAll(client: SSMClient): Promise<AutomationExecutionMetadata[]> {
	const items: AutomationExecutionMetadata[] = [];
	for await (const page of paginateDescribeAutomationExecutions({client, pageSize: 50}, {})) {
		items.push(...page.AutomationExecutionMetadataList!);
	}

	return items;
}

describe('the demo seed', () => {
	let running: RunningEmulator;
	const byRegion: Record<string, AutomationExecutionMetadata[]> = {};
	beforeAll(async () => {
		running = await emulator({seed: 'demo'});
		for (const region of regions) {
			byRegion[region] = await listAll(ssm(running, {region}));
		}
	});
	afterAll(async () => running.close());

	const everything = () => Object.values(byRegion).flat();

	it('has at least 300 executions in the home account across three Regions, in every main status', () => {
		expect(everything().length).toBeGreaterThanOrEqual(300);
		for (const region of regions) {
			expect(byRegion[region]!.length).toBeGreaterThan(20);
		}

		const statuses = new Set(everything().map(item => item.AutomationExecutionStatus));
		for (const status of ['Pending', 'InProgress', 'Waiting', 'Success', 'Failed', 'TimedOut', 'Cancelling', 'Cancelled']) {
			expect(statuses).toContain(status);
		}
	});

	it('has a waiting approval, an Interactive run and runs that keep going', async () => {
		const all = everything();
		expect(all.some(item => item.CurrentAction === 'aws:approve' && item.AutomationExecutionStatus === 'Waiting')).toBe(true);
		expect(all.some(item => item.Mode === 'Interactive' && item.AutomationExecutionStatus === 'Waiting')).toBe(true);
		const migration = all.find(item => item.DocumentName === 'Ops-MigrateDataInChunks' && item.AutomationExecutionStatus === 'InProgress')!;
		const client = ssm(running);
		const before = (await client.send(new GetAutomationExecutionCommand({AutomationExecutionId: migration.AutomationExecutionId}))).AutomationExecution!;
		running.control.advance(15 * 60_000);
		const after = (await client.send(new GetAutomationExecutionCommand({AutomationExecutionId: migration.AutomationExecutionId}))).AutomationExecution!;
		expect(after.CurrentStepName).not.toBe(before.CurrentStepName);
	});

	it('has CrossAccount runs over 5 accounts × 3 Regions; one failed in exactly the seeded locations', async () => {
		const client = ssm(running);
		const parents = byRegion['us-east-1']!.filter(item => item.AutomationType === 'CrossAccount');
		expect(parents.length).toBeGreaterThanOrEqual(2);
		const details = await Promise.all(
			parents.map(
				async parent => (await client.send(new GetAutomationExecutionCommand({AutomationExecutionId: parent.AutomationExecutionId}))).AutomationExecution!,
			),
		);
		for (const detail of details) {
			expect(detail.ProgressCounters?.TotalSteps).toBe(15);
			expect(new Set(detail.StepExecutions!.map(step => step.TargetLocation?.Accounts?.[0]))).toEqual(new Set(MEMBER_ACCOUNTS));
		}

		const failing = details.find(detail => detail.AutomationExecutionStatus === 'Failed')!;
		expect(failing.ProgressCounters).toEqual({TotalSteps: 15, SuccessSteps: 13, FailedSteps: 2, CancelledSteps: 0, TimedOutSteps: 0});
		const failedLocations = failing
			.StepExecutions!.filter(step => step.StepStatus === 'Failed')
			.map(step => `${step.TargetLocation!.Accounts![0]}/${step.TargetLocation!.Regions![0]}`);
		expect(failedLocations.sort()).toEqual([...FAILING_LOCATIONS].sort());
		const [account, region] = FAILING_LOCATIONS[0].split('/');
		const childId = failing.StepExecutions!.find(step => step.TargetLocation!.Accounts![0] === account && step.TargetLocation!.Regions![0] === region)!
			.Outputs!['AutomationExecutionId']![0]!;
		const child = (await ssm(running, {account, region}).send(new GetAutomationExecutionCommand({AutomationExecutionId: childId}))).AutomationExecution!;
		expect(child).toMatchObject({AutomationExecutionStatus: 'Failed', ParentAutomationExecutionId: failing.AutomationExecutionId});
		expect(child.StepExecutions!.find(step => step.StepName === 'applyPasswordPolicy')?.StepStatus).toBe('Failed');
		expect(details.some(detail => detail.AutomationExecutionStatus === 'InProgress')).toBe(true);
	});

	it('has at least 6 Automation runbooks with every parameter type, an approval, an onFailure branch and AWS-owned ones', async () => {
		const client = ssm(running);
		const documents = (await client.send(new ListDocumentsCommand({Filters: [{Key: 'DocumentType', Values: ['Automation']}]}))).DocumentIdentifiers!;
		expect(documents.length).toBeGreaterThanOrEqual(6);
		expect(documents.filter(document => document.Owner === 'Amazon').length).toBeGreaterThanOrEqual(3);
		const types = new Set<string>();
		const actions = new Set<string>();
		const failures: string[] = [];
		for (const document of documents) {
			const described = (await client.send(new DescribeDocumentCommand({Name: document.Name}))).Document!;
			for (const parameter of described.Parameters ?? []) {
				types.add(parameter.Type!);
			}

			const content = JSON.parse((await client.send(new GetDocumentCommand({Name: document.Name}))).Content!) as {
				mainSteps: Array<{action: string; onFailure?: string}>;
			};
			for (const step of content.mainSteps) {
				actions.add(step.action);
				if (step.onFailure?.startsWith('step:')) {
					failures.push(step.onFailure);
				}
			}
		}

		expect([...types].sort()).toEqual(['Boolean', 'Integer', 'MapList', 'String', 'StringList', 'StringMap']);
		expect(actions).toContain('aws:approve');
		expect(failures.length).toBeGreaterThan(0);
	});

	it('is deterministic: a second emulator on the same clock lists the same executions', async () => {
		const twin = await emulator({seed: 'demo'});
		try {
			const mine = (await ssm(running, {region: 'eu-west-1'}).send(new DescribeAutomationExecutionsCommand({MaxResults: 50}))).AutomationExecutionMetadataList!;
			const theirs = (await ssm(twin, {region: 'eu-west-1'}).send(new DescribeAutomationExecutionsCommand({MaxResults: 50}))).AutomationExecutionMetadataList!;
			const finished = (items: AutomationExecutionMetadata[]) =>
				items
					.filter(item => item.ExecutionEndTime && item.ExecutionEndTime.getTime() < Date.UTC(2026, 10, 25, 11))
					.map(item => [item.AutomationExecutionId, item.AutomationExecutionStatus, item.ExecutionEndTime?.getTime()]);
			expect(finished(theirs)).toEqual(finished(mine));
			expect(finished(mine).length).toBeGreaterThan(10);
		} finally {
			await twin.close();
		}
	});

	it('demo mode starts a new run every 40 s of engine time', async () => {
		const ticking = await emulator({seed: 'demo', ticker: true});
		try {
			const before = ticking.control.counts().executions;
			ticking.control.advance(41_000);
			expect(ticking.control.counts().executions).toBeGreaterThan(before);
		} finally {
			await ticking.close();
		}
	});

	it('reset replaces the data: seed none leaves no executions; the documents stay', async () => {
		const fresh = await emulator({seed: 'demo'});
		try {
			const response = await fetch(`${fresh.url}/_emulator/reset`, {
				method: 'POST',
				headers: {'content-type': 'application/json'},
				body: JSON.stringify({seed: 'none'}),
			});
			expect(((await response.json()) as {executions: number}).executions).toBe(0);
			const client = ssm(fresh);
			expect((await client.send(new DescribeAutomationExecutionsCommand({}))).AutomationExecutionMetadataList).toEqual([]);
			expect((await client.send(new ListDocumentsCommand({}))).DocumentIdentifiers!.length).toBeGreaterThan(6);
			fresh.control.reset('none', {extraExecutions: 120});
			expect(fresh.control.counts().executions).toBe(120);
		} finally {
			await fresh.close();
		}
	});
});
