/**
 * Job control in a real terminal: the built CLI under an interactive bash (job control on) in
 * tmux. Stopped from outside (kill -STOP, which it cannot see coming) and continued, ssmtop takes
 * raw mode back and draws its whole frame again once `fg` gives it the terminal: keys act without
 * Enter. Asked to stop (kill -TSTP, or Ctrl-Z where the terminal sends SIGTSTP) it gives the
 * shell its screen and a cooked terminal first, then stops; `fg` brings it back, redrawn at the
 * terminal's size of now. Each time `q` still quits and leaves the terminal as it found it.
 */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killAllTmuxSessions, shellQuote, startTmux, tmuxAvailable, type TmuxSession} from '../helpers/tmux.js';
import {allRegionsOk, assertBuilt, cliLine, lines, listRows, proveTerminalUsable, repoRoot, terminalModes} from './support.js';
import {onlyChild} from './processes.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const PS1 = 'shell$ ';
/** The prompt as capture-pane shows it (it trims the trailing blank). */
const PROMPT = 'shell$';

beforeAll(() => {
	assertBuilt();
});

const directories: string[] = [];

afterEach(async () => {
	await killAllTmuxSessions();
	for (const directory of directories.splice(0)) rmSync(directory, {recursive: true, force: true});
});

/** An interactive bash (job control on) in tmux with a marker on its screen, at its prompt. */
async function startBash(): Promise<TmuxSession> {
	const tmux = await startTmux({
		// PS1 through env(1): given in the tmux session's environment, it did not reach bash.
		command: `exec env ${shellQuote([`PS1=${PS1}`])} HISTFILE=/dev/null bash --norc --noprofile -i`,
		columns: 100,
		rows: 30,
	});
	await tmux.waitFor(PROMPT);
	await tmux.type('echo "SHELL BEFORE""-SSMTOP"');
	await tmux.sendKeys('Enter');
	await tmux.waitFor('SHELL BEFORE-SSMTOP');
	return tmux;
}

/** The CLI started from {@link startBash}'s shell; returns its pid once its list is up. */
async function startUnderBash(): Promise<{tmux: TmuxSession; pid: number}> {
	const tmux = await startBash();
	await tmux.type(cliLine(['--local']));
	await tmux.sendKeys('Enter');
	await tmux.waitFor(screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length > 0, {timeoutMs: 20_000});
	return {tmux, pid: await onlyChild(tmux)};
}

/**
 * Refresh paused and the help open: a frame that never changes by itself, so whatever shows after
 * the shell had the screen was drawn because ssmtop repainted it, not because new data came in.
 */
async function openStillFrame(tmux: TmuxSession): Promise<void> {
	await tmux.sendKeys('p');
	await tmux.waitFor('[PAUSED]');
	await tmux.sendKeys('?');
	await tmux.waitFor(/Esc\/\?\/q close/);
}

/** The whole help frame, drawn from the top: the header on row 1, the box, its key line, nothing of the shell's. */
function helpFrame(columns: number) {
	return function helpFrame(screen: string): boolean {
		const rows = lines(screen);
		const boxBottom = rows.findIndex(row => row.startsWith('╰'));
		return (
			rows[0]!.startsWith('ssmtop') &&
			rows.some(row => row.includes('[PAUSED]')) &&
			boxBottom > 0 &&
			[...rows[boxBottom]!].length === columns &&
			rows.some(row => /Esc\/\?\/q close/.test(row)) &&
			!screen.includes(PROMPT) &&
			!screen.includes('Stopped')
		);
	};
}

/** Keys act without Enter (raw mode): ? closes the help, q quits; then the shell has a usable terminal again. */
async function provesRawThenQuits(tmux: TmuxSession, {opensList = true} = {}): Promise<void> {
	if (opensList) {
		await tmux.sendKeys('?');
		await tmux.waitFor(screen => listRows(screen).length > 0, {timeoutMs: 5000});
	}

	await tmux.sendKeys('q');
	await tmux.waitFor(screen => screen.trimEnd().endsWith(PROMPT), {timeoutMs: 10_000});
	expect(await terminalModes(tmux.socket)).toEqual({alternateScreen: false, cursorVisible: true});
	// The shell's screen is back, and with it the status of the command.
	await tmux.type('echo "EXITED $?"');
	await tmux.sendKeys('Enter');
	const screen = await tmux.waitFor(/^EXITED \d+$/m);
	expect(screen).toContain('SHELL BEFORE-SSMTOP');
	expect(screen).toMatch(/^EXITED 0$/m);
}

