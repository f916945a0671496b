/**
 * A windowed list of steps with the selected one highlighted (detail and location screens). Rows
 * are memoised and read the clock themselves: a running step's duration re-renders its own row
 * each second, a finished step's row only when its "started" text changes.
 */
import {memo, useMemo, useRef} from 'react';
import {Box} from 'ink';
import {Text} from '../text.js';
import type {StepExecution} from '../../core/types.js';
import type {StepColumnKey} from '../../core/columns/step-columns.js';
import {scrollOffset, stepListColumns, type FittedColumn} from '../layout.js';
import {headerText, rowText} from '../list/row-text.js';
import {useTimed} from '../clock-context.js';
import {useTheme} from '../theme-context.js';
import {statusColor, type Theme} from '../theme.js';

export interface StepListProps {
	readonly steps: readonly StepExecution[];
	readonly selected: number;
	readonly height: number;
	readonly width: number;
	/** Dim the selection when another pane has the focus. */
	readonly focused: boolean;
}

interface StepRowProps {
	readonly step: StepExecution;
	readonly columns: ReadonlyArray<FittedColumn<StepExecution, StepColumnKey>>;
	readonly statusWidth: number;
	readonly selected: boolean;
	readonly focused: boolean;
	readonly theme: Theme;
}

const StepRow = memo(function StepRow({step, columns, statusWidth, selected, focused, theme}: StepRowProps) {
	const {status, rest} = useTimed(now => rowText(step, columns, now, theme.ascii, 'status'));
	// Name and action plain, status coloured: split the prefix at the status column.
	const statusStart = status.length - statusWidth;
	return (
		<Text wrap="truncate-end" inverse={selected && focused} bold={selected} underline={selected && !focused}>
			{status.slice(0, statusStart)}
			<Text color={statusColor(theme, step.status)}>{status.slice(statusStart)}</Text>
			{rest}
		</Text>
	);
});

export function StepList({steps, selected, height, width, focused}: StepListProps) {
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
				return (
					<StepRow
						key={`${step.stepExecutionId ?? step.stepName}/${position}`}
						step={step}
						columns={columns}
						statusWidth={statusWidth}
						selected={position === selected}
						focused={focused}
						theme={theme}
					/>
				);
			})}
		</Box>
	);
}
