/**
 * The shape of the one zustand store. Data (what AWS told us) and UI (where the
 * user is) live side by side so selectors can combine them, but their actions
 * are written in separate files: data-actions.ts and ui-actions.ts.
 * State stays serializable: no SDK clients, timers or React nodes.
 */
import type {ChoiceDialogState} from '../core/dialogs/execution-choice.js';
import type {Effect} from '../core/dialogs/effects.js';
import type {TextViewerState} from '../core/dialogs/text-viewer.js';
import type {Notice} from '../core/notifications.js';
import type {StartFormState} from '../core/dialogs/start-form-state.js';
import type {OnlyFailed} from '../core/start-form/rerun-prefill.js';
import type {Execution, ExecutionDetail, RegionState, StepExecution} from '../core/types.js';
import type {EventsFeed} from './event-actions.js';
import type {ExecutionColumnKey} from '../core/columns/execution-columns.js';
import type {WatchedAccount} from '../core/location.js';
import type {CommandInvocation, InvocationOutput} from '../core/command-output.js';

export interface ConnectionContext {
	/** Human label for the header: profile name, endpoint, or "local emulator". */
	readonly label: string;
	readonly regions: readonly string[];
	readonly readOnly: boolean;
	readonly local: boolean;
	readonly profile?: string;
	readonly endpoint?: string;
	/** Home account id when known (for the cross-account grid). */
	readonly account?: string;
	/** Target accounts whose child executions we can read (local mode: all). */
	readonly readableAccounts: 'all' | readonly string[];
	/**
	 * Set when several accounts are watched (`--profile a,b`, `--assume-role`): every account ×
	 * region is a location of its own (core/location.ts), keyed `ACCOUNT/REGION` in `regions`.
	 */
	readonly accounts?: readonly WatchedAccount[];
	/** The list refresh interval (--interval), so the header can tell stale data from a wait for the next refresh. */
	readonly refreshIntervalMs?: number;
}

/** Any execution list column (its registry declares how each one sorts). */
export type SortColumn = ExecutionColumnKey;

export interface SortState {
	readonly column: SortColumn;
	readonly descending: boolean;
}

/**
 * 'pulse': status counts per location over the last hour (P); 'command': a Run Command step's instances and output;
 * 'children': the target children of a rate-control parent; 'locations': every account × region and its health (L).
 */
export type Screen = 'list' | 'detail' | 'grid' | 'location' | 'pulse' | 'command' | 'children' | 'locations';

/** One instance's output as last read; `error` when the last read failed (the output kept). */
export interface OutputState {
	readonly output?: InvocationOutput;
	readonly error?: string;
}

/** What is known of one Run Command command: its invocations and the outputs read so far. */
export interface CommandState {
	readonly invocations?: readonly CommandInvocation[];
	/** The listing was cut at its page cap. */
	readonly truncated?: boolean;
	/** When the invocations were last read. */
	readonly loadedAt?: number;
	/** The last refresh of the invocations failed (the last good ones kept). */
	readonly error?: string;
	/** Per instance id. */
	readonly outputs: Readonly<Record<string, OutputState>>;
}

/** The children of a rate-control parent (DescribeAutomationExecutions, ParentExecutionId), read while its children screen is open. */
export interface ChildrenState {
	readonly executions?: readonly Execution[];
	readonly truncated?: boolean;
	readonly loadedAt?: number;
	/** The last read failed (the last good list kept). */
	readonly error?: string;
}

/** The aws:runCommand step open on the command screen. */
export interface OpenCommand {
	readonly executionId: string;
	readonly stepName: string;
	readonly commandId: string;
}

/**
 * One modal at a time, carrying its whole state: the help overlay, or an action dialog whose state
 * changes only through its pure transitions (core/dialogs), driven by dialogCommand / dialogEvent.
 */
export type Modal =
	| {readonly kind: 'none'}
	| {readonly kind: 'help'}
	/** The notifications pane: what needed attention, newest first, `cursor` on one. */
	| {readonly kind: 'notices'; readonly cursor: number}
	| {readonly kind: 'start'; readonly form: StartFormState}
	| {readonly kind: 'stop'; readonly dialog: ChoiceDialogState}
	| {readonly kind: 'signal'; readonly dialog: ChoiceDialogState}
	/** The full-text viewer (`v`): cut values whole, over the screen it was opened from. */
	| {readonly kind: 'viewer'; readonly viewer: TextViewerState};

