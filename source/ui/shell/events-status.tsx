/** The header's events phrase (--events-queue): events or polling, and the last event's lag (events-summary.ts). */
import {Text} from '../text.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {tint} from '../theme.js';
import {contextLocations} from '../../core/location.js';
import {eventsSummary} from './events-summary.js';

export function EventsStatus() {
	const theme = useTheme();
	const feed = useAppStore(state => state.eventsFeed);
	const context = useAppStore(state => state.context);
	const summary = eventsSummary(feed, contextLocations(context).length);
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
