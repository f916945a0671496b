// Keys of the detail, grid and location screens, rendered.
import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {awsContext, crossAccountDetail, executionId, failedDetail, step, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

describe('detail keys', () => {
	it('opens on the failed step, with its failure details; ↓/↑ and the other moves select steps', async () => {
		const detail = failedDetail(1);
		app = await renderApp(storeWith({rows: [detail], details: [detail]}));
		await app.press('enter');
		const frame = await app.waitFor('Step 2/3 stopInstances');
		expect(frame).toMatch(/failure\s+message\s+AccessDenied when calling StopInstances/);
		expect(frame).toMatch(/failure\s+stage\s+Invocation/);
		expect(frame).toMatch(/failure\s+type\s+Unauthorized/);
		expect(frame).toMatch(/input\s+Api\s+StopInstances/);
		await app.press('up');
		await app.waitFor('Step 1/3 describe');
		expect(app.frame()).toMatch(/output\s+State\s+running/);
		await app.press('down');
		await app.waitFor('Step 2/3 stopInstances');
		await app.type('j');
		await app.waitFor('Step 3/3 startInstances');
		await app.type('k');
		await app.waitFor('Step 2/3');
		await app.type('G');
		await app.waitFor('Step 3/3');
		await app.type('g');
		await app.waitFor('Step 1/3');
		await app.press('pageDown');
		await app.waitFor('Step 3/3');
		await app.press('pageUp');
		await app.waitFor('Step 1/3');
		await app.press('end');
		await app.waitFor('Step 3/3');
		await app.press('home');
		await app.waitFor('Step 1/3');
	});

	it('opens on the first step when nothing failed', async () => {
		const detail = {...failedDetail(1), steps: failedDetail(1).steps.map(step => ({...step, status: 'Success'}))};
		app = await renderApp(storeWith({rows: [detail], details: [detail]}));
		await app.press('enter');
		await app.waitFor('Step 1/3 describe');
	});

	it('Tab switches to parameters and outputs and back', async () => {
		const detail = failedDetail(1);
		app = await renderApp(storeWith({rows: [detail], details: [detail]}));
		await app.press('enter', 'tab');
		const frame = await app.waitFor('Parameters, outputs, targets');
		// A bordered ink-table: heading, one rule under it, then a line per field.
		expect(frame).toMatch(/│ KIND\s+│ NAME\s+│ VALUE\s+│/);
		expect(frame).toMatch(/│ param\s+│ InstanceId\s+│ i-0123456789abcdef0\s+│/);
		expect(frame).toMatch(/│ failure\s+│ message\s+│ Step stopInstances failed: access denied\s+│/);
		expect(frame.match(/├/g)).toHaveLength(1);
		await app.press('tab');
		await app.waitFor('Step 2/3');
	});

	it('Esc and Backspace go back to the list', async () => {
		const detail = failedDetail(1);
		app = await renderApp(storeWith({rows: [detail], details: [detail]}));
		for (const back of ['escape', 'backspace'] as const) {
			await app.press('enter');
			await app.waitFor(/Step \d\/3/);
			await app.press(back);
			await app.waitFor('DOCUMENT:VER');
		}
	});

	it('Enter on a Local execution explains there is no grid', async () => {
		const detail = failedDetail(1);
		app = await renderApp(storeWith({rows: [detail], details: [detail]}));
		await app.press('enter');
		await app.waitFor(/Step \d\/3/);
		await app.press('enter');
		await app.waitFor('Only cross-account runs have an account × region grid');
	});

	it('action keys act on the open execution', async () => {
		const detail = failedDetail(1);
		const store = storeWith({rows: [detail], details: [detail]});
		app = await renderApp(store);
		await app.press('enter');
		await app.waitFor(/Step \d\/3/);
		await app.type('x');
		await expect.poll(() => store.getState().modal).toMatchObject({kind: 'stop', dialog: {executionId: detail.id, phase: 'choose'}});
	});
});

describe('grid and location keys', () => {
	async function openGrid(context = storeWith().getState().context) {
		const detail = crossAccountDetail(2);
		const store = storeWith({rows: [detail], details: [detail], context});
		store.setState({
			childSteps: {[executionId(900)]: [step('patch', {action: 'aws:runCommand'}), step('verify', {status: 'Failed', failureMessage: 'verify failed'})]},
		});
		const rendered = await renderApp(store);
		await rendered.press('enter');
		await rendered.waitFor('Enter: account × region grid');
		await rendered.press('enter');
		await rendered.waitFor('ACCOUNT');
		return {store, rendered};
	}

	it('shows the ProgressCounters bar and the grid, cursor on the first cell', async () => {
		const {rendered} = await openGrid();
		app = rendered;
		const frame = app.frame();
		expect(frame).toContain('1 ok · 1 failed · 0 cancelled · 0 timed out · 2 remaining');
		expect(frame).toMatch(/ACCOUNT\s+eu-west-1\s+us-east-1/);
		expect(frame).toMatch(/111122223333\s+✗ Failed\s+✓ Success/);
		expect(frame).toMatch(/444455556666\s+·\s+▶ InProgress/);
		expect(frame).toContain('111122223333 / eu-west-1: Failed');
	});

	it('arrows and h/j/k/l move the cursor over cells that exist', async () => {
		const {rendered} = await openGrid();
		app = rendered;
		await app.press('right');
		await app.waitFor('111122223333 / us-east-1: Success');
		await app.type('j');
		await app.waitFor('444455556666 / us-east-1: InProgress');
		await app.press('down');
		// No location in 777788889999 / us-east-1: the cursor stays.
		await app.type('h');
		await app.waitFor('444455556666 / us-east-1');
		await app.type('k');
		await app.waitFor('111122223333 / us-east-1');
		await app.press('left');
		await app.waitFor('111122223333 / eu-west-1');
		await app.type('l');
		await app.waitFor('111122223333 / us-east-1');
		await app.press('up');
		await app.waitFor('111122223333 / us-east-1');
		await app.type('G');
		await app.waitFor('777788889999 / eu-west-1');
		await app.type('g');
		await app.waitFor('111122223333 / eu-west-1');
		await app.press('pageDown');
		await app.waitFor('777788889999 / eu-west-1');
		await app.press('pageUp');
		await app.waitFor('111122223333 / eu-west-1');
		await app.press('end', 'home');
		await app.waitFor('111122223333 / eu-west-1');
	});

	it('Enter opens the location: the child steps; ↓ selects; Esc goes back to the grid', async () => {
		const {rendered} = await openGrid();
		app = rendered;
		await app.press('right', 'enter');
		const frame = await app.waitFor('Step 1/2 patch');
		expect(frame).toContain(`child execution ${executionId(900)}`);
		await app.press('down');
		await app.waitFor(/failure\s+message\s+verify failed/);
		await app.type('k');
		await app.waitFor('Step 1/2');
		await app.press('escape');
		await app.waitFor('ACCOUNT');
		await app.press('backspace');
		await app.waitFor('Step 2/4');
	});

	it('a location in an account without credentials says so instead of failing', async () => {
		const {rendered} = await openGrid(awsContext);
		app = rendered;
		await app.press('down', 'down');
		const frame = await app.waitFor('777788889999 / eu-west-1');
		expect(frame).toContain('no credentials for account 777788889999');
		expect(frame).toMatch(/▶ InProgress\*/);
		await app.press('enter');
		await app.waitFor('--account-profile 777788889999=PROFILE (repeatable)');
	});

	it('says when a child execution could not be read', async () => {
		const {store, rendered} = await openGrid();
		app = rendered;
		const parent = store.getState().openId!;
		store.setState({childErrors: {[`${parent}/444455556666/us-east-1`]: 'AccessDenied: not allowed'}});
		await app.press('right', 'down', 'enter');
		await app.waitFor('Could not read the child execution: AccessDenied: not allowed');
	});
});
