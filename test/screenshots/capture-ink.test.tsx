import {Box, Text, useInput} from 'ink';
import {useState} from 'react';
import {describe, expect, it} from 'vitest';
import {keys, waitUntil} from '../../source/bench/harness.js';
import {captureInkOutput} from '../../source/screenshots/capture-ink.js';
import {renderAnsiToScreen, screenText} from '../../source/screenshots/terminal-screen.js';

function Counter() {
	const [count, setCount] = useState(0);
	useInput((_input, key) => {
		if (key.downArrow) setCount(value => value + 1);
	});
	return (
		<Box borderStyle="round" width={20}>
			<Text>count {count}</Text>
		</Box>
	);
}

describe('captureInkOutput', () => {
	it('renders a real Ink tree at a fixed size and replays to the final screen', async () => {
		const output = await captureInkOutput(<Counter />, {columns: 30, rows: 6});
		expect(screenText(renderAnsiToScreen(output, {columns: 30, rows: 6}))).toBe(
			['╭──────────────────╮', '│count 0           │', '╰──────────────────╯', '', '', ''].join('\n'),
		);
	});

	it('lets a script press keys through the fake stdin before the capture', async () => {
		const output = await captureInkOutput(<Counter />, {
			columns: 30,
			rows: 6,
			async interact(terminal) {
				expect(terminal.stdin.isRaw).toBe(true);
				terminal.stdin.press(keys.down);
				terminal.stdin.press(keys.down);
				await waitUntil(() => terminal.stdout.screenText().includes('count 2'), {what: 'count 2'});
			},
		});
		const screen = screenText(renderAnsiToScreen(output, {columns: 30, rows: 6}));
		expect(screen.split('\n')[1]).toBe('│count 2           │');
		// Ink erased the earlier frames: only one box is on screen.
		expect(screen.match(/╭/g)).toHaveLength(1);
	});
});
