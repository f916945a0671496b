// The memory benchmark drives the built CLI through this: a pseudo-terminal whose screen is read
// back through the screenshots' virtual terminal, keys written to it, the process's memory from /proc.
import {describe, expect, it} from 'vitest';
import {startPtySession} from '../../source/bench/pty-session.js';

// A stand-in for a TUI: draws a line, answers each key with an inverse-video line, quits on q.
const PROGRAM = `
process.stdin.setRawMode(true);
process.stdout.write('\\u001B[2J\\u001B[Hready');
process.stdin.on('data', data => {
	const key = String(data);
	if (key === 'q') process.exit(0);
	process.stdout.write('\\u001B[2;1H\\u001B[7mgot ' + key + '\\u001B[0m');
});
`;

describe('a pty session', () => {
	it('reads the screen, sends keys, finds the inverse line and reads the memory of the process', async () => {
		const pty = await startPtySession(['-e', PROGRAM]);
		try {
			await pty.waitFor(screen => screen.startsWith('ready'), 'the first line');
			expect(pty.selectedLine()).toBeUndefined();
			pty.press('x');
			await pty.waitFor(screen => screen.includes('got x'), 'the answer to x');
			expect(pty.selectedLine()?.trim()).toBe('got x');
			const {rssMb, peakRssMb} = pty.memory();
			expect(rssMb).toBeGreaterThan(10);
			expect(peakRssMb).toBeGreaterThanOrEqual(rssMb);
		} finally {
			await pty.close();
		}
	});

	it('says what it waited for, and shows the screen, when it does not come', async () => {
		const pty = await startPtySession(['-e', PROGRAM]);
		try {
			await expect(pty.waitFor(screen => screen.includes('never'), 'a line that never comes', 300)).rejects.toThrow(/a line that never comes[^]*ready/);
		} finally {
			await pty.close();
		}
	});
});
