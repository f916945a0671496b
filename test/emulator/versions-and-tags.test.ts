// ListDocumentVersions, ListTagsForResource and AddTagsToResource through the real SDK.
import {
	AddTagsToResourceCommand,
	DescribeDocumentCommand,
	ListDocumentsCommand,
	RemoveTagsFromResourceCommand,
	ListDocumentVersionsCommand,
	ListTagsForResourceCommand,
	paginateListDocumentVersions,
	StartAutomationExecutionCommand,
} from '@aws-sdk/client-ssm';
import {beforeEach, describe, expect, it} from 'vitest';
import {T0, failure, ssm, withEmulator} from './support.js';

const env = withEmulator('all');
beforeEach(() => env.running.control.reset('none'));

async function expectError(promise: Promise<unknown>, name: string, message?: RegExp): Promise<void> {
	const error = await failure(promise);
	expect(error.name).toBe(name);
	expect(error.$metadata?.httpStatusCode).toBe(400);
	if (message) expect(error.message).toMatch(message);
}

async function start(tags?: Array<{Key: string; Value: string}>): Promise<string> {
	const {AutomationExecutionId: id} = await env.client.send(
		new StartAutomationExecutionCommand({
			DocumentName: 'AWS-RestartEC2Instance',
			Parameters: {InstanceId: ['i-0123456789abcdef0']},
			...(tags ? {Tags: tags} : {}),
		}),
	);
	return id!;
}

describe('ListDocumentVersions', () => {
	it('lists every version newest first, marking the default one', async () => {
		const {DocumentVersions: versions, NextToken} = await env.client.send(new ListDocumentVersionsCommand({Name: 'Ops-PatchFleetWithApproval'}));
		expect(NextToken).toBeUndefined();
		expect(versions?.map(version => [version.DocumentVersion, version.IsDefaultVersion])).toEqual([
			['3', false],
			['2', true],
			['1', false],
		]);
		expect(versions?.[0]).toMatchObject({Name: 'Ops-PatchFleetWithApproval', DocumentFormat: 'JSON', Status: 'Active'});
		// Version n was created n-1 weeks after version 1, before the emulator's start.
		const created = versions!.map(version => version.CreatedDate!.getTime());
		expect(created[0]! - created[1]!).toBe(7 * 86_400_000);
		expect(created[0]).toBeLessThan(T0);
	});

	it('accepts a document ARN and pages with MaxResults', async () => {
		const first = await env.client.send(
			new ListDocumentVersionsCommand({Name: 'arn:aws:ssm:us-east-1:123456789012:document/Ops-PatchFleetWithApproval', MaxResults: 2}),
		);
		expect(first.DocumentVersions?.map(version => version.DocumentVersion)).toEqual(['3', '2']);
		expect(first.NextToken).toBeTruthy();
		const second = await env.client.send(new ListDocumentVersionsCommand({Name: 'Ops-PatchFleetWithApproval', MaxResults: 2, NextToken: first.NextToken}));
		expect(second.DocumentVersions?.map(version => version.DocumentVersion)).toEqual(['1']);
		expect(second.NextToken).toBeUndefined();
		const all: string[] = [];
		for await (const page of paginateListDocumentVersions({client: env.client, pageSize: 1}, {Name: 'Ops-PatchFleetWithApproval'})) {
			all.push(...(page.DocumentVersions ?? []).map(version => version.DocumentVersion!));
		}
		expect(all).toEqual(['3', '2', '1']);
	});

	it('raises InvalidDocument, InvalidNextToken and ValidationException where the model says', async () => {
		await expectError(env.client.send(new ListDocumentVersionsCommand({Name: 'No-Such-Document'})), 'InvalidDocument');
		await expectError(env.client.send(new ListDocumentVersionsCommand({Name: 'AWS-StopEC2Instance', NextToken: 'garbage'})), 'InvalidNextToken');
		const page = await env.client.send(new ListDocumentVersionsCommand({Name: 'Ops-PatchFleetWithApproval', MaxResults: 1}));
		// A token is bound to the document it was issued for.
		await expectError(env.client.send(new ListDocumentVersionsCommand({Name: 'AWS-RestartEC2Instance', NextToken: page.NextToken})), 'InvalidNextToken');
		await expectError(
			env.client.send(new ListDocumentVersionsCommand({Name: 'Ops-PatchFleetWithApproval', MaxResults: 51})),
			'ValidationException',
			/less than or equal to 50/,
		);
		await expectError(
			env.client.send(new ListDocumentVersionsCommand({Name: 'Ops-PatchFleetWithApproval', MaxResults: 0})),
			'ValidationException',
			/greater than or equal to 1/,
		);
		await expectError(env.client.send(new ListDocumentVersionsCommand({} as never)), 'ValidationException', /Value null at 'name'/);
		await expectError(env.client.send(new ListDocumentVersionsCommand({Name: 'x'})), 'ValidationException', /regular expression pattern/);
	});
});

