/**
 * What the app asks of the outside world (effects) and what the outside world answers (events).
 * Pure transitions return effects as data; one effect runner (source/cli/effect-runner.ts) carries
 * them out through the ActionPort, the file system and the terminal, and reports each outcome back
 * to the store as a DialogEvent. So no view and no transition ever does I/O itself.
 */
import type {DocumentSummary, SignalType, StartRequest} from '../ports.js';
import type {ExecutionDetail, ParameterMap, TargetLocation} from '../types.js';
import type {ParseResult, RunbookMetadata} from '../start-form/parameter-spec.js';

/** Effects that change state in AWS: refused by --read-only, in the transitions and again in the runner. */
export const MUTATING_EFFECTS = new Set<Effect['kind']>(['startExecution', 'stopExecution', 'sendSignal']);

export type Effect =
	/*
	 * `account` (several accounts watched): the watched account whose credentials the call uses, the
	 * one the start form acts in; absent, the connection's own (home) account.
	 */
	| {readonly kind: 'listDocuments'; readonly dialogId: number; readonly account?: string; readonly region: string; readonly owner?: string}
	| {readonly kind: 'listDocumentVersions'; readonly dialogId: number; readonly account?: string; readonly region: string; readonly name: string}
	| {
			readonly kind: 'getDocument';
			readonly dialogId: number;
			readonly account?: string;
			readonly region: string;
			readonly name: string;
			readonly version?: string;
	  }
	/** A re-run from the list: the run's parameters are only in GetAutomationExecution. */
	| {readonly kind: 'getExecution'; readonly dialogId: number; readonly account?: string; readonly region: string; readonly executionId: string}
	| {readonly kind: 'listExecutionTags'; readonly dialogId: number; readonly account?: string; readonly region: string; readonly executionId: string}
	| {readonly kind: 'readFile'; readonly dialogId: number; readonly path: string}
	| {readonly kind: 'newClientToken'; readonly dialogId: number}
	| {readonly kind: 'startExecution'; readonly dialogId: number; readonly account?: string; readonly request: StartRequest}
	| {
			readonly kind: 'stopExecution';
			readonly dialogId: number;
			readonly region: string;
			readonly executionId: string;
			readonly type: 'Cancel' | 'Complete';
	  }
	| {
			readonly kind: 'sendSignal';
			readonly dialogId: number;
			readonly region: string;
			readonly executionId: string;
			readonly signal: SignalType;
			readonly payload?: ParameterMap;
	  }
	/** Put text on the clipboard (OSC 52 through the terminal); `what` names it in the footer ("execution id …"). */
	| {readonly kind: 'copy'; readonly dialogId?: number; readonly text: string; readonly what?: string}
	| {readonly kind: 'refresh'}
	| {readonly kind: 'loadOlder'}
	/** Ctrl-Z: give the terminal back to the shell until `fg`. */
	| {readonly kind: 'suspend'}
	/** Tell the person: the bell, and a desktop notification through the terminal (as --notify allows). */
	| {readonly kind: 'notify'; readonly title: string; readonly body: string};

/** The answer to an effect, for the dialog that asked (matched by its id). */
export type DialogEvent =
	| {
			readonly kind: 'documentsListed';
			readonly account?: string;
			readonly region: string;
			readonly owner?: string;
			readonly documents: readonly DocumentSummary[];
	  }
	| {readonly kind: 'documentsFailed'; readonly account?: string; readonly region: string; readonly owner?: string; readonly error: string}
	| {readonly kind: 'versionsListed'; readonly name: string; readonly versions: readonly string[]}
	| {readonly kind: 'versionsFailed'; readonly name: string; readonly error: string}
	| {
			readonly kind: 'documentRead';
			readonly account?: string;
			readonly region: string;
			readonly name: string;
			readonly version?: string;
			/** The content's parameters, parsed by the runner (the YAML parser loads with the first document read, not at launch). */
			readonly runbook: ParseResult<RunbookMetadata>;
			readonly description?: string;
	  }
	| {
			readonly kind: 'documentFailed';
			readonly account?: string;
			readonly region: string;
			readonly name: string;
			readonly version?: string;
			readonly error: string;
	  }
	| {readonly kind: 'executionRead'; readonly detail: ExecutionDetail}
	| {readonly kind: 'executionFailed'; readonly executionId: string; readonly error: string}
	| {readonly kind: 'tagsListed'; readonly tags: ReadonlyArray<{readonly key: string; readonly value: string}>}
	| {readonly kind: 'tagsFailed'; readonly error: string}
	/** The file's locations, parsed by the runner like a document's content. */
	| {readonly kind: 'fileRead'; readonly path: string; readonly locations: ParseResult<TargetLocation[]>}
	| {readonly kind: 'fileFailed'; readonly path: string; readonly error: string; readonly missing?: boolean}
	| {readonly kind: 'clientToken'; readonly token: string}
	/** `at`: when the service accepted it (the runner's clock), the new row's start until the list has it. */
	| {readonly kind: 'started'; readonly executionId: string; readonly at: number}
	| {readonly kind: 'startFailed'; readonly error: string; readonly exception?: string}
	| {readonly kind: 'stopped'}
	| {readonly kind: 'stopFailed'; readonly error: string}
	| {readonly kind: 'signalSent'}
	| {readonly kind: 'signalFailed'; readonly error: string}
	| {readonly kind: 'copied'};

/**
 * What a dialog's transition asks of the app around it: close the dialog (with a flash message),
 * or close it and land on the run it just started.
 */
export type Outcome =
	| {readonly kind: 'close'; readonly flash?: string}
	| {
			readonly kind: 'started';
			readonly executionId: string;
			/** The account it was started in (several accounts watched); absent, the home account. */
			readonly account?: string;
			readonly region: string;
			readonly documentName: string;
			readonly at: number;
			readonly flash: string;
	  };

export interface Transition<S> {
	readonly state: S;
	readonly effects: readonly Effect[];
	readonly outcome?: Outcome;
}

export function stay<S>(state: S, ...effects: Effect[]): Transition<S> {
	return {state, effects};
}
