// Every selector the store exports returns the same reference when asked twice about the same state,
// on every screen, with every dialog, with the filter prompt open: a selector that builds a new value
// per call re-renders its view forever (the stop dialog crashed the app that way, React error #185).
// The test walks the modules' exports, so a selector added later is covered without being listed here.
import {describe, expect, it} from 'vitest';
import * as dataSelectors from '../../source/store/data-selectors.js';
import * as dialogActions from '../../source/store/dialog-actions.js';
import * as noticeActions from '../../source/store/notice-actions.js';
import * as selectors from '../../source/store/selectors.js';
import type {AppState, AppStore} from '../../source/store/app-store.js';
import {crossAccountDetail, execution, executions, failedDetail, storeWith} from '../ui/fixtures.js';

type Selector = (state: AppState) => unknown;

const modules: Readonly<Record<string, Record<string, unknown>>> = {selectors, dataSelectors, dialogActions, noticeActions};

/** Every exported function named select…, from every store module that has selectors. */
function allSelectors(): Array<[string, Selector]> {
	return Object.entries(modules).flatMap(([module, exports]) =>
		Object.entries(exports)
			.filter(([name, value]) => name.startsWith('select') && typeof value === 'function')
			.map(([name, value]): [string, Selector] => [`${module}.${name}`, value as Selector]),
	);
}

/** A store in each situation the views can be in. */
function situations(): Array<[string, AppStore]> {
	const failed = failedDetail(1);
	const parent = crossAccountDetail(2);
	const waiting = execution(3, {status: 'Waiting', currentAction: 'aws:approve', currentStepName: 'approve'});
	const rows = [failed, parent, waiting, ...executions(20).slice(4)];
	const base = (): AppStore => storeWith({rows, details: [failed, parent]});
	const list = base();
	const detail = base();
	detail.getState().actions.screenOpened('detail', failed.id);
	const grid = base();
	grid.getState().actions.screenOpened('detail', parent.id);
	grid.getState().actions.screenOpened('grid');
	const location = base();
	location.getState().actions.screenOpened('detail', parent.id);
	location.getState().actions.screenOpened('location');
	const prompt = base();
	prompt.getState().actions.filterOpened();
	prompt.getState().actions.filterTyped('status:fail');
	const stop = base();
	stop.getState().actions.dialogOpened({kind: 'stop', executionId: waiting.id});
	const signal = base();
	signal.getState().actions.dialogOpened({kind: 'signal', executionId: waiting.id});
	const start = base();
	start.getState().actions.dialogOpened({kind: 'start'});
	const rerun = base();
	rerun.getState().actions.dialogOpened({kind: 'rerun', executionId: waiting.id});
	const help = base();
	help.getState().actions.helpOpened();
	return [
		['empty', storeWith()],
		['list', list],
		['detail', detail],
		['grid', grid],
		['location', location],
		['filter prompt', prompt],
		['stop dialog (no detail loaded)', stop],
		['signal dialog (no detail loaded)', signal],
		['start dialog', start],
		['re-run from the list', rerun],
		['help', help],
	];
}

describe('store selectors are stable', () => {
	const all = allSelectors();

	it('finds the selectors to check', () => {
		expect(all.map(([name]) => name)).toEqual(
			expect.arrayContaining(['selectors.selectVisibleRows', 'dataSelectors.selectRegionHealth', 'dialogActions.selectDialogFocus']),
		);
	});

	for (const [situation, store] of situations()) {
		it(`returns the same reference for the same state: ${situation}`, () => {
			const state = store.getState();
			const unstable = all.filter(([, select]) => !Object.is(select(state), select(state))).map(([name]) => name);
			expect(unstable).toEqual([]);
		});
	}
});
