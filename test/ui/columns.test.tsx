// The column registries drive the tables: every declared column shows up in the header, in
// the row and (execution list) in the `s` sort cycle, and its key is the store's SortColumn.
import {afterEach, describe, expect, expectTypeOf, it} from 'vitest';
import {byText} from '../../source/core/columns/compare.js';
import {EXECUTION_COLUMNS, MANY_ACCOUNTS_COLUMNS, type ExecutionColumn, type ExecutionColumnKey} from '../../source/core/columns/execution-columns.js';
import {STEP_COLUMNS, type StepColumnKey} from '../../source/core/columns/step-columns.js';
import {SORT_KEYS} from '../../source/core/sort.js';
import type {Execution} from '../../source/core/types.js';
import {selectVisibleRows} from '../../source/store/selectors.js';
import type {SortColumn} from '../../source/store/state.js';
import {COLUMN_GAP, fitColumns, listColumns, stepColumns, stepListColumns, type FittedColumn} from '../../source/ui/layout.js';
import {headerText, rowText} from '../../source/ui/list/row-text.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {execution, executions, NOW, step, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

/** Each fitted column's slice of a header or row line, by key. */
function cellsOf<Row>(line: string, columns: ReadonlyArray<FittedColumn<Row>>): Map<string, string> {
	const cells = new Map<string, string>();
	let offset = 0;
	for (const column of columns) {
		cells.set(column.key, line.slice(offset, offset + column.width).trim());
		offset += column.width + COLUMN_GAP;
	}

	return cells;
}

// Every column has something to show (a running cross-account child, started 43 minutes ago).
const running = execution(42, {
	status: 'InProgress',
	mode: 'Interactive',
	automationType: 'CrossAccount',
	parentId: 'parent',
	endTime: undefined,
	currentStepName: 'stopInstances',
	account: '111122223333',
	accountName: 'prod-payments',
});

/** The sort cycle with one account watched: ACCOUNT is not shown, so `s` passes it by. */
const SINGLE_ACCOUNT_KEYS = SORT_KEYS.filter(key => !MANY_ACCOUNTS_COLUMNS.has(key));

// A Record over the key type: declaring a column without saying what it shows here does not compile.
const expectedCells: Record<ExecutionColumnKey, string> = {
	status: '▶ InProgress',
	id: '0000002a',
	document: 'Doc-42:1',
	mode: 'Inter',
	type: '↳Cross',
	account: 'prod-payments',
	region: 'us-east-1',
	started: '43m',
	duration: '43m00s',
	ended: '-',
	step: 'stopInstances',
	executedBy: 'alice',
};

