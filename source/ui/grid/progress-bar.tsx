/** The ProgressCounters bar: proportional segments for success, failed, cancelled, timed out and remaining, with the numbers. */
import {Text} from '../text.js';
import type {ProgressCounters} from '../../core/types.js';
import {progressSegments, type ProgressKind} from '../../core/progress.js';
import {useTheme} from '../theme-context.js';
import {progressColor} from '../theme.js';

const LABELS: Readonly<Record<ProgressKind, string>> = {success: 'ok', failed: 'failed', cancelled: 'cancelled', timedOut: 'timed out', remaining: 'remaining'};
/** Without colour each kind needs its own character to be told apart. */
const PLAIN_CHARS: Readonly<Record<ProgressKind, string>> = {success: '#', failed: 'X', cancelled: 'C', timedOut: 'T', remaining: '.'};

export function ProgressBar({counters, width}: {readonly counters: ProgressCounters; readonly width: number}) {
	const theme = useTheme();
	const numbers = progressSegments(counters, 0)
		.map(segment => `${segment.count} ${LABELS[segment.kind]}`)
		.join(theme.ascii ? ' - ' : ' · ');
	const barWidth = Math.max(10, width - [...numbers].length - 4);
	const segments = progressSegments(counters, barWidth);
	const charFor = (kind: ProgressKind): string => (!theme.color || theme.ascii ? PLAIN_CHARS[kind] : kind === 'remaining' ? '░' : '█');
	return (
		<Text wrap="truncate-end">
			{'['}
			{segments.map(segment => (
				<Text key={segment.kind} color={progressColor(theme, segment.kind)} dimColor={segment.kind === 'remaining'}>
					{charFor(segment.kind).repeat(segment.width)}
				</Text>
			))}
			{'] '}
			{numbers}
		</Text>
	);
}
