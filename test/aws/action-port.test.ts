// The ActionPort's mapping and error wording, with a stand-in client; the
// end-to-end behaviour against the emulator is in action-port-emulator.test.ts.
import {SSMClient, SSMServiceException} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {createActionPort} from '../../source/aws/action-port.js';
import {ActionError} from '../../source/core/ports.js';

function serviceError(name: string, message: string): SSMServiceException {
	return new SSMServiceException({name, message, $fault: 'client', $metadata: {httpStatusCode: 400}});
}

function fakeClient(answer: (command: {constructor: {name: string}; input: unknown}) => unknown): {
	client: SSMClient;
	sent: Array<{command: string; input: unknown}>;
} {
	const sent: Array<{command: string; input: unknown}> = [];
	const client = {
		send: async (command: {constructor: {name: string}; input: unknown}) => {
			sent.push({command: command.constructor.name, input: command.input});
			const result = answer(command);
			if (result instanceof Error) throw result;
			return result;
		},
	} as unknown as SSMClient; // only send() is used by the port
	return {client, sent};
}

describe('ActionPort over the SDK', () => {
	it('sends StartAutomationExecution with the ClientToken and refreshes', async () => {
		const {client, sent} = fakeClient(() => ({AutomationExecutionId: 'e'.repeat(36)}));
		let refreshes = 0;
		const port = createActionPort({client: () => client, refreshNow: () => refreshes++});
		const result = await port.startExecution({
			region: 'eu-west-1',
			documentName: 'AWS-RestartEC2Instance',
			parameters: {InstanceId: ['i-1']},
			mode: 'Interactive',
			tags: [{key: 'a', value: 'b'}],
			clientToken: '0f8fad5b-d9cb-469f-a165-70867728950e',
		});
		expect(result).toEqual({executionId: 'e'.repeat(36)});
		expect(refreshes).toBe(1);
		expect(sent).toEqual([
			{
				command: 'StartAutomationExecutionCommand',
				input: {
					DocumentName: 'AWS-RestartEC2Instance',
					Parameters: {InstanceId: ['i-1']},
					Mode: 'Interactive',
					Tags: [{Key: 'a', Value: 'b'}],
					ClientToken: '0f8fad5b-d9cb-469f-a165-70867728950e',
				},
			},
		]);
	});

	it('names the exception and explains it when the service refuses', async () => {
		const {client} = fakeClient(() => serviceError('InvalidAutomationExecutionParametersException', 'Parameter InstanceId is required'));
		const port = createActionPort({client: () => client});
		const error = await port
			.startExecution({region: 'eu-west-1', documentName: 'AWS-X', clientToken: '0f8fad5b-d9cb-469f-a165-70867728950e'})
			.catch((thrown: unknown) => thrown);
		expect(error).toBeInstanceOf(ActionError);
		expect((error as ActionError).exception).toBe('InvalidAutomationExecutionParametersException');
		expect((error as ActionError).message).toBe(
			"Could not start AWS-X in eu-west-1: InvalidAutomationExecutionParametersException — the parameters don't match what the runbook accepts. (SSM says: Parameter InstanceId is required)",
		);
	});

	it('words network problems without an exception name', async () => {
		const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {code: 'ECONNREFUSED'});
		const {client} = fakeClient(() => refused);
		const port = createActionPort({client: () => client});
		const error = (await port.stopExecution('eu-west-1', 'x'.repeat(36), 'Cancel').catch((thrown: unknown) => thrown)) as ActionError;
		expect(error).toBeInstanceOf(ActionError);
		expect(error.exception).toBeUndefined();
		expect(error.message).toMatch(/^Cannot reach SSM in eu-west-1 \(ECONNREFUSED/);
	});

	it('sends signals with their payload and stop with its type', async () => {
		const {client, sent} = fakeClient(() => ({}));
		const port = createActionPort({client: () => client});
		await port.sendSignal('eu-west-1', 'x'.repeat(36), 'Approve', {Comment: ['ok']});
		await port.sendSignal('eu-west-1', 'x'.repeat(36), 'Resume');
		await port.stopExecution('eu-west-1', 'x'.repeat(36), 'Complete');
		expect(sent.map(call => [call.command, call.input])).toEqual([
			['SendAutomationSignalCommand', {AutomationExecutionId: 'x'.repeat(36), SignalType: 'Approve', Payload: {Comment: ['ok']}}],
			['SendAutomationSignalCommand', {AutomationExecutionId: 'x'.repeat(36), SignalType: 'Resume'}],
			['StopAutomationExecutionCommand', {AutomationExecutionId: 'x'.repeat(36), Type: 'Complete'}],
		]);
	});

	it('still reads a document when DescribeDocument is refused', async () => {
		const {client} = fakeClient(command =>
			command.constructor.name === 'GetDocumentCommand'
				? {Name: 'D', Content: 'parameters: {}', DocumentVersion: '2', DocumentFormat: 'YAML'}
				: serviceError('AccessDeniedException', 'no'),
		);
		const port = createActionPort({client: () => client});
		expect(await port.getDocument('eu-west-1', 'D', '2')).toEqual({name: 'D', documentVersion: '2', content: 'parameters: {}', format: 'YAML'});
	});
});

