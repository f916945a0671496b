// The UI clock re-renders a row only when its own time text changes: finished rows sleep through
// the seconds, a running duration re-renders its own row once a second, and the screen around
// them (the grid's cells, the other rows) is not rendered again for the time at all.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {executionColumn} from '../../source/core/columns/execution-columns.js';
import {STEP_COLUMNS} from '../../source/core/columns/step-columns.js';
import * as selectors from '../../source/store/selectors.js';
import {App} from '../../source/ui/app.js';
import {listColumns} from '../../source/ui/layout.js';
import {rowText} from '../../source/ui/list/row-text.js';
import {crossAccountDetail, execution, NOW, step, storeWith} from './fixtures.js';
import {stripAnsi, turn} from './ink-driver.js';
import {createManualClock, type ManualClock} from './manual-clock.js';

vi.mock('../../source/store/selectors.js', async importOriginal => {
	const actual = await importOriginal<typeof selectors>();
	// Counted: the grid calls it once per account row it renders.
	return {...actual, canReadAccount: vi.fn(actual.canReadAccount)};
});

const COLUMNS = 120;
const theme = {color: false, ascii: false};
let cleanup: Array<() => void> = [];
afterEach(() => {
	for (const undo of cleanup) undo();
	cleanup = [];
	vi.mocked(selectors.canReadAccount).mockClear();
});

/** Lets React commit what the clock woke (a few event-loop turns, no timed wait). */
async function settle(): Promise<void> {
	for (let index = 0; index < 5; index++) await turn();
}

/** Counts row renders by execution (or step) name: the id/name cell is computed once per render of its row. */
function countCalls<Row>(column: {text: (row: Row, now: number, ascii: boolean) => string}, key: (row: Row) => string): Map<string, number> {
	const counts = new Map<string, number>();
	const original = column.text;
	const spy = vi.spyOn(column, 'text').mockImplementation((row: Row, now: number, ascii: boolean) => {
		counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
		return original(row, now, ascii);
	});
	cleanup.push(() => spy.mockRestore());
	return counts;
}

function renderApp(store: ReturnType<typeof storeWith>, clock: ManualClock) {
	const instance = render(<App store={store} clock={clock} theme={theme} />);
	cleanup.push(() => instance.unmount());
	return instance;
}

async function secondsPass(clock: ManualClock, seconds: number): Promise<void> {
	for (let second = 0; second < seconds; second++) {
		clock.advance(1000);
		await settle();
	}
}

