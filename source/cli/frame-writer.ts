/**
 * What goes to the terminal for a frame: Ink's frame writer (its log-update) replaced by one that
 * rewrites only the lines that changed, each frame in one write wrapped in synchronized output
 * (`ESC[?2026h … ESC[?2026l`: a terminal that knows the mode shows the frame whole, others ignore it).
 *
 * Ink 6.8's own writer erases every line and writes the whole frame again (4–5 KB for a 120×34
 * list, for a cursor that moved one row); its `incrementalRendering` puts the frame one row low
 * when the frame ends in a newline, as ssmtop's do. Handed to Ink through the `createLogUpdate`
 * option that source/build/patch-ink.mjs adds to render().
 *
 * The screen model: a frame is its lines (`frame.split('\n')`; a frame that ends in a newline has
 * an empty last line, where the cursor rests). Ink draws from the cursor down, so the frame's top
 * is wherever the cursor was when it was first drawn, and after every frame the cursor is back on
 * the frame's last line. Moves are relative (CPL/CNL: up or down n lines, to column 0), as Ink's
 * are. Only a frame of the same height on a terminal of the same size is drawn as a difference;
 * anything else (the first frame, a resize, a frame of another height, a screen Ink drew itself)
 * is drawn whole after erasing the old one, as Ink's own writer always does.
 *
 * ssmtop draws no terminal cursor (the filter prompt draws its own), so cursor positions asked of
 * Ink (useCursor) are not shown; the cursor stays hidden while the UI runs.
 */
import type {Writable} from 'node:stream';
import {diffBytes} from './frame-diff.js';

const CSI = '\u001B[';
export const BEGIN_SYNCHRONIZED_UPDATE = `${CSI}?2026h`;
export const END_SYNCHRONIZED_UPDATE = `${CSI}?2026l`;
const HIDE_CURSOR = `${CSI}?25l`;
const SHOW_CURSOR = `${CSI}?25h`;
/** Erase from the cursor to the end of the screen. */
const ERASE_DOWN = `${CSI}J`;

/** The stream Ink writes to: a terminal has a size; anything else is treated as one that never changes. */
export type FrameStream = Pick<Writable, 'write'> & {
	readonly columns?: number;
	readonly rows?: number;
	readonly isTTY?: boolean;
	on?(event: 'resize', listener: () => void): unknown;
	off?(event: 'resize', listener: () => void): unknown;
};

/** Ink's LogUpdate (node_modules/ink/build/log-update.d.ts), which this stands in for. */
export interface FrameWriter {
	/** Draws a frame; false if it is what the screen shows already (nothing written). */
	(frame: string): boolean;
	/** Erases what was drawn; the next frame is drawn whole, where this one began. */
	clear(): void;
	/** The UI is done: the cursor is shown again, and what was drawn is forgotten (left on screen). */
	done(): void;
	/** Ink drew `frame` itself (after clearing the terminal): take it as what the screen shows. */
	sync(frame: string): void;
	setCursorPosition(position: {x: number; y: number} | undefined): void;
	isCursorDirty(): boolean;
	willRender(frame: string): boolean;
	/** Each frame comes wrapped in synchronized-update markers (Ink need not add its own). */
	readonly synchronized: boolean;
}

export interface FrameWriterOptions {
	/**
	 * Wrap each frame in synchronized-update markers. Default: when the stream is a terminal, as
	 * Ink decides (it also leaves them out in CI, where it writes no frames to speak of).
	 */
	readonly synchronize?: boolean;
	/** How the repaint after a resize waits for the frame laid out for the new size (default: setImmediate). */
	readonly defer?: (callback: () => void) => void;
}

/** What the screen shows, as this writer drew it. */
interface Drawn {
	readonly frame: string;
	readonly lines: readonly string[];
	readonly columns: number | undefined;
	readonly rows: number | undefined;
	/** False after sync(): Ink left the cursor where it saw fit, so the next frame is drawn whole. */
	readonly cursorOnLastLine: boolean;
}

