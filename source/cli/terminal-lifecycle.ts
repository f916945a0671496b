/**
 * The terminal while the UI runs, and how it is given back: the alternate screen, the cursor and
 * raw mode, across quitting, signals, job control (Ctrl-Z, kill -TSTP, kill -STOP … fg) and a
 * terminal that goes away under the app (a closed window, tmux kill-pane, an SSH drop).
 *
 * Signals and the terminal are the process's, so this module keeps one state for the process:
 * {@link takeTerminal} once the UI is about to draw, {@link TerminalSession.release} once it is done.
 */
import {writeSync} from 'node:fs';
import {constants as osConstants} from 'node:os';
import process from 'node:process';

// With the alternate screen goes bracketed paste (mode 2004): a paste arrives between markers, so the
// key tokenizer hands it over as text and never takes pasted letters for commands.
const ENTER_ALTERNATE_SCREEN = '\u001B[?1049h\u001B[?2004h';
const LEAVE_ALTERNATE_SCREEN = '\u001B[?2004l\u001B[?1049l';
const SHOW_CURSOR = '\u001B[?25h';
const HIDE_CURSOR = '\u001B[?25l';
const CLEAR_SCREEN = '\u001B[H\u001B[2J';

/** What a read or write on a terminal fails with once the terminal is gone (hung up, its pty closed). */
const TERMINAL_GONE = new Set(['EIO', 'EPIPE', 'ENXIO']);

export interface TerminalSession {
	/**
	 * How to draw the whole frame again from scratch (Ink's, once it renders): after the shell had
	 * the screen, nothing of ssmtop's is on it, and Ink only writes frames that changed.
	 */
	setRepaint(repaint: () => void): void;
	/** Gives the terminal back (main screen, cursor, cooked input) and stops handling signals: the UI has ended. */
	release(): void;
}

/** process.stdout's type: the stream, with the descriptor the handlers write to synchronously. */
type TerminalOutput = NodeJS.WriteStream & {readonly fd: number};

interface Terminal {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: TerminalOutput;
	onAlternateScreen: boolean;
	repaint: () => void;
	/** What to restore when the process continues after asking to stop; unset after SIGSTOP, which gives no warning. */
	beforeStop?: {readonly raw: boolean; readonly alternateScreen: boolean};
}

let terminal: Terminal | undefined;

/**
 * Writes at once, as the handlers below may end the process next; false if the terminal is gone.
 * Any other failure (EAGAIN from a terminal someone made non-blocking) only loses these few bytes:
 * a signal handler must not crash over them.
 */
function write(text: string): boolean {
	if (!terminal) return false;
	try {
		writeSync(terminal.stdout.fd, text);
		return true;
	} catch (error) {
		return !TERMINAL_GONE.has((error as NodeJS.ErrnoException).code ?? '');
	}
}

/**
 * Leaves the alternate screen once: leaving it again (as an exit handler would after a crash)
 * moves the cursor back to where it was saved, over whatever was printed since.
 */
export function leaveAlternateScreen(): void {
	if (!terminal?.onAlternateScreen) return;
	terminal.onAlternateScreen = false;
	write(LEAVE_ALTERNATE_SCREEN);
}

/** The shell's terminal back: the main screen, the cursor, cooked input. False if the terminal is gone. */
function giveBack(): boolean {
	if (!terminal) return true;
	const leave = terminal.onAlternateScreen ? LEAVE_ALTERNATE_SCREEN : '';
	terminal.onAlternateScreen = false;
	if (!write(leave + SHOW_CURSOR)) return false;
	if (terminal.stdin.isRaw) terminal.stdin.setRawMode(false);
	return true;
}

/**
 * Ends the process by the signal's own default action, so the shell sees the conventional status
 * (128 + its number: 129 for SIGHUP). Not process.exit(): Node's exit path resets the terminal to
 * its state at start-up (ResetStdio), and Node 20 asserts that tcsetattr succeeds there, which it
 * cannot on a terminal that is gone: "Assertion failed … ResetStdio" and a native stack on stderr
 * (nodejs/node#51519; Node 22.23 no longer asserts, since nodejs/node#58200).
 */
function exitBySignal(signal: NodeJS.Signals): never {
	// With no listener left Node restores the default action (signal-exit's listeners, Ink's and
	// restore-cursor's, would only write to the terminal that is gone and re-raise the signal).
	process.removeAllListeners(signal);
	process.kill(process.pid, signal);
	// Only if the signal could not end the process (blocked by whoever started it).
	process.exit(128 + (osConstants.signals[signal] ?? 0));
}

/** The terminal is gone: there is nothing to restore and nobody to tell; end as a hang-up does. */
function terminalGone(): never {
	if (terminal) terminal.onAlternateScreen = false;
	exitBySignal('SIGHUP');
}

function onStreamError(error: Error): void {
	if (TERMINAL_GONE.has((error as NodeJS.ErrnoException).code ?? '')) terminalGone();
	throw error;
}

/**
 * SIGINT and SIGTERM would end the process without 'exit' handlers: kill, or Ctrl-C before Ink has
 * the terminal in raw mode, would leave the user on the alternate screen. Give the terminal back
 * and exit with 128 + the signal's number.
 */
