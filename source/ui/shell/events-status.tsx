/** The header's events phrase (--events-queue): each location's mode, events or polling, and the last event's lag (events-summary.ts). */
import {Text} from '../text.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {tint} from '../theme.js';
import {accountLabel, parseLocationKey} from '../../core/location.js';
import {selectLocationModes} from '../../store/location-modes.js';
import {eventsSummary} from './events-summary.js';

export function EventsStatus() {
	const theme = useTheme();
	const feed = useAppStore(state => state.eventsFeed);
	const modes = useAppStore(selectLocationModes);
	const context = useAppStore(state => state.context);
	const columns = useAppStore(state => state.viewport.columns);
	const name = (key: string): string => {
		const {account, region} = parseLocationKey(key);
		return account === undefined ? region : `${accountLabel(context, account)}/${region}`;
	};

	// The first line also holds the connection and the budget: the phrase names locations in up to half of it.
	const summary = modes && eventsSummary(feed, modes, name, Math.floor(columns / 2));
	if (!summary) return null;
	return (
		<Text
			color={summary.level === 'warn' ? tint(theme, 'yellow') : summary.level === 'ok' ? tint(theme, 'green') : undefined}
			dimColor={summary.level === 'idle'}
		>
			{`  ${summary.text}`}
		</Text>
	);
}
