// Each pane rendered from a store filled directly: header, banner, list windowing, layouts, help, resize screen.
import {renderToString} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {App} from '../../source/ui/app.js';
import {glyphs, themeFromEnvironment} from '../../source/ui/theme.js';
import {regionSummary} from '../../source/ui/shell/region-summary.js';
import {regionHealth} from '../../source/store/data-selectors.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {awsContext, crossAccountDetail, execution, executions, failedDetail, NOW, storeWith} from './fixtures.js';
import type {AppStore} from '../../source/store/app-store.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const frameAt = (store: AppStore, columns: number, ascii = false): string =>
	renderToString(<App store={store} clock={{now: () => NOW, tickMs: 0}} theme={{color: false, ascii}} />, {columns});

describe('header', () => {
	it('says plainly that it is the local emulator, and shows read-only and counts', async () => {
		const store = storeWith({
			rows: executions(6, n => ({status: ['Success', 'Failed', 'InProgress', 'Waiting', 'Cancelled', 'TimedOut'][n]!})),
			context: {...storeWith().getState().context, readOnly: true},
		});
		app = await renderApp(store);
		const header = app.frame().split('\n').slice(0, 3).join('\n');
		expect(header).toContain('LOCAL EMULATOR');
		expect(header).toContain('[READ-ONLY]');
		expect(header).toContain('▶ 1 running  ⏸ 1 waiting  ✗ 2 failed  ✓ 1 ok  ⊘ 1 cancelled  6 total');
	});

	it('shows the profile against AWS, and each region’s refresh state', async () => {
		const store = storeWith({rows: executions(1), context: {...awsContext, regions: ['us-east-1', 'eu-west-1', 'ap-south-1']}});
		store.setState({
			regions: {
				'us-east-1': {region: 'us-east-1', lastSuccessAt: NOW - 3000, throttled: false, calls: 4, inFlight: false, truncated: false},
				'eu-west-1': {region: 'eu-west-1', lastSuccessAt: NOW - 60_000, throttled: true, backoffUntil: NOW + 8000, calls: 9, inFlight: false, truncated: false},
				'ap-south-1': {
					region: 'ap-south-1',
					lastError: {kind: 'access-denied', message: 'access denied', at: NOW - 1000},
					throttled: false,
					calls: 1,
					inFlight: false,
					truncated: false,
				},
			},
		});
		app = await renderApp(store);
		const frame = app.frame();
		expect(frame).toContain('profile prod');
		expect(frame).not.toContain('LOCAL EMULATOR');
		expect(frame).toMatch(/us-east-1 ok {2}eu-west-1/);
		expect(frame).toMatch(/eu-west-1 throttled · retry 8s/);
		expect(frame).toMatch(/ap-south-1 error: access denied/);
	});

	it('summarises a region in words that change only with its state: loading, paused, retrying, stale', () => {
		const STALE_AFTER = 15_000;
		const base = {region: 'r', throttled: false, calls: 0, inFlight: false, truncated: false};
		expect(regionSummary(regionHealth({...base, inFlight: true}, false), NOW, STALE_AFTER)).toEqual({text: 'loading', level: 'idle'});
		expect(regionSummary(regionHealth({...base, lastSuccessAt: NOW}, true), NOW, STALE_AFTER)).toEqual({text: 'paused', level: 'idle'});
		const failing = {...base, calls: 3, lastError: {kind: 'server' as const, message: 'HTTP 500', at: NOW - 1000}, backoffUntil: NOW + 4000};
		expect(regionSummary(regionHealth(failing, false), NOW, STALE_AFTER)).toEqual({text: 'error: HTTP 500 · retry 4s', level: 'error'});
		expect(regionSummary(regionHealth({...failing, backoffUntil: undefined}, false), NOW, STALE_AFTER)).toEqual({text: 'error: HTTP 500', level: 'error'});
		const long = {
			...failing,
			backoffUntil: undefined,
			lastError: {kind: 'server' as const, message: 'The service answered HTTP 503 Service Unavailable', at: NOW},
		};
		expect(regionSummary(regionHealth(long, false), NOW, STALE_AFTER, 20).text).toBe('error: HTTP 503');
		const notJson = {
			...long,
			lastError: {
				kind: 'server' as const,
				message: 'SSM in us-east-1 answered with something that is not valid JSON (HTTP 200): Unexpected token. Check the endpoint; retrying.',
				at: NOW,
			},
		};
		expect(regionSummary(regionHealth(notJson, false), NOW, STALE_AFTER, 40).text).toBe('error: answer not valid JSON (HTTP 200)');
		expect(regionSummary(regionHealth({...base, throttled: true, backoffUntil: NOW + 8000}, false), NOW, STALE_AFTER).text).toBe('throttled · retry 8s');
		// A recovered region is plain "ok" whether its call is in flight or how long ago it answered, up to the stale limit.
		const ok = {...failing, backoffUntil: undefined, lastSuccessAt: NOW - 500};
		for (const [region, at] of [
			[ok, NOW],
			[{...ok, inFlight: true}, NOW],
			[ok, NOW + 9000],
			[ok, NOW - 500 + STALE_AFTER],
		] as const) {
			expect(regionSummary(regionHealth(region, false), at, STALE_AFTER)).toEqual({text: 'ok', level: 'ok'});
		}

		expect(regionSummary(regionHealth(ok, false), NOW + 44_500, STALE_AFTER)).toEqual({text: 'updated 45s ago', level: 'warn'});
		// Its refresh in flight (the catch-up when the list comes back from a detail): not called stale meanwhile.
		expect(regionSummary(regionHealth({...ok, inFlight: true}, false), NOW + 18_000, STALE_AFTER)).toEqual({text: 'ok', level: 'ok'});
	});

	it('renders the same header before, during and after a refresh that changes nothing', async () => {
		const store = storeWith({rows: executions(3), context: {...awsContext, regions: ['us-east-1', 'eu-west-1']}});
		const {actions} = store.getState();
		for (const region of ['us-east-1', 'eu-west-1'])
			actions.pollSucceeded(
				region,
				executions(3).filter(row => row.region === region),
				{at: NOW - 2000, calls: 1},
			);
		const header = (): string => frameAt(store, 120).split('\n').slice(0, 3).join('\n');
		const before = header();
		expect(before).toMatch(/us-east-1 ok {2}eu-west-1 ok/);
		store.setState(state => ({regions: Object.fromEntries(Object.entries(state.regions).map(([name, region]) => [name, {...region, inFlight: true}]))}));
		expect(header()).toBe(before);
		for (const region of ['us-east-1', 'eu-west-1'])
			actions.pollSucceeded(
				region,
				executions(3).filter(row => row.region === region),
				{at: NOW, calls: 1},
			);
		expect(header()).toBe(before);
	});

	it('shows a context-wide banner above the body', async () => {
		const store = storeWith({rows: executions(3)});
		store.setState({banner: {level: 'error', message: 'The credentials expired: run aws sso login, then press r', at: NOW}});
		app = await renderApp(store);
		const lines = app.frame().split('\n');
		expect(lines[3]).toContain('ERROR: The credentials expired: run aws sso login, then press r');
		expect(lines[4]).toContain('DOCUMENT:VER');
	});
});

