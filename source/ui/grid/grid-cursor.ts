/** Moving the grid cursor (pure): steps over pairs that have no location, stays put at the edges. */
import {gridCell, type LocationGrid} from '../../core/grid.js';

export interface Cursor {
	readonly account: string;
	readonly region: string;
}

export type GridMove = {readonly dx: number; readonly dy: number} | 'top' | 'bottom';

function firstCellIn(grid: LocationGrid, accounts: readonly string[]): Cursor | undefined {
	for (const account of accounts) {
		for (const region of grid.regions) if (gridCell(grid, account, region)) return {account, region};
	}

	return undefined;
}

export function moveGridCursor(grid: LocationGrid, from: Cursor | undefined, move: GridMove): Cursor | undefined {
	if (move === 'top') return firstCellIn(grid, grid.accounts);
	if (move === 'bottom') return firstCellIn(grid, [...grid.accounts].reverse());
	const start = from ?? firstCellIn(grid, grid.accounts);
	if (!start) return undefined;
	let row = grid.accounts.indexOf(start.account);
	let column = grid.regions.indexOf(start.region);
	if (row < 0 || column < 0) return firstCellIn(grid, grid.accounts);
	const steps = Math.max(Math.abs(move.dx), Math.abs(move.dy));
	const unitX = Math.sign(move.dx);
	const unitY = Math.sign(move.dy);
	let last = start;
	// Walk one pair at a time; count only pairs that hold a location; keep the last one reached.
	for (let taken = 0; taken < steps;) {
		row += unitY;
		column += unitX;
		const account = grid.accounts[row];
		const region = grid.regions[column];
		if (account === undefined || region === undefined) break;
		if (gridCell(grid, account, region)) {
			last = {account, region};
			taken++;
		}
	}

	return last;
}
