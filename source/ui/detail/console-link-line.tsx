/**
 * The execution's AWS console URL on the detail's Tab pane: a short OSC 8 link where the terminal has
 * hyperlinks, else the URL itself, wrapped whole (a URL cut with "…" would not open).
 */
import {Text} from '../text.js';
import {consoleUrl} from '../../core/console-link.js';
import type {Execution} from '../../core/types.js';
import {Hyperlink} from '../hyperlink.js';
import {useTheme} from '../theme-context.js';

const PREFIX = 'AWS console: ';
const LINK_TEXT = 'open this execution (o: copy the URL)';

/** Lines the console line takes at `width` (none when the execution has no console URL). */
export function consoleLinkLines(execution: Execution, width: number, hyperlinks: boolean): number {
	const url = consoleUrl(execution.region, execution.id);
	if (!url) return 0;
	return hyperlinks ? 1 : Math.ceil((PREFIX.length + url.length) / Math.max(1, width));
}

export function ConsoleLinkLine({execution}: {readonly execution: Execution}) {
	const theme = useTheme();
	const url = consoleUrl(execution.region, execution.id);
	if (!url) return null;
	return (
		<Text wrap={theme.hyperlinks ? 'truncate-end' : 'wrap'}>
			<Text dimColor>{PREFIX}</Text>
			<Hyperlink url={url}>
				<Text underline={theme.hyperlinks === true}>{theme.hyperlinks ? LINK_TEXT : url}</Text>
			</Hyperlink>
		</Text>
	);
}
