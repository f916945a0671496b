/**
 * Its children as an OSC 8 hyperlink to `url`, when the theme says the terminal has them. The link
 * is added by Ink's Transform to the text Ink has already measured and laid out, so the escape bytes
 * take no columns; the children are drawn through the app's Text (visible controls) as anywhere
 * else, and the url is a ConsoleUrl, built from a validated Region and execution id. Without
 * hyperlinks (or a url) it is just its children.
 */
import type {ReactNode} from 'react';
import {Transform} from 'ink';
import {hyperlink, type ConsoleUrl} from '../core/console-link.js';
import {useTheme} from './theme-context.js';

export function Hyperlink({url, children}: {readonly url: ConsoleUrl | undefined; readonly children: ReactNode}) {
	const theme = useTheme();
	if (!url || !theme.hyperlinks) return children;
	return <Transform transform={line => hyperlink(url, line)}>{children}</Transform>;
}
