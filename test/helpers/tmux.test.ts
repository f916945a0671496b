import {execFile, spawn} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {renderAnsiToScreen, screenText} from '../../source/screenshots/terminal-screen.js';
import {killAllTmuxSessions, shellQuote, startTmux, tmuxAvailable, tmuxPath} from './tmux.js';

const run = promisify(execFile);

// A stand-in for a TUI: raw-mode input echoed as JSON, the size on resize, exit 3 on "q".
const keyEcho = `
const {stdin, stdout, env} = process;
stdout.write('ready ' + stdout.columns + 'x' + stdout.rows + ' TERM=' + env.TERM + ' CI=' + env.CI + ' SECRET=' + (env.AWS_SECRET_ACCESS_KEY ?? 'none') + '\\n');
stdout.write('\\u001b[31mred\\u001b[0m ─│╭\\n');
stdin.setRawMode(true);
stdin.on('data', data => {
	const text = data.toString();
	if (text === 'q') { stdout.write('bye\\n'); process.exit(3); }
	stdout.write('key ' + JSON.stringify(text) + '\\n');
});
stdout.on('resize', () => stdout.write('size ' + stdout.columns + 'x' + stdout.rows + '\\n'));
`;

// A real Ink app, to prove frames are painted live (not only on exit, as Ink does under CI).
const inkCounter = `
import React, {useState} from 'react';
import {render, Box, Text, useApp, useInput} from 'ink';
const h = React.createElement;
function Counter() {
	const [count, setCount] = useState(0);
	const {exit} = useApp();
	useInput((input, key) => {
		if (key.downArrow) setCount(value => value + 1);
		if (input === 'q') exit();
	});
	return h(Box, {borderStyle: 'round', width: 30}, h(Text, {color: 'green'}, 'count ' + count));
}
await render(h(Counter)).waitUntilExit();
`;
const repoRoot = join(import.meta.dirname, '..', '..');

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** Everything the program reported receiving, in order, as one string. */
function received(screen: string): string {
	return [...screen.matchAll(/^key (".*")$/gm)].map(match => JSON.parse(match[1]!) as string).join('');
}

afterEach(async () => {
	await killAllTmuxSessions();
});

