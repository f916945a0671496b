/** The `/` prompt: what is being typed, and what is wrong with it while it is wrong. */
import {Text} from '../text.js';
import {selectFilterErrors} from '../../store/selectors.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {glyphs} from '../theme.js';

export function FilterPrompt() {
	const draft = useAppStore(state => state.filterDraft ?? '');
	const errors = useAppStore(selectFilterErrors);
	const theme = useTheme();
	return (
		<Text wrap="truncate-start">
			<Text bold>/</Text>
			{draft}
			<Text inverse> </Text>
			{errors.length > 0 ? (
				<Text color={theme.color ? 'red' : undefined}>{`  ${errors[0]}`}</Text>
			) : (
				<Text dimColor>{glyphs(theme, '  Enter apply · Esc cancel')}</Text>
			)}
		</Text>
	);
}
