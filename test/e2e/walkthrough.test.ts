/**
 * The built CLI in a real terminal (tmux, 100×30) against --local: list → detail → a
 * CrossAccount run's account × region grid with the ProgressCounters bar → one location's
 * steps → back to the list; help opens and closes; q quits with status 0 and the terminal restored.
 */
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killAllTmuxSessions, startTmux, tmuxAvailable} from '../helpers/tmux.js';
import {allRegionsOk, assertBuilt, cliLine, lines, listRows, proveTerminalUsable, terminalModes} from './support.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const COLUMNS = 100;
const ROWS = 30;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
});

/** The header is on top and the footer (its key hints) on the last painted row. */
function framed(screen: string): boolean {
	const all = lines(screen);
	return all[0]!.startsWith('ssmtop') && all.some(line => /\? help\s+q quit/.test(line));
}

describe.skipIf(!tmuxAvailable())('walkthrough of the built CLI in tmux', () => {
	it('walks list → detail → grid → location → back, shows help, and quits cleanly', async () => {
		// The home account alone (--accounts self): the walk is about the screens, with the TYPE column and
		// the per-region header of one account; the organisation view has its own walk (organisation.test.ts).
		const tmux = await startTmux({command: cliLine(['--local', '--accounts', 'self'], {thenShell: true}), columns: COLUMNS, rows: ROWS});

		// The list, with real rows from every region.
		const list = await tmux.waitFor(screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length >= 10, {timeoutMs: 20_000});
		expect(await terminalModes(tmux.socket)).toEqual({alternateScreen: true, cursorVisible: false});
		expect(list).toContain('LOCAL EMULATOR');
		expect(list).toMatch(/STATUS\s+ID\s+DOCUMENT/);
		expect(lines(list).length).toBeLessThanOrEqual(ROWS);
		expect(framed(list)).toBe(true);

		// Detail of the selected (first) row.
		const firstId = /\s([0-9a-f]{8})\s/.exec(listRows(list)[0]!)![1]!;
		await tmux.sendKeys('Enter');
		const detail = await tmux.waitFor(screen => new RegExp(`${firstId}-[0-9a-f]{4}-`).test(screen) && /STEP\s+ACTION\s+STATUS/.test(screen));
		expect(detail).toMatch(/Esc\/Backspace back/);
		expect(framed(detail)).toBe(true);
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => /STATUS\s+ID\s+DOCUMENT/.test(screen) && listRows(screen).length >= 10);

		// Only CrossAccount runs, through the / filter.
		await tmux.sendKeys('/');
		await tmux.waitFor(/Enter apply/);
		await tmux.type('type:CrossAccount');
		await tmux.waitFor('/type:CrossAccount');
		await tmux.sendKeys('Enter');
		const filtered = await tmux.waitFor(screen => /filter: type:CrossAccount/.test(screen) && listRows(screen).length > 0 && !/Enter apply/.test(screen));
		const crossRows = listRows(filtered);
		expect(crossRows.every(row => /\bCross/.test(row))).toBe(true);
		expect(filtered).toMatch(new RegExp(`${crossRows.length} of \\d+ shown`));

		// Its detail: the steps are the per-location steps, named account/region.
		await tmux.sendKeys('Enter');
		const crossDetail = await tmux.waitFor(screen => /CrossAccount/.test(screen) && /\d{12}\/[a-z]+-[a-z]+-\d/.test(screen));
		expect(crossDetail).toMatch(/account × reg|account x reg/);

		// The grid, with the ProgressCounters bar above it.
		await tmux.sendKeys('Enter');
		const grid = await tmux.waitFor(screen => /ACCOUNT\s+ap-southeast-2\s+eu-west-1\s+us-east-1/.test(screen));
		expect(grid).toMatch(/\d+ ok\W+\d+ failed\W+\d+ cancelled\W+\d+ timed out\W+\d+ remaining/);
		const gridLines = lines(grid);
		const barRow = gridLines.findIndex(line => /\d+ remaining/.test(line));
		const accountRow = gridLines.findIndex(line => /^ACCOUNT\s/.test(line));
		expect(barRow).toBeGreaterThan(0);
		expect(barRow).toBeLessThan(accountRow);
		const cellRows = gridLines.filter(line => /^\d{12}\s/.test(line));
		expect(cellRows.length).toBeGreaterThanOrEqual(2);
		expect(cellRows[0]).toMatch(/(Success|InProgress|Pending|Failed|TimedOut|Cancelled)/);
		expect(grid).toMatch(/\d+ accounts × 3 regions|\d+ accounts x 3 regions/);
		expect(framed(grid)).toBe(true);

		// The selected cell's location: the child execution's own steps.
		const cell = /^(\d{12}) \/ ([a-z]+-[a-z]+-\d)/m.exec(grid)!;
		expect(cell).not.toBeNull();
		await tmux.sendKeys('Enter');
		const location = await tmux.waitFor(
			screen => screen.includes(`${cell[1]} / ${cell[2]}`) && /child execution [0-9a-f-]{36}/.test(screen) && /STEP\s+ACTION\s+STATUS/.test(screen),
		);
		expect(location).toMatch(/parent step \d{12}\/[a-z]+-[a-z]+-\d/);

		// Back out: location → grid → detail → list.
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => /ACCOUNT\s+ap-southeast-2/.test(screen) && /\d+ remaining/.test(screen));
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => /STEP\s+ACTION\s+STATUS/.test(screen) && /CrossAccount/.test(screen) && !/ACCOUNT\s+ap-southeast-2/.test(screen));
		await tmux.sendKeys('Escape');
		const back = await tmux.waitFor(screen => /STATUS\s+ID\s+DOCUMENT/.test(screen) && listRows(screen).length > 0);
		expect(back).toMatch(/filter: type:CrossAccount/);

		// Help shows the keys, and closes.
		await tmux.sendKeys('?');
		const help = await tmux.waitFor(/Keys · list|Keys - list|Keys .{1,3} list/);
		expect(help).toMatch(/Show this help/);
		expect(help).toMatch(/Quit/);
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => !/Show this help/.test(screen) && /STATUS\s+ID\s+DOCUMENT/.test(screen));

		// q quits with status 0; the alternate screen is left, so the shell's line shows.
		await tmux.sendKeys('q');
		expect(await proveTerminalUsable(tmux)).toBe(0);
		expect(await tmux.capture()).not.toMatch(/STATUS\s+ID\s+DOCUMENT/);
	}, 60_000);
});
