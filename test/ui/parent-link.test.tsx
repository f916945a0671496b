/**
 * Issue 11: a cross-account parent and its children in member accounts, linked both ways: the
 * parent's grid → a location → Enter opens the child's own detail (listed in its member account);
 * the child's detail names its parent and the parent's account, and `u` opens the parent.
 */
import {afterEach, describe, expect, it} from 'vitest';
import type {WatchedAccount} from '../../source/core/location.js';
import type {ConnectionContext} from '../../source/store/state.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {awsContext, crossAccountDetail, execution, executionId, NOW, step, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const ACCOUNTS: WatchedAccount[] = [
	{account: '123456789012', label: 'acme-management'},
	{account: '111122223333', label: 'prod-payments'},
];
const context: ConnectionContext = {
	...awsContext,
	account: '123456789012',
	label: '2 accounts',
	regions: ['us-east-1', 'eu-west-1'],
	accounts: ACCOUNTS,
	readableAccounts: ACCOUNTS.map(entry => entry.account),
};

const parent = {...crossAccountDetail(2), account: '123456789012', accountName: 'acme-management'};
// The failed location's child (111122223333 / eu-west-1), listed in its member account.
const child = execution(901, {
	account: '111122223333',
	accountName: 'prod-payments',
	region: 'eu-west-1',
	documentName: 'Org-Patch',
	status: 'Failed',
	parentId: parent.id,
});
const childDetail = {...child, steps: [step('patch', {status: 'Failed', failureMessage: 'patch failed'})]};

describe('a cross-account parent and its child in a member account', () => {
	it('the child detail names its parent and account; u opens the parent', async () => {
		const store = storeWith({rows: [parent, child], details: [parent, childDetail], context, viewport: {columns: 140, rows: 30}});
		store.getState().actions.screenOpened('detail', child.id);
		app = await renderApp(store, {now: NOW});
		const frame = await app.waitFor(`parent: ${parent.id.slice(0, 8)} (acme-management)`);
		expect(frame).toContain('u: open it');
		// The info pane: the full parent id, its account's name and id, and its region.
		await app.press('tab');
		await app.waitFor(`${parent.id} (acme-management, 123456789012 · us-east-1)`);
		await app.press('tab');
		await app.type('u');
		await app.waitFor(frame => frame.includes('CrossAccount') && frame.includes('Enter: account × region grid'));
		expect(store.getState().openId).toBe(parent.id);
	});

	it("the parent's grid → location → Enter opens the child's own detail, in its member account", async () => {
		const store = storeWith({rows: [parent, child], details: [parent, childDetail], context, viewport: {columns: 140, rows: 30}});
		store.getState().actions.screenOpened('detail', parent.id);
		app = await renderApp(store, {now: NOW});
		await app.waitFor('Enter: account × region grid');
		await app.press('enter');
		// The grid starts on the first failed location: 111122223333 / eu-west-1, whose child is 901.
		await app.waitFor('111122223333 / eu-west-1');
		await app.press('enter');
		await app.waitFor(`child execution ${executionId(901)} · parent step 111122223333-eu-west-1 · Enter: its detail`);
		await app.press('enter');
		await app.waitFor(frame => frame.includes(`${executionId(901)}`) && frame.includes('parent: 00000002 (acme-management)'));
		expect(store.getState()).toMatchObject({screen: 'detail', openId: child.id});
		expect(store.getState().executions[child.id]?.account).toBe('111122223333');
		// Esc goes back to the location screen it came from (that location, the parent open), then up to the grid.
		await app.press('escape');
		await app.waitFor(`child execution ${executionId(901)} · parent step 111122223333-eu-west-1 · Enter: its detail`);
		expect(store.getState()).toMatchObject({screen: 'location', openId: parent.id, gridCursor: {account: '111122223333', region: 'eu-west-1'}});
		await app.press('escape');
		await app.waitFor(frame => store.getState().screen === 'grid' && frame.includes('111122223333 / eu-west-1'));
		// A detail opened another way (from the list) goes back to the list, as before.
		await app.press('escape');
		await app.press('escape');
		await app.waitFor(() => store.getState().screen === 'list');
		store.getState().actions.screenOpened('detail', child.id);
		await app.press('escape');
		await app.waitFor(() => store.getState().screen === 'list');
	});

	it('says why when the child is not listed, or the parent is not', async () => {
		const store = storeWith({rows: [parent], details: [parent], context, viewport: {columns: 140, rows: 30}});
		store.getState().actions.screenOpened('detail', parent.id);
		app = await renderApp(store, {now: NOW});
		await app.press('enter');
		await app.waitFor('111122223333 / eu-west-1');
		await app.press('enter');
		const unlisted = await app.waitFor(`child execution ${executionId(901)}`);
		expect(unlisted).not.toContain('Enter: its detail');
		await app.press('enter');
		await app.waitFor(/is not listed in prod-payments \/ eu-west-1/);
		expect(store.getState().screen).toBe('location');

		const orphan = {...childDetail, parentId: executionId(77)};
		const lonely = storeWith({rows: [orphan], details: [orphan], context, viewport: {columns: 140, rows: 30}});
		lonely.getState().actions.screenOpened('detail', orphan.id);
		app.unmount();
		app = await renderApp(lonely, {now: NOW});
		await app.waitFor('parent: 0000004d (not listed)');
		await app.type('u');
		await app.waitFor(/The parent 0000004d-.* is not listed/);
		expect(lonely.getState().openId).toBe(orphan.id);
	});
});
