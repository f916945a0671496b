/** Shown instead of everything else while the terminal is smaller than 80×24. */
import {Box} from 'ink';
import {Text} from '../text.js';
import {MIN_COLUMNS, MIN_ROWS} from '../layout.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';

export function TooSmall({columns, rows}: {readonly columns: number; readonly rows: number}) {
	const theme = useTheme();
	return (
		<Box flexDirection="column">
			<Text bold>{glyphs(theme, `Terminal too small (needs ${MIN_COLUMNS}×${MIN_ROWS}) — resize me.`)}</Text>
			<Text>{glyphs(theme, `Now ${columns}×${rows}. ssmtop carries on as soon as it grows; q quits.`)}</Text>
		</Box>
	);
}
