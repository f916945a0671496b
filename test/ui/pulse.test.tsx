import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {execution, NOW, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('the pulse screen', () => {
	it('P opens it with a line per location and its sparklines; Esc goes back to the list', async () => {
		const rows = [
			execution(1, {startTime: NOW - 30 * 60_000, endTime: NOW - 29 * 60_000, status: 'Failed'}),
			execution(2, {startTime: NOW - 5 * 60_000, endTime: undefined, status: 'InProgress'}),
			execution(3, {startTime: NOW - 20 * 60_000, endTime: NOW - 19 * 60_000, status: 'Success', region: 'eu-west-1'}),
		];
		const store = storeWith({rows});
		app = await renderApp(store);
		await app.type('P');
		const frame = await app.waitFor('Pulse · the last hour per location');
		// The table's lines: below the LOCATION heading (the header's region line starts with a Region too).
		const table = frame.split('\n').slice(frame.split('\n').findIndex(text => text.startsWith('LOCATION')) + 1);
		const line = (region: string) => table.find(text => text.startsWith(region))!;
		expect(line('us-east-1')).toMatch(/█/);
		expect(line('eu-west-1')).toBeDefined();
		expect(store.getState().screen).toBe('pulse');
		await app.press('escape');
		await app.waitFor('STATUS');
		expect(store.getState().screen).toBe('list');
	});
});
