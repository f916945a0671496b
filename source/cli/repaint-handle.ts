/**
 * Hands the CLI Ink's own way to draw the whole frame again, for the terminal lifecycle to call
 * when ssmtop gets the terminal back from the shell. Ink 6.8 only writes a frame that changed;
 * useStdout().write(text) clears what Ink drew, writes the text and then the last frame in full,
 * so an empty text is a plain repaint. Renders nothing. (Imported with Ink, after NODE_ENV is set.)
 */
import {useEffect} from 'react';
import {useStdout} from 'ink';

export function RepaintHandle({onReady}: {readonly onReady: (repaint: () => void) => void}): null {
	const {write} = useStdout();
	useEffect(() => {
		onReady(() => write(''));
	}, [onReady, write]);
	return null;
}
