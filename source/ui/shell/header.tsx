/** Three header lines: where we are connected, how each region's refresh is doing, counts by status. */
import {Box} from 'ink';
import {Text} from '../text.js';
import {useShallow} from 'zustand/react/shallow';
import {statusSymbol} from '../../core/format.js';
import type {StatusGroup} from '../../core/status.js';
import {selectExecutionCount, selectStatusCounts} from '../../store/selectors.js';
import type {ConnectionContext} from '../../store/state.js';
import type {AppState} from '../../store/app-store.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {groupColor, tint, type Theme} from '../theme.js';
import {selectRegionHealth, selectStaleAfterMs, type RegionHealth} from '../../store/data-selectors.js';
import {regionSummary, regionSummaryChangesAt, type RegionLevel, type RegionSummary} from './region-summary.js';
import {locationLineWithTally, tallyChangesAt, type LocationLine as LocationLineText, type LocationTally} from './location-summary.js';
import {accountLabel} from '../../core/location.js';
import {useTimedStore} from '../clock-context.js';
import {selectNeedsYouCount} from '../../store/notice-actions.js';
import {EventsStatus} from './events-status.js';
import {BudgetStatus} from './budget-status.js';

const GROUP_LABELS: ReadonlyArray<readonly [StatusGroup, string, string]> = [
	['running', 'running', 'InProgress'],
	['waiting', 'waiting', 'Waiting'],
	['problem', 'failed', 'Failed'],
	['success', 'ok', 'Success'],
	['cancelled', 'cancelled', 'Cancelled'],
];

function contextLabel(context: ConnectionContext): string {
	if (context.accounts) return context.label;
	if (context.local) return 'LOCAL EMULATOR';
	if (context.profile) return `profile ${context.profile}`;
	if (context.endpoint) return context.endpoint;
	return context.label;
}

const LEVEL_COLORS = {ok: 'green', warn: 'yellow', error: 'red', idle: undefined} as const;

interface LocationLineState {
	readonly line: LocationLineText;
	readonly key: string;
	readonly changesAt: number;
}

interface LocationLineMemo {
	readonly context: AppState['context'];
	readonly columns: number;
	readonly staleAfterMs: number;
	readonly from: number;
	readonly value: LocationLineState;
}

/**
 * The last line per health list: its words change only when the health does or at `changesAt`,
 * so a keypress or a clock tick reuses it instead of going over every location again (at 9,620
 * locations that walk cost each key more than the 16 ms frame budget).
 */
const locationLineMemo = new WeakMap<readonly RegionHealth[], LocationLineMemo>();

/** Per store (keyed on its actions), the counts the last summary line was made from, to update the next from. */
const tallies = new WeakMap<object, LocationTally>();

/** The location line for `now`, and when one of its summaries next changes. */
function locationLineAt(state: AppState, now: number): LocationLineState {
	const health = selectRegionHealth(state);
	const staleAfterMs = selectStaleAfterMs(state);
	const {context} = state;
	const {columns} = state.viewport;
	const memo = locationLineMemo.get(health);
	if (memo && memo.context === context && memo.columns === columns && memo.staleAfterMs === staleAfterMs && now >= memo.from && now < memo.value.changesAt)
		return memo.value;
	const {line, tally} = locationLineWithTally(health, account => accountLabel(context, account), now, staleAfterMs, columns, tallies.get(state.actions));
	if (tally) tallies.set(state.actions, tally);
	let changesAt = Number.POSITIVE_INFINITY;
	if (tally) changesAt = tallyChangesAt(tally);
	else for (const region of health) changesAt = Math.min(changesAt, regionSummaryChangesAt(region, now, staleAfterMs));
	const value = {line, key: JSON.stringify(line), changesAt};
	locationLineMemo.set(health, {context, columns, staleAfterMs, from: now, value});
	return value;
}

