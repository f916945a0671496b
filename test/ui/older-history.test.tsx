// Older history is loaded lazily: a move down that lands on the list's last row asks for
// the next batch when some region's first listing stopped at the page cap.
import {afterEach, describe, expect, it} from 'vitest';
import type {AppStore} from '../../source/store/app-store.js';
import {selectSelectedIndex} from '../../source/store/selectors.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {executions, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

function truncate(store: AppStore, truncated: boolean): void {
	const {regions} = store.getState();
	store.setState({regions: Object.fromEntries(Object.entries(regions).map(([name, region]) => [name, {...region, truncated}]))});
}

describe('older history', () => {
	it('G on a capped list says more is there and asks for it; moves that stop short do not', async () => {
		const store = storeWith({rows: executions(40)});
		truncate(store, true);
		app = await renderApp(store);
		await app.waitFor('40 of 40 shown (older history: G)');
		await app.press('down', 'pageDown');
		await app.waitFor(() => selectSelectedIndex(store.getState()) > 1);
		expect(selectSelectedIndex(store.getState())).toBeLessThan(39);
		expect(app.port.calls).not.toContain('loadOlder');
		await app.type('G');
		await app.waitFor(() => app!.port.calls.includes('loadOlder'));
		expect(app.port.calls.filter(call => call === 'loadOlder')).toHaveLength(1);
	});

	it('a complete listing asks for nothing and says nothing about older history', async () => {
		const store = storeWith({rows: executions(40)});
		truncate(store, false);
		app = await renderApp(store);
		await app.waitFor('40 of 40 shown · sort');
		await app.type('G');
		await app.press('down');
		await app.waitFor(() => selectSelectedIndex(store.getState()) === 39);
		expect(app.port.calls).not.toContain('loadOlder');
	});
});