/** The SDK's paginators insist on an SSMClient instance: the stand-in's send() on SSMClient's prototype. */
function pagingClient(answer: Parameters<typeof fakeClient>[0]): ReturnType<typeof fakeClient> {
	const fake = fakeClient(answer);
	const client = Object.assign(Object.create(SSMClient.prototype) as SSMClient, {send: fake.client.send});
	return {client, sent: fake.sent};
}

describe('ActionPort: versions and tags', () => {
	it('lists versions with ListDocumentVersions, newest first, across pages', async () => {
		const {client, sent} = pagingClient(command => {
			const input = command.input as {NextToken?: string};
			return input.NextToken
				? {DocumentVersions: [{DocumentVersion: '1'}]}
				: {DocumentVersions: [{DocumentVersion: '2'}, {DocumentVersion: '10'}], NextToken: 'more'};
		});
		const port = createActionPort({client: () => client});
		expect(await port.listDocumentVersions('eu-west-1', 'D')).toEqual(['10', '2', '1']);
		expect(sent.map(call => call.command)).toEqual(['ListDocumentVersionsCommand', 'ListDocumentVersionsCommand']);
		expect(sent[0]?.input).toMatchObject({Name: 'D'});
	});

	it('falls back to 1..LatestVersion from DescribeDocument when ListDocumentVersions is refused', async () => {
		for (const refusal of ['UnknownOperationException', 'AccessDeniedException']) {
			const {client, sent} = pagingClient(command =>
				command.constructor.name === 'DescribeDocumentCommand' ? {Document: {Name: 'D', LatestVersion: '3'}} : serviceError(refusal, 'no'),
			);
			const port = createActionPort({client: () => client});
			expect(await port.listDocumentVersions('eu-west-1', 'D')).toEqual(['3', '2', '1']);
			expect(sent.map(call => call.command)).toEqual(['ListDocumentVersionsCommand', 'DescribeDocumentCommand']);
		}
	});

	it('does not hide a missing runbook behind the fallback', async () => {
		const {client} = pagingClient(() => serviceError('InvalidDocument', 'Document with name D does not exist.'));
		const port = createActionPort({client: () => client});
		const error = await port.listDocumentVersions('eu-west-1', 'D').then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(ActionError);
		expect((error as ActionError).exception).toBe('InvalidDocument');
	});

	it("reads an execution's tags with ListTagsForResource (ResourceType Automation)", async () => {
		const {client, sent} = fakeClient(() => ({
			TagList: [
				{Key: 'team', Value: 'ops'},
				{Key: 'empty', Value: ''},
			],
		}));
		const port = createActionPort({client: () => client});
		expect(await port.listExecutionTags?.('eu-west-1', 'e'.repeat(36))).toEqual([
			{key: 'team', value: 'ops'},
			{key: 'empty', value: ''},
		]);
		expect(sent).toEqual([{command: 'ListTagsForResourceCommand', input: {ResourceType: 'Automation', ResourceId: 'e'.repeat(36)}}]);
		const refused = fakeClient(() => serviceError('InvalidResourceId', 'no such run'));
		const error = await createActionPort({client: () => refused.client})
			.listExecutionTags?.('eu-west-1', 'e'.repeat(36))
			.then(
				() => undefined,
				(caught: unknown) => caught,
			);
		expect((error as ActionError).exception).toBe('InvalidResourceId');
	});
});
