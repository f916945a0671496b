/** A window of form fields around the focused one, each with its message beside it. */
import {Box, Text} from 'ink';
import type {ReactNode} from 'react';
import type {FieldErrors} from '../../core/start-form/settings-validation.js';
import {FieldRow} from './text-field.js';
import type {FieldDef} from './start-form-fields.js';

export interface FieldListProps {
	readonly fields: readonly FieldDef[];
	readonly focus: number;
	readonly cursor: number;
	readonly errorOf: (key: string) => string | undefined;
	readonly openChoice?: {readonly key: string; readonly index: number};
	/** How many fields fit; the window follows the focus. */
	readonly maxFields: number;
	/** Custom rendering for special kinds (the runbook list). */
	readonly renderSpecial?: (field: FieldDef, focused: boolean) => ReactNode;
}

export function windowStart(count: number, focus: number, size: number): number {
	if (count <= size) return 0;
	return Math.min(Math.max(0, focus - Math.floor(size / 2)), count - size);
}

function shownValue(field: FieldDef): string {
	if (field.kind === 'choice') return field.choices?.find(choice => choice.value === field.value)?.label ?? field.value;
	if (field.kind === 'toggle') return `[${field.value === 'yes' ? 'x' : ' '}]`;
	return field.value;
}

export function FieldList({fields, focus, cursor, errorOf, openChoice, maxFields, renderSpecial}: FieldListProps) {
	const labelWidth = Math.min(26, Math.max(8, ...fields.filter(field => field.kind !== 'button').map(field => field.label.length + 1)));
	const size = Math.max(1, maxFields);
	const start = windowStart(fields.length, focus, size);
	const visible = fields.slice(start, start + size);
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
									<Text key={choice.value} inverse={choiceIndex === open.index}>{`    ${choiceIndex === open.index ? '›' : ' '} ${choice.value === field.value ? '•' : ' '} ${choice.label}`}</Text>
								))
							: null}
					</Box>
				);
			})}
			{start + size < fields.length ? <Text dimColor>{`  ↓ ${fields.length - start - size} more`}</Text> : null}
		</Box>
	);
}
