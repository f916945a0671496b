// The hint lines the dialogs show are the keymap's (chooseHint, dialogHint, startHint), and follow the focus.
import {afterEach, describe, expect, it} from 'vitest';
import {chooseHint, dialogHint} from '../../../source/ui/modal/dialog-keys.js';
import {execution, executionId} from '../fixtures.js';
import {fakePort} from '../helpers.js';
import {renderModal, storeFor, type RenderedModal} from './harness.js';

let rendered: RenderedModal | undefined;
afterEach(() => rendered?.unmount());

const running = {...execution(1, {status: 'InProgress', mode: 'Interactive', endTime: undefined}), steps: []};

describe('dialog hint lines', () => {
	it('stop: the option list and the y/n question show the keymap’s keys', async () => {
		const port = fakePort();
		rendered = await renderModal(storeFor({details: [running]}), port, {kind: 'stop', executionId: executionId(1)});
		await rendered.waitFor(chooseHint());
		expect(chooseHint()).toBe('↑/↓: choose · Enter: continue · Esc: close');
		// ↓ (list.down) moves to Complete; Enter (modal.confirm) asks.
		await rendered.press('down', 'enter');
		const question = await rendered.waitFor(
			`Complete execution ${executionId(1)} (Doc-1) in account 123456789012, us-east-1? ${dialogHint('question', ['confirm.yes', 'confirm.no'])}`,
		);
		expect(question).not.toContain(chooseHint());
		// Esc (confirm.no) goes back to the options without stopping anything.
		await rendered.press('escape');
		await rendered.waitFor(chooseHint());
		expect(port.calls).not.toContain('stopExecution');
	});

	it('stop with nothing to stop: the close key comes from the keymap', async () => {
		rendered = await renderModal(storeFor({details: [{...execution(2), steps: []}]}), fakePort(), {kind: 'stop', executionId: executionId(2)});
		await rendered.waitFor(`there is nothing to stop. ${dialogHint('fields', ['modal.close'], {'modal.close': 'close'})}`);
	});

	it('start: the hint follows the focus (←/→ only on a choice)', async () => {
		rendered = await renderModal(storeFor(), fakePort(), {kind: 'start'});
		const search = await rendered.waitFor('Tab/Shift-Tab: field · ↑/↓: move · Enter: choose · Esc: cancel');
		expect(search).not.toContain('←/→: change');
		await rendered.press('shiftTab');
		await rendered.waitFor('Tab/Shift-Tab: field · Enter: choose · ←/→: change · Esc: cancel');
	});
});
