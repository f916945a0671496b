/** A windowed list of steps with the selected one highlighted (detail and location screens). */
import {useMemo, useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import type {StepExecution} from '../../core/types.js';
import {scrollOffset, stepListColumns} from '../layout.js';
import {headerText, rowText} from '../list/row-text.js';
import {useTheme} from '../theme-context.js';
import {statusColor} from '../theme.js';

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
	// Columns from the registry (core/columns/step-columns.ts), laid out again only when the width changes.
	const columns = useMemo(() => stepListColumns(width), [width]);
	const statusWidth = columns.find(column => column.key === 'status')?.width ?? 0;
	const rowsHeight = Math.max(1, height - 1);
	const offset = useRef(0);
	offset.current = scrollOffset(offset.current, selected, rowsHeight, steps.length);
	return (
		<Box flexDirection="column" height={height}>
			<Text bold wrap="truncate-end">
				{headerText(columns, theme.ascii)}
			</Text>
			{steps.length === 0 ? <Text dimColor>No steps yet.</Text> : null}
			{steps.slice(offset.current, offset.current + rowsHeight).map((step, index) => {
				const position = offset.current + index;
				const {status, rest} = rowText(step, columns, now, theme.ascii, 'status');
				const isSelected = position === selected;
				// Name and action plain, status coloured: split the prefix at the status column.
				const statusStart = status.length - statusWidth;
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