/**
 * The bytes that turn what the screen shows (`previous`, undefined if this writer has drawn nothing
 * there) into `next` (no synchronized-update markers). Exported for the tests.
 */
export function frameBytes(previous: readonly string[] | undefined, next: readonly string[], options: {readonly whole?: boolean} = {}): string {
	// The first frame goes where the cursor is; what the terminal showed below it goes first.
	if (previous === undefined) return ERASE_DOWN + next.join('\n');
	if (options.whole || previous.length !== next.length) return eraseBytes(previous.length) + next.join('\n');
	return diffBytes(previous, next);
}

/** From the last line of a frame of `lineCount` lines: to its first line, erasing it and all below. */
function eraseBytes(lineCount: number): string {
	return lineCount === 0 ? '' : (lineCount === 1 ? '\r' : `${CSI}${lineCount === 2 ? '' : lineCount - 1}F`) + ERASE_DOWN;
}

export function createFrameWriter(stream: FrameStream, options: FrameWriterOptions = {}): FrameWriter {
	const synchronized = options.synchronize ?? stream.isTTY === true;
	// As Ink's writer (through cli-cursor) does: only a terminal has a cursor to hide.
	const hidesCursor = stream.isTTY === true;
	let drawn: Drawn | undefined;
	let cursorHidden = false;

	const write = (bytes: string): void => {
		stream.write(synchronized ? BEGIN_SYNCHRONIZED_UPDATE + bytes + END_SYNCHRONIZED_UPDATE : bytes);
	};

	const remember = (frame: string, cursorOnLastLine: boolean): void => {
		drawn = {frame, lines: frame.split('\n'), columns: stream.columns, rows: stream.rows, cursorOnLastLine};
	};

	const resized = (shown: Drawn): boolean => shown.columns !== stream.columns || shown.rows !== stream.rows;

	/** Draws `frame` over what is shown; `again`: even if it is what is shown (after a resize). */
	const paint = (frame: string, again: boolean): boolean => {
		if (drawn !== undefined && frame === drawn.frame && !again) return false;
		const lines = frame.split('\n');
		// A difference needs the old frame where it was drawn, whole on the screen, and the cursor on its last line.
		const whole = drawn !== undefined && (again || resized(drawn) || !drawn.cursorOnLastLine || (stream.rows !== undefined && lines.length > stream.rows));
		const bytes = frameBytes(drawn?.lines, lines, {whole});
		remember(frame, true);
		if (bytes === '') return false;
		write((hidesCursor && !cursorHidden ? HIDE_CURSOR : '') + bytes);
		cursorHidden = hidesCursor;
		return true;
	};

	// The terminal moved or cut lines when it changed size. A frame laid out for the new size
	// usually follows at once and is drawn whole; a frame that stays the same would not be drawn
	// at all (Ink writes only frames that changed), so it is drawn again here, a moment later. Not
	// on a narrower terminal, where its lines could wrap: there Ink clears and draws the frame
	// again itself (Ink's resized()).
	const defer = options.defer ?? ((callback: () => void) => setImmediate(callback));
	const onResize = (): void => {
		defer(() => {
			if (drawn === undefined || !resized(drawn)) return;
			if (drawn.columns === undefined || stream.columns === undefined || stream.columns >= drawn.columns) paint(drawn.frame, true);
		});
	};

	stream.on?.('resize', onResize);
	const render = (frame: string): boolean => paint(frame, false);
	return Object.assign(render, {
		synchronized,
		clear() {
			// Unwrapped: Ink clears to write something in the frame's place and draw the frame again
			// after it, inside markers of its own; the frame that follows brings its own.
			if (drawn !== undefined) stream.write(eraseBytes(drawn.lines.length));
			drawn = undefined;
		},
		done() {
			stream.off?.('resize', onResize);
			drawn = undefined;
			if (cursorHidden) stream.write(SHOW_CURSOR);
			cursorHidden = false;
		},
		sync(frame: string) {
			remember(frame, false);
		},
		setCursorPosition() {},
		isCursorDirty: () => false,
		willRender: (frame: string) => drawn === undefined || frame !== drawn.frame,
	});
}