describe.skipIf(!tmuxAvailable())('job control', () => {
	it('kill -STOP, kill -CONT, then fg: raw mode comes back, keys act without Enter, q quits', async () => {
		const {tmux, pid} = await startUnderBash();
		await openStillFrame(tmux);
		process.kill(pid, 'SIGSTOP');
		// bash takes the terminal back (cooked, for its prompt) and says so, on ssmtop's screen.
		await tmux.waitFor(/Stopped/);
		await tmux.waitFor(PROMPT);
		// Continued in the background it may not touch the terminal: it waits for the foreground.
		process.kill(pid, 'SIGCONT');
		await tmux.type('fg');
		await tmux.sendKeys('Enter');
		// The repaint after SIGSTOP is the "stopped twice" case's; here: the keys, before anything else.
		await provesRawThenQuits(tmux);
	});

	it('kill -TSTP: the shell gets its screen, a cooked terminal and its prompt; fg brings ssmtop back redrawn at the new size', async () => {
		const {tmux, pid} = await startUnderBash();
		await openStillFrame(tmux);
		process.kill(pid, 'SIGTSTP');
		const shell = await tmux.waitFor(screen => /Stopped/.test(screen) && screen.includes('SHELL BEFORE-SSMTOP'), {timeoutMs: 5000});
		// The main screen, not ssmtop's: the marker printed before it started is there, no frame is.
		expect(shell).not.toMatch(/Esc\/\?\/q close/);
		expect(await terminalModes(tmux.socket)).toEqual({alternateScreen: false, cursorVisible: true});
		await tmux.type('echo "typed while ""stopped"');
		await tmux.sendKeys('Enter');
		await tmux.waitFor('typed while stopped');
		// The window changes while ssmtop is stopped: only bash, in the foreground, gets SIGWINCH.
		await tmux.resize(120, 32);
		await tmux.type('fg');
		await tmux.sendKeys('Enter');
		await tmux.waitFor(helpFrame(120), {timeoutMs: 5000});
		expect(await terminalModes(tmux.socket)).toEqual({alternateScreen: true, cursorVisible: false});
		await provesRawThenQuits(tmux);
	});

	it('without a job-control shell (an orphaned process group) kill -TSTP does not stop it for good: it carries on, redrawn', async () => {
		// `sh -c` in the pane: nobody could continue a stopped ssmtop, and the kernel discards SIGTSTP's
		// default action here. Stopping with SIGSTOP instead would leave the terminal frozen.
		const tmux = await startTmux({command: cliLine(['--local'], {thenShell: true}), columns: 100, rows: 30});
		await tmux.waitFor(screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length > 0, {timeoutMs: 20_000});
		await openStillFrame(tmux);
		process.kill(await onlyChild(tmux), 'SIGTSTP');
		await tmux.waitFor(helpFrame(100), {timeoutMs: 5000});
		expect(await terminalModes(tmux.socket)).toEqual({alternateScreen: true, cursorVisible: false});
		await tmux.sendKeys('?');
		await tmux.waitFor(screen => listRows(screen).length > 0, {timeoutMs: 5000});
		await tmux.sendKeys('q');
		expect(await proveTerminalUsable(tmux)).toBe(0);
	});

	it('suspendToShell(), what Ctrl-Z (0x1a in raw mode) is bound to: the shell gets its screen and prompt, fg brings the program back', async () => {
		// A stand-in for the app: the terminal lifecycle alone, raw mode, a frame that counts its repaints.
		const directory = mkdtempSync(join(tmpdir(), 'ssmtop-suspend-'));
		directories.push(directory);
		const script = join(directory, 'stand-in.mjs');
		writeFileSync(
			script,
			[
				`import {suspendToShell, takeTerminal} from ${JSON.stringify(pathToFileURL(join(repoRoot, 'dist', 'cli', 'terminal-lifecycle.js')).href)};`,
				'let repaints = 0;',
				'const frame = () => process.stdout.write(`\u001B[H\u001B[2JSTAND-IN FRAME, repaints: ${repaints}`);',
				'const session = takeTerminal(process.stdin, process.stdout);',
				'session.setRepaint(() => { repaints++; frame(); });',
				'process.stdin.setRawMode(true);',
				'frame();',
				"process.stdin.on('data', data => {",
				'	if (data.includes(0x1a)) suspendToShell();',
				'	if (data.includes(0x71)) { session.release(); process.stdin.setRawMode(false); process.exit(0); }',
				'});',
			].join('\n'),
		);
		const tmux = await startBash();
		await tmux.type(shellQuote([process.execPath, script]));
		await tmux.sendKeys('Enter');
		await tmux.waitFor('STAND-IN FRAME, repaints: 0');
		await tmux.sendKeys('C-z');
		await tmux.waitFor(screen => /Stopped/.test(screen) && screen.includes('SHELL BEFORE-SSMTOP'), {timeoutMs: 5000});
		expect(await terminalModes(tmux.socket)).toEqual({alternateScreen: false, cursorVisible: true});
		await tmux.type('fg');
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/^STAND-IN FRAME, repaints: [1-9]/, {timeoutMs: 5000});
		expect(await terminalModes(tmux.socket)).toEqual({alternateScreen: true, cursorVisible: false});
		await provesRawThenQuits(tmux, {opensList: false});
	});

	it('stopped twice: each fg brings it back', async () => {
		const {tmux, pid} = await startUnderBash();
		await openStillFrame(tmux);
		for (let round = 0; round < 2; round++) {
			process.kill(pid, round === 0 ? 'SIGTSTP' : 'SIGSTOP');
			await tmux.waitFor(/Stopped/);
			await tmux.type('fg');
			await tmux.sendKeys('Enter');
			await tmux.waitFor(helpFrame(100), {timeoutMs: 5000});
		}

		await provesRawThenQuits(tmux);
	});
});
