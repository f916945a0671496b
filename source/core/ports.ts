/**
 * What the views may ask of the outside world, as an interface. cli.tsx hands an
 * implementation (built on source/aws and the poller) to the UI through React
 * context, so views never import the SDK and tests can pass a fake or a real one.
 * Every method resolves or rejects with an Error whose message is fit for a person.
 */
import type {AlarmConfiguration, ExecutionDetail, ParameterMap, Target, TargetLocation} from './types.js';

export interface StartRequest {
	readonly region: string;
	readonly documentName: string;
	readonly documentVersion?: string;
	readonly parameters?: ParameterMap;
	readonly mode?: 'Auto' | 'Interactive';
	readonly targetParameterName?: string;
	readonly targets?: readonly Target[];
	readonly targetMaps?: ReadonlyArray<ParameterMap>;
	readonly maxConcurrency?: string;
	readonly maxErrors?: string;
	readonly targetLocations?: readonly TargetLocation[];
	readonly targetLocationsURL?: string;
	readonly tags?: ReadonlyArray<{readonly key: string; readonly value: string}>;
	readonly alarmConfiguration?: AlarmConfiguration;
	/** UUID generated once per form so a repeated submit never starts two runs. */
	readonly clientToken: string;
}

export type SignalType = 'Approve' | 'Reject' | 'StartStep' | 'StopStep' | 'Resume';

export interface DocumentSummary {
	readonly name: string;
	readonly owner?: string;
	readonly documentVersion?: string;
	readonly versionName?: string;
	readonly displayName?: string;
}

export interface DocumentDefinition {
	readonly name: string;
	readonly documentVersion?: string;
	readonly defaultVersion?: string;
	readonly latestVersion?: string;
	readonly description?: string;
	/** The runbook content (YAML or JSON text) from GetDocument, parsed by core for parameter metadata. */
	readonly content: string;
	readonly format?: string;
}

export interface ActionPort {
	startExecution(request: StartRequest): Promise<{executionId: string}>;
	stopExecution(region: string, executionId: string, type: 'Complete' | 'Cancel'): Promise<void>;
	sendSignal(region: string, executionId: string, signal: SignalType, payload?: ParameterMap): Promise<void>;
	listDocuments(region: string, options?: {owner?: string; namePrefix?: string}): Promise<readonly DocumentSummary[]>;
	listDocumentVersions(region: string, name: string): Promise<readonly string[]>;
	getDocument(region: string, name: string, version?: string): Promise<DocumentDefinition>;
	/**
	 * The tags an execution was started with (ListTagsForResource, ResourceType Automation):
	 * GetAutomationExecution carries none, and a re-run should keep them. Optional so that
	 * fakes and ports that cannot read tags still fit; the form then pre-fills no tags.
	 */
	listExecutionTags?(region: string, executionId: string): Promise<ReadonlyArray<{readonly key: string; readonly value: string}>>;
	/**
	 * One execution in full (GetAutomationExecution): a re-run from the list needs its parameters,
	 * which list rows do not carry. Optional for fakes; the form then asks for the runbook by hand.
	 */
	getExecution?(region: string, executionId: string): Promise<ExecutionDetail>;
	/**
	 * The same port acting in another watched account, with that account's credentials (several
	 * accounts watched: a run started or re-run in a member account). Optional for fakes and for
	 * one account; asked for an account it cannot act in, its calls reject rather than act elsewhere.
	 */
	inAccount?(account: string): ActionPort;
	/** Ask the poller to refresh now (manual refresh, or after an action). */
	refreshNow(): void;
	/**
	 * Load the next batch of older history in every region whose listing stopped at the
	 * page cap (the list asks when the cursor reaches its last row). Optional for fakes.
	 */
	loadOlder?(): void;
}

/**
 * What ActionPort methods reject with: a message fit for a person, plus the
 * service's exception name when there is one, so a view can react to a
 * specific refusal (e.g. IdempotentParameterMismatch) without parsing text.
 */
export class ActionError extends Error {
	override readonly name = 'ActionError';

	constructor(
		message: string,
		readonly exception?: string,
		options?: {cause?: unknown},
	) {
		super(message, options);
	}
}
