/** A windowed list of steps with the selected one highlighted (detail and location screens). */
import {useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import type {StepExecution} from '../../core/types.js';
import {elapsed, fit, relativeTime, statusSymbol} from '../../core/format.js';
import {visibleText} from '../../core/visible-text.js';
import {COLUMN_GAP, scrollOffset, stepColumns, type StepColumns} from '../layout.js';
import {useTheme} from '../theme-context.js';
import {statusColor} from '../theme.js';

const GAP = ' '.repeat(COLUMN_GAP);

function cells(
	columns: StepColumns,
	values: {name: string; action: string; status: string; started: string; duration: string; attempts: string; onFailure: string},
	ascii: boolean,
): {status: string; rest: string} {
	// Names from the runbook are made visible before fitting, so the columns stay aligned.
	const shown = (text: string) => visibleText(text, {oneLine: true});
	const parts: string[] = [fit(shown(values.name), columns.name, {ascii})];
	if (columns.action > 0) parts.push(fit(shown(values.action), columns.action, {ascii}));
	const afterStatus: string[] = [fit(values.started, columns.started, {alignRight: true}), fit(values.duration, columns.duration, {alignRight: true})];
	if (columns.attempts > 0) afterStatus.push(fit(values.attempts, columns.attempts, {alignRight: true}));
	if (columns.onFailure > 0) afterStatus.push(fit(shown(values.onFailure), columns.onFailure, {ascii}));
	return {status: `${parts.join(GAP)}${GAP}${fit(values.status, columns.status, {ascii})}`, rest: `${GAP}${afterStatus.join(GAP)}`};
}

export interface StepListProps {
	readonly steps: readonly StepExecution[];
	readonly selected: number;
	readonly height: number;
	readonly width: number;
	readonly now: number;
	/** Dim the selection when another pane has the focus. */
	readonly focused: boolean;
}

export function StepList({steps, selected, height, width, now, focused}: StepListProps) {
	const theme = useTheme();
	const columns = stepColumns(width);
	const rowsHeight = Math.max(1, height - 1);
	const offset = useRef(0);
	offset.current = scrollOffset(offset.current, selected, rowsHeight, steps.length);
	const heading = cells(
		columns,
		{name: 'STEP', action: 'ACTION', status: 'STATUS', started: 'STARTED', duration: 'TOOK', attempts: 'TRIES', onFailure: 'ON FAILURE'},
		theme.ascii,
	);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate-end">
				{heading.status + heading.rest}
			</Text>
			{steps.length === 0 ? <Text dimColor>No steps yet.</Text> : null}
			{steps.slice(offset.current, offset.current + rowsHeight).map((step, index) => {
				const position = offset.current + index;
				const {status, rest} = cells(
					columns,
					{
						name: step.stepName,
						action: step.action ?? '',
						status: `${statusSymbol(step.status, theme.ascii)} ${step.status}`,
						started: relativeTime(step.startTime, now).replace(' ago', ''),
						duration: elapsed(step.startTime, step.endTime, now),
						attempts: step.maxAttempts === undefined ? '' : String(step.maxAttempts),
						onFailure: step.onFailure ?? '',
					},
					theme.ascii,
				);
				const isSelected = position === selected;
				// Name and action plain, status coloured: split the prefix at the status column.
				const statusStart = status.length - columns.status;
				return (
					<Text
						key={`${step.stepExecutionId ?? step.stepName}/${position}`}
						wrap="truncate-end"
						inverse={isSelected && focused}
						bold={isSelected}
						underline={isSelected && !focused}
					>
						{status.slice(0, statusStart)}
						<Text color={statusColor(theme, step.status)}>{status.slice(statusStart)}</Text>
						{rest}
					</Text>
				);
			})}
		</Box>
	);
}
