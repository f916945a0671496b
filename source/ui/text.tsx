/**
 * The views' Text: Ink's Text, with every string child shown through visibleText, so data from
 * AWS (a parameter holding `ESC ] 2 ; … BEL`, a step name holding `ESC [ 41 m`) is shown, not
 * obeyed. Ink's own Text keeps SGR and OSC sequences; the only escape sequences on screen are the
 * ones Ink makes from this component's props. ESLint keeps source/ui from importing Ink's Text.
 */
import {createContext, useContext, type ReactNode} from 'react';
import {Text as InkText, type TextProps} from 'ink';
import {visibleText} from '../core/visible-text.js';

/**
 * Ink lays nested Text out with the outermost one's wrap mode, so a nested Text inside a
 * truncated line is one line too, whatever its own `wrap` says.
 */
const OneLine = createContext(false);

/** Every mode but "wrap" keeps the text on its lines (truncate-*, and Ink's "end"/"middle" that do neither). */
const isOneLine = (wrap: TextProps['wrap']): boolean => wrap !== undefined && wrap !== 'wrap';

function visibleChildren(children: ReactNode, oneLine: boolean): ReactNode {
	if (typeof children === 'string') return visibleText(children, {oneLine});
	// Elements pass unchanged (a nested Text shows its own children); numbers have no controls.
	if (Array.isArray(children)) return children.map((child: ReactNode) => visibleChildren(child, oneLine));
	return children;
}

export function Text({children, 'aria-label': ariaLabel, ...props}: TextProps) {
	const inOneLine = useContext(OneLine);
	const oneLine = inOneLine || isOneLine(props.wrap);
	const text = (
		<InkText {...props} {...(ariaLabel === undefined ? {} : {'aria-label': visibleText(ariaLabel, {oneLine})})}>
			{visibleChildren(children, oneLine)}
		</InkText>
	);
	// Only nested elements need to know; a plain string (most Texts) skips the provider.
	return oneLine && !inOneLine && typeof children === 'object' && children !== null ? <OneLine value>{text}</OneLine> : text;
}
