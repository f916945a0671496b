/** A window of form fields around the focused one, each with its message beside it. */
import {Box} from 'ink';
import {Text} from '../text.js';
import type {ReactNode} from 'react';
import {FieldRow} from './text-field.js';
import type {FieldDef} from '../../core/dialogs/start-form-fields.js';

export interface FieldListProps {
	readonly fields: readonly FieldDef[];
	readonly focus: number;
	readonly cursor: number;
	readonly errorOf: (key: string) => string | undefined;
	readonly openChoice?: {readonly key: string; readonly index: number};
	/** Terminal lines the fields may use; the window follows the focus. */
	readonly maxLines: number;
	/** Columns available, to estimate how many lines a message wraps to. */
	readonly width: number;
	/** Custom rendering for special kinds (the runbook list), with the lines it takes. */
	readonly renderSpecial?: (field: FieldDef, focused: boolean) => ReactNode;
	readonly specialLines?: number;
}

/** Lines a field takes on screen: its row, plus its message (or hint when focused), plus an open choice list. */
export function fieldLines(field: FieldDef, focused: boolean, error: string | undefined, open: boolean, width: number, specialLines = 1): number {
	if (field.kind === 'documents') return specialLines;
	if (field.kind === 'button') return 1;
	const message = error ?? (focused ? field.hint : undefined);
	const messageLines = message === undefined ? 0 : error === undefined ? 1 : Math.ceil((message.length + 6) / Math.max(20, width));
	return 1 + messageLines + (open ? (field.choices?.length ?? 0) : 0);
}

/** The first and last+1 field shown: the focused one, then neighbours while the lines last (two kept for the ↑/↓ markers). */
export function fieldWindow(heights: readonly number[], focus: number, maxLines: number): {start: number; end: number} {
	const total = heights.reduce((sum, height) => sum + height, 0);
	if (total <= maxLines) return {start: 0, end: heights.length};
	const budget = Math.max(1, maxLines - 2);
	let start = Math.min(Math.max(0, focus), Math.max(0, heights.length - 1));
	let end = start + 1;
	let used = heights[start] ?? 1;
	const grow = (down: boolean): boolean => {
		const index = down ? end : start - 1;
		const height = heights[index];
		if (height === undefined || used + height > budget) return false;
		used += height;
		if (down) end += 1;
		else start -= 1;
		return true;
	};
	// Keep the focus near the middle: grow on the side with fewer fields shown, else on the other.
	for (;;) {
		const preferDown = end - 1 - focus <= focus - start;
		if (!grow(preferDown) && !grow(!preferDown)) break;
	}
	return {start, end};
}

function shownValue(field: FieldDef): string {
	if (field.kind === 'choice') return field.choices?.find(choice => choice.value === field.value)?.label ?? field.value;
	if (field.kind === 'toggle') return `[${field.value === 'yes' ? 'x' : ' '}]`;
	return field.value;
}

export function FieldList({fields, focus, cursor, errorOf, openChoice, maxLines, width, renderSpecial, specialLines}: FieldListProps) {
	const labelWidth = Math.min(26, Math.max(8, ...fields.filter(field => field.kind !== 'button').map(field => field.label.length + 1)));
	const heights = fields.map((field, index) => fieldLines(field, index === focus, errorOf(field.key), openChoice?.key === field.key, width, specialLines));
	const {start, end} = fieldWindow(heights, focus, maxLines);
	const visible = fields.slice(start, end);
	return (
		<Box flexDirection="column">
			{start > 0 ? <Text dimColor>{`  ↑ ${start} more`}</Text> : null}
			{visible.map((field, offset) => {
				const index = start + offset;
				const focused = index === focus;
				if (field.kind === 'documents' && renderSpecial) return <Box key={field.key}>{renderSpecial(field, focused)}</Box>;
				if (field.kind === 'button')
					return (
						<Text key={field.key} bold={focused} inverse={focused}>
							{`${focused ? '›' : ' '} ${field.label}  `}
						</Text>
					);
				const open = openChoice && openChoice.key === field.key ? openChoice : undefined;
				return (
					<Box key={field.key} flexDirection="column">
						<FieldRow
							label={field.label}
							labelWidth={labelWidth}
							value={shownValue(field)}
							focused={focused}
							{...(field.kind === 'text' ? {cursor} : {})}
							{...(field.required ? {required: true} : {})}
							{...(errorOf(field.key) ? {error: errorOf(field.key)!} : {})}
							{...(field.hint ? {hint: field.hint} : {})}
							{...(field.placeholder ? {placeholder: field.placeholder} : {})}
						/>
						{open
							? (field.choices ?? []).map((choice, choiceIndex) => (
									<Text
										key={choice.value}
										inverse={choiceIndex === open.index}
									>{`    ${choiceIndex === open.index ? '›' : ' '} ${choice.value === field.value ? '•' : ' '} ${choice.label}`}</Text>
								))
							: null}
					</Box>
				);
			})}
			{end < fields.length ? <Text dimColor>{`  ↓ ${fields.length - end} more`}</Text> : null}
		</Box>
	);
}