/** What opens an action dialog. */
export type DialogRequest =
	| {readonly kind: 'start'}
	| {readonly kind: 'rerun'; readonly executionId: string; readonly onlyFailed?: OnlyFailed}
	| {readonly kind: 'stop'; readonly executionId: string}
	| {readonly kind: 'signal'; readonly executionId: string};

export interface Banner {
	readonly level: 'info' | 'warning' | 'error';
	readonly message: string;
	readonly at: number;
}

/** The process's request budget as the poller measures it (poller/budget-report.ts). */
export interface BudgetState {
	/** The limits in force (--max-calls-per-second, --max-concurrent-calls). */
	readonly callsPerSecond: number;
	readonly maxConcurrent: number;
	/** Calls that went out over the last minute. */
	readonly callsPerMinute: number;
	/** The same per location key (locations without calls in the last minute are absent). */
	readonly perLocation: Readonly<Record<string, number>>;
	/** Set while the budget's queue holds the list refreshes back: the interval they come at instead. */
	readonly stretchedIntervalMs?: number;
	readonly at: number;
}

export interface DataState {
	readonly context: ConnectionContext;
	/** Every execution we know of, keyed by execution id. Unchanged rows keep their object identity. */
	readonly executions: Readonly<Record<string, Execution>>;
	/** Full executions (GetAutomationExecution) for the ones opened in detail. */
	readonly details: Readonly<Record<string, ExecutionDetail>>;
	/** Steps of a child execution, keyed by child execution id (location drill-down). */
	readonly childSteps: Readonly<Record<string, readonly StepExecution[]>>;
	/** Per-location load problems: key `${parentId}/${account}/${region}` → message. */
	readonly childErrors: Readonly<Record<string, string>>;
	/** Polling health per location: keyed by region, or `ACCOUNT/REGION` when several accounts are watched. */
	readonly regions: Readonly<Record<string, RegionState>>;
	/** Run Command commands of aws:runCommand steps, by CommandId, read only while one is open. */
	readonly commands: Readonly<Record<string, CommandState>>;
	/** Target children of rate-control parents, by parent id. */
	readonly rateChildren?: Readonly<Record<string, ChildrenState>>;
	readonly paused: boolean;
	/** A context-wide problem, e.g. expired credentials: polling paused, data kept. */
	readonly banner?: Banner;
	/** With --events-queue: whether changes come as events or by polling, and the last event's time (store/event-actions.ts). */
	readonly eventsFeed?: EventsFeed;
	/** Absent until the poller first reports. */
	readonly budget?: BudgetState;
}

export interface UiState {
	readonly screen: Screen;
	/** Selected row of the list, by execution id (not index), so refreshes never move it. */
	readonly selectedId?: string;
	readonly sort: SortState;
	/** The applied filter expression (same syntax as --filter). */
	readonly filter: string;
	/** While the `/` prompt is open: what is being typed. List updates are held meanwhile. */
	readonly filterDraft?: string;
	/** The execution shown by detail/grid/location screens. */
	readonly openId?: string;
	readonly detailPane: 'steps' | 'info';
	readonly selectedStepIndex: number;
	/** The command screen's step, and the instance under its cursor (index into the invocations). */
	readonly openCommand?: OpenCommand;
	readonly selectedInstanceIndex?: number;
	/** The children screen's cursor; and, on a child's detail opened from there, its parent (Esc goes back to the children). */
	readonly selectedChildIndex?: number;
	readonly childrenOf?: string;
	/** On a child's detail opened from a cross-account run's location screen: that screen (Esc goes back to it). */
	readonly locationOf?: {readonly parentId: string; readonly cell: {readonly account: string; readonly region: string}; readonly stepIndex: number};
	/** The locations screen's cursor (an index into store/location-rows.ts selectLocationRows). */
	readonly selectedLocationIndex?: number;
	/** Grid cursor (account and region of the selected cell). */
	readonly gridCursor?: {readonly account: string; readonly region: string};
	readonly modal: Modal;
	/** Dialogs opened so far: the next one's id, so answers meant for a closed dialog are ignored. */
	readonly dialogSeq: number;
	/** Effects asked for and not yet taken by the effect runner (source/cli/effect-runner.ts). */
	readonly effects: readonly Effect[];
	/** Executions to tell about when they end: `w`, and every run started or re-run from ssmtop. */
	readonly watched: Readonly<Record<string, true>>;
	/** What needed attention, newest first (at most NOTICE_LIMIT). */
	readonly notices: readonly Notice[];
	/** A short-lived message in the footer (e.g. "refreshing…", "copied"). */
	readonly flash?: string;
	readonly viewport: {readonly columns: number; readonly rows: number};
}

export type AppData = DataState & UiState;
