/** A context-wide problem (e.g. expired credentials) in one line above the body. */
import {Text} from '../text.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {tint} from '../theme.js';
import {KEYMAP} from '../keymap.js';

const COLORS = {info: 'cyan', warning: 'yellow', error: 'red'} as const;

// The banner is one line and its message (e.g. expired credentials, naming profile and endpoint)
// is often cut, so what the user can do about a pause goes first (found by the credentials drill).
const PAUSE_KEY = KEYMAP.find(binding => binding.command === 'pause')?.keys[0]?.input ?? 'p';

export function Banner() {
	const banner = useAppStore(state => state.banner);
	const paused = useAppStore(state => state.paused);
	const theme = useTheme();
	if (!banner) return null;
	const label = banner.level === 'error' ? 'ERROR' : banner.level === 'warning' ? 'WARNING' : 'NOTE';
	const hint = paused && banner.level === 'error' ? ` (polling paused, ${PAUSE_KEY} resumes)` : '';
	return (
		<Text wrap="truncate-end" bold inverse color={tint(theme, COLORS[banner.level])}>
			{` ${label}${hint}: ${banner.message} `}
		</Text>
	);
}
