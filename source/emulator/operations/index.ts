import {getCommandInvocation, listCommandInvocations} from './command-invocations.js';
import type {Operation} from './context.js';
import {describeAutomationExecutions} from './describe-automation-executions.js';
import {describeAutomationStepExecutions} from './describe-automation-step-executions.js';
import {describeDocument, getDocument, listDocuments} from './documents.js';
import {getAutomationExecution} from './get-automation-execution.js';
import {listDocumentVersions} from './list-document-versions.js';
import {startAutomationExecution} from './start-automation-execution.js';
import {sendAutomationSignal, stopAutomationExecution} from './stop-and-signal.js';
import {addTagsToResource, listTagsForResource, removeTagsFromResource} from './tags.js';

export const operations: Readonly<Record<string, Operation>> = {
	StartAutomationExecution: startAutomationExecution,
	DescribeAutomationExecutions: describeAutomationExecutions,
	GetAutomationExecution: getAutomationExecution,
	DescribeAutomationStepExecutions: describeAutomationStepExecutions,
	StopAutomationExecution: stopAutomationExecution,
	SendAutomationSignal: sendAutomationSignal,
	ListDocuments: listDocuments,
	DescribeDocument: describeDocument,
	GetDocument: getDocument,
	ListDocumentVersions: listDocumentVersions,
	ListTagsForResource: listTagsForResource,
	AddTagsToResource: addTagsToResource,
	RemoveTagsFromResource: removeTagsFromResource,
	ListCommandInvocations: listCommandInvocations,
	GetCommandInvocation: getCommandInvocation,
};
