/** A scripted ActionPort for the form tests: one small catalogue, calls recorded, start answered by a function. */
import type {ActionPort, StartRequest} from '../../../source/core/ports.js';

export const TEST_RUNBOOK = `
description: A runbook to exercise every field type
schemaVersion: '0.3'
parameters:
  InstanceId:
    type: String
    description: The instance
    allowedPattern: ^i-[0-9a-f]+$
  Count:
    type: Integer
    default: 3
  Names:
    type: StringList
    maxItems: 2
    default: [a]
  Level:
    type: String
    allowedValues: [low, high]
  Force:
    type: Boolean
    default: false
mainSteps: []
`;

export interface FormPort extends ActionPort {
	readonly starts: StartRequest[];
	readonly calls: string[];
}

export type TagAnswer = () => Promise<ReadonlyArray<{readonly key: string; readonly value: string}>>;

export function formPort(
	start: (request: StartRequest) => Promise<{executionId: string}> = async () => ({executionId: 'abcdef01-0000-4000-8000-000000000001'}),
	tags: TagAnswer = async () => [],
): FormPort {
	const starts: StartRequest[] = [];
	const calls: string[] = [];
	return {
		starts,
		calls,
		async startExecution(request) {
			starts.push(request);
			calls.push('startExecution');
			return start(request);
		},
		async stopExecution() {
			calls.push('stopExecution');
		},
		async sendSignal() {
			calls.push('sendSignal');
		},
		async listDocuments() {
			calls.push('listDocuments');
			return [
				{name: 'AWS-RestartEC2Instance', owner: 'Amazon'},
				{name: 'Test-Runbook', owner: '123456789012'},
			];
		},
		async listDocumentVersions() {
			calls.push('listDocumentVersions');
			return ['2', '1'];
		},
		async getDocument(_region, name, version) {
			calls.push(`getDocument ${name} ${version ?? '$DEFAULT'}`);
			return {
				name,
				content: name === 'Test-Runbook' ? TEST_RUNBOOK : 'parameters: {InstanceId: {type: String}}',
				...(version ? {documentVersion: version} : {}),
			};
		},
		async listExecutionTags(_region, executionId) {
			calls.push(`listExecutionTags ${executionId}`);
			return tags();
		},
		refreshNow() {
			calls.push('refreshNow');
		},
	};
}
