/** Three lines on top of the detail, grid and location screens: what this execution is and how it is doing. */
import {Box} from 'ink';
import {Text} from '../text.js';
import type {Execution} from '../../core/types.js';
import {elapsed, relativeTime, statusSymbol, truncate} from '../../core/format.js';
import {formatZonedTimestamp} from '../../core/time-zone.js';
import {useZone} from '../zone-context.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, statusColor, tint} from '../theme.js';

export function ExecutionSummary({execution, now, hint}: {readonly execution: Execution; readonly now: number; readonly hint?: string}) {
	const theme = useTheme();
	const columns = useAppStore(state => state.viewport.columns);
	const zone = useZone();
	const document = execution.documentVersion ? `${execution.documentName}:${execution.documentVersion}` : execution.documentName;
	const facts = [
		execution.mode ?? 'Auto',
		execution.automationType ?? 'Local',
		execution.region,
		`started ${formatZonedTimestamp(execution.startTime, zone)} (${relativeTime(execution.startTime, now)})`,
		execution.endTime === undefined ? undefined : `ended ${formatZonedTimestamp(execution.endTime, zone)}`,
		`took ${elapsed(execution.startTime, execution.endTime, now)}`,
		execution.executedBy ? `by ${execution.executedBy}` : undefined,
	].filter(Boolean);
	const third = execution.failureMessage
		? {text: `✗ ${execution.failureMessage}`, error: true}
		: {
				text: execution.currentStepName ? `current step: ${execution.currentStepName}${execution.currentAction ? ` (${execution.currentAction})` : ''}` : '',
				error: false,
			};
	return (
		<Box flexDirection="column" flexShrink={0}>
			<Text wrap="truncate-end">
				<Text bold color={statusColor(theme, execution.status)}>{`${statusSymbol(execution.status, theme.ascii)} ${execution.status}`}</Text>
				{`  ${execution.id}  `}
				<Text bold>{document}</Text>
				{hint ? <Text dimColor>{glyphs(theme, `  ${hint}`)}</Text> : null}
			</Text>
			<Text wrap="truncate-end" dimColor>
				{truncate(glyphs(theme, facts.join(' · ')), columns, theme.ascii)}
			</Text>
			<Text wrap="truncate-end" color={third.error ? tint(theme, 'red') : undefined}>
				{truncate(glyphs(theme, third.text), columns, theme.ascii)}
			</Text>
		</Box>
	);
}
