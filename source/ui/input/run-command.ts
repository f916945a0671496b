/**
 * What each screen-level keymap command does (the list, detail, grid and location screens and the
 * filter prompt), given the store as it is right now. Work outside the app (refresh now, older
 * history, suspend) is asked for as an effect; dialogs open through the store. Testable without
 * rendering.
 */
import type {StatusGroup} from '../../core/status.js';
import type {AppState, AppStore} from '../../store/app-store.js';
import {
	selectGridCursorCell,
	selectOpenDetail,
	selectOpenExecution,
	selectOpenGrid,
	selectSelectedExecution,
	selectSelectedIndex,
	selectVisibleRows,
} from '../../store/selectors.js';
import {selectTruncatedRegions} from '../../store/data-selectors.js';
import type {Command} from '../keymap.js';
import type {Move} from '../../store/ui-actions.js';
import {moveGridCursor, type GridMove} from '../grid/grid-cursor.js';
import {consoleUrl} from '../../core/console-link.js';
import {copyTarget, urlTarget, viewerContent} from './copy-targets.js';
import {RUN_COMMAND_ACTION} from '../../core/command-output.js';
import {childOpened, parentOpened} from '../../store/parent-link.js';

export interface CommandEffects {
	/** Leave the app (the CLI then stops the poller and restores the terminal). */
	readonly exit: () => void;
}

const QUICK_FILTERS: Partial<Record<Command, StatusGroup | undefined>> = {
	'quick.running': 'running',
	'quick.waiting': 'waiting',
	'quick.problem': 'problem',
	'quick.success': 'success',
	'quick.cancelled': 'cancelled',
	'quick.clear': undefined,
};

const MOVES: Partial<Record<Command, Move>> = {
	'cursor.up': -1,
	'cursor.down': 1,
	'cursor.pageUp': {pages: -1},
	'cursor.pageDown': {pages: 1},
	'cursor.top': 'top',
	'cursor.bottom': 'bottom',
};

const GRID_MOVES: Partial<Record<Command, GridMove>> = {
	'cursor.up': {dx: 0, dy: -1},
	'cursor.down': {dx: 0, dy: 1},
	'cursor.left': {dx: -1, dy: 0},
	'cursor.right': {dx: 1, dy: 0},
	'cursor.pageUp': {dx: 0, dy: -10},
	'cursor.pageDown': {dx: 0, dy: 10},
	'cursor.top': 'top',
	'cursor.bottom': 'bottom',
};

/** The execution an action key acts on: the selected row on the list, the open one elsewhere. */
export function actionTarget(state: AppState): string | undefined {
	return state.screen === 'list' ? selectSelectedExecution(state)?.id : state.openId;
}

/** Printable text only: a paste may carry newlines or escape codes. */
const printable = (input: string): string => input.replaceAll(/[\u0000-\u001f\u007f]/g, '');

function moveCursor(command: Command, state: AppState): void {
	const {actions} = state;
	if (state.screen === 'grid') {
		const move = GRID_MOVES[command];
		if (!move) return;
		const cell = selectGridCursorCell(state);
		const next = moveGridCursor(selectOpenGrid(state), cell, move);
		if (next) actions.gridCursorMoved(next);
		return;
	}

	const move = MOVES[command];
	if (move === undefined) return;
	if (state.screen === 'list') actions.selectionMoved(move);
	else if (state.screen === 'command') actions.instanceSelected(move);
	else if (state.screen === 'children') actions.childSelected(move);
	else if (state.screen === 'locations') actions.locationSelected(move);
	else if (state.screen === 'location' || state.detailPane === 'steps') actions.stepSelected(move);
}

/** Enter on an aws:runCommand step of the detail's steps pane: its Run Command output. True when handled. */
function openRunCommand(state: AppState): boolean {
	if (state.detailPane !== 'steps') return false;
	const step = selectOpenDetail(state)?.steps[state.selectedStepIndex];
	if (step?.action !== RUN_COMMAND_ACTION) return false;
	if (!state.actions.commandOpened()) state.actions.flashShown('This step has not sent its command yet (no CommandId in its outputs)');
	return true;
}

function open(state: AppState): void {
	const {actions} = state;
	if (state.screen === 'list') actions.screenOpened('detail');
	else if (state.screen === 'detail') {
		if (selectOpenExecution(state)?.automationType === 'CrossAccount') actions.screenOpened('grid');
		else if (openRunCommand(state)) return;
		else if (!actions.childrenOpened()) actions.flashShown('Only cross-account runs have an account × region grid, and rate-control runs children');
	} else if (state.screen === 'children') {
		actions.childDetailOpened();
	} else if (state.screen === 'grid') {
		const cell = selectGridCursorCell(state);
		if (!cell) return;
		actions.gridCursorMoved(cell);
		actions.screenOpened('location');
	} else if (state.screen === 'location') {
		const refused = childOpened(state);
		if (refused) actions.flashShown(refused);
	}
}