/** Several accounts watched: each location named while they fit, else one count by state. */
function LocationLine({theme}: {readonly theme: Theme}) {
	const {line} = useTimedStore(locationLineAt, (shown, next) => shown.key === next.key);
	const colour = (level: RegionLevel) => {
		const color = LEVEL_COLORS[level];
		return color ? tint(theme, color) : undefined;
	};
	if (line.kind === 'summary') {
		return (
			<Text wrap="truncate-end" color={colour(line.level)} dimColor={line.level === 'idle'}>
				{line.text}
			</Text>
		);
	}

	return (
		<Text wrap="truncate-end">
			{line.locations.map((location, index) => (
				<Text key={location.key}>
					{index > 0 ? '  ' : ''}
					<Text bold>{location.name}</Text>{' '}
					<Text color={colour(location.level)} dimColor={location.level === 'idle'}>
						{location.text}
					</Text>
				</Text>
			))}
		</Text>
	);
}

interface RegionLineText {
	readonly health: readonly RegionHealth[];
	readonly summaries: readonly RegionSummary[];
	readonly changesAt: number;
}

/** The region line's summaries for `now`, and when one of them next changes. */
function regionLineAt(state: AppState, now: number): RegionLineText {
	const health = selectRegionHealth(state);
	const staleAfterMs = selectStaleAfterMs(state);
	const {columns} = state.viewport;
	let changesAt = Number.POSITIVE_INFINITY;
	const summaries = health.map(region => {
		changesAt = Math.min(changesAt, regionSummaryChangesAt(region, now, staleAfterMs));
		// Each region gets its share of the line, so every region's state stays visible.
		const budget = Math.floor(columns / health.length) - region.region.length - 3;
		return regionSummary(region, now, staleAfterMs, budget);
	});
	return {health, summaries, changesAt};
}

/** The same words in the same colours: a refresh that only moved a region's last-success time changes nothing on screen. */
function sameRegionLine(shown: RegionLineText, next: RegionLineText): boolean {
	if (shown.health.length !== next.health.length) return false;
	return shown.summaries.every(
		(summary, index) =>
			summary.text === next.summaries[index]!.text &&
			summary.level === next.summaries[index]!.level &&
			shown.health[index]!.region === next.health[index]!.region,
	);
}

/** The only header line that reads the clock (a retry countdown, a stale age): it re-renders alone when that text changes. */
function RegionLine({theme}: {readonly theme: Theme}) {
	const {health, summaries} = useTimedStore(regionLineAt, sameRegionLine);
	return (
		<Text wrap="truncate-end">
			{health.map((region, index) => {
				const summary = summaries[index]!;
				const color = LEVEL_COLORS[summary.level];
				return (
					<Text key={region.region}>
						{index > 0 ? '  ' : ''}
						<Text bold>{region.region}</Text>{' '}
						<Text color={color ? tint(theme, color) : undefined} dimColor={summary.level === 'idle'}>
							{summary.text}
						</Text>
					</Text>
				);
			})}
		</Text>
	);
}

export function Header() {
	const theme = useTheme();
	const context = useAppStore(state => state.context);
	const [paused, filter, total] = useAppStore(useShallow(state => [state.paused, state.filter, selectExecutionCount(state)] as const));
	const counts = useAppStore(selectStatusCounts);
	const needsYou = useAppStore(selectNeedsYouCount);
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate-end">
				<Text bold>ssmtop</Text>
				{'  '}
				<Text bold inverse={context.local} color={tint(theme, context.local ? 'yellow' : 'cyan')}>
					{context.local ? ' LOCAL EMULATOR ' : contextLabel(context)}
				</Text>
				{context.account ? <Text dimColor>{`  account ${context.account}`}</Text> : null}
				{context.readOnly ? <Text bold>{'  [READ-ONLY]'}</Text> : null}
				{paused ? (
					<Text bold color={tint(theme, 'yellow')}>
						{'  [PAUSED]'}
					</Text>
				) : null}
				<EventsStatus />
				<BudgetStatus />
			</Text>
			{context.accounts ? <LocationLine theme={theme} /> : <RegionLine theme={theme} />}
			<Text wrap="truncate-end">
				{GROUP_LABELS.map(([group, label, representative]) => (
					<Text key={group} color={groupColor(theme, group)}>
						{`${statusSymbol(representative, theme.ascii)} ${counts[group]} ${label}  `}
					</Text>
				))}
				<Text dimColor>{`${total} total`}</Text>
				{needsYou > 0 ? <Text bold color={tint(theme, 'yellow')}>{`  needs you: ${needsYou} (!)`}</Text> : null}
				{filter ? <Text>{`  filter: ${filter}`}</Text> : null}
			</Text>
		</Box>
	);
}
