/**
 * Bad input in the start form of the real app: a parameter that breaks the runbook's
 * allowedPattern and a run setting that is not a number or percentage each get a clear message
 * next to the field; moving on is refused and nothing typed is lost, going back or forth.
 */
import {describe, expect, it} from 'vitest';
import {startTmux, tmuxAvailable, type TmuxSession} from '../helpers/tmux.js';
import {allRegionsOk, cliLine, listRows} from '../e2e/support.js';
import {drillHooks} from './support.js';

drillHooks();

/** Opens the start form (n) and picks AWS-CreateImage by typing part of its name. */
async function openCreateImageForm(tmux: TmuxSession): Promise<void> {
	await tmux.sendKeys('n');
	await tmux.waitFor(/Start a run/);
	await tmux.type('AWS-CreateIm');
	await tmux.waitFor(/› AWS-CreateImage/);
	await tmux.sendKeys('Enter');
	await tmux.waitFor(/InstanceId\*/);
}

/** Moves the field cursor down until the field whose label matches is selected (› before it). */
async function focus(tmux: TmuxSession, label: string): Promise<string> {
	const selected = new RegExp(`› ${label}`);
	for (let step = 0; step < 15; step++) {
		const screen = await tmux.capture();
		if (selected.test(screen)) return screen;
		await tmux.sendKeys('Down');
		await tmux.waitFor(current => current !== screen, {timeoutMs: 3000}).catch(() => undefined);
	}

	throw new Error(`could not focus ${label}:\n${await tmux.capture()}`);
}

describe.skipIf(!tmuxAvailable())('start form: wrong values', () => {
	it('says what is wrong next to the field, refuses to go on, and keeps everything typed', async () => {
		const tmux = await startTmux({command: cliLine(['--local']), columns: 100, rows: 30});
		await tmux.waitFor(screen => allRegionsOk(['us-east-1', 'eu-west-1', 'ap-southeast-2'])(screen) && listRows(screen).length > 0, {timeoutMs: 20_000});

		await openCreateImageForm(tmux);

		// A parameter against the runbook's allowedPattern.
		await focus(tmux, 'InstanceId');
		await tmux.type('not-an-instance');
		await tmux.waitFor(/› InstanceId\*\s+not-an-instance/);
		// Checked when the field is left.
		await tmux.sendKeys('Down');
		const bad = await tmux.waitFor(/InstanceId\*\s+not-an-instance[\s\S]*allowedPattern \^i-/);
		expect(bad).toMatch(/Does not match the runbook's allowedPattern/);

		// Going on is refused: the cursor comes back to the field, the value still there.
		await focus(tmux, 'Run settings ›');
		await tmux.sendKeys('Enter');
		const refused = await tmux.waitFor(/› InstanceId\*\s+not-an-instance/);
		expect(refused).toMatch(/allowedPattern/);
		expect(refused).not.toMatch(/Max concurrency/);

		// Corrected, the form moves on to the run settings.
		// Backspace one press at a time (each its own read; see the report about bursts), then Ctrl-U clears the rest.
		await tmux.sendKeys('BSpace');
		await tmux.waitFor(/› InstanceId\*\s+not-an-instanc\s/);
		await tmux.sendKeys('BSpace');
		await tmux.waitFor(/› InstanceId\*\s+not-an-instan\s/);
		await tmux.sendKeys('C-u');
		await tmux.waitFor(/› InstanceId\*\s*│/);
		await tmux.type('i-0123456789abcdef0');
		await tmux.waitFor(screen => /InstanceId\*\s+i-0123456789abcdef0/.test(screen) && !/allowedPattern/.test(screen));
		await focus(tmux, 'Run settings ›');
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/Max concurrency/);

		// A run setting that is neither a number nor a percentage.
		await focus(tmux, 'Max concurrency');
		await tmux.type('lots');
		await tmux.waitFor(/› Max concurrency\s+lots/);
		await tmux.sendKeys('Down');
		// The message is on the line under the field.
		const messageUnder = (screen: string): string => {
			const all = screen.split('\n');
			return all[all.findIndex(line => /Max concurrency\s+lots/.test(line)) + 1] ?? '';
		};

		const badSetting = await tmux.waitFor(screen => /Max concurrency\s+lots/.test(screen) && /✗|x /.test(messageUnder(screen)));
		expect(messageUnder(badSetting)).toMatch(/number|percent|%/i);

		// Back to the parameters and forth again: both values are still there.
		await focus(tmux, '‹ Back');
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/InstanceId\*\s+i-0123456789abcdef0/);
		await focus(tmux, 'Run settings ›');
		await tmux.sendKeys('Enter');
		await tmux.waitFor(/Max concurrency\s+lots/);
		expect(await tmux.exitStatus()).toBeUndefined();
	}, 90_000);

	// Ink 6.8 hands several Backspaces in one read (key repeat over SSH; tmux send-keys with several keys)
	// to useInput as ONE empty event; ui/input/use-erase-bursts.ts replays them from the raw input.
	it('a burst of Backspaces in one read deletes one character per press', async () => {
		const tmux = await startTmux({command: cliLine(['--local']), columns: 100, rows: 30});
		await tmux.waitFor(screen => listRows(screen).length > 0, {timeoutMs: 20_000});
		await openCreateImageForm(tmux);
		await focus(tmux, 'InstanceId');
		await tmux.type('i-0123456789abcdef0');
		await tmux.waitFor(/› InstanceId\*\s+i-0123456789abcdef0/);
		await tmux.sendKeys('BSpace', 'BSpace', 'BSpace');
		await tmux.waitFor(/› InstanceId\*\s+i-0123456789abcd\s/, {timeoutMs: 5000});
	}, 60_000);
});
