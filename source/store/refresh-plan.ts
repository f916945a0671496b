/**
 * What the poller should keep fresh, derived from where the user is: the one place that turns
 * UI state (screen, open execution, grid cursor, the `/` prompt, pause) into refresh work, so
 * the poller reads no UI field itself. The plan is a plain value with a stable reference: the
 * same plan object (and the same `open`/`child` objects) while nothing in it changes, so the
 * poller can tell by reference what to run.
 */
import {isInvocationFinal} from '../core/command-output.js';
import {isFinal} from '../core/status.js';
import type {AppState} from './app-store.js';
import {selectOpenCommand} from './command-actions.js';
import {selectGridCursorCell, selectSelectedIndex, selectVisibleRows} from './selectors.js';
import {executionLocationKey} from '../core/location.js';

/**
 * - live: the list is on screen: every region refreshes every interval;
 * - background: a detail, grid or location screen covers the list: the regions refresh less often,
 *   for the header's counts and health only (still short of "stale"), and catch up on the way back;
 * - held: the `/` filter prompt is open and the list holds still while one types;
 * - paused: after `p`, or after refused credentials: nothing refreshes by itself.
 */
export type ListPlan = 'live' | 'background' | 'held' | 'paused';

/**
 * Behind a detail, grid or location screen the regions refresh every this many list intervals:
 * only the header's health shows their data there (the open execution has its own loop), and the
 * list catches up the moment it is back. The header's "stale" follows it (data-selectors.ts).
 */
export const BACKGROUND_INTERVALS = 4;

/**
 * How a target is refreshed:
 * - live: every detail interval, while it can still change (not loaded yet, or not final);
 * - once: paused, and not loaded yet: load it once now (opening it is an explicit request);
 * - manual: paused and loaded: only a manual refresh (`r`) reads it again.
 */
export type TargetRefresh = 'live' | 'once' | 'manual';

export interface OpenTarget {
	readonly executionId: string;
	readonly region: string;
	/** The account it was listed in, when several accounts are watched: it is read with that account's credentials. */
	readonly account?: string;
	readonly refresh: TargetRefresh;
}

export interface ChildTarget {
	readonly parentId: string;
	readonly account: string;
	readonly region: string;
	readonly executionId: string;
	readonly refresh: TargetRefresh;
}

/** On the command screen: the command's invocations, and the output of the instance under the cursor. */
export interface CommandTarget {
	readonly commandId: string;
	readonly region: string;
	/** Absent until the invocations are known. */
	readonly instanceId?: string;
	readonly refresh: TargetRefresh;
}

/** On the children screen: the rate-control parent whose children to list. */
export interface ChildrenTarget {
	readonly parentId: string;
	readonly region: string;
	readonly refresh: TargetRefresh;
}

export interface RefreshPlan {
	readonly list: ListPlan;
	/** The execution on the detail, grid or location screen; absent when nothing is open or it is loaded and final. */
	readonly open?: OpenTarget;
	/** On the location screen, the child execution under the grid cursor; absent when loaded and final. */
	readonly child?: ChildTarget;
	/** On the command screen; absent when its invocations and that output are loaded and final. */
	readonly command?: CommandTarget;
	/** On the children screen; absent when they are loaded and the parent and every child are final. */
	readonly children?: ChildrenTarget;
	/**
	 * While the list is on screen with more than one location: the locations of the rows that may
	 * be on screen (a terminal's height either side of the cursor, which the list's window always
	 * holds). Their refreshes go ahead of the other locations' in the request budget.
	 */
	readonly visibleLocations?: ReadonlySet<string>;
}

const OPEN_SCREENS: ReadonlySet<string> = new Set(['detail', 'grid', 'location', 'command', 'children']);

function targetRefresh(paused: boolean, loaded: boolean): TargetRefresh {
	if (!paused) return 'live';
	return loaded ? 'manual' : 'once';
}

function openTarget(state: AppState): OpenTarget | undefined {
	const id = state.openId;
	if (id === undefined || !OPEN_SCREENS.has(state.screen)) return undefined;
	const detail = state.details[id];
	const region = detail?.region ?? state.executions[id]?.region;
	if (region === undefined) return undefined;
	if (detail && isFinal(detail.status)) return undefined;
	const account = state.context.accounts ? (detail?.account ?? state.executions[id]?.account) : undefined;
	return {executionId: id, region, ...(account === undefined ? {} : {account}), refresh: targetRefresh(state.paused, detail !== undefined)};
}

function childTarget(state: AppState): ChildTarget | undefined {
	if (state.screen !== 'location' || state.openId === undefined) return undefined;
	const cell = selectGridCursorCell(state);
	if (!cell?.childExecutionId) return undefined;
	const loaded = state.childSteps[cell.childExecutionId] !== undefined;
	if (loaded && isFinal(cell.status)) return undefined;
	return {
		parentId: state.openId,
		account: cell.account,
		region: cell.region,
		executionId: cell.childExecutionId,
		refresh: targetRefresh(state.paused, loaded),
	};
}

function commandTarget(state: AppState): CommandTarget | undefined {
	const open = state.openCommand;
	if (state.screen !== 'command' || !open) return undefined;
	const region = state.details[open.executionId]?.region ?? state.executions[open.executionId]?.region;
	const selected = selectOpenCommand(state);
	if (region === undefined || !selected) return undefined;
	const {command, instanceId} = selected;
	const invocations = command.invocations;
	const output = instanceId === undefined ? undefined : command.outputs[instanceId]?.output;
	const loaded = invocations !== undefined && (instanceId === undefined || output !== undefined);
	// While the step runs, its command may still reach more instances (or none yet).
	const step = state.details[open.executionId]?.steps.find(candidate => candidate.stepName === open.stepName);
	const settled =
		loaded &&
		step !== undefined &&
		isFinal(step.status) &&
		invocations.every(invocation => isInvocationFinal(invocation.status)) &&
		(output === undefined || isInvocationFinal(output.status));
	if (settled && command.error === undefined && (instanceId === undefined || command.outputs[instanceId]?.error === undefined)) return undefined;
	return {commandId: open.commandId, region, ...(instanceId === undefined ? {} : {instanceId}), refresh: targetRefresh(state.paused, loaded)};
}

