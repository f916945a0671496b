/**
 * The notifications pane (`!`): what ended among the watched runs and what waits for a person,
 * newest first; Enter opens that execution. The same notices rang the bell and went to the desktop.
 */
import {Box} from 'ink';
import {Text} from '../text.js';
import {fit, shortId} from '../../core/format.js';
import {useAppStore} from '../store-context.js';
import {useTheme} from '../theme-context.js';
import {tint} from '../theme.js';
import {bodyRows} from '../layout.js';
import {formatKey, KEYMAP} from '../keymap.js';

/** Local wall-clock time of a notice, to the second. */
function clockTime(at: number): string {
	const date = new Date(at);
	return [date.getHours(), date.getMinutes(), date.getSeconds()].map(part => String(part).padStart(2, '0')).join(':');
}

export function NoticesOverlay() {
	const theme = useTheme();
	const notices = useAppStore(state => state.notices);
	const cursor = useAppStore(state => (state.modal.kind === 'notices' ? state.modal.cursor : 0));
	const viewport = useAppStore(state => state.viewport);
	const banner = useAppStore(state => state.banner !== undefined);
	const rows = Math.max(1, bodyRows(viewport, banner) - 4);
	const start = Math.max(0, Math.min(cursor - Math.floor(rows / 2), notices.length - rows));
	const width = viewport.columns - 4;
	const close = KEYMAP.find(binding => binding.command === 'notices.close')!.keys.map(spec => formatKey(spec, theme.ascii));
	return (
		<Box flexDirection="column" borderStyle={theme.ascii ? 'classic' : 'round'} paddingX={1}>
			<Text bold>{`Notifications · ${notices.length === 0 ? 'none yet' : `${notices.length}, newest first`}`}</Text>
			{notices.length === 0 ? (
				<Text dimColor wrap="wrap">
					Watched runs (w, and every run started or re-run here) are told about when they end; any run that starts waiting for an approval or for input is told
					about too.
				</Text>
			) : (
				notices.slice(start, start + rows).map((notice, offset) => {
					const selected = start + offset === cursor;
					const mark = notice.kind === 'ended' ? (notice.problem ? (theme.ascii ? 'x' : '✗') : theme.ascii ? 'v' : '✓') : theme.ascii ? '!' : '⏸';
					const line = `${selected ? (theme.ascii ? '>' : '›') : ' '} ${clockTime(notice.at)} ${mark} ${shortId(notice.executionId)} ${notice.region}  ${notice.text}`;
					return (
						<Text
							key={notice.key}
							inverse={selected}
							wrap="truncate-end"
							color={notice.problem ? tint(theme, 'red') : notice.kind === 'needs-you' ? tint(theme, 'yellow') : undefined}
						>
							{fit(line, width, {ascii: theme.ascii})}
						</Text>
					);
				})
			)}
			<Text dimColor>{`Enter: open that execution · ${close.join('/')}: close`}</Text>
		</Box>
	);
}
