/**
 * The ActionPort over @aws-sdk/client-ssm: start, stop and signal executions,
 * and the runbook catalogue for the start form. Requests are built by
 * core/start-form (apiStartInput), so the CLI command the review step shows
 * is exactly what is sent. Every rejection is an ActionError.
 */
import {
	DescribeDocumentCommand,
	GetDocumentCommand,
	ListTagsForResourceCommand,
	paginateListDocuments,
	paginateListDocumentVersions,
	SendAutomationSignalCommand,
	StartAutomationExecutionCommand,
	StopAutomationExecutionCommand,
	type DocumentKeyValuesFilter,
	type SSMClient,
} from '@aws-sdk/client-ssm';
import type {ActionPort, DocumentDefinition, DocumentSummary} from '../core/ports.js';
import {apiStartInput} from '../core/start-form/api-shape.js';
import {describeActionError} from './actions/describe-action-error.js';

export interface ActionPortOptions {
	/** The home-account client for a region (AwsApi.homeClient). */
	readonly client: (region: string) => SSMClient;
	/** Ask the poller for a refresh after an action changed something. */
	readonly refreshNow?: () => void;
	/** Cap on runbooks listed, so a catalogue of thousands stays quick. Default 500. */
	readonly maxDocuments?: number;
}

/**
 * Answers meaning "this endpoint or these credentials won't list versions" rather than
 * "this runbook has a problem": the version picker then falls back to DescribeDocument.
 */
const VERSIONS_REFUSED = new Set(['UnknownOperationException', 'InvalidAction', 'NotImplemented', 'AccessDeniedException']);

/**
 * The clients' request timeout follows the refresh interval (a couple of seconds), which suits
 * the poller's reads but not a write whose outcome would be unknown if cut, nor a large runbook:
 * the user's own actions wait up to this long per request.
 */
const ACTION_CALL = {requestTimeout: 30_000} as const;

async function attempt<T>(what: string, region: string, call: () => Promise<T>): Promise<T> {
	try {
		return await call();
	} catch (error) {
		throw describeActionError(error, what, region);
	}
}

export function createActionPort(options: ActionPortOptions): ActionPort {
	const refresh = (): void => options.refreshNow?.();
	const maxDocuments = options.maxDocuments ?? 500;

	return {
		async startExecution(request) {
			const result = await attempt(`start ${request.documentName}`, request.region, async () =>
				options.client(request.region).send(new StartAutomationExecutionCommand(apiStartInput(request)), ACTION_CALL),
			);
			if (!result.AutomationExecutionId) throw describeActionError(new Error('SSM returned no execution id.'), `start ${request.documentName}`, request.region);
			refresh();
			return {executionId: result.AutomationExecutionId};
		},

		async stopExecution(region, executionId, type) {
			await attempt(`${type === 'Cancel' ? 'cancel' : 'complete'} execution ${executionId}`, region, async () =>
				options.client(region).send(new StopAutomationExecutionCommand({AutomationExecutionId: executionId, Type: type}), ACTION_CALL),
			);
			refresh();
		},

		async sendSignal(region, executionId, signal, payload) {
			await attempt(`send ${signal} to execution ${executionId}`, region, async () =>
				options.client(region).send(
					new SendAutomationSignalCommand({
						AutomationExecutionId: executionId,
						SignalType: signal,
						...(payload && Object.keys(payload).length > 0
							? {Payload: Object.fromEntries(Object.entries(payload).map(([key, values]) => [key, [...values]]))}
							: {}),
					}),
					ACTION_CALL,
				),
			);
			refresh();
		},

		async listDocuments(region, listOptions = {}) {
			const filters: DocumentKeyValuesFilter[] = [{Key: 'DocumentType', Values: ['Automation']}];
			if (listOptions.owner) filters.push({Key: 'Owner', Values: [listOptions.owner]});
			if (listOptions.namePrefix) filters.push({Key: 'Name', Values: [listOptions.namePrefix]});
			return attempt('list runbooks', region, async () => {
				const documents: DocumentSummary[] = [];
				for await (const page of paginateListDocuments({client: options.client(region), pageSize: 50}, {Filters: filters}, ACTION_CALL)) {
					for (const identifier of page.DocumentIdentifiers ?? []) {
						if (!identifier.Name) continue;
						documents.push({
							name: identifier.Name,
							...(identifier.Owner ? {owner: identifier.Owner} : {}),
							...(identifier.DocumentVersion ? {documentVersion: identifier.DocumentVersion} : {}),
							...(identifier.VersionName ? {versionName: identifier.VersionName} : {}),
							...(identifier.DisplayName ? {displayName: identifier.DisplayName} : {}),
						});
					}
					if (documents.length >= maxDocuments) break;
				}
				return documents.slice(0, maxDocuments).sort((a, b) => a.name.localeCompare(b.name));
			});
		},

		async listDocumentVersions(region, name) {
			return attempt(`list the versions of ${name}`, region, async () => {
				const versions: string[] = [];
				try {
					for await (const page of paginateListDocumentVersions({client: options.client(region), pageSize: 50}, {Name: name}, ACTION_CALL)) {
						for (const version of page.DocumentVersions ?? []) if (version.DocumentVersion) versions.push(version.DocumentVersion);
					}
				} catch (error) {
					// Endpoints without ListDocumentVersions (some emulators), or a policy without
					// ssm:ListDocumentVersions: versions run 1..LatestVersion.
					if (!VERSIONS_REFUSED.has(String((error as {name?: unknown}).name))) throw error;
					const {Document} = await options.client(region).send(new DescribeDocumentCommand({Name: name}), ACTION_CALL);
					const latest = Number(Document?.LatestVersion ?? 0);
					for (let version = latest; version >= 1; version--) versions.push(String(version));
				}
				return [...new Set(versions)].sort((a, b) => Number(b) - Number(a));
			});
		},

		async getDocument(region, name, version) {
			return attempt(`read runbook ${name}`, region, async () => {
				const client = options.client(region);
				const versionInput = version ? {DocumentVersion: version} : {};
				const [document, description] = await Promise.all([
					client.send(new GetDocumentCommand({Name: name, ...versionInput}), ACTION_CALL),
					// Default and latest version numbers are only in DescribeDocument; the form works without them.
					client.send(new DescribeDocumentCommand({Name: name, ...versionInput}), ACTION_CALL).then(
						result => result.Document,
						() => undefined,
					),
				]);
				const definition: DocumentDefinition = {
					name: document.Name ?? name,
					...(document.DocumentVersion ? {documentVersion: document.DocumentVersion} : {}),
					...(description?.DefaultVersion ? {defaultVersion: description.DefaultVersion} : {}),
					...(description?.LatestVersion ? {latestVersion: description.LatestVersion} : {}),
					...(description?.Description ? {description: description.Description} : {}),
					content: document.Content ?? '',
					...(document.DocumentFormat ? {format: document.DocumentFormat} : {}),
				};
				return definition;
			});
		},

		async listExecutionTags(region, executionId) {
			return attempt(`read the tags of execution ${executionId}`, region, async () => {
				const {TagList} = await options.client(region).send(new ListTagsForResourceCommand({ResourceType: 'Automation', ResourceId: executionId}), ACTION_CALL);
				return (TagList ?? []).flatMap(tag => (tag.Key ? [{key: tag.Key, value: tag.Value ?? ''}] : []));
			});
		},

		refreshNow: refresh,
	};
}
