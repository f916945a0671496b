/**
 * Renders a React/Ink tree into a fake terminal of a fixed size, lets a script press keys, and
 * returns everything Ink wrote: replayed by the mini terminal, that is exactly the final screen.
 */
import {render} from 'ink';
import type {ReactNode} from 'react';
import {createFakeTerminal, type FakeTerminal} from '../bench/fake-terminal.js';

export type CaptureOptions = {
	columns: number;
	rows: number;
	/** Drives the app before the capture: press keys, then wait for the screen (terminal.stdout.screenText()). */
	interact?: (terminal: FakeTerminal) => Promise<void>;
	/** How long to wait for Ink's first frame (default 5000 ms). */
	timeoutMs?: number;
};

/** The full output stream of the render; feed it to `ansiToSvg` or `renderAnsiToScreen` with the same size. */
export async function captureInkOutput(node: ReactNode, options: CaptureOptions): Promise<string> {
	// A live screen lets `interact` wait for what the user would see: terminal.stdout.screenText().
	const terminal = createFakeTerminal({columns: options.columns, rows: options.rows, screen: true});
	const firstFrame = terminal.stdout.nextWrite({timeoutMs: options.timeoutMs ?? 5000});
	const instance = render(node, terminal.inkOptions);
	try {
		await firstFrame;
		await options.interact?.(terminal);
		return terminal.stdout.outputSinceMark();
	} finally {
		instance.unmount();
		instance.cleanup();
	}
}