/**
 * The first listing of a region stops at a page cap; older history is loaded lazily,
 * when a move down lands on the list's last row while some region has more.
 */
function loadOlderAtTheEnd(command: Command, store: AppStore): void {
	if (command !== 'cursor.down' && command !== 'cursor.pageDown' && command !== 'cursor.bottom') return;
	const state = store.getState();
	if (state.screen !== 'list' || selectTruncatedRegions(state).length === 0) return;
	if (selectSelectedIndex(state) === selectVisibleRows(state).length - 1) state.actions.effectRequested({kind: 'loadOlder'});
}

export function runCommand(command: Command, input: string, store: AppStore, effects: CommandEffects): void {
	const state = store.getState();
	const {actions} = state;
	if (command in QUICK_FILTERS) {
		actions.statusQuickFilter(QUICK_FILTERS[command]);
		return;
	}

	if (command.startsWith('cursor.')) {
		moveCursor(command, state);
		loadOlderAtTheEnd(command, store);
		return;
	}

	const target = actionTarget(state);
	const draft = state.filterDraft ?? '';
	switch (command) {
		case 'quit':
		case 'quit.force':
			effects.exit();
			return;
		case 'suspend':
			actions.effectRequested({kind: 'suspend'});
			return;
		case 'help':
			actions.helpOpened();
			return;
		case 'screen.pulse':
			actions.screenOpened('pulse');
			return;
		case 'parent.open': {
			const refused = parentOpened(state);
			if (refused) actions.flashShown(refused);
			return;
		}
		case 'screen.locations':
			actions.screenOpened('locations');
			return;
		case 'notices.open':
			actions.noticesOpened();
			return;
		case 'run.watch':
			if (target === undefined) actions.flashShown('No execution selected');
			else actions.watchToggled(target);
			return;
		case 'help.close':
			actions.modalClosed();
			return;
		case 'copy.id': {
			const copied = copyTarget(state);
			if (copied) actions.effectRequested({kind: 'copy', text: copied.text, what: copied.what});
			else actions.flashShown('Nothing selected to copy');
			return;
		}
		case 'copy.url': {
			const where = urlTarget(state);
			const url = consoleUrl(where?.region, where?.executionId);
			if (url) actions.effectRequested({kind: 'copy', text: url, what: `console URL ${url}`});
			else actions.flashShown(where ? 'No AWS console URL for this execution (its Region or id is not one AWS uses)' : 'No execution selected');
			return;
		}
		case 'viewer.open': {
			const content = viewerContent(state);
			if (content) actions.viewerOpened(content.title, content.fields);
			else actions.flashShown('Nothing to show in full here');
			return;
		}
		case 'refresh':
			actions.effectRequested({kind: 'refresh'});
			actions.flashShown('Refreshing…');
			return;
		case 'pause':
			actions.pauseToggled();
			actions.flashShown(store.getState().paused ? 'Paused: press p to resume' : 'Resumed');
			return;
		case 'run.start':
			actions.dialogOpened({kind: 'start'});
			return;
		case 'run.rerun':
		case 'run.stop':
		case 'run.signal':
			if (target === undefined) {
				actions.flashShown('No execution selected');
				return;
			}

			actions.dialogOpened(
				command === 'run.rerun'
					? {kind: 'rerun', executionId: target}
					: command === 'run.stop'
						? {kind: 'stop', executionId: target}
						: {kind: 'signal', executionId: target},
			);
			return;
		case 'open':
			open(state);
			return;
		case 'back':
			actions.back();
			return;
		case 'pane.next':
			actions.paneToggled();
			return;
		case 'filter.open':
			actions.filterOpened();
			return;
		case 'filter.clear':
			if (state.filter !== '') actions.filterSet('');
			return;
		case 'sort.next':
			actions.sortChanged('next');
			return;
		case 'sort.reverse':
			actions.sortChanged('reverse');
			return;
		case 'filter.apply':
			actions.filterApplied();
			return;
		case 'filter.cancel':
			actions.filterCancelled();
			return;
		case 'filter.deleteChar':
			actions.filterTyped([...draft].slice(0, -1).join(''));
			return;
		case 'filter.clearDraft':
			actions.filterTyped('');
			return;
		case 'filter.type':
			actions.filterTyped(draft + printable(input));
			return;
		default:
			// Dialog commands go to the open dialog's transition (dispatch.ts).
			return;
	}
}
