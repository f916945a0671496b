import {describe, expect, it} from 'vitest';
import {failedDetail, crossAccountDetail, executions, storeWith} from '../ui/fixtures.js';

describe('ui actions', () => {
	it('cycles and reverses the sort', () => {
		const store = storeWith();
		const {actions} = store.getState();
		expect(store.getState().sort).toEqual({column: 'started', descending: true});
		actions.sortChanged('next');
		expect(store.getState().sort).toEqual({column: 'duration', descending: true});
		actions.sortChanged('reverse');
		expect(store.getState().sort).toEqual({column: 'duration', descending: false});
		actions.sortChanged({column: 'id', descending: true});
		expect(store.getState().sort.column).toBe('id');
	});

	it('opens, types, applies and cancels the filter', () => {
		const store = storeWith({filter: 'doc:a'});
		const {actions} = store.getState();
		actions.filterOpened();
		expect(store.getState().filterDraft).toBe('doc:a');
		actions.filterTyped('status:failed ');
		actions.filterApplied();
		expect(store.getState()).toMatchObject({filter: 'status:failed', filterDraft: undefined});
		actions.filterOpened();
		actions.filterTyped('xyz');
		actions.filterCancelled();
		expect(store.getState()).toMatchObject({filter: 'status:failed', filterDraft: undefined});
		actions.filterTyped('ignored when closed');
		expect(store.getState().filterDraft).toBeUndefined();
	});

	it('toggles status quick filters', () => {
		const store = storeWith({filter: 'region:us'});
		const {actions} = store.getState();
		actions.statusQuickFilter('problem');
		expect(store.getState().filter).toBe('region:us status:problem');
		actions.statusQuickFilter('problem');
		expect(store.getState().filter).toBe('region:us');
	});

	it('walks screens down and back up', () => {
		const detail = crossAccountDetail();
		const store = storeWith({rows: [detail], details: [detail]});
		const {actions} = store.getState();
		actions.screenOpened('detail');
		expect(store.getState()).toMatchObject({screen: 'detail', openId: detail.id, selectedStepIndex: 0});
		actions.screenOpened('grid');
		actions.screenOpened('location');
		expect(store.getState().screen).toBe('location');
		actions.back();
		expect(store.getState().screen).toBe('grid');
		actions.back();
		actions.back();
		expect(store.getState().screen).toBe('list');
		actions.back();
		expect(store.getState().screen).toBe('list');
	});

	it('does not open the detail of an empty list', () => {
		const store = storeWith();
		store.getState().actions.screenOpened('detail');
		expect(store.getState().screen).toBe('list');
	});

	it('moves the step selection within the open execution', () => {
		const detail = failedDetail();
		const store = storeWith({rows: [detail], details: [detail]});
		const {actions} = store.getState();
		actions.screenOpened('detail');
		actions.stepSelected(1);
		expect(store.getState().selectedStepIndex).toBe(1);
		actions.stepSelected('bottom');
		expect(store.getState().selectedStepIndex).toBe(2);
		actions.stepSelected(10);
		expect(store.getState().selectedStepIndex).toBe(2);
		actions.stepSelected('top');
		expect(store.getState().selectedStepIndex).toBe(0);
	});

	it('toggles panes, pause, modals, flash and the viewport', () => {
		const store = storeWith({rows: executions(1)});
		const {actions} = store.getState();
		actions.paneToggled();
		expect(store.getState().detailPane).toBe('info');
		actions.pauseToggled();
		expect(store.getState().paused).toBe(true);
		actions.helpOpened();
		expect(store.getState().modal.kind).toBe('help');
		actions.modalClosed();
		expect(store.getState().modal.kind).toBe('none');
		actions.flashShown('refreshing…');
		expect(store.getState().flash).toBe('refreshing…');
		const before = store.getState();
		actions.viewportResized({columns: 100, rows: 30});
		expect(store.getState()).toBe(before);
		actions.viewportResized({columns: 80, rows: 24});
		expect(store.getState().viewport).toEqual({columns: 80, rows: 24});
	});
});
