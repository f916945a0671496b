/**
 * The request budget in the header's first line: the calls per minute as measured, and, while the
 * budget cannot cover every location each interval, how far the interval stretched.
 */
import {Text} from '../text.js';
import type {AppState} from '../../store/app-store.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {tint} from '../theme.js';

const selectCallsPerMinute = (state: AppState): number | undefined => state.budget?.callsPerMinute;
const selectStretchedIntervalMs = (state: AppState): number | undefined => state.budget?.stretchedIntervalMs;

/** "interval stretched to 45s by the budget", or undefined while the budget keeps up. */
export function stretchText(stretchedMs: number | undefined): string | undefined {
	return stretchedMs === undefined ? undefined : `interval stretched to ${Math.round(stretchedMs / 1000)}s by the budget`;
}

export function BudgetStatus() {
	const theme = useTheme();
	const callsPerMinute = useAppStore(selectCallsPerMinute);
	const stretched = stretchText(useAppStore(selectStretchedIntervalMs));
	if (callsPerMinute === undefined) return null;
	return (
		<Text>
			{/* The stretch first: on a narrow terminal the line is cut at its end. */}
			{stretched ? <Text color={tint(theme, 'yellow')}>{`  ${stretched}`}</Text> : null}
			<Text dimColor>{`  ${callsPerMinute} calls/min`}</Text>
		</Text>
	);
}
