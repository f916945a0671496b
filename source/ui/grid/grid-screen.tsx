/**
 * The account × region grid of a cross-account run: one cell per location, from
 * the parent's own per-location steps (home credentials suffice). Windowed both
 * ways so a 500-location run fits; the ProgressCounters bar sits above it.
 */
import {useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {gridCell, type GridCell} from '../../core/grid.js';
import {countersFromSteps} from '../../core/progress.js';
import {fit, shortId, statusSymbol} from '../../core/format.js';
import {canReadAccount, selectGridCursorCell, selectOpenDetail, selectOpenExecution, selectOpenGrid} from '../../store/selectors.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, statusColor} from '../theme.js';
import {bodyRows, scrollOffset} from '../layout.js';
import {ExecutionSummary} from '../detail/execution-summary.js';
import {ProgressBar} from './progress-bar.js';

const ACCOUNT_WIDTH = 14;
const CELL_WIDTH = 14;

/** How many region columns fit beside the account column. */
export function gridColumnsThatFit(width: number): number {
	return Math.max(1, Math.floor((width - ACCOUNT_WIDTH) / (CELL_WIDTH + 1)));
}

function cellLabel(cell: GridCell | undefined, readable: boolean, ascii: boolean): string {
	if (!cell) return ascii ? '.' : '·';
	return `${statusSymbol(cell.status, ascii)} ${cell.status}${readable ? '' : '*'}`;
}

function CursorLine({cell, readable}: {readonly cell: GridCell | undefined; readonly readable: boolean}) {
	const theme = useTheme();
	if (!cell) return <Text dimColor>No locations yet.</Text>;
	const where = `${cell.account} / ${cell.region}: ${cell.status}`;
	if (!readable) {
		return (
			<Text wrap="truncate-end">
				{glyphs(theme, `${where} · no credentials for account ${cell.account} (start with --account-profile ${cell.account}=PROFILE to open it)`)}
			</Text>
		);
	}

	const child = cell.childExecutionId ? `child ${shortId(cell.childExecutionId)} · Enter: its steps` : 'child not started yet';
	return <Text wrap="truncate-end">{glyphs(theme, `${where} · ${child}${cell.failureMessage ? ` · ${cell.failureMessage}` : ''}`)}</Text>;
}

export function GridScreen() {
	const theme = useTheme();
	const execution = useAppStore(selectOpenExecution);
	const detail = useAppStore(selectOpenDetail);
	const grid = useAppStore(selectOpenGrid);
	const cursor = useAppStore(selectGridCursorCell);
	const context = useAppStore(state => state.context);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	const rowOffset = useRef(0);
	const columnOffset = useRef(0);
	if (!execution) return <Text>This execution is no longer listed. Esc to go back.</Text>;
	const width = viewport.columns;
	// Summary (3), progress bar, heading, cursor line, legend.
	const gridRows = Math.max(1, bodyRows(viewport, banner) - 7);
	const visibleColumns = gridColumnsThatFit(width);
	rowOffset.current = scrollOffset(rowOffset.current, Math.max(0, grid.accounts.indexOf(cursor?.account ?? '')), gridRows, grid.accounts.length);
	columnOffset.current = scrollOffset(columnOffset.current, Math.max(0, grid.regions.indexOf(cursor?.region ?? '')), visibleColumns, grid.regions.length);
	const regions = grid.regions.slice(columnOffset.current, columnOffset.current + visibleColumns);
	const accounts = grid.accounts.slice(rowOffset.current, rowOffset.current + gridRows);
	const located = (detail?.steps ?? []).filter(step => step.targetLocation);
	const counters = detail?.progress ?? countersFromSteps(located);
	const more = grid.accounts.length > gridRows || grid.regions.length > visibleColumns;
	return (
		<Box flexDirection="column">
			<ExecutionSummary execution={execution} />
			<ProgressBar counters={counters} width={width} />
			{!detail ? <Text dimColor>{glyphs(theme, 'Loading locations…')}</Text> : null}
			{detail && grid.accounts.length === 0 ? <Text dimColor>This run has no per-location steps yet.</Text> : null}
			{grid.accounts.length > 0 ? (
				<>
					<Text bold wrap="truncate-end">
						{fit('ACCOUNT', ACCOUNT_WIDTH)}
						{regions.map(region => ` ${fit(region, CELL_WIDTH)}`).join('')}
					</Text>
					<Box flexDirection="column" height={gridRows}>
						{accounts.map(account => {
							const readable = canReadAccount({context}, account);
							return (
								<Text key={account} wrap="truncate-end">
									{fit(account, ACCOUNT_WIDTH)}
									{regions.map(region => {
										const cell = gridCell(grid, account, region);
										const selected = cursor?.account === account && cursor.region === region;
										return (
											<Text key={region}>
												{' '}
												<Text inverse={selected} bold={selected} color={cell ? statusColor(theme, cell.status) : undefined} dimColor={!cell}>
													{fit(cellLabel(cell, readable, theme.ascii), CELL_WIDTH, {ascii: theme.ascii})}
												</Text>
											</Text>
										);
									})}
								</Text>
							);
						})}
					</Box>
					<CursorLine cell={cursor} readable={cursor ? canReadAccount({context}, cursor.account) : false} />
					<Text dimColor wrap="truncate-end">
						{glyphs(
							theme,
							`${grid.accounts.length} accounts × ${grid.regions.length} regions${more ? ' (scroll with the arrows)' : ''} · * = no credentials for that account`,
						)}
					</Text>
				</>
			) : null}
		</Box>
	);
}
