/**
 * A table column declared as data: what it is called, how wide it may be, and
 * what its cells say. The views lay columns out and print them from this alone,
 * so a column is added by declaring it once in its registry.
 */

/** How wide a column may be, and which columns go first when the terminal is narrow. */
export interface WidthRule {
	/** The narrowest the column is still worth showing at; below it the column is dropped instead. */
	readonly min: number;
	/** Share of the spare width (0 = fixed). */
	readonly grow: number;
	/** The widest it grows to (Infinity: whatever is left). */
	readonly max: number;
	/** Lower numbers are dropped first when the minimum widths do not fit. */
	readonly keep: number;
	readonly alignRight?: boolean;
	/** Shown only from this many columns of width on, however much room there is below that. */
	readonly showFrom?: number;
	/** A larger minimum from a larger width on (the column earns its room only on wide terminals). */
	readonly widerFrom?: {readonly columns: number; readonly min: number};
}

/**
 * One cell's text. Plain arguments rather than an options object: it runs once
 * per visible cell on every frame, and the list must not allocate per cell.
 */
export type CellText<Row> = (row: Row, now: number, ascii: boolean) => string;

/** When a cell's text will next read differently as time passes (the first time after `now`). */
export type CellChangesAt<Row> = (row: Row, now: number) => number;

/** Orders two rows (negative: `a` first); `now` gives running rows their live values. */
export type Compare<Row> = (a: Row, b: Row, now: number) => number;

export interface Column<Row, Key extends string = string> {
	readonly key: Key;
	/** The header text. */
	readonly title: string;
	readonly width: WidthRule;
	readonly text: CellText<Row>;
	/** For a cell that reads the time: when its text next changes. Absent: the text does not depend on the time. */
	readonly changesAt?: CellChangesAt<Row>;
}

export interface SortableColumn<Row, Key extends string = string> extends Column<Row, Key> {
	readonly compare: Compare<Row>;
}
