// The dialogs inside the whole App at 100×30: the keymap's n / R / x / a open
// them, they fit the screen, and --read-only keeps every action away.
import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {ExecutionDetail} from '../../../source/core/types.js';
import {App} from '../../../source/ui/app.js';
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

const stripAnsi = (text: string): string => text.replaceAll(/\u001B\[[0-9;?]*[A-Za-z]/g, '');
const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));
let unmount: (() => void) | undefined;

afterEach(() => {
	unmount?.();
	unmount = undefined;
});

async function app(readOnly = false) {
	const store = storeFor({context: {readOnly}, details: [waiting], rows: 30});
	store.setState({selectedId: waiting.id});
	const port = formPort();
	const instance = render(<App store={store} port={port} clock={{now: () => NOW, tickMs: 0}} theme={{color: false, ascii: false}} />);
	unmount = () => instance.unmount();
	const frame = (): string => stripAnsi(instance.lastFrame() ?? '');
	const waitFor = async (test: (text: string) => boolean, ms = 5000): Promise<string> => {
		const deadline = Date.now() + ms;
		for (;;) {
			if (test(frame())) return frame();
			if (Date.now() > deadline) throw new Error(`Timed out; last frame:\n${frame()}`);
			await turn();
		}
	};
	const send = async (data: string): Promise<void> => {
		instance.stdin.write(data);
		await turn();
	};
	await waitFor(text => text.includes('Ops-PatchFleet'));
	return {store, port, frame, waitFor, send};
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
		expect(store.getState().modal).toEqual({kind: 'start', fromExecutionId: waiting.id});
		await send(KEYS.escape);
		await waitFor(text => !text.includes('Re-run'));
		await send('x');
		await waitFor(text => text.includes(`Stop execution ${waiting.id}`));
		await send(KEYS.escape);
		await waitFor(text => !text.includes('Stop execution'));
		await send('a');
		await waitFor(text => text.includes('› Approve approvePatching'));
	});

	it('in read-only mode the keys do nothing, and a dialog opened anyway refuses to act', async () => {
		const {waitFor, send, store, frame, port} = await app(true);
		for (const key of ['n', 'R', 'x', 'a']) {
			await send(key);
			expect(store.getState().modal.kind).toBe('none');
		}
		expect(frame()).not.toContain('Start a run');
		store.getState().actions.modalOpened({kind: 'stop', executionId: waiting.id});
		await waitFor(text => text.includes('Read-only mode'));
		expect(frame()).toContain('starting, re-running, stopping and signalling executions');
		await send(KEYS.enter);
		await waitFor(text => !text.includes('Read-only mode'));
		expect(store.getState().modal.kind).toBe('none');
		expect(port.calls.filter(call => ['startExecution', 'stopExecution', 'sendSignal'].includes(call))).toEqual([]);
	});
});
