import {describe, expect, it} from 'vitest';
import {
	selectFilterErrors,
	selectGridCursorCell,
	selectOpenGrid,
	selectSelectedExecution,
	selectSelectedIndex,
	selectStatusCounts,
	selectVisibleRows,
} from '../../source/store/selectors.js';
import {crossAccountDetail, execution, executions, NOW, storeWith} from '../ui/fixtures.js';

describe('selectVisibleRows', () => {
	it('filters and sorts, newest first by default', () => {
		const store = storeWith({rows: executions(5, n => ({status: n % 2 ? 'Failed' : 'Success'}))});
		expect(selectVisibleRows(store.getState()).map(row => row.documentName)).toEqual(['Doc-0', 'Doc-1', 'Doc-2', 'Doc-3', 'Doc-4']);
		store.getState().actions.filterSet('status:failed');
		expect(selectVisibleRows(store.getState()).map(row => row.documentName)).toEqual(['Doc-1', 'Doc-3']);
	});

	it('returns the same array while its inputs are the same', () => {
		const store = storeWith({rows: executions(3)});
		const first = selectVisibleRows(store.getState());
		store.getState().actions.viewportResized({columns: 120, rows: 40});
		expect(selectVisibleRows(store.getState())).toBe(first);
		store.getState().actions.sortChanged('reverse');
		expect(selectVisibleRows(store.getState())).not.toBe(first);
	});

	it('holds list updates while the filter prompt is open, previewing the draft', () => {
		const store = storeWith({rows: executions(3)});
		store.getState().actions.filterOpened();
		selectVisibleRows(store.getState());
		store.setState({executions: {...store.getState().executions, extra: execution(99, {id: 'extra'})}});
		expect(selectVisibleRows(store.getState())).toHaveLength(3);
		store.getState().actions.filterTyped('Doc-1');
		expect(selectVisibleRows(store.getState()).map(row => row.documentName)).toEqual(['Doc-1']);
		store.getState().actions.filterCancelled();
		expect(selectVisibleRows(store.getState())).toHaveLength(4);
	});

	it('gives each draft typed or erased in the prompt the rows a fresh filter gives it', () => {
		const store = storeWith({rows: executions(300, n => ({documentName: `Doc-${n % 37}`, status: n % 3 ? 'Success' : 'Failed'}))});
		const fresh = storeWith({rows: Object.values(store.getState().executions)});
		const names = (state: ReturnType<typeof store.getState>): string[] => selectVisibleRows(state).map(row => row.id);
		store.getState().actions.filterOpened();
		// Typed on (each draft narrows the one before), erased, and typed again differently.
		const drafts = [
			'd',
			'do',
			'doc',
			'doc-1',
			'doc-1 ',
			'doc-1 status:f',
			'doc-1 status:failed',
			'doc-1 ',
			'doc-1',
			'doc-',
			'doc-2',
			'doc-2 !doc-22',
			'doc-2',
			'!doc-2',
			'',
		];
		for (const draft of drafts) {
			store.getState().actions.filterTyped(draft);
			fresh.getState().actions.filterSet(draft);
			expect(names(store.getState()), draft).toEqual(names(fresh.getState()));
		}
	});

	it('reports filter errors', () => {
		const store = storeWith({rows: executions(2), filter: 'bogus:1'});
		expect(selectFilterErrors(store.getState())[0]).toMatch(/unknown column "bogus"/);
	});
});

describe('selection by id', () => {
	it('keeps the selected execution across refreshes that reorder rows', () => {
		const store = storeWith({rows: executions(5)});
		store.getState().actions.selectionMoved(2);
		const selected = selectSelectedExecution(store.getState());
		expect(selected?.documentName).toBe('Doc-2');
		// A newer execution arrives on top: the selection stays on Doc-2, now at index 3.
		store.setState({executions: {...store.getState().executions, newest: execution(-1, {id: 'newest', startTime: NOW})}});
		expect(selectSelectedExecution(store.getState())?.documentName).toBe('Doc-2');
		expect(selectSelectedIndex(store.getState())).toBe(3);
	});

	it('goes to the first row when a filter hides the selected one, and to its neighbour when it disappears', () => {
		const store = storeWith({rows: executions(5, n => ({status: n === 2 ? 'Failed' : 'Success'}))});
		store.getState().actions.selectionMoved(2);
		expect(selectSelectedExecution(store.getState())?.documentName).toBe('Doc-2');
		store.getState().actions.filterSet('!status:failed');
		expect(selectSelectedExecution(store.getState())?.documentName).toBe('Doc-0');
		store.getState().actions.filterSet('');
		store.getState().actions.selectionMoved('bottom');
		const {[store.getState().selectedId!]: _gone, ...rest} = store.getState().executions;
		store.setState({executions: rest});
		expect(selectSelectedExecution(store.getState())?.documentName).toBe('Doc-3');
	});

	it('moves by rows, pages and to either end, clamped', () => {
		const store = storeWith({rows: executions(100), viewport: {columns: 100, rows: 30}});
		const {actions} = store.getState();
		actions.selectionMoved(-1);
		expect(selectSelectedIndex(store.getState())).toBe(0);
		actions.selectionMoved({pages: 1});
		expect(selectSelectedIndex(store.getState())).toBe(23);
		actions.selectionMoved('bottom');
		expect(selectSelectedIndex(store.getState())).toBe(99);
		actions.selectionMoved(5);
		expect(selectSelectedIndex(store.getState())).toBe(99);
		actions.selectionMoved('top');
		expect(selectSelectedIndex(store.getState())).toBe(0);
	});

	it('is -1 on an empty list', () => {
		expect(selectSelectedIndex(storeWith().getState())).toBe(-1);
	});
});

describe('counts and grid', () => {
	it('counts executions by status group', () => {
		const store = storeWith({rows: executions(6, n => ({status: ['Success', 'Failed', 'InProgress', 'Waiting', 'Cancelled', 'TimedOut'][n]!}))});
		expect(selectStatusCounts(store.getState())).toEqual({running: 1, waiting: 1, success: 1, problem: 2, cancelled: 1, other: 0});
		expect(selectStatusCounts(store.getState())).toBe(selectStatusCounts(store.getState()));
	});

	it('builds the grid of the open execution and defaults the cursor to the first cell', () => {
		const detail = crossAccountDetail();
		const store = storeWith({rows: [detail], details: [detail]});
		store.getState().actions.screenOpened('detail', detail.id);
		expect(selectOpenGrid(store.getState()).accounts).toEqual(['111122223333', '444455556666', '777788889999']);
		expect(selectGridCursorCell(store.getState())).toMatchObject({account: '111122223333', region: 'eu-west-1'});
		store.getState().actions.gridCursorMoved({account: '444455556666', region: 'us-east-1'});
		expect(selectGridCursorCell(store.getState())?.status).toBe('InProgress');
	});
});

describe('grid cursor default', () => {
	it('starts on the first failed location when there is one', () => {
		const detail = crossAccountDetail();
		const steps = detail.steps.map((step, index) => (index === 1 ? {...step, status: 'Success'} : index === 3 ? {...step, status: 'TimedOut'} : step));
		const store = storeWith({rows: [detail], details: [{...detail, steps}]});
		store.getState().actions.screenOpened('grid', detail.id);
		expect(selectGridCursorCell(store.getState())).toMatchObject({account: '777788889999', region: 'eu-west-1', status: 'TimedOut'});
	});
});
