// Links and copy (issue 13): `y` copies the selected id on every screen and `o` the execution's AWS
// console URL, both as OSC 52 written by the effect runner, with a footer notice saying what was
// copied; the detail links the id (OSC 8) where the terminal has hyperlinks and shows the plain URL
// where it does not; and the layout stays the same width with the link's escape bytes in it.
import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {crossAccountDetail, execution, executionId, executions, failedDetail, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

/** A frame as the terminal shows it: SGR (CSI) and OSC sequences take no columns. */
const stripAnsi = (text: string): string => text.replaceAll(/\u001B\[[\d;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g, '');

/** The texts OSC 52 sequences in `writes` put on the clipboard. */
function clipboard(writes: readonly string[]): string[] {
	return writes.flatMap(write => [...write.matchAll(/\u001B\]52;c;([A-Za-z\d+/=]*)\u0007/g)].map(match => Buffer.from(match[1]!, 'base64').toString('utf8')));
}

const url = (n: number, region = 'us-east-1') =>
	`https://${region}.console.aws.amazon.com/systems-manager/automation/execution/${executionId(n)}?region=${region}`;

describe('y and o', () => {
	it('on the list, y copies the selected execution id and o its console URL, each told in the footer', async () => {
		const writes: string[] = [];
		const store = storeWith({rows: executions(3)});
		app = await renderApp(store, {writeTerminal: text => writes.push(text)});
		await app.press('down');
		await app.type('y');
		await app.waitFor(`Copied execution id ${executionId(1)}`);
		await app.type('o');
		await app.waitFor('Copied console URL https://us-east-1.console.aws.amazon.com/');
		expect(clipboard(writes)).toEqual([executionId(1), url(1)]);
	});

	it("in the detail, y copies the selected step's id; on the Tab pane the execution's", async () => {
		const writes: string[] = [];
		const detail = failedDetail(1);
		const withIds = {...detail, steps: detail.steps.map((step, index) => ({...step, stepExecutionId: `5e000000-0000-4000-8000-00000000000${index}`}))};
		const store = storeWith({rows: [withIds], details: [withIds]});
		store.getState().actions.screenOpened('detail', withIds.id);
		app = await renderApp(store, {writeTerminal: text => writes.push(text)});
		await app.waitFor('Step 2/3 stopInstances');
		await app.type('y');
		await app.waitFor('Copied step id 5e000000-0000-4000-8000-000000000001');
		await app.press('tab');
		await app.type('y');
		await app.waitFor(`Copied execution id ${executionId(1)}`);
		expect(clipboard(writes)).toEqual(['5e000000-0000-4000-8000-000000000001', executionId(1)]);
	});

	it("in the grid, y copies the cell's child execution id and o links to the child in its Region", async () => {
		const writes: string[] = [];
		const parent = crossAccountDetail(2);
		const store = storeWith({rows: [parent], details: [parent]});
		store.getState().actions.screenOpened('detail', parent.id);
		store.getState().actions.screenOpened('grid');
		app = await renderApp(store, {writeTerminal: text => writes.push(text)});
		// The cursor starts on the failed cell: 111122223333 × eu-west-1, child 901.
		await app.type('y');
		await app.waitFor(`Copied child execution id ${executionId(901)}`);
		await app.type('o');
		await app.waitFor('Copied console URL https://eu-west-1.console');
		expect(clipboard(writes)).toEqual([executionId(901), url(901, 'eu-west-1')]);
	});

	it('under tmux the sequence is written as it is and again inside the passthrough envelope', async () => {
		const writes: string[] = [];
		app = await renderApp(storeWith({rows: executions(1)}), {writeTerminal: text => writes.push(text), inTmux: true});
		await app.type('y');
		await app.waitFor('Copied execution id');
		const base64 = Buffer.from(executionId(0)).toString('base64');
		expect(writes).toEqual([`\u001B]52;c;${base64}\u0007\u001BPtmux;\u001B\u001B]52;c;${base64}\u0007\u001B\\`]);
	});

	it('an execution whose region or id is not AWS-shaped gets no URL and no sequence', async () => {
		const writes: string[] = [];
		const hostile = execution(7, {id: 'x\u001B]52;c;aGk=\u0007', region: 'us-east-1\u0007'});
		app = await renderApp(storeWith({rows: [hostile]}), {writeTerminal: text => writes.push(text)});
		await app.type('o');
		await app.waitFor('No AWS console URL for this execution');
		expect(writes).toEqual([]);
	});
});

describe('the console link in the detail', () => {
	const open = async (hyperlinks: boolean) => {
		const detail = failedDetail(1);
		const store = storeWith({rows: [detail], details: [detail], viewport: {columns: 80, rows: 24}});
		store.getState().actions.screenOpened('detail', detail.id);
		app = await renderApp(store, {theme: {color: false, ascii: false, hyperlinks}});
		await app.waitFor('Step 2/3');
		return store;
	};

	it('without hyperlinks: no OSC 8 anywhere, and the Tab pane shows the whole URL, wrapped', async () => {
		await open(false);
		await app!.press('tab');
		const frame = await app!.waitFor('AWS console:');
		expect(app!.frames().join('')).not.toContain('\u001B]8;');
		// 80 columns: the URL goes on over two lines, never cut with "…".
		expect(frame.replaceAll(/\s*\n\s*/g, '')).toContain(url(1));
	});

	it('with hyperlinks: the id and the console line are OSC 8 links to the URL, and every line keeps its width', async () => {
		await open(true);
		const raw = app!.frames().at(-1)!;
		expect(raw).toContain(`\u001B]8;;${url(1)}\u0007${executionId(1)}\u001B]8;;\u0007`);
		await app!.press('tab');
		await app!.waitFor('open this execution (o: copy the URL)');
		const frame = app!.frames().at(-1)!;
		expect(frame).toContain(`\u001B]8;;${url(1)}\u0007`);
		// Ink measured the link's text only: no line is wider than the terminal once escapes are stripped.
		for (const line of stripAnsi(frame).split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
		const summary = stripAnsi(frame)
			.split('\n')
			.find(line => line.includes(executionId(1)));
		expect(summary).toMatch(new RegExp(`✗ Failed  ${executionId(1)}  AWS-RestartEC2Instance:1`));
	});
});
