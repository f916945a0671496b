/**
 * createAppStore: the one vanilla zustand store (a factory, so each test gets a
 * fresh one). React reaches it through StoreProvider/useAppStore (ui/store-context.tsx).
 */
import {createStore, type StoreApi} from 'zustand/vanilla';
import type {AppData, ConnectionContext, SortState} from './state.js';
import {createDataActions, FIRST_PAGES, unrefreshedLocation, type DataActions} from './data-actions.js';
import {createUiActions, type UiActions} from './ui-actions.js';
import {createDialogActions, type DialogActions} from './dialog-actions.js';
import {createNoticeActions, type NoticeActions} from './notice-actions.js';
import {createViewerActions, type ViewerActions} from './viewer-actions.js';
import {createCommandActions, type CommandActions} from './command-actions.js';
import {createChildrenActions, type ChildrenActions} from './children-actions.js';
import {createEventActions, type EventActions} from './event-actions.js';
import {createBudgetActions, type BudgetActions} from './budget-actions.js';
import {createLocationsActions, type LocationsActions} from './location-rows.js';
import {noticesFor} from '../core/notifications.js';
import {contextLocations, executionLocationKey} from '../core/location.js';
import {selectSelectedExecution, selectVisibleRows} from './selectors.js';

export type AppState = AppData & {
	readonly actions: DataActions &
		UiActions &
		DialogActions &
		NoticeActions &
		ViewerActions &
		CommandActions &
		ChildrenActions &
		EventActions &
		BudgetActions &
		LocationsActions;
};
export type AppStore = StoreApi<AppState>;
export type SetState = StoreApi<AppState>['setState'];
export type GetState = StoreApi<AppState>['getState'];

export interface StoreInit {
	readonly context: ConnectionContext;
	readonly filter?: string;
	readonly sort?: SortState;
	readonly viewport?: {readonly columns: number; readonly rows: number};
}

/** Every location (account × region) of the context, each not yet refreshed. */
export function locationsOf(context: ConnectionContext): AppData['regions'] {
	return Object.fromEntries(contextLocations(context).map(({key, region, account}) => [key, unrefreshedLocation(region, account)]));
}

/**
 * This update is a location's first listing, after another location's: the first listing is
 * still coming in, location by location. (A refresh of a location listed before is not.)
 */
function anotherFirstListing(state: AppData, previous: AppData): boolean {
	let listedBefore = false;
	let firstNow = false;
	for (const {key} of contextLocations(state.context)) {
		const before = previous.regions[key]?.lastSuccessAt;
		if (before !== undefined) listedBefore = true;
		else if (state.regions[key]?.lastSuccessAt !== undefined) firstNow = true;
	}

	return listedBefore && firstNow;
}

export function initialData(init: StoreInit): AppData {
	return {
		context: init.context,
		executions: {},
		details: {},
		childSteps: {},
		childErrors: {},
		regions: locationsOf(init.context),
		commands: {},
		paused: false,
		screen: 'list',
		sort: init.sort ?? {column: 'started', descending: true},
		filter: init.filter ?? '',
		detailPane: 'steps',
		selectedStepIndex: 0,
		modal: {kind: 'none'},
		dialogSeq: 0,
		effects: [],
		watched: {},
		notices: [],
		viewport: init.viewport ?? {columns: 100, rows: 30},
	};
}

export function createAppStore(init: StoreInit): AppStore {
	const store = createStore<AppState>()((set, get) => ({
		...initialData(init),
		actions: {
			...createDataActions(set, get),
			...createUiActions(set, get),
			...createDialogActions(set, get),
			...createNoticeActions(set, get),
			...createViewerActions(set, get),
			...createCommandActions(set, get),
			...createChildrenActions(set, get),
			...createEventActions(set, get),
			...createBudgetActions(set, get),
			...createLocationsActions(set, get),
		},
	}));
	// The cursor is an execution, never a row number: the row under it is pinned by id, so a refresh
	// that adds a newer run above it, a new filter or a new sort keeps it. When its execution leaves the
	// rows (filtered out, gone), the neighbour shown in its place becomes the one under the cursor.
	store.subscribe((state, previous) => {
		// While the first listing still arrives location by location (an organisation's dozens), and page by page, a cursor on
		// the top row stays on the top row as each location's first rows come in, rather than riding the
		// first location's rows down. Later refreshes keep the cursor on its execution, as always.
		if (
			state.executions !== previous.executions &&
			state.context === previous.context &&
			(FIRST_PAGES.has(state.executions) || anotherFirstListing(state, previous))
		) {
			const top = selectVisibleRows(state)[0];
			const previousTop = selectVisibleRows(previous)[0];
			if (top && previousTop?.id === state.selectedId && top.id !== state.selectedId) {
				store.setState({selectedId: top.id});
				return;
			}
		}

		const shown = selectSelectedExecution(state);
		if (shown && shown.id !== state.selectedId) store.setState({selectedId: shown.id});
	});
	// What changed between two refreshes may need a person: a watched run ended, a run waits for someone.
	store.subscribe((state, previous) => {
		if (state.executions === previous.executions) return;
		const notices = noticesFor({
			previous: previous.executions,
			next: state.executions,
			watched: state.watched,
			listedBefore: (region, account) => previous.regions[executionLocationKey(previous.context, {region, account})]?.lastSuccessAt !== undefined,
			at: Math.max(0, ...Object.values(state.regions).map(region => region.lastSuccessAt ?? 0)),
		});
		if (notices.length > 0) state.actions.noticesRaised(notices);
	});
	return store;
}
