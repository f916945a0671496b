/**
 * Three lines on top of the detail, grid and location screens: what this execution is and how it
 * is doing. It reads the clock itself, so its ticking "took 4m01s" re-renders these lines and not
 * the screen under them (the grid's 500 cells, the step list).
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import type {Execution} from '../../core/types.js';
import {elapsed, elapsedChangesAt, relativeTime, relativeTimeChangesAt, statusSymbol, truncate} from '../../core/format.js';
import {formatZonedTimestamp, type DisplayZone} from '../../core/time-zone.js';
import {useTimed} from '../clock-context.js';
import {useZone} from '../zone-context.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs, statusColor, tint} from '../theme.js';
import {consoleUrl} from '../../core/console-link.js';
import {Hyperlink} from '../hyperlink.js';

/** The facts line ("Auto · Local · us-east-1 · started … (2m ago) · took 4m01s · by …") and when it next changes. */
function factsAt(execution: Execution, now: number, zone: DisplayZone): {readonly text: string; readonly changesAt: number} {
	const facts = [
		execution.mode ?? 'Auto',
		execution.automationType ?? 'Local',
		execution.region,
		`started ${formatZonedTimestamp(execution.startTime, zone)} (${relativeTime(execution.startTime, now)})`,
		execution.endTime === undefined ? undefined : `ended ${formatZonedTimestamp(execution.endTime, zone)}`,
		`took ${elapsed(execution.startTime, execution.endTime, now)}`,
		execution.executedBy ? `by ${execution.executedBy}` : undefined,
	].filter(Boolean);
	return {
		text: facts.join(' · '),
		changesAt: Math.min(relativeTimeChangesAt(execution.startTime, now), elapsedChangesAt(execution.startTime, execution.endTime, now)),
	};
}

export function ExecutionSummary({execution, hint}: {readonly execution: Execution; readonly hint?: string}) {
	const theme = useTheme();
	const columns = useAppStore(state => state.viewport.columns);
	const zone = useZone();
	const document = execution.documentVersion ? `${execution.documentName}:${execution.documentVersion}` : execution.documentName;
	const facts = useTimed(now => factsAt(execution, now, zone));
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
				{'  '}
				{/* The id links to the execution in the AWS console, where the terminal has hyperlinks. */}
				<Hyperlink url={consoleUrl(execution.region, execution.id)}>
					<Text>{execution.id}</Text>
				</Hyperlink>
				{'  '}
				<Text bold>{document}</Text>
				{hint ? <Text dimColor>{glyphs(theme, `  ${hint}`)}</Text> : null}
			</Text>
			<Text wrap="truncate-end" dimColor>
				{truncate(glyphs(theme, facts.text), columns, theme.ascii)}
			</Text>
			<Text wrap="truncate-end" color={third.error ? tint(theme, 'red') : undefined}>
				{truncate(glyphs(theme, third.text), columns, theme.ascii)}
			</Text>
		</Box>
	);
}