describe('tags on automations', () => {
	it('ListTagsForResource returns the tags given at StartAutomationExecution, and none for an untagged run', async () => {
		const tagged = await start([
			{Key: 'team', Value: 'ops'},
			{Key: 'ticket', Value: 'CHG-104233'},
		]);
		expect(await env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: tagged}))).toMatchObject({
			TagList: [
				{Key: 'team', Value: 'ops'},
				{Key: 'ticket', Value: 'CHG-104233'},
			],
		});
		const untagged = await start();
		expect((await env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: untagged}))).TagList).toEqual([]);
	});

	it('AddTagsToResource adds new keys and overwrites existing ones, up to five', async () => {
		const id = await start([{Key: 'team', Value: 'ops'}]);
		expect(
			await env.client.send(
				new AddTagsToResourceCommand({
					ResourceType: 'Automation',
					ResourceId: id,
					Tags: [
						{Key: 'team', Value: 'sre'},
						{Key: 'env', Value: ''},
					],
				}),
			),
		).toMatchObject({});
		expect((await env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: id}))).TagList).toEqual([
			{Key: 'team', Value: 'sre'},
			{Key: 'env', Value: ''},
		]);
		const more = ['a', 'b', 'c', 'd'].map(key => ({Key: key, Value: key}));
		await expectError(env.client.send(new AddTagsToResourceCommand({ResourceType: 'Automation', ResourceId: id, Tags: more})), 'TooManyTagsError', /at most 5/);
		// A refused update changes nothing.
		expect((await env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: id}))).TagList).toHaveLength(2);
		await env.client.send(new AddTagsToResourceCommand({ResourceType: 'Automation', ResourceId: id, Tags: more.slice(0, 3)}));
		expect((await env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: id}))).TagList?.map(tag => tag.Key)).toEqual([
			'team',
			'env',
			'a',
			'b',
			'c',
		]);
	});

	it('a run is tagged only where it lives: another region or account answers InvalidResourceId', async () => {
		const id = await start([{Key: 'team', Value: 'ops'}]);
		await expectError(
			ssm(env.running, {region: 'eu-west-1'}).send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: id})),
			'InvalidResourceId',
		);
		await expectError(
			ssm(env.running, {account: '210987654321'}).send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: id})),
			'InvalidResourceId',
		);
	});

	it('raises InvalidResourceType, InvalidResourceId and ValidationException where the model says', async () => {
		const id = await start();
		await expectError(
			env.client.send(new ListTagsForResourceCommand({ResourceType: 'Document', ResourceId: 'AWS-RestartEC2Instance'})),
			'InvalidResourceId',
			/owned by Amazon/,
		);
		await expectError(
			env.client.send(new AddTagsToResourceCommand({ResourceType: 'PatchBaseline', ResourceId: 'pb-012345abcde', Tags: [{Key: 'a', Value: 'b'}]})),
			'InvalidResourceType',
		);
		await expectError(
			env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: '00000000-0000-4000-8000-000000000000'})),
			'InvalidResourceId',
		);
		await expectError(
			env.client.send(new AddTagsToResourceCommand({ResourceType: 'Automation', ResourceId: 'nope', Tags: [{Key: 'a', Value: 'b'}]})),
			'InvalidResourceId',
		);
		await expectError(
			env.client.send(new ListTagsForResourceCommand({ResourceType: 'Bucket' as never, ResourceId: id})),
			'ValidationException',
			/enum value set/,
		);
		await expectError(
			env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation'} as never)),
			'ValidationException',
			/Value null at 'resourceId'/,
		);
		await expectError(
			env.client.send(new AddTagsToResourceCommand({ResourceType: 'Automation', ResourceId: id} as never)),
			'ValidationException',
			/Value null at 'tags'/,
		);
		await expectError(
			env.client.send(new AddTagsToResourceCommand({ResourceType: 'Automation', ResourceId: id, Tags: [{Key: '', Value: 'x'}]})),
			'ValidationException',
			/tags\.1\.member\.key/,
		);
		await expectError(
			env.client.send(new AddTagsToResourceCommand({ResourceType: 'Automation', ResourceId: id, Tags: [{Key: 'a', Value: 'semi;colon'}]})),
			'ValidationException',
			/regular expression pattern/,
		);
	});

	it('RemoveTagsFromResource drops keys from an automation; unknown keys are no error', async () => {
		const id = await start([
			{Key: 'team', Value: 'ops'},
			{Key: 'ticket', Value: 'CHG-1'},
		]);
		await env.client.send(new RemoveTagsFromResourceCommand({ResourceType: 'Automation', ResourceId: id, TagKeys: ['ticket', 'absent']}));
		const {TagList} = await env.client.send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: id}));
		expect(TagList).toEqual([{Key: 'team', Value: 'ops'}]);
		await expectError(
			env.client.send(new RemoveTagsFromResourceCommand({ResourceType: 'Automation', ResourceId: id} as never)),
			'ValidationException',
			/tagKeys/,
		);
	});
});

