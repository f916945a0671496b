/** Building blocks for a column's comparison: text and numbers, missing values first. */
import type {Compare} from './column.js';

// One collator for every comparison: same order as localeCompare('en', {sensitivity: 'base'}), without building it per call.
// Built at the first comparison, not when the module loads: loading ICU's collation data cost the
// first frame, which sorts nothing, 15–30 ms (issue 10).
let collator: Intl.Collator | undefined;

/** Case- and accent-insensitive text order; a missing value sorts as ''. */
export const byText =
	<Row>(pick: (row: Row) => string | undefined): Compare<Row> =>
	(a, b) =>
		(collator ??= new Intl.Collator('en', {sensitivity: 'base'})).compare(pick(a) ?? '', pick(b) ?? '');

/** Numeric order; a missing value sorts first, and NaN (unparsable) ties. */
export const byNumber =
	<Row>(pick: (row: Row, now: number) => number | undefined): Compare<Row> =>
	(a, b, now) =>
		(pick(a, now) ?? Number.NEGATIVE_INFINITY) - (pick(b, now) ?? Number.NEGATIVE_INFINITY) || 0;

/** `first`, and `second` for the rows `first` calls equal. */
export const thenBy =
	<Row>(first: Compare<Row>, second: Compare<Row>): Compare<Row> =>
	(a, b, now) =>
		first(a, b, now) || second(a, b, now);