describe('the execution column registry', () => {
	it('puts every declared column in the header and the row, in declaration order, with its own text', () => {
		const columns = listColumns(250, true);
		expect(columns.map(column => column.key)).toEqual(EXECUTION_COLUMNS.map(column => column.key));
		// With one account watched, ACCOUNT says nothing and is left out.
		expect(listColumns(250).map(column => column.key)).toEqual(SINGLE_ACCOUNT_KEYS);
		const header = cellsOf(headerText(columns), columns);
		const {status, rest} = rowText(running, columns, NOW, false);
		const row = cellsOf(status + rest, columns);
		for (const column of EXECUTION_COLUMNS) {
			expect(header.get(column.key), column.key).toBe(column.title);
			expect(row.get(column.key), column.key).toBe(expectedCells[column.key]);
		}

		// The coloured part of a list row is the status cell alone.
		expect(status.trim()).toBe(expectedCells.status);
	});

	it('cycles the sort through every declared column in declaration order, each sorted by its own comparison', () => {
		const rows = executions(12, n => ({
			status: ['Success', 'Failed', 'InProgress', 'Waiting'][n % 4]!,
			documentName: ['beta', 'Alpha', 'gamma'][n % 3]!,
			region: ['us-east-1', 'eu-west-1'][n % 2]!,
			currentStepName: `step-${(n * 7) % 12}`,
			executedBy: `arn:aws:iam::1:user/u${(n * 5) % 12}`,
		}));
		const store = storeWith({rows});
		const {actions} = store.getState();
		actions.sortChanged({column: EXECUTION_COLUMNS[0]!.key, descending: false});
		const cycle: SortColumn[] = [];
		const shown = EXECUTION_COLUMNS.filter(column => !MANY_ACCOUNTS_COLUMNS.has(column.key));
		for (const column of shown) {
			const {sort} = store.getState();
			cycle.push(sort.column);
			const sorted = selectVisibleRows(store.getState());
			for (let index = 1; index < sorted.length; index++) {
				expect(column.compare(sorted[index - 1]!, sorted[index]!, Date.now()), `${column.key} at ${index}`).toBeLessThanOrEqual(0);
			}

			actions.sortChanged('next');
		}

		expect(cycle).toEqual(shown.map(column => column.key));
		expect(SINGLE_ACCOUNT_KEYS).toEqual(cycle);
		expect(store.getState().sort.column).toBe(EXECUTION_COLUMNS[0]!.key);
	});

	it('is what the store sorts by: SortColumn is exactly the registry key type', () => {
		expectTypeOf<SortColumn>().toEqualTypeOf<ExecutionColumnKey>();
		expectTypeOf(SORT_KEYS).toEqualTypeOf<readonly SortColumn[]>();
		expect(new Set(SORT_KEYS).size).toBe(EXECUTION_COLUMNS.length);
	});

	it('s on the list screen walks the whole registry and comes back', async () => {
		app = await renderApp(storeWith({rows: executions(5)}));
		await app.waitFor('sort: started ↓');
		const start = SINGLE_ACCOUNT_KEYS.indexOf('started');
		for (let step = 1; step <= SINGLE_ACCOUNT_KEYS.length; step++) {
			await app.type('s');
			await app.waitFor(`sort: ${SINGLE_ACCOUNT_KEYS[(start + step) % SINGLE_ACCOUNT_KEYS.length]!} ↓`);
		}
	});

	it('lays out and prints a newly declared column with nothing else changed', () => {
		const account: ExecutionColumn<'owner'> = {
			key: 'owner',
			title: 'ACCOUNT',
			width: {min: 12, grow: 0, max: 12, keep: 7},
			text: (row: Execution) => row.account ?? '',
			compare: byText(row => row.account),
		};
		const columns = fitColumns([...EXECUTION_COLUMNS, account], 250);
		expect(columns.at(-1)).toMatchObject({key: 'owner', width: 12});
		const {status, rest} = rowText({...running, account: '444455556666'}, columns, NOW, false);
		expect(cellsOf(headerText(columns), columns).get('owner')).toBe('ACCOUNT');
		expect(cellsOf(status + rest, columns).get('owner')).toBe('444455556666');
	});
});

const expectedStepCells: Record<StepColumnKey, string> = {
	name: 'describe',
	action: 'aws:executeAwsApi',
	status: '✓ Success',
	started: '2m',
	duration: '10s',
	attempts: '1',
	onFailure: 'Abort',
};

describe('the step column registry', () => {
	it('puts every declared column in the header and the row on a wide terminal', () => {
		const columns = stepListColumns(160);
		expect(columns.map(column => column.key)).toEqual(STEP_COLUMNS.map(column => column.key));
		const header = cellsOf(headerText(columns), columns);
		const {status, rest} = rowText(step('describe'), columns, NOW, false, 'status');
		const row = cellsOf(status + rest, columns);
		for (const column of STEP_COLUMNS) {
			expect(header.get(column.key), column.key).toBe(column.title);
			expect(row.get(column.key), column.key).toBe(expectedStepCells[column.key]);
		}

		// The part up to the coloured cell ends with the status cell.
		expect(status.trimEnd().endsWith('✓ Success')).toBe(true);
		expect(rest.trim().startsWith('2m')).toBe(true);
	});

	it('cuts an over-long cell with the ASCII marker in ASCII mode, in every column', () => {
		const columns = stepListColumns(120);
		const {status, rest} = rowText(step('x'.repeat(80), {maxAttempts: 1_234_567, onFailure: 'step:aVeryLongStepName'}), columns, NOW, true, 'status');
		expect(status + rest).not.toContain('…');
		expect(cellsOf(status + rest, columns).get('attempts')).toBe('1234~');
	});

	it.each([
		[80, 0, 0],
		[89, 0, 0],
		[90, 18, 0],
		[99, 18, 0],
		[100, 18, 5],
		[119, 18, 5],
		[120, 22, 5],
	])('at %i columns: ACTION %i wide, TRIES %i wide, and the name takes the rest', (width, action, attempts) => {
		const widths = stepColumns(width);
		expect(widths.action).toBe(action);
		expect(widths.attempts).toBe(attempts);
		expect(widths.onFailure).toBe(attempts > 0 ? 12 : 0);
		const shown = Object.values(widths).filter(value => value > 0);
		expect(shown.reduce((sum, value) => sum + value, 0) + COLUMN_GAP * (shown.length - 1)).toBe(width);
	});
});
