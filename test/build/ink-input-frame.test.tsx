// The frame that answers a key is written at once (source/build/patch-ink.mjs): Ink's own throttle
// held it up to 33 ms when a data refresh had drawn a frame just before (issues 10 and 11). Ink
// rendered as the CLI renders it (throttled, not ink-testing-library's debug mode), into the
// bench's in-memory terminal; no time passes on any clock between the key and the check.
import {render, Text, useStdin} from 'ink';
import {useEffect, useState} from 'react';
import {describe, expect, it} from 'vitest';
import {createFakeTerminal} from '../../source/bench/fake-terminal.js';

const turns = async (count = 5): Promise<void> => {
	for (let index = 0; index < count; index++) await new Promise<void>(resolve => setImmediate(resolve));
};

function Probe({data}: {readonly data: {bump?: () => void}}) {
	const [refreshes, setRefreshes] = useState(0);
	const [typed, setTyped] = useState('');
	const {internal_eventEmitter: emitter, setRawMode} = useStdin();
	useEffect(() => {
		setRawMode(true);
		const onInput = (input: string) => setTyped(text => text + input);
		emitter?.on('input', onInput);
		data.bump = () => setRefreshes(count => count + 1);
		return () => {
			emitter?.removeListener('input', onInput);
		};
	}, [data, emitter, setRawMode]);
	return <Text>{`refreshes ${refreshes} typed ${typed || '-'}`}</Text>;
}

describe('a key’s frame under the render throttle', () => {
	it('is written at once, even right after a data frame', async () => {
		const terminal = createFakeTerminal({columns: 60, rows: 5, keepOutput: true});
		const data: {bump?: () => void} = {};
		const instance = render(<Probe data={data} />, terminal.inkOptions);
		try {
			await turns();
			// Two data refreshes in a row: the second's frame waits for the throttle, as data frames may.
			data.bump!();
			await turns();
			data.bump!();
			await turns();
			terminal.stdout.mark();
			terminal.stdin.press('x');
			await turns();
			expect(terminal.stdout.outputSinceMark()).toContain('typed x');
		} finally {
			instance.unmount();
		}
	});
});
