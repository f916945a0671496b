/**
 * Shared by the end-to-end tests and the drills: the built CLI, how to start it in tmux, and
 * screen predicates that do not depend on the UI's glyphs (which may be spelled in ASCII).
 */
import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {shellQuote, tmuxPath, type TmuxSession} from '../helpers/tmux.js';

const runFile = promisify(execFile);

export const repoRoot = join(import.meta.dirname, '..', '..');
export const builtCli = join(repoRoot, 'dist', 'cli.js');

/** `npm test` builds before vitest; a targeted run needs `npm run build` first. */
export function assertBuilt(): void {
	if (!existsSync(builtCli)) throw new Error(`${builtCli} is missing: run "npm run build" (npm test builds first).`);
}

/**
 * The shell line that runs the built CLI. With `thenShell`, the shell prints "EXITED <status>" and
 * reads a line afterwards, so a test can prove the terminal is usable again ({@link proveTerminalUsable});
 * it then waits until the session is killed.
 */
export function cliLine(args: readonly string[], options: {thenShell?: boolean} = {}): string {
	const line = shellQuote([process.execPath, builtCli, ...args]);
	// The shell stays after GOT (until the session is killed): tmux discards what a pane's process wrote
	// but tmux had not yet read when that process exits (tmux/tmux#506), which lost the GOT line once in CI.
	return options.thenShell ? `${line}; echo "EXITED $?"; read reply; echo "GOT [$reply]"; read stay` : line;
}

/**
 * After the CLI of a {@link cliLine} with `thenShell` has ended: its exit status, and proof that the
 * terminal was given back: main screen, cursor shown, and cooked input (typed text echoes and a line
 * reaches the shell).
 */
export async function proveTerminalUsable(tmux: TmuxSession): Promise<number> {
	const exited = await tmux.waitFor(/EXITED \d+/, {timeoutMs: 15_000});
	const status = Number(/EXITED (\d+)/.exec(exited)![1]);
	const modes = await terminalModes(tmux.socket);
	if (modes.alternateScreen || !modes.cursorVisible) throw new Error(`terminal not restored: ${JSON.stringify(modes)}\n${exited}`);
	await tmux.type('typed after exit');
	// Echo on: the typed text shows before Enter is pressed.
	await tmux.waitFor(screen => /EXITED \d+\s*\n.*typed after exit/.test(screen));
	await tmux.sendKeys('Enter');
	// If the line never comes, say whether the shell got it and what the terminal's modes were.
	await tmux.waitFor('GOT [typed after exit]').catch(async (error: Error) => {
		throw new Error(`${error.message}\n${await tmux.diagnose()}`);
	});
	return status;
}

export function lines(screen: string): string[] {
	return screen.split('\n');
}

/** The header's region line shows every region with a success ("ok"). */
export function allRegionsOk(regions: readonly string[]) {
	return function allRegionsOk(screen: string): boolean {
		// --local watches the emulated organisation: every account × region, summarised when they do not fit one line.
		const summary = /(\d+) locations: (\d+) ok\b/.exec(screen);
		if (summary && summary[1] === summary[2]) return true;
		return regions.every(region => new RegExp(`${region} (ok|refreshing)\\b`).test(screen));
	};
}

/** Rows of the execution list: lines that start with a status word after its symbol. */
export function listRows(screen: string): string[] {
	return lines(screen).filter(line =>
		/^\S*\s*(Pending|InProgress|Waiting|Success|TimedOut|Cancelling|Cancelled|Failed|PendingApproval|Approved|Rejected|Scheduled|RunbookInProgress|PendingChangeCalendarOverride|ChangeCalendarOverrideApproved|ChangeCalendarOverrideRejected|CompletedWithSuccess|CompletedWithFailure|Exited)\s+[0-9a-f]{8}\s/.test(
			line,
		),
	);
}

/** Whether the pane is on the alternate screen and shows the cursor, as tmux sees it. */
export async function terminalModes(socket: string): Promise<{alternateScreen: boolean; cursorVisible: boolean}> {
	const {stdout} = await runFile(tmuxPath, ['-S', socket, 'display-message', '-p', '-t', 'main', '#{alternate_on} #{cursor_flag}']);
	const [alternate, cursor] = stdout.trim().split(' ');
	return {alternateScreen: alternate === '1', cursorVisible: cursor === '1'};
}
