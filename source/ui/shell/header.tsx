/** Three header lines: where we are connected, how each region's refresh is doing, counts by status. */
import {Box} from 'ink';
import {Text} from '../text.js';
import {useShallow} from 'zustand/react/shallow';
import {statusSymbol} from '../../core/format.js';
import type {StatusGroup} from '../../core/status.js';
import {selectExecutionCount, selectStatusCounts} from '../../store/selectors.js';
import type {ConnectionContext} from '../../store/state.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {groupColor, tint, type Theme} from '../theme.js';
import {selectRegionHealth, selectStaleAfterMs} from '../../store/data-selectors.js';
import {regionSummary, type RegionLevel} from './region-summary.js';
import {locationLine} from './location-summary.js';
import {accountLabel} from '../../core/location.js';
import {selectNeedsYouCount} from '../../store/notice-actions.js';

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

/** Several accounts watched: each location named while they fit, else one count by state. */
function LocationLine({theme, now}: {readonly theme: Theme; readonly now: number}) {
	const health = useAppStore(selectRegionHealth);
	const staleAfterMs = useAppStore(selectStaleAfterMs);
	const columns = useAppStore(state => state.viewport.columns);
	const context = useAppStore(state => state.context);
	const line = locationLine(health, account => accountLabel(context, account), now, staleAfterMs, columns);
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

function RegionLine({theme, now}: {readonly theme: Theme; readonly now: number}) {
	const health = useAppStore(selectRegionHealth);
	const staleAfterMs = useAppStore(selectStaleAfterMs);
	const columns = useAppStore(state => state.viewport.columns);
	return (
		<Text wrap="truncate-end">
			{health.map((region, index) => {
				// Each region gets its share of the line, so every region's state stays visible.
				const budget = Math.floor(columns / health.length) - region.region.length - 3;
				const summary = regionSummary(region, now, staleAfterMs, budget);
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

export function Header({now}: {readonly now: number}) {
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
			</Text>
			{context.accounts ? <LocationLine theme={theme} now={now} /> : <RegionLine theme={theme} now={now} />}
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
