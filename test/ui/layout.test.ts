import {describe, expect, it} from 'vitest';
import {bodyRows, COLUMN_GAP, detailSplit, fieldTableWidths, isTooSmall, listColumns, listRows, scrollOffset, stepColumns} from '../../source/ui/layout.js';

const widthOf = (columns: ReturnType<typeof listColumns>): number => columns.reduce((sum, column) => sum + column.width, 0) + COLUMN_GAP * (columns.length - 1);

describe('listColumns', () => {
	it.each([80, 100, 200, 250])('fits exactly or under %i columns', width => {
		const columns = listColumns(width);
		expect(widthOf(columns)).toBeLessThanOrEqual(width);
		expect(columns.map(column => column.key).slice(0, 3)).toEqual(['status', 'id', 'document']);
	});

	it('keeps the essentials at 80 columns and drops the least useful ones', () => {
		const keys = listColumns(80).map(column => column.key);
		expect(keys).toEqual(['status', 'id', 'document', 'region', 'started', 'step']);
	});

	it('drops only "executed by" at 100, and shows every column from 110', () => {
		expect(listColumns(100).map(column => column.key)).not.toContain('executedBy');
		expect(listColumns(100)).toHaveLength(9);
		expect(listColumns(110)).toHaveLength(10);
	});

	it('uses a large terminal: text columns grow (to their caps)', () => {
		const at100 = listColumns(100).find(column => column.key === 'document')!.width;
		const at200 = listColumns(200).find(column => column.key === 'document')!.width;
		expect(at200).toBeGreaterThan(at100);
		expect(widthOf(listColumns(200))).toBeGreaterThan(190);
	});
});

describe('scrollOffset', () => {
	it.each([
		[0, 0, 10, 100, 0],
		[0, 9, 10, 100, 0],
		[0, 10, 10, 100, 1],
		[5, 7, 10, 100, 5],
		[50, 3, 10, 100, 3],
		[95, 99, 10, 100, 90],
		[0, 99, 10, 100, 90],
		[7, 2, 10, 5, 0],
	])('previous %i, selected %i, height %i, total %i → %i', (previous, selected, height, total, expected) => {
		expect(scrollOffset(previous, selected, height, total)).toBe(expected);
	});
});

describe('pane sizes', () => {
	it('computes body and list rows from the viewport', () => {
		expect(bodyRows({rows: 24}, false)).toBe(19);
		expect(bodyRows({rows: 24}, true)).toBe(18);
		expect(listRows({rows: 24}, false)).toBe(17);
		expect(listRows({rows: 50}, true)).toBe(42);
	});

	it('splits the detail body between steps and the step table', () => {
		const split = detailSplit(19);
		expect(split.steps + split.details).toBe(16);
		expect(split.steps).toBeGreaterThanOrEqual(3);
	});

	it('sizes step columns to the width', () => {
		for (const width of [80, 100, 200]) {
			const columns = stepColumns(width);
			const used = Object.values(columns).filter(value => value > 0);
			expect(used.reduce((sum, value) => sum + value, 0) + COLUMN_GAP * (used.length - 1)).toBeLessThanOrEqual(width);
		}

		expect(stepColumns(80).action).toBe(0);
		expect(stepColumns(200).action).toBeGreaterThan(0);
	});

	it('sizes field tables to the width', () => {
		const widths = fieldTableWidths(100, 50);
		expect(widths.kind + widths.name + widths.value + 2 * COLUMN_GAP).toBe(100);
		expect(widths.name).toBe(30);
	});

	it('knows when the terminal is too small', () => {
		expect(isTooSmall({columns: 80, rows: 24})).toBe(false);
		expect(isTooSmall({columns: 79, rows: 24})).toBe(true);
		expect(isTooSmall({columns: 200, rows: 23})).toBe(true);
	});
});
