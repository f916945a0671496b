// Issue 11: an organisation's locations are listed one after another at start; a cursor nobody
// moved stays on the top row meanwhile, instead of riding the first location's rows down the list.
import {describe, expect, it} from 'vitest';
import {selectSelectedExecution} from '../../source/store/selectors.js';
import {execution, NOW, storeWith} from '../ui/fixtures.js';

const regions = ['us-east-1', 'eu-west-1'];

describe('the cursor during the first listing', () => {
	it('stays on the top row while locations still arrive, then is pinned by id', () => {
		const store = storeWith({context: {label: 'x', regions, readOnly: false, local: true, readableAccounts: 'all'}});
		const {actions} = store.getState();
		// us-east-1 first: its newest run is on top and under the cursor.
		actions.pollSucceeded('us-east-1', [execution(5), execution(6)], {at: NOW});
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(5).id);
		// eu-west-1 brings newer runs: the cursor is still on the top row.
		actions.pollSucceeded('eu-west-1', [execution(1, {region: 'eu-west-1'}), execution(7, {region: 'eu-west-1'})], {at: NOW});
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(1).id);
		// Every location listed: a newer run no longer takes the cursor (it stays with its execution).
		actions.pollSucceeded('us-east-1', [execution(0)], {at: NOW + 5000});
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(1).id);
	});

	it('stays on the top row while a first listing arrives page by page', () => {
		const store = storeWith({context: {label: 'x', regions, readOnly: false, local: true, readableAccounts: 'all'}});
		const {actions} = store.getState();
		// us-east-1's first page, then eu-west-1's with newer runs, before either location has listed all its pages.
		actions.firstPagesListed('us-east-1', [execution(5), execution(6)]);
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(5).id);
		actions.firstPagesListed('eu-west-1', [execution(1, {region: 'eu-west-1'})]);
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(1).id);
		actions.pollSucceeded('us-east-1', [execution(5), execution(6), execution(8)], {at: NOW});
		actions.pollSucceeded('eu-west-1', [execution(1, {region: 'eu-west-1'}), execution(0, {region: 'eu-west-1'})], {at: NOW});
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(0).id);
	});

	it('a cursor the user moved stays with its execution while locations arrive', () => {
		const store = storeWith({context: {label: 'x', regions, readOnly: false, local: true, readableAccounts: 'all'}});
		const {actions} = store.getState();
		actions.pollSucceeded('us-east-1', [execution(5), execution(6)], {at: NOW});
		actions.selectionMoved(1);
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(6).id);
		actions.pollSucceeded('eu-west-1', [execution(1, {region: 'eu-west-1'})], {at: NOW});
		expect(selectSelectedExecution(store.getState())?.id).toBe(execution(6).id);
	});
});