function onTerminate(signal: NodeJS.Signals): void {
	if (!giveBack()) terminalGone();
	process.exit(128 + (osConstants.signals[signal] ?? 0));
}

/**
 * SIGHUP: the terminal hung up (a closed window, tmux kill-session, an SSH drop, the shell that
 * ended); give it back if it still answers (kill -HUP), then end by SIGHUP itself, never through
 * the exit path that asserts on a terminal that is gone.
 */
function onHangUp(): void {
	giveBack();
	exitBySignal('SIGHUP');
}

/**
 * SIGTSTP (kill -TSTP, Ctrl-Z where the terminal sends it, {@link suspendToShell}): give the shell
 * its screen and a cooked terminal, stop, and take them back when continued.
 */
function onStopRequest(): void {
	if (!terminal) return;
	terminal.beforeStop = {raw: terminal.stdin.isRaw, alternateScreen: terminal.onAlternateScreen};
	if (!giveBack()) terminalGone();
	// Stop by SIGTSTP's default action, as if it had never been caught: in an orphaned process group
	// (no job-control shell to continue it, e.g. "ssh host ssmtop") the kernel discards it and ssmtop
	// carries on, where SIGSTOP would leave the terminal stopped for good. The default action only
	// applies with no listener, so the listener goes for the length of the stop.
	process.off('SIGTSTP', onStopRequest);
	try {
		process.kill(process.pid, 'SIGTSTP');
	} finally {
		process.on('SIGTSTP', onStopRequest);
	}

	// Continued (or never stopped): take the terminal back now, before a timer can draw on the
	// shell's screen; the SIGCONT that follows does it again, which costs one repaint.
	resume();
}

/**
 * SIGCONT: continued after any stop, including kill -STOP that gave no chance to prepare. The
 * shell set the terminal for itself (cooked, its own screen) while ssmtop was stopped, and Node
 * still believes stdin is raw, which makes setRawMode(true) a no-op: set cooked, then raw again.
 * In the background (kill -CONT without fg) changing the terminal's modes stops the process
 * (SIGTTOU) until fg brings it to the foreground, where this goes on.
 */
function resume(): void {
	if (!terminal) return;
	const {stdin, stdout} = terminal;
	const wanted = terminal.beforeStop ?? {raw: stdin.isRaw, alternateScreen: terminal.onAlternateScreen};
	delete terminal.beforeStop;
	if (wanted.raw) {
		if (stdin.isRaw) stdin.setRawMode(false);
		stdin.setRawMode(true);
	}

	// Entering the alternate screen again is a no-op if it is still on (after kill -STOP): clear it either way.
	const screen = wanted.alternateScreen ? ENTER_ALTERNATE_SCREEN + CLEAR_SCREEN : '';
	if (!write(screen + HIDE_CURSOR)) terminalGone();
	terminal.onAlternateScreen = wanted.alternateScreen;
	// The window may have changed size while the shell had it (SIGWINCH went to the foreground, the
	// shell): read the size now, so the frame below is laid out for it ('resize' fires if it changed).
	(stdout as {_refreshSize?: () => void})._refreshSize?.();
	terminal.repaint();
}

/**
 * Ctrl-Z in raw mode arrives as a key (byte 0x1a), not as SIGTSTP: bind it to this. It does what
 * the terminal does for Ctrl-Z with ISIG on, SIGTSTP to the whole foreground process group, so a
 * wrapper that started ssmtop (npx, npm start) stops too and the shell gets its prompt back.
 */
export function suspendToShell(): void {
	if (!terminal) return;
	process.kill(0, 'SIGTSTP');
}

/**
 * Takes the terminal for the UI: the alternate screen (it keeps the user's scrollback intact and
 * is left on exit, whatever happens), and the handlers that give the terminal back or take it
 * again: exit, SIGINT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT, and a read or write that finds it gone.
 */
export function takeTerminal(stdin: NodeJS.ReadStream, stdout: TerminalOutput): TerminalSession {
	terminal = {stdin, stdout, onAlternateScreen: false, repaint: () => {}};
	write(ENTER_ALTERNATE_SCREEN);
	terminal.onAlternateScreen = true;
	process.once('exit', leaveAlternateScreen);
	const signals = ['SIGINT', 'SIGTERM'] as const;
	for (const signal of signals) process.once(signal, onTerminate);
	process.once('SIGHUP', onHangUp);
	process.on('SIGTSTP', onStopRequest);
	process.on('SIGCONT', resume);
	stdin.on('error', onStreamError);
	stdout.on('error', onStreamError);
	const session = terminal;
	return {
		setRepaint(repaint) {
			session.repaint = repaint;
		},
		release() {
			giveBack();
			process.off('exit', leaveAlternateScreen);
			for (const signal of signals) process.off(signal, onTerminate);
			process.off('SIGHUP', onHangUp);
			process.off('SIGTSTP', onStopRequest);
			process.off('SIGCONT', resume);
			stdin.off('error', onStreamError);
			stdout.off('error', onStreamError);
			if (terminal === session) terminal = undefined;
		},
	};
}
