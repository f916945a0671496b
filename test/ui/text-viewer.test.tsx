// The full-text viewer (issue 13): `v` in the detail opens the selected step's values whole — a
// failure message or output cut with "…" in the table — wrapped, JSON pretty-printed, scrolled with
// j/k/PgUp/PgDn/g/G, ←/→ for the other values, y copies the value, Esc closes only the viewer.
import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {failedDetail, step, storeWith} from './fixtures.js';
import type {ExecutionDetail} from '../../source/core/types.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

const LONG_MESSAGE = `${'Access denied calling StopInstances on the instance. '.repeat(6)}THE END`;
const JSON_OUTPUT = JSON.stringify({Instances: Array.from({length: 30}, (_, n) => ({InstanceId: `i-${String(n).padStart(17, '0')}`, State: 'stopped'}))});

function detailWithLongValues(): ExecutionDetail {
	const detail = failedDetail(1);
	return {
		...detail,
		steps: [
			detail.steps[0]!,
			step('stopInstances', {status: 'Failed', failureMessage: LONG_MESSAGE, outputs: {Result: [JSON_OUTPUT]}, stepExecutionId: 'step-2'}),
		],
	};
}

async function openDetail(): Promise<{store: ReturnType<typeof storeWith>; writes: string[]}> {
	const writes: string[] = [];
	const detail = detailWithLongValues();
	const store = storeWith({rows: [detail], details: [detail], viewport: {columns: 80, rows: 24}});
	store.getState().actions.screenOpened('detail', detail.id);
	app = await renderApp(store, {writeTerminal: text => writes.push(text)});
	await app.waitFor('Step 2/2 stopInstances');
	return {store, writes};
}

describe('the full-text viewer', () => {
	it('the detail cuts the long message; v shows it whole, wrapped, and Esc closes only the viewer', async () => {
		const {store} = await openDetail();
		expect(app!.frame()).not.toContain('THE END');
		await app!.type('v');
		const frame = await app!.waitFor(/Full text · failure message \(1\/\d\) · \d+ lines · Step 2\/2 stopInstances/);
		expect(frame).toContain('failure message');
		expect(frame).toContain('THE END');
		// Wrapped inside the frame: no line wider than the terminal.
		for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
		// The footer has the viewer's keys.
		expect(frame).toMatch(/Esc\/v\/q close/);
		await app!.press('escape');
		await app!.waitFor(text => !text.includes('Full text'));
		expect(store.getState().screen).toBe('detail');
		expect(store.getState().modal.kind).toBe('none');
	});

	it('→ goes to the next values; JSON is pretty-printed and scrolls with j, G and g', async () => {
		await openDetail();
		await app!.type('v');
		await app!.waitFor('failure message');
		// failure message → step name → step action → step id → output Result.
		for (let n = 0; n < 4; n++) await app!.press('right');
		let frame = await app!.waitFor('output Result');
		expect(frame).toContain('"Instances": [');
		expect(frame).toContain('"InstanceId": "i-00000000000000000"');
		expect(frame).toMatch(/lines 1–16\/1\d\d/);
		await app!.type('j');
		await app!.waitFor(/lines 2–17\//);
		await app!.type('G');
		frame = await app!.waitFor(/lines \d+–(\d+)\/\1 /);
		expect(frame).toContain('"InstanceId": "i-00000000000000029"');
		await app!.type('g');
		await app!.waitFor(/lines 1–16\//);
	});

	it('y copies the whole value as it came (the raw JSON), told in the footer', async () => {
		const {writes} = await openDetail();
		await app!.type('v');
		await app!.waitFor('failure message');
		for (let n = 0; n < 4; n++) await app!.press('right');
		await app!.waitFor('output Result');
		await app!.type('y');
		await app!.waitFor('Copied output Result');
		const payload = /\u001B\]52;c;([A-Za-z\d+/=]*)\u0007/.exec(writes.join(''))![1]!;
		expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(JSON_OUTPUT);
	});

	it("on the Tab pane v shows the execution's values: parameters, outputs and the console URL", async () => {
		await openDetail();
		await app!.press('tab');
		await app!.type('v');
		await app!.waitFor(/Full text · .* · Execution /);
		const labels: string[] = [];
		for (let n = 0; n < 12; n++) {
			const frame = app!.frame();
			const label = /Full text · (.+?) \(\d+\/\d+\)/.exec(frame)?.[1];
			if (label) labels.push(label);
			await app!.press('right');
		}
		expect(labels).toEqual(expect.arrayContaining(['failure message', 'param InstanceId', 'execution id', 'console URL']));
	});

	it('hostile data (a step name and a value holding ESC and BEL) is shown, never written as escape sequences', async () => {
		const detail = failedDetail(1);
		const hostile = {
			...detail,
			steps: [
				step('\u001B]0;pwned\u0007name', {
					status: 'Failed',
					failureMessage: 'red \u001B[41m alert \u001B]52;c;aGk=\u0007',
					outputs: {Json: ['{"k":"\\u001b[2J"}']},
				}),
			],
		};
		const store = storeWith({rows: [hostile], details: [hostile], viewport: {columns: 80, rows: 24}});
		store.getState().actions.screenOpened('detail', hostile.id);
		app = await renderApp(store);
		await app.waitFor('Step 1/1');
		await app.type('v');
		await app.waitFor('red ␛[41m alert ␛]52;c;aGk=␇');
		for (let n = 0; n < 3; n++) await app.press('right');
		// Pretty-printed JSON spells a control as JSON does: an escape, six characters.
		await app.waitFor('"k": "\\u001b[2J"');
		const written = app.frames().join('');
		expect(written).not.toContain('\u001B]0;');
		expect(written).not.toContain('\u001B[41m');
		expect(written).not.toContain('\u001B]52;');
		expect(written).not.toContain('\u001B[2J');
	});
});
