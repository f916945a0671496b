import {describe, expect, it} from 'vitest';
import {fieldWindow} from '../../../source/ui/modal/field-list.js';
import {applyTextCommand, type TextState} from '../../../source/core/dialogs/text-edit.js';
import type {KeyPress} from '../../../source/ui/keymap.js';
import {resolveDialogKey} from '../../../source/ui/modal/dialog-keys.js';

/** A key in a text field, as the dispatcher resolves it. */
const applyTextKey = (state: TextState, input: string, key: KeyPress) => applyTextCommand(state, resolveDialogKey(input, key, 'text'), input);

describe('fieldWindow', () => {
	it('shows everything that fits', () => {
		expect(fieldWindow([1, 2, 1], 1, 10)).toEqual({start: 0, end: 3});
	});

	it('keeps the focused field in view with neighbours around it, within the line budget', () => {
		const heights = Array.from({length: 20}, () => 1);
		expect(fieldWindow(heights, 10, 7)).toEqual({start: 8, end: 13});
		expect(fieldWindow(heights, 0, 7)).toEqual({start: 0, end: 5});
		expect(fieldWindow(heights, 19, 7)).toEqual({start: 15, end: 20});
	});

	it('counts tall fields (messages, open lists) by their lines', () => {
		const heights = [1, 1, 6, 1, 1, 1];
		const {start, end} = fieldWindow(heights, 2, 8);
		expect(start).toBeLessThanOrEqual(2);
		expect(end).toBeGreaterThan(2);
		expect(heights.slice(start, end).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(6);
	});
});

describe('applyTextKey', () => {
	it('inserts at the cursor, deletes before it, and moves it', () => {
		expect(applyTextKey({value: 'ac', cursor: 1}, 'b', {})).toEqual({value: 'abc', cursor: 2});
		expect(applyTextKey({value: 'abc', cursor: 2}, '', {backspace: true})).toEqual({value: 'ac', cursor: 1});
		expect(applyTextKey({value: 'abc', cursor: 0}, '', {delete: true})).toEqual({value: 'abc', cursor: 0});
		expect(applyTextKey({value: 'abc', cursor: 3}, '', {leftArrow: true})).toEqual({value: 'abc', cursor: 2});
		expect(applyTextKey({value: 'abc', cursor: 3}, 'a', {ctrl: true})).toEqual({value: 'abc', cursor: 0});
		expect(applyTextKey({value: 'abc', cursor: 0}, 'e', {ctrl: true})).toEqual({value: 'abc', cursor: 3});
		expect(applyTextKey({value: 'abc', cursor: 1}, 'u', {ctrl: true})).toEqual({value: '', cursor: 0});
		expect(applyTextKey({value: '', cursor: 0}, 'a\nb', {})).toEqual({value: 'a b', cursor: 3});
		expect(applyTextKey({value: '😀', cursor: 1}, '', {backspace: true})).toEqual({value: '', cursor: 0});
	});

	it('leaves form keys to the form', () => {
		for (const key of [{tab: true}, {return: true}, {escape: true}, {upArrow: true}, {downArrow: true}])
			expect(applyTextKey({value: 'x', cursor: 1}, '', key)).toBeUndefined();
	});
});
