/**
 * The text of one table row, column by column, from the columns' registry (pure,
 * so the row component only adds colour). Serves the execution list and the step list.
 */
import {fit} from '../../core/format.js';
import {visibleText} from '../../core/visible-text.js';
import {COLUMN_GAP, type FittedColumn} from '../layout.js';

const GAP = ' '.repeat(COLUMN_GAP);

export interface RowText {
	readonly status: string;
	readonly rest: string;
	readonly changesAt: number;
}

/**
 * A row's cells, each padded to its column and joined by the gap, cut after the `split` column
 * (the one the row component colours): `status` ends with that cell, `rest` is the remainder.
 * Without a `split` column everything is `rest`. `changesAt` is when the text will next read
 * differently as time passes (Infinity: it does not read the time). Runs per visible row per
 * render: strings only, no arrays.
 */
export function rowText<Row>(row: Row, columns: ReadonlyArray<FittedColumn<Row>>, now: number, ascii: boolean, split = 'status'): RowText {
	let last = -1;
	for (let index = 0; index < columns.length; index++) if (columns[index]!.key === split) last = index;
	let status = '';
	let rest = '';
	let changesAt = Number.POSITIVE_INFINITY;
	for (let index = 0; index < columns.length; index++) {
		const column = columns[index]!;
		// Data from AWS is made visible before fitting, so a control character cannot shift the columns after it.
		const text = fit(visibleText(column.text(row, now, ascii), {oneLine: true}), column.width, {ascii, alignRight: column.alignRight ?? false});
		if (index <= last) status += index === 0 ? text : GAP + text;
		else rest += index === 0 ? text : GAP + text;
		if (column.changesAt) changesAt = Math.min(changesAt, column.changesAt(row, now));
	}

	return {status, rest, changesAt};
}

export function headerText<Row>(columns: ReadonlyArray<FittedColumn<Row>>, ascii = false): string {
	return columns.map(column => fit(column.title, column.width, {ascii, alignRight: column.alignRight ?? false})).join(GAP);
}