function childrenTarget(state: AppState): ChildrenTarget | undefined {
	const parentId = state.openId;
	if (state.screen !== 'children' || parentId === undefined) return undefined;
	const parent = state.details[parentId] ?? state.executions[parentId];
	if (!parent) return undefined;
	const known = state.rateChildren?.[parentId];
	const loaded = known?.executions !== undefined;
	if (loaded && known.error === undefined && isFinal(parent.status) && known.executions!.every(child => isFinal(child.status))) return undefined;
	return {parentId, region: parent.region, refresh: targetRefresh(state.paused, loaded)};
}

function sameChildren(a: ChildrenTarget | undefined, b: ChildrenTarget | undefined): boolean {
	return a === b || (a !== undefined && b !== undefined && a.parentId === b.parentId && a.region === b.region && a.refresh === b.refresh);
}

function sameCommand(a: CommandTarget | undefined, b: CommandTarget | undefined): boolean {
	return (
		a === b ||
		(a !== undefined && b !== undefined && a.commandId === b.commandId && a.region === b.region && a.instanceId === b.instanceId && a.refresh === b.refresh)
	);
}

function sameOpen(a: OpenTarget | undefined, b: OpenTarget | undefined): boolean {
	return (
		a === b ||
		(a !== undefined && b !== undefined && a.executionId === b.executionId && a.region === b.region && a.account === b.account && a.refresh === b.refresh)
	);
}

function sameChild(a: ChildTarget | undefined, b: ChildTarget | undefined): boolean {
	return (
		a === b ||
		(a !== undefined &&
			b !== undefined &&
			a.parentId === b.parentId &&
			a.account === b.account &&
			a.region === b.region &&
			a.executionId === b.executionId &&
			a.refresh === b.refresh)
	);
}

function visibleLocations(state: AppState): ReadonlySet<string> | undefined {
	if (state.screen !== 'list' || !state.context.accounts) return undefined;
	const rows = selectVisibleRows(state);
	const cursor = Math.max(0, selectSelectedIndex(state));
	const reach = state.viewport.rows;
	const keys = new Set<string>();
	for (const row of rows.slice(Math.max(0, cursor - reach), cursor + reach + 1)) keys.add(executionLocationKey(state.context, row));
	return keys;
}

function sameSet(a: ReadonlySet<string> | undefined, b: ReadonlySet<string> | undefined): boolean {
	if (a === b) return true;
	if (!a || !b || a.size !== b.size) return false;
	for (const key of a) if (!b.has(key)) return false;
	return true;
}

/** The last plan per store, keyed on the store's `actions` (the one value that lives as long as the store). */
const lastPlans = new WeakMap<object, RefreshPlan>();
/**
 * The plan of the last state it was made from, per store: the poller asks several times per
 * refresh, and with an organisation's locations each ask walked the rows on screen for their locations.
 */
const planOfState = new WeakMap<object, {readonly state: AppState; readonly plan: RefreshPlan}>();

export function selectRefreshPlan(state: AppState): RefreshPlan {
	const made = planOfState.get(state.actions);
	if (made?.state === state) return made.plan;
	const plan = makeRefreshPlan(state);
	planOfState.set(state.actions, {state, plan});
	return plan;
}

function makeRefreshPlan(state: AppState): RefreshPlan {
	const previous = lastPlans.get(state.actions);
	const list: ListPlan = state.paused ? 'paused' : state.filterDraft !== undefined ? 'held' : state.screen === 'list' ? 'live' : 'background';
	const freshOpen = openTarget(state);
	const freshChild = childTarget(state);
	// Keep the previous objects when equal: the poller compares by reference.
	const open = sameOpen(previous?.open, freshOpen) ? previous?.open : freshOpen;
	const child = sameChild(previous?.child, freshChild) ? previous?.child : freshChild;
	const freshCommand = commandTarget(state);
	const command = sameCommand(previous?.command, freshCommand) ? previous?.command : freshCommand;
	const freshChildren = childrenTarget(state);
	const children = sameChildren(previous?.children, freshChildren) ? previous?.children : freshChildren;
	const freshVisible = visibleLocations(state);
	const visible = sameSet(previous?.visibleLocations, freshVisible) ? previous?.visibleLocations : freshVisible;
	if (
		previous &&
		previous.list === list &&
		previous.open === open &&
		previous.child === child &&
		previous.command === command &&
		previous.children === children &&
		previous.visibleLocations === visible
	)
		return previous;
	const plan: RefreshPlan = {
		list,
		...(open ? {open} : {}),
		...(child ? {child} : {}),
		...(command ? {command} : {}),
		...(children ? {children} : {}),
		...(visible ? {visibleLocations: visible} : {}),
	};
	lastPlans.set(state.actions, plan);
	return plan;
}

/**
 * With events (--events-queue): of the executions an event just moved, those whose detail to read
 * now besides the open one (which the poller reads itself): the watched runs (`w`), so a watched
 * run's ending is told with its failure and outputs. Nothing else costs a call per change.
 */
export function selectDetailsWantedOnChange(state: AppState, changed: ReadonlySet<string>): readonly string[] {
	const openId = OPEN_SCREENS.has(state.screen) ? state.openId : undefined;
	return [...changed].filter(id => id !== openId && state.watched[id] === true && state.executions[id] !== undefined);
}