describe('execution list', () => {
	it('renders only the visible window of 10,000 rows and scrolls to the end', async () => {
		const store = storeWith({rows: executions(10_000), viewport: {columns: 100, rows: 30}});
		app = await renderApp(store);
		const lines = app.frame().split('\n');
		expect(lines.length).toBeLessThanOrEqual(29);
		expect(lines.filter(line => line.includes('Doc-')).length).toBe(23);
		expect(app.frame()).toContain('10000 of 10000 shown');
		await app.type('G');
		await app.waitFor(frame => frame.includes('Doc-9999:1') && !frame.includes('Doc-0:1'));
		await app.press('up');
		await app.waitFor(frame => frame.includes('Doc-9999:1'));
	});

	it('keeps the selected execution when a refresh reorders the list', async () => {
		const store = storeWith({rows: executions(10)});
		app = await renderApp(store);
		await app.press('down', 'down');
		await expect.poll(() => store.getState().selectedId).toBe(execution(2).id);
		store.setState({executions: {...store.getState().executions, newer: execution(-1, {id: 'newer', documentName: 'Newest', startTime: NOW})}});
		await app.waitFor('Newest');
		await app.press('enter');
		await app.waitFor(/00000002-0000-4000-8000-000000000000\s+Doc-2/);
	});

	it('holds list updates while the filter prompt is open', async () => {
		const store = storeWith({rows: executions(3)});
		app = await renderApp(store);
		await app.type('/');
		await app.waitFor('Enter apply');
		store.setState({executions: {...store.getState().executions, late: execution(50, {id: 'late', documentName: 'Late-arrival', startTime: NOW})}});
		await app.type('D');
		await app.waitFor('/D');
		expect(app.frame()).not.toContain('Late-arrival');
		await app.press('escape');
		await app.waitFor('Late-arrival');
	});

	it('marks child executions and shows the empty state', async () => {
		const store = storeWith({rows: [execution(1, {parentId: 'p-1'})]});
		app = await renderApp(store);
		expect(app.frame()).toMatch(/↳Local/);
		store.getState().actions.filterSet('doc:nothing');
		await app.waitFor('No executions match.');
	});
});

