/** Three header lines: where we are connected, how each region's refresh is doing, counts by status. */
import {Box, Text} from 'ink';
import {useShallow} from 'zustand/react/shallow';
import type {RegionState} from '../../core/types.js';
import {formatDuration, relativeTime, statusSymbol} from '../../core/format.js';
import type {StatusGroup} from '../../core/status.js';
import {selectExecutionCount, selectStatusCounts} from '../../store/selectors.js';
import type {ConnectionContext} from '../../store/state.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {groupColor, tint, type Theme} from '../theme.js';
import {fitRegionText} from './region-error-text.js';

const GROUP_LABELS: ReadonlyArray<readonly [StatusGroup, string, string]> = [
	['running', 'running', 'InProgress'],
	['waiting', 'waiting', 'Waiting'],
	['problem', 'failed', 'Failed'],
	['success', 'ok', 'Success'],
	['cancelled', 'cancelled', 'Cancelled'],
];

function contextLabel(context: ConnectionContext): string {
	if (context.local) return 'LOCAL EMULATOR';
	if (context.profile) return `profile ${context.profile}`;
	if (context.endpoint) return context.endpoint;
	return context.label;
}

/** How one region's polling is doing, in words. */
export function regionSummary(state: RegionState | undefined, now: number): {readonly text: string; readonly level: 'ok' | 'warn' | 'error' | 'idle'} {
	if (!state) return {text: 'waiting', level: 'idle'};
	if (state.throttled || (state.backoffUntil !== undefined && state.backoffUntil > now)) {
		const retry = state.backoffUntil !== undefined && state.backoffUntil > now ? `, retry in ${formatDuration(state.backoffUntil - now)}` : '';
		return {text: `${state.throttled ? 'throttled' : 'backing off'}${retry}`, level: 'warn'};
	}

	if (state.lastError && (state.lastSuccessAt === undefined || state.lastError.at >= state.lastSuccessAt)) {
		return {text: `error: ${state.lastError.message}`, level: 'error'};
	}

	if (state.lastSuccessAt !== undefined) return {text: `${state.inFlight ? 'refreshing' : 'ok'} ${relativeTime(state.lastSuccessAt, now)}`, level: 'ok'};
	return {text: state.inFlight ? 'loading' : 'waiting', level: 'idle'};
}

const LEVEL_COLORS = {ok: 'green', warn: 'yellow', error: 'red', idle: undefined} as const;

function RegionLine({theme, now}: {readonly theme: Theme; readonly now: number}) {
	const regions = useAppStore(state => state.regions);
	const order = useAppStore(state => state.context.regions);
	const columns = useAppStore(state => state.viewport.columns);
	return (
		<Text wrap="truncate-end">
			{order.map((region, index) => {
				const summary = regionSummary(regions[region], now);
				// Each region gets its share of the line, so every region's state stays visible.
				const text = fitRegionText(summary.text, regions[region], Math.floor(columns / order.length) - region.length - 3);
				const color = LEVEL_COLORS[summary.level];
				return (
					<Text key={region}>
						{index > 0 ? '  ' : ''}
						<Text bold>{region}</Text> <Text color={color ? tint(theme, color) : undefined} dimColor={summary.level === 'idle'}>{text}</Text>
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
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate-end">
				<Text bold>ssmtop</Text>{'  '}
				<Text bold inverse={context.local} color={tint(theme, context.local ? 'yellow' : 'cyan')}>
					{context.local ? ' LOCAL EMULATOR ' : contextLabel(context)}
				</Text>
				{context.account ? <Text dimColor>{`  account ${context.account}`}</Text> : null}
				{context.readOnly ? <Text bold>{'  [READ-ONLY]'}</Text> : null}
				{paused ? <Text bold color={tint(theme, 'yellow')}>{'  [PAUSED]'}</Text> : null}
			</Text>
			<RegionLine theme={theme} now={now} />
			<Text wrap="truncate-end">
				{GROUP_LABELS.map(([group, label, representative]) => (
					<Text key={group} color={groupColor(theme, group)}>
						{`${statusSymbol(representative, theme.ascii)} ${counts[group]} ${label}  `}
					</Text>
				))}
				<Text dimColor>{`${total} total`}</Text>
				{filter ? <Text>{`  filter: ${filter}`}</Text> : null}
			</Text>
		</Box>
	);
}
