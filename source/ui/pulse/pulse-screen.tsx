/**
 * The pulse screen (`P`): for each location (account and Region), the last hour in twelve
 * five-minute buckets as sparklines — runs started, running, ended well, ended badly — from the
 * executions already polled (no extra calls), recomputed once a minute.
 */
import {useMemo} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import {fit} from '../../core/format.js';
import {pulse, sparkline} from '../../core/pulse.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, tint} from '../theme.js';
import {bodyRows} from '../layout.js';
import {useTimed} from '../clock-context.js';

const LOCATION_WIDTH = 28;
const SPARK_WIDTH = 12;

export function PulseScreen() {
	const theme = useTheme();
	const executions = useAppStore(state => state.executions);
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	// Buckets are five minutes wide: a minute's resolution is plenty, so the figures change once a minute.
	const {minute} = useTimed(now => {
		const minute = Math.floor(now / 60_000);
		return {minute, changesAt: (minute + 1) * 60_000};
	});
	const rows = useMemo(() => pulse(Object.values(executions), (minute + 1) * 60_000), [executions, minute]);
	const height = Math.max(1, bodyRows(viewport, banner) - 4);
	const cell = (values: readonly number[], total: number | string) => `${sparkline(values, theme.ascii)} ${fit(String(total), 4, {alignRight: true})}`;
	const heading = `${fit('LOCATION', LOCATION_WIDTH)} ${fit('STARTED', SPARK_WIDTH + 5)} ${fit('RUNNING', SPARK_WIDTH + 5)} ${fit('OK', SPARK_WIDTH + 5)} ${fit('FAILED', SPARK_WIDTH + 5)}`;
	return (
		<Box flexDirection="column">
			<Text bold>{glyphs(theme, 'Pulse · the last hour per location, 5-minute buckets, oldest → newest (Esc: back)')}</Text>
			<Text dimColor>From the executions already polled; running = at the end of each bucket, the number after it = now; others = totals.</Text>
			<Text bold wrap="truncate-end">
				{heading}
			</Text>
			{rows.length === 0 ? <Text dimColor>No executions in the last hour.</Text> : null}
			{rows.slice(0, height).map(row => (
				<Text key={row.location} wrap="truncate-end">
					{fit(row.location, LOCATION_WIDTH)} {cell(row.series.started, row.totals.started)}{' '}
					<Text color={tint(theme, 'cyan')}>{cell(row.series.running, row.totals.runningNow)}</Text>{' '}
					<Text color={tint(theme, 'green')}>{cell(row.series.succeeded, row.totals.succeeded)}</Text>{' '}
					<Text color={tint(theme, 'red')}>{cell(row.series.failed, row.totals.failed)}</Text>
				</Text>
			))}
			{rows.length > height ? <Text dimColor>{glyphs(theme, `… ${rows.length - height} more locations`)}</Text> : null}
		</Box>
	);
}