describe('layouts', () => {
	const fixtureStore = (columns: number, rows = 24) => {
		const detail = failedDetail(1);
		return storeWith({rows: [...executions(40), detail], details: [detail], viewport: {columns, rows}});
	};

	it.each([80, 100, 200])('no line is wider than %i columns, and the frame is shorter than the terminal', columns => {
		const store = fixtureStore(columns);
		for (const screen of ['list', 'detail'] as const) {
			if (screen === 'detail') store.getState().actions.screenOpened('detail', failedDetail(1).id);
			const lines = frameAt(store, columns).split('\n');
			expect(Math.max(...lines.map(line => [...line].length))).toBeLessThanOrEqual(columns);
			expect(lines.length).toBeLessThanOrEqual(23);
		}
	});

	it('uses a wide terminal: every column and long document names at 200 columns', () => {
		const store = storeWith({rows: [execution(1, {documentName: 'Very-Long-Runbook-Name-For-Patching'})], viewport: {columns: 200, rows: 30}});
		const frame = frameAt(store, 200);
		expect(frame).toContain('EXECUTED BY');
		expect(frame).toContain('Very-Long-Runbook-Name-For-Patching:1');
		expect(frame).toContain('alice');
	});

	it('drops the least useful columns at 80', () => {
		const frame = frameAt(fixtureStore(80), 80);
		expect(frame).not.toContain('EXECUTED BY');
		expect(frame).toContain('REGION');
	});

	it('draws only ASCII (and box drawing) in ASCII mode', () => {
		const detail = crossAccountDetail(2);
		const store = storeWith({
			rows: [...executions(5, n => ({status: ['Success', 'Failed', 'InProgress', 'Waiting', 'Cancelled'][n]!})), detail],
			details: [detail],
		});
		for (const screen of ['list', 'detail', 'grid'] as const) {
			if (screen !== 'list') store.getState().actions.screenOpened(screen, detail.id);
			const frame = frameAt(store, 100, true);
			expect(
				[...frame.replaceAll(/[\u2500-\u257f]/g, '')].filter(char => char > '~'),
				screen,
			).toEqual([]);
		}
	});
});

describe('overlays', () => {
	it('help at 80×24 fits the screen and lists the keys of the screen it was opened from', () => {
		const store = storeWith({rows: executions(3), viewport: {columns: 80, rows: 24}});
		store.getState().actions.helpOpened();
		const frame = frameAt(store, 80);
		expect(frame.split('\n').length).toBeLessThanOrEqual(23);
		expect(frame).toContain('Keys · list screen');
		expect(frame).toContain('Filter: text');
		expect(frame).toContain('Quit');
	});

	it('says "resize me" while the terminal is smaller than 80×24, and recovers', async () => {
		const store = storeWith({rows: executions(3), viewport: {columns: 79, rows: 30}});
		app = await renderApp(store);
		await app.waitFor('Terminal too small (needs 80×24) — resize me.');
		store.getState().actions.viewportResized({columns: 120, rows: 24});
		await app.waitFor('DOCUMENT:VER');
		store.getState().actions.viewportResized({columns: 120, rows: 20});
		await app.waitFor('Now 120×20');
	});
});

describe('theme', () => {
	it('honours NO_COLOR (non-empty), --no-color, and picks ASCII for non-UTF-8 locales', () => {
		expect(themeFromEnvironment({LANG: 'en_US.UTF-8'})).toEqual({color: true, ascii: false});
		expect(themeFromEnvironment({NO_COLOR: '1'}).color).toBe(false);
		expect(themeFromEnvironment({NO_COLOR: ''}).color).toBe(true);
		expect(themeFromEnvironment({}, {noColor: true}).color).toBe(false);
		expect(themeFromEnvironment({LANG: 'C'}).ascii).toBe(true);
		expect(themeFromEnvironment({LC_ALL: 'C.UTF-8', LANG: 'C'}).ascii).toBe(false);
		expect(glyphs({color: true, ascii: true}, 'a · b… 80×24 — ok')).toBe('a - b... 80x24 - ok');
		expect(glyphs({color: true, ascii: false}, 'a · b')).toBe('a · b');
	});
});
