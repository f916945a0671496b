// The full-text viewer's pure parts: JSON pretty-printed, lines wrapped to the width with controls
// made visible, scrolling clamped to the text, fields changed with ←/→, y copies the raw value.
import {describe, expect, it} from 'vitest';
import {openViewer, prettyValue, viewerCommand, viewerLines, viewerSize} from '../../../source/core/dialogs/text-viewer.js';

describe('prettyValue and viewerLines', () => {
	it('indents a JSON object or array and leaves other text alone', () => {
		expect(prettyValue('{"a":1,"b":[2,3]}')).toBe('{\n  "a": 1,\n  "b": [\n    2,\n    3\n  ]\n}');
		expect(prettyValue('[1]')).toBe('[\n  1\n]');
		expect(prettyValue('"just a string"')).toBe('"just a string"');
		expect(prettyValue('{not json')).toBe('{not json');
		expect(prettyValue('42')).toBe('42');
	});

	it('wraps each line to the width, keeps line breaks and blank lines, shows controls', () => {
		expect(viewerLines('abcdefgh\n\nij', 3)).toEqual(['abc', 'def', 'gh', '', 'ij']);
		expect(viewerLines('', 10)).toEqual(['']);
		const lines = viewerLines('a\u001B]0;x\u0007b\tc', 80);
		expect(lines).toEqual(['a␛]0;x␇b c']);
		expect(lines.join('')).not.toMatch(/[\u0000-\u001F]/);
	});
});

describe('viewerCommand', () => {
	const size = {width: 10, height: 3};
	const state = openViewer('Step 1/1 s', [
		{label: 'output Long', value: 'x'.repeat(95)},
		{label: 'failure message', value: '{"Error":"denied"}'},
	]);

	it('scrolls by line and page, clamped to the last screenful (10 lines at 3 a screen: 0…7)', () => {
		expect(viewerCommand(state, 'cursor.up', size).state.scroll).toBe(0);
		expect(viewerCommand(state, 'cursor.down', size).state.scroll).toBe(1);
		expect(viewerCommand(state, 'cursor.pageDown', size).state.scroll).toBe(2);
		const bottom = viewerCommand(state, 'cursor.bottom', size).state;
		expect(bottom.scroll).toBe(7);
		expect(viewerCommand(bottom, 'cursor.down', size).state.scroll).toBe(7);
		expect(viewerCommand(bottom, 'cursor.top', size).state.scroll).toBe(0);
	});

	it('← and → change the field (back to its top), stopping at either end', () => {
		const next = viewerCommand({...state, scroll: 4}, 'viewer.next', size).state;
		expect([next.index, next.scroll]).toEqual([1, 0]);
		expect(viewerCommand(next, 'viewer.next', size).state.index).toBe(1);
		expect(viewerCommand(state, 'viewer.previous', size).state.index).toBe(0);
	});

	it('y copies the value as it came (not pretty-printed), named for the footer; Esc closes', () => {
		const next = viewerCommand(state, 'viewer.next', size).state;
		expect(viewerCommand(next, 'viewer.copy', size).effects).toEqual([{kind: 'copy', text: '{"Error":"denied"}', what: 'failure message'}]);
		expect(viewerCommand(state, 'viewer.close', size).closed).toBe(true);
	});

	it('the text area is the viewport less the screen chrome and the frame', () => {
		expect(viewerSize({columns: 80, rows: 24}, false)).toEqual({width: 76, height: 16});
		expect(viewerSize({columns: 80, rows: 24}, true)).toEqual({width: 76, height: 15});
	});
});
