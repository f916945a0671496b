/** A context-wide problem (e.g. expired credentials) in one line above the body. */
import {Text} from 'ink';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {tint} from '../theme.js';

const COLORS = {info: 'cyan', warning: 'yellow', error: 'red'} as const;

export function Banner() {
	const banner = useAppStore(state => state.banner);
	const theme = useTheme();
	if (!banner) return null;
	return (
		<Text wrap="truncate-end" bold inverse color={tint(theme, COLORS[banner.level])}>
			{` ${banner.level === 'error' ? 'ERROR' : banner.level === 'warning' ? 'WARNING' : 'NOTE'}: ${banner.message} `}
		</Text>
	);
}
