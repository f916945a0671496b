/**
 * The built CLI in tmux against --local, keys as a fast typist over SSH sends them (issue 9):
 * x and a straight from the list, R from the list pre-filling what R from the detail does, Esc Esc
 * from the grid in one read, and n followed at once by text. Each once crashed the app, did the
 * wrong thing or lost keys.
 */
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killAllTmuxSessions, startTmux, tmuxAvailable, type TmuxSession} from '../helpers/tmux.js';
import {allRegionsOk, assertBuilt, cliLine, listRows, proveTerminalUsable} from './support.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
});

async function launch(): Promise<TmuxSession> {
	const tmux = await startTmux({command: cliLine(['--local'], {thenShell: true}), columns: 120, rows: 36});
	await tmux.waitFor(screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length >= 10, {timeoutMs: 20_000});
	return tmux;
}

/** Applies a filter through the `/` prompt and waits for the list to show it. */
async function filter(tmux: TmuxSession, expression: string): Promise<string> {
	await tmux.sendKeys('/');
	await tmux.waitFor(/Enter apply/);
	await tmux.type(expression);
	await tmux.sendKeys('Enter');
	return tmux.waitFor(screen => screen.includes(`filter: ${expression}`) && !/Enter apply/.test(screen) && listRows(screen).length > 0);
}

/** The form's parameter rows (label and value), from the first parameter to the buttons. */
function parameterRows(screen: string): string[] {
	return screen
		.split('\n')
		.filter(line => /^│ [ ›] \w+\*?\s{2,}\S/.test(line) && !/Version|Region|Owner/.test(line))
		.map(line =>
			line
				.replace(/^│ [ ›] /, '')
				.replace(/\s*│$/, '')
				.replace(/\s+/g, ' '),
		);
}

describe.skipIf(!tmuxAvailable())('the key path of the built CLI in tmux', () => {
	it('x and a straight from the list open their dialogs; the app keeps running', async () => {
		const tmux = await launch();
		await filter(tmux, 'status:waiting');
		await tmux.sendKeys('j');
		await tmux.sendKeys('x');
		const stop = await tmux.waitFor(/Stop execution [0-9a-f-]{36}/);
		expect(stop).toMatch(/Cancel/);
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => !/Stop execution/.test(screen) && /filter: status:waiting/.test(screen));
		await tmux.sendKeys('a');
		await tmux.waitFor(/Signal execution [0-9a-f-]{36}/);
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => !/Signal execution/.test(screen));
		await tmux.sendKeys('q');
		expect(await proveTerminalUsable(tmux)).toBe(0);
	});

	it('R from the list pre-fills the same parameters as R from the detail', async () => {
		const tmux = await launch();
		await filter(tmux, 'doc:Ops-DeployServiceConfig status:failed type:Local');
		await tmux.sendKeys('R');
		const fromList = await tmux.waitFor(screen => /Re-run [0-9a-f-]{36}/.test(screen) && /ServiceName\*\s+\S/.test(screen));
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => !/Re-run/.test(screen) && /filter: doc:Ops-Deploy/.test(screen));
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/STEP\s+ACTION\s+STATUS/);
		await tmux.sendKeys('R');
		const fromDetail = await tmux.waitFor(screen => /Re-run [0-9a-f-]{36}/.test(screen) && /ServiceName\*\s+\S/.test(screen));
		expect(parameterRows(fromList).length).toBeGreaterThanOrEqual(3);
		expect(parameterRows(fromList)).toEqual(parameterRows(fromDetail));
		expect(parameterRows(fromList).join('\n')).toMatch(/Environment\* \w+/);
		// Esc closes the dialog only: the detail stays.
		await tmux.sendKeys('Escape');
		await tmux.waitFor(screen => !/Re-run/.test(screen) && /STEP\s+ACTION\s+STATUS/.test(screen));
	});

	it('Esc Esc in one read from the grid goes back two screens; n with text in one read keeps the text', async () => {
		const tmux = await launch();
		await filter(tmux, 'type:CrossAccount');
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/\d{12}\/[a-z]+-[a-z]+-\d/);
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/ACCOUNT\s+ap-southeast-2\s+eu-west-1\s+us-east-1/);
		await tmux.type('\u001B\u001B');
		await tmux.waitFor(screen => /STATUS\s+ID\s+DOCUMENT/.test(screen) && /filter: type:CrossAccount/.test(screen));
		await tmux.type('nDeploy');
		await tmux.waitFor(/Runbook\s+Deploy/);
		await tmux.waitFor(/› Ops-DeployServiceConfig/);
	});
});
