/**
 * createAppStore: the one vanilla zustand store (a factory, so each test gets a
 * fresh one). React reaches it through StoreProvider/useAppStore (ui/store-context.tsx).
 */
import {createStore, type StoreApi} from 'zustand/vanilla';
import type {AppData, ConnectionContext, SortState} from './state.js';
import {createDataActions, type DataActions} from './data-actions.js';
import {createUiActions, type UiActions} from './ui-actions.js';
import {createDialogActions, type DialogActions} from './dialog-actions.js';
import {createNoticeActions, type NoticeActions} from './notice-actions.js';
import {createViewerActions, type ViewerActions} from './viewer-actions.js';
import {createCommandActions, type CommandActions} from './command-actions.js';
import {createChildrenActions, type ChildrenActions} from './children-actions.js';
import {createBudgetActions, type BudgetActions} from './budget-actions.js';
import {createLocationsActions, type LocationsActions} from './location-rows.js';
import {noticesFor} from '../core/notifications.js';
import {contextLocations, executionLocationKey} from '../core/location.js';
import {selectSelectedExecution} from './selectors.js';

export type AppState = AppData & {
	readonly actions: DataActions &
		UiActions &
		DialogActions &
		NoticeActions &
		ViewerActions &
		CommandActions &
		ChildrenActions &
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

export function initialData(init: StoreInit): AppData {
	return {
		context: init.context,
		executions: {},
		details: {},
		childSteps: {},
		childErrors: {},
		regions: Object.fromEntries(
			contextLocations(init.context).map(({key, region, account}) => [
				key,
				{region, ...(account === undefined ? {} : {account}), throttled: false, calls: 0, inFlight: false, truncated: false},
			]),
		),
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
			...createBudgetActions(set),
			...createLocationsActions(set, get),
		},
	}));
	// The cursor is an execution, never a row number: the row under it is pinned by id, so a refresh
	// that adds a newer run above it, a new filter or a new sort keeps it. When its execution leaves the
	// rows (filtered out, gone), the neighbour shown in its place becomes the one under the cursor.
	store.subscribe(state => {
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