describe('document tags', () => {
	const tagsOf = async (name: string) => (await env.client.send(new ListTagsForResourceCommand({ResourceType: 'Document', ResourceId: name}))).TagList;
	const described = async (name: string) => (await env.client.send(new DescribeDocumentCommand({Name: name}))).Document?.Tags;
	const listedWith = async (key: string, value: string) =>
		((await env.client.send(new ListDocumentsCommand({Filters: [{Key: `tag:${key}`, Values: [value]}]}))).DocumentIdentifiers ?? []).map(item => item.Name);

	it('add, list and remove on a document this account owns, consistent with DescribeDocument, ListDocuments and the tag: filter', async () => {
		const name = 'Ops-PatchFleetWithApproval';
		const before = (await tagsOf(name)) ?? [];
		expect(await described(name)).toEqual(before);
		await env.client.send(new AddTagsToResourceCommand({ResourceType: 'Document', ResourceId: name, Tags: [{Key: 'tier', Value: 'gold'}]}));
		expect(await tagsOf(name)).toEqual([...before, {Key: 'tier', Value: 'gold'}]);
		expect(await described(name)).toEqual([...before, {Key: 'tier', Value: 'gold'}]);
		expect(await listedWith('tier', 'gold')).toEqual([name]);
		const listed = await env.client.send(new ListDocumentsCommand({Filters: [{Key: 'Name', Values: [name]}]}));
		expect(listed.DocumentIdentifiers?.[0]?.Tags).toEqual([...before, {Key: 'tier', Value: 'gold'}]);
		await env.client.send(new RemoveTagsFromResourceCommand({ResourceType: 'Document', ResourceId: name, TagKeys: ['tier']}));
		expect(await tagsOf(name)).toEqual(before);
		expect(await listedWith('tier', 'gold')).toEqual([]);
	});

	it("refuses Amazon's documents, another account's and unknown ones (InvalidResourceId)", async () => {
		await expectError(
			env.client.send(new AddTagsToResourceCommand({ResourceType: 'Document', ResourceId: 'AWS-RestartEC2Instance', Tags: [{Key: 'a', Value: 'b'}]})),
			'InvalidResourceId',
		);
		await expectError(
			ssm(env.running, {account: '210987654321'}).send(
				new AddTagsToResourceCommand({ResourceType: 'Document', ResourceId: 'Ops-PatchFleetWithApproval', Tags: [{Key: 'a', Value: 'b'}]}),
			),
			'InvalidResourceId',
			/only its owner/,
		);
		await expectError(env.client.send(new ListTagsForResourceCommand({ResourceType: 'Document', ResourceId: 'No-Such-Doc'})), 'InvalidResourceId');
	});
});
