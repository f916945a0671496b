import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
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
			expect(screen.split('\n')[0]).toBe('ready 60x24 TERM=xterm-256color CI=false SECRET=none');
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

	it('fails waitFor with the last screen in the message', async () => {
		const tmux = await startTmux({command: shellQuote([process.execPath, '-e', keyEcho]), columns: 60, rows: 24});
		await tmux.waitFor('ready');
		await expect(tmux.waitFor(/never shown/, {timeoutMs: 150})).rejects.toThrow(/waiting for \/never shown\/; last screen:\nready 60x24/);
	});

	it('kills its own server and nothing else', async () => {
		const tmux = await startTmux({command: 'sleep 30', columns: 40, rows: 10});
		await run(tmuxPath, ['-L', tmux.socket, 'has-session', '-t', tmux.target]);
		await tmux.kill();
		await expect(run(tmuxPath, ['-L', tmux.socket, 'has-session', '-t', tmux.target])).rejects.toThrow();
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
