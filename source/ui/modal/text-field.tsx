/** One form row: label, value (with a cursor when focused), and the field's message beside it. */
import {Box} from 'ink';
import {Text} from '../text.js';
import {tint} from '../theme.js';
import {useTheme} from '../theme-context.js';
import {fillKeyRefs} from './dialog-keys.js';

export interface FieldRowProps {
	readonly label: string;
	readonly labelWidth: number;
	readonly value: string;
	readonly focused: boolean;
	/** Cursor position when the row is an editable text field. */
	readonly cursor?: number;
	readonly required?: boolean;
	readonly error?: string;
	readonly hint?: string;
	readonly placeholder?: string;
}

export function FieldRow({label, labelWidth, value, focused, cursor, required, error, hint, placeholder}: FieldRowProps) {
	const theme = useTheme();
	const chars = Array.from(value);
	const marker = focused ? (theme.ascii ? '>' : '›') : ' ';
	const title = `${label}${required ? '*' : ''}`.padEnd(labelWidth);
	let body;
	if (focused && cursor !== undefined) {
		const at = Math.min(cursor, chars.length);
		body = (
			<Text>
				{chars.slice(0, at).join('')}
				<Text inverse>{chars[at] ?? ' '}</Text>
				{chars.slice(at + 1).join('')}
			</Text>
		);
	} else if (value === '' && placeholder) body = <Text dimColor>{fillKeyRefs(placeholder, theme.ascii)}</Text>;
	else body = <Text>{value}</Text>;
	return (
		<Box flexDirection="column">
			<Text wrap="truncate-end">
				<Text bold={focused}>{`${marker} ${title} `}</Text>
				{body}
			</Text>
			{error ? (
				<Text color={tint(theme, 'red')} wrap="wrap">{`    ${theme.ascii ? '!' : '✗'} ${error}`}</Text>
			) : focused && hint ? (
				<Text dimColor wrap="truncate-end">{`    ${fillKeyRefs(hint, theme.ascii)}`}</Text>
			) : null}
		</Box>
	);
}
