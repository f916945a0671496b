// The dialogs inside the whole App at 100×30: the keymap's n / R / x / a open
// them, they fit the screen, and --read-only keeps every action away.
import {afterEach, describe, expect, it} from 'vitest';
import type {ExecutionDetail} from '../../../source/core/types.js';
import {renderApp} from '../helpers.js';
import {formPort} from './form-port.js';
import {KEYS, storeFor, unwrapped} from './harness.js';

const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const waiting: ExecutionDetail = {
	id: '0000000a-0000-4000-8000-000000000000',
	region: 'us-east-1',
	documentName: 'Ops-PatchFleetWithApproval',
	documentVersion: '2',
	status: 'Waiting',
	mode: 'Auto',
	automationType: 'Local',
	startTime: NOW - 60_000,
	parameters: {InstanceIds: ['i-0123456789abcdef0']},
	currentAction: 'aws:approve',
	currentStepName: 'approvePatching',
	steps: [{stepName: 'approvePatching', action: 'aws:approve', status: 'Waiting', startTime: NOW - 50_000}],
};

let unmount: (() => void) | undefined;

afterEach(() => {
	unmount?.();
	unmount = undefined;
});

async function app(readOnly = false) {
	const store = storeFor({context: {readOnly}, details: [waiting], rows: 30});
	store.setState({selectedId: waiting.id});
	const port = formPort();
	const rendered = await renderApp(store, {now: NOW, port});
	unmount = rendered.unmount;
	const waitFor = async (test: (text: string) => boolean, ms = 5000): Promise<string> => rendered.waitFor(test, ms);
	await waitFor(text => text.includes('Ops-PatchFleet'));
	return {store, port: rendered.port, frame: rendered.frame, waitFor, send: rendered.write};
}

describe('dialogs in the App', () => {
	it('n opens the start dialog, which fits a 100×30 terminal with its key hints', async () => {
		const {waitFor, send, store} = await app();
		await send('n');
		const frame = await waitFor(text => text.includes('Test-Runbook'));
		expect(frame).toContain('Start a run');
		expect(frame).toContain('Tab/Shift-Tab: field');
		expect(frame.split('\n').length).toBeLessThanOrEqual(30);
		// The runbook filter has the focus; printable keys go to it, not to the app's own keys (q would quit, s would sort).
		await send('q');
		await send('s');
		await waitFor(text => /Runbook\s+qs/.test(text));
		expect(store.getState().modal.kind).toBe('start');
		await send(KEYS.escape);
		await waitFor(text => text.includes('Discard this form?'));
		await send('y');
		await waitFor(text => !text.includes('Start a run'));
		expect(store.getState().modal.kind).toBe('none');
	});

	it('R, x and a open re-run, stop and signal for the selected execution', async () => {
		const {waitFor, send, store} = await app();
		await send('R');
		await waitFor(text => unwrapped(text).includes(`Re-run ${waiting.id}`));
		const modal = store.getState().modal;
		expect(modal.kind === 'start' && modal.form.source?.id).toBe(waiting.id);
		await send(KEYS.escape);
		await waitFor(text => !text.includes('Re-run'));
		await send('x');
		await waitFor(text => text.includes(`Stop execution ${waiting.id}`));
		await send(KEYS.escape);
		await waitFor(text => !text.includes('Stop execution'));
		await send('a');
		await waitFor(text => text.includes('› Approve approvePatching'));
	});

	it('in read-only mode the keys open nothing and say why, and the store refuses a dialog opened anyway', async () => {
		const {waitFor, send, store, frame, port} = await app(true);
		for (const key of ['n', 'R', 'x', 'a']) {
			await send(key);
			expect(store.getState().modal.kind).toBe('none');
			await waitFor(text => text.includes('Read-only mode (--read-only)'));
			await send(KEYS.down);
			await waitFor(text => !text.includes('Read-only mode (--read-only)'));
		}
		expect(frame()).not.toContain('Start a run');
		store.getState().actions.dialogOpened({kind: 'stop', executionId: waiting.id});
		expect(store.getState().modal.kind).toBe('none');
		await waitFor(text => text.includes('stopping and signalling are disabled'));
		expect(port.calls.filter(call => ['startExecution', 'stopExecution', 'sendSignal'].includes(call))).toEqual([]);
	});
});