describe('tick only what ticks', () => {
	it('a list of finished runs renders nothing while the seconds pass, and each row once when its own "started" text changes', async () => {
		// Started 1–6 minutes ago at different seconds: each row's "Nm" changes at its own moment.
		const rows = Array.from({length: 6}, (_, n) => execution(n, {startTime: NOW - (n + 1) * 60_000 - n * 7000, endTime: NOW - (n + 1) * 60_000}));
		const store = storeWith({rows, viewport: {columns: COLUMNS, rows: 30}});
		// Each row's text second by second, worked out before the cells are counted.
		const table = Array.from({length: 141}, (_, second) => rows.map(row => rowText(row, listColumns(COLUMNS), NOW + second * 1000, false).rest));
		const texts = (second: number): readonly string[] => table[second]!;
		const renders = countCalls(executionColumn('id'), (row: {id: string}) => row.id.slice(0, 8));
		const clock = createManualClock(NOW);
		const instance = renderApp(store, clock);
		await settle();
		expect(stripAnsi(instance.lastFrame() ?? '')).toContain('Doc-5');
		const framesBefore = instance.frames.length;
		renders.clear();

		await secondsPass(clock, 20);
		// No row's text changes in the first 20 seconds (the last one reads "6m" until 25 s from now): nothing renders.
		expect(texts(20)).toEqual(texts(0));
		expect(Object.fromEntries(renders)).toEqual({});
		expect(instance.frames.length).toBe(framesBefore);

		// Over two more minutes every row changes twice, each on its own second, and renders exactly that often.
		renders.clear();
		await secondsPass(clock, 120);
		const moments = new Set<number>();
		for (const [index, row] of rows.entries()) {
			let changes = 0;
			for (let second = 21; second <= 140; second++) {
				if (texts(second)[index] === texts(second - 1)[index]) continue;
				changes++;
				moments.add(second);
			}

			expect(changes, row.documentName).toBe(2);
			expect(renders.get(row.id.slice(0, 8)) ?? 0, row.documentName).toBe(changes);
		}

		// One frame per moment at which some row's text changed.
		expect(instance.frames.length).toBe(framesBefore + moments.size);
	});

	it('a running duration re-renders its own row once a second, and no other', async () => {
		const running = execution(0, {status: 'InProgress', startTime: NOW - 90_500, endTime: undefined});
		const finished = [1, 2, 3].map(n => execution(n));
		const store = storeWith({rows: [running, ...finished], viewport: {columns: COLUMNS, rows: 30}});
		const renders = countCalls(executionColumn('id'), (row: {id: string}) => row.id.slice(0, 8));
		const clock = createManualClock(NOW);
		const instance = renderApp(store, clock);
		await settle();
		expect(stripAnsi(instance.lastFrame() ?? '')).toContain('1m30s');
		renders.clear();
		await secondsPass(clock, 5);
		expect(stripAnsi(instance.lastFrame() ?? '')).toContain('1m35s');
		expect(Object.fromEntries(renders)).toEqual({[running.id.slice(0, 8)]: 5});
	});

	it('the detail re-renders the running step row and the summary each second, not the finished steps', async () => {
		const detail = {
			...execution(0, {status: 'InProgress', startTime: NOW - 30 * 60_000, endTime: undefined}),
			steps: [
				step('describe', {startTime: NOW - 30 * 60_000, endTime: NOW - 29 * 60_000}),
				step('patch', {status: 'InProgress', startTime: NOW - 45_000, endTime: undefined}),
				step('reboot', {status: 'Pending', startTime: undefined, endTime: undefined}),
			],
		};
		const store = storeWith({rows: [detail], details: [detail], viewport: {columns: COLUMNS, rows: 30}});
		store.getState().actions.screenOpened('detail', detail.id);
		const nameColumn = STEP_COLUMNS.find(column => column.key === 'name')!;
		const renders = countCalls(nameColumn, (row: {stepName: string}) => row.stepName);
		const clock = createManualClock(NOW);
		const instance = renderApp(store, clock);
		await settle();
		expect(stripAnsi(instance.lastFrame() ?? '')).toMatch(/took 30m00s/);
		renders.clear();
		await secondsPass(clock, 3);
		const frame = stripAnsi(instance.lastFrame() ?? '');
		expect(frame).toMatch(/took 30m03s/);
		expect(frame).toMatch(/patch.*48s/);
		expect(Object.fromEntries(renders)).toEqual({patch: 3});
	});

	it('the grid of a running run re-renders its summary each second, never its cells', async () => {
		const detail = {...crossAccountDetail(2), startTime: NOW - 125_000};
		const store = storeWith({rows: [detail], details: [detail], viewport: {columns: COLUMNS, rows: 30}});
		store.getState().actions.screenOpened('grid', detail.id);
		const clock = createManualClock(NOW);
		const instance = renderApp(store, clock);
		await settle();
		const first = stripAnsi(instance.lastFrame() ?? '');
		expect(first).toMatch(/took 2m05s/);
		const gridRenders = vi.mocked(selectors.canReadAccount).mock.calls.length;
		expect(gridRenders).toBeGreaterThan(0);
		await secondsPass(clock, 4);
		const last = stripAnsi(instance.lastFrame() ?? '');
		expect(last).toMatch(/took 2m09s/);
		expect(vi.mocked(selectors.canReadAccount).mock.calls.length).toBe(gridRenders);
		// Only the facts line differs.
		const differing = first.split('\n').filter((line, index) => line !== last.split('\n')[index]);
		expect(differing).toHaveLength(1);
		expect(differing[0]).toMatch(/took 2m05s/);
	});

	it('the header says "ok" through refreshes without rendering, and counts a retry down second by second', async () => {
		const store = storeWith({rows: [execution(1)], viewport: {columns: COLUMNS, rows: 30}});
		const {actions} = store.getState();
		const clock = createManualClock(NOW);
		const refresh = (region: string): void => {
			actions.pollStarted(region);
			actions.pollSucceeded(region, region === 'us-east-1' ? [execution(1)] : [], {at: clock.now(), calls: 1});
		};

		refresh('us-east-1');
		refresh('eu-west-1');
		const instance = renderApp(store, clock);
		await settle();
		expect(stripAnsi(instance.lastFrame() ?? '')).toMatch(/us-east-1 ok\s+eu-west-1 ok/);
		const frames = instance.frames.length;
		for (let poll = 0; poll < 6; poll++) {
			clock.advance(5000);
			refresh('us-east-1');
			refresh('eu-west-1');
			await settle();
		}

		expect(instance.frames.length).toBe(frames);
		actions.pollStarted('eu-west-1');
		actions.pollFailed('eu-west-1', {kind: 'unreachable', message: 'connect ECONNREFUSED', at: clock.now(), backoffUntil: clock.now() + 3000});
		await settle();
		expect(stripAnsi(instance.lastFrame() ?? '')).toMatch(/retry 3s/);
		await secondsPass(clock, 1);
		expect(stripAnsi(instance.lastFrame() ?? '')).toMatch(/retry 2s/);
	});
});
