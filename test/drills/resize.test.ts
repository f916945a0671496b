/**
 * Resize drill: the real app (--local, whose demo keeps starting and finishing runs) while the
 * terminal is resized again and again, below 80×24 ("resize me") and back. No crash, and after
 * the last resize a correct frame: header on top, footer at the bottom, as many rows as fit.
 */
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killAllTmuxSessions, startTmux, tmuxAvailable, type TmuxSession} from '../helpers/tmux.js';
import {allRegionsOk, assertBuilt, cliLine, lines, listRows} from '../e2e/support.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
/** Header (3), column titles, the "N of M shown" line and the footer, plus the row Ink leaves free. */
const LIST_CHROME_ROWS = 7;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
});

/** Everything that makes a list frame correct at this size; the reasons it is not, if any. */
function listFrameProblems(screen: string, columns: number, rows: number): string[] {
	const all = lines(screen);
	const problems: string[] = [];
	const count = (pattern: RegExp) => all.filter(line => pattern.test(line)).length;
	if (!all[0]?.startsWith('ssmtop')) problems.push('the header is not on the first line');
	if (count(/^ssmtop/) !== 1) problems.push('the title line appears more than once');
	if (count(new RegExp(`^${REGIONS[0]} `)) !== 1) problems.push('the region line is not there exactly once');
	if (count(/^STATUS\s+ID\s+DOCUMENT/) !== 1) problems.push('the column titles are not there exactly once');
	if (count(/resize me/) !== 0) problems.push('the resize message is still on screen');
	const footer = all.findIndex(line => /\? help\s+q quit/.test(line));
	if (footer !== rows - 2) problems.push(`the footer is on row ${footer + 1}, not ${rows - 1}`);
	if (!/\d+ of \d+ shown/.test(all[rows - 3] ?? '')) problems.push('the "shown" line is not right above the footer');
	if (all.slice(rows - 1).some(line => line.trim() !== '')) problems.push('something is painted on the last row');
	const expected = rows - LIST_CHROME_ROWS;
	if (listRows(screen).length !== expected) problems.push(`${listRows(screen).length} list rows, expected ${expected}`);
	if (all.some(line => [...line].length > columns)) problems.push('a line is wider than the terminal');
	return problems;
}

async function expectAlive(tmux: TmuxSession): Promise<void> {
	const status = await tmux.exitStatus();
	if (status !== undefined) throw new Error(`ssmtop exited with status ${status}:\n${await tmux.capture()}`);
}

describe.skipIf(!tmuxAvailable())('resize drill', () => {
	it('survives repeated resizes below 80×24 and back, and ends on a correct frame', async () => {
		const tmux = await startTmux({command: cliLine(['--local', '--accounts', 'self', '--interval', '2']), columns: 100, rows: 30});
		await tmux.waitFor(screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length > 0, {timeoutMs: 20_000});

		const sizes: Array<[number, number]> = [
			[60, 20],
			[120, 40],
			[79, 24],
			[80, 24],
			[80, 23],
			[200, 50],
			[40, 10],
			[100, 30],
			[81, 25],
			[70, 30],
			[132, 43],
			[90, 28],
		];
		for (const [columns, rows] of sizes) {
			await tmux.resize(columns, rows);
			if (columns < 80 || rows < 24) {
				const small = await tmux.waitFor(screen => /resize me/.test(screen) && screen.includes(`Now ${columns}`));
				expect(small).toMatch(new RegExp(`Now ${columns}\\D${rows}`));
			} else {
				// Without waiting for it to settle: the next resize lands mid-repaint.
				await tmux.waitFor(/^ssmtop/);
			}

			await expectAlive(tmux);
		}

		// A few quick resizes in a row, with no wait at all between them.
		for (const [columns, rows] of [
			[85, 26],
			[60, 15],
			[110, 35],
			[95, 29],
		] as const)
			await tmux.resize(columns, rows);
		const [columns, rows] = [95, 29];
		const final = await tmux
			.waitFor(screen => listFrameProblems(screen, columns, rows).length === 0, {timeoutMs: 10_000})
			.catch(async (error: unknown) => {
				const screen = await tmux.capture();
				throw new Error(`${listFrameProblems(screen, columns, rows).join('; ')}\n${(error as Error).message}`);
			});
		expect(lines(final)[0]).toMatch(/^ssmtop\s+LOCAL EMULATOR/);
		await expectAlive(tmux);

		// The data kept changing underneath, and the frame stays correct as it does.
		const next = await tmux.waitFor(screen => screen !== final && listFrameProblems(screen, columns, rows).length === 0, {timeoutMs: 10_000});
		expect(listFrameProblems(next, columns, rows)).toEqual([]);
		await tmux.sendKeys('q');
		expect(await tmux.waitForExit()).toBe(0);
	}, 90_000);
});