describe.skipIf(!tmuxAvailable())('tmux harness', () => {
	it('runs the command at the requested size with a clean environment', async () => {
		process.env['AWS_SECRET_ACCESS_KEY'] = 'test-secret-must-not-leak';
		try {
			const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 24});
			const screen = await tmux.waitFor('ready');
			expect(screen.split('\n')[0]).toBe('ready 60x24 TERM=xterm-256color CI=undefined SECRET=none');
			expect(await tmux.size()).toEqual({columns: 60, rows: 24});
		} finally {
			delete process.env['AWS_SECRET_ACCESS_KEY'];
		}
	});

	it('delivers named keys and literal text to the program, and reads the screen back', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 24});
		await tmux.waitFor('ready');
		await tmux.sendKeys('a', 'Enter', 'Down', 'Escape', 'C-c');
		await tmux.type('-l hello world;');
		const screen = await tmux.waitFor(current => received(current).endsWith('hello world;'));
		expect(received(screen)).toBe('a\r\u001B[B\u001B\u0003-l hello world;');
		expect(screen).toContain('red ─│╭');
	});

	it('captures colours as escapes when asked', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 24});
		await tmux.waitFor('ready');
		expect(await tmux.capture({escapes: true})).toMatch(/\u001B\[31mred\u001B\[(0|39)m/);
		expect(await tmux.capture()).not.toContain('\u001B');
	});

	it('captures a screen the screenshot converter replays cell for cell', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 8});
		await tmux.waitFor('ready');
		const screen = renderAnsiToScreen(await tmux.capture({escapes: true}), {columns: 60, rows: 8});
		const plain = await tmux.capture();
		expect(plain.split('\n')).toHaveLength(8);
		expect(screenText(screen)).toBe(plain);
		expect(screen.lines[1]![0]).toEqual({char: 'r', width: 1, style: {fg: 1}});
	});

	it('resizes the terminal and the program sees it', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 24});
		await tmux.waitFor('ready');
		await tmux.resize(70, 20);
		await tmux.waitFor('size 70x20');
		expect(await tmux.size()).toEqual({columns: 70, rows: 20});
	});

	it('reports the exit status and keeps the last screen, top line included', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 10});
		await tmux.waitFor('ready');
		expect(await tmux.exitStatus()).toBeUndefined();
		await tmux.sendKeys('q');
		expect(await tmux.waitForExit()).toBe(3);
		const screen = await tmux.capture();
		expect(screen.split('\n')[0]).toMatch(/^ready 60x10/);
		expect(screen).toContain('bye');
	});

	it('diagnoses the pane: its terminal modes and processes while it lives, the status once it ended', async () => {
		const tmux = await startTmux({command: 'read reply; echo "GOT [$reply]"', columns: 60, rows: 10});
		const living = await tmux.diagnose();
		expect(living).toMatch(/^pane dead: 0 \(status -\), status file: \(none\)/);
		expect(living).toMatch(/stty: .*\bicanon\b/s);
		expect(living).toMatch(/processes:\n.*\bread reply/s);
		await tmux.type('line');
		await tmux.sendKeys('Enter');
		expect(await tmux.waitForExit()).toBe(0);
		expect(await tmux.diagnose()).toMatch(/^pane dead: 1 \(status 0\), status file: 0$/);
	});

	it('fails waitFor with the last screen in the message', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 24});
		await tmux.waitFor('ready');
		await expect(tmux.waitFor(/never shown/, {timeoutMs: 150})).rejects.toThrow(/waiting for \/never shown\/; last screen:\nready 60x24/);
	});

	it('shows a live Ink app frame by frame, even when the tests run under CI=true', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '--input-type=module', '-e', inkCounter]), cwd: repoRoot, columns: 50, rows: 10});
		await tmux.waitFor('count 0');
		await tmux.sendKeys('Down', 'Down');
		const screen = await tmux.waitFor('count 2');
		expect(screen.match(/╭/g)).toHaveLength(1);
		expect(await tmux.capture({escapes: true})).toMatch(/\u001B\[32mcount 2/);
		await tmux.sendKeys('q');
		expect(await tmux.waitForExit()).toBe(0);
	});

	it('ends the session by itself when the owning process dies without calling kill()', async () => {
		const owner = spawn('sleep', ['60'], {stdio: 'ignore'});
		const tmux = await startTmux({command: 'sleep 60', columns: 40, rows: 10, ownerPid: owner.pid});
		const serverPid = Number((await run(tmuxPath, ['-S', tmux.socket, 'display-message', '-p', '#{pid}'])).stdout);
		expect(isRunning(serverPid)).toBe(true);
		owner.kill();
		const deadline = Date.now() + 10_000;
		while (isRunning(serverPid) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 100));
		expect(isRunning(serverPid)).toBe(false);
		expect(existsSync(tmux.socket)).toBe(false);
	});

	it('kills its own server and nothing else', async () => {
		const tmux = await startTmux({command: 'sleep 30', columns: 40, rows: 10});
		const other = await startTmux({command: 'sleep 30', columns: 40, rows: 10});
		await run(tmuxPath, ['-S', tmux.socket, 'has-session', '-t', tmux.target]);
		await tmux.kill();
		await expect(run(tmuxPath, ['-S', tmux.socket, 'has-session', '-t', tmux.target])).rejects.toThrow();
		expect(existsSync(tmux.socket)).toBe(false);
		await run(tmuxPath, ['-S', other.socket, 'has-session', '-t', other.target]);
		await expect(tmux.capture()).rejects.toThrow(/already killed/);
		await tmux.kill();
	});
});

describe('shellQuote', () => {
	it('leaves plain words alone and single-quotes the rest', () => {
		expect(shellQuote(['node', 'dist/cli.js', '--region=eu-west-1,us-east-1'])).toBe('node dist/cli.js --region=eu-west-1,us-east-1');
		expect(shellQuote(['echo', "it's $HOME", ''])).toBe(`echo 'it'\\''s $HOME' ''`);
	});
});
