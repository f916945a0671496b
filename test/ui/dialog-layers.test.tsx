// The interactive layer as a user meets it (issue 9): dialogs opened straight from the list, Esc
// closing only the top layer, keys that arrive in one read, the cursor that keeps its execution,
// and landing on a run just started. Each of these failed before the key path and the dialogs were
// rebuilt (the numbers are the issue's).
import {afterEach, describe, expect, it} from 'vitest';
import type {ActionPort} from '../../source/core/ports.js';
import type {Execution, ExecutionDetail} from '../../source/core/types.js';
import {selectSelectedExecution} from '../../source/store/selectors.js';
import {KEYS, renderApp, type RenderedApp} from './helpers.js';
import {crossAccountDetail, execution, executionId, executions, NOW, step, storeWith} from './fixtures.js';

const DEPLOY = `
schemaVersion: '0.3'
parameters:
  Environment: {type: String}
  ServiceName: {type: String}
mainSteps: []
`;

/** A failed Ops-DeployServiceConfig run: its list row, and the full execution GetAutomationExecution returns. */
const deployRow: Execution = execution(1, {status: 'Failed', documentName: 'Ops-DeployServiceConfig', documentVersion: '1'});
const deployDetail: ExecutionDetail = {
	...deployRow,
	parameters: {Environment: ['prod'], ServiceName: ['checkout']},
	steps: [step('deploy', {status: 'Failed'})],
};
const waiting: Execution = execution(2, {
	status: 'Waiting',
	documentName: 'Ops-PatchFleetWithApproval',
	currentAction: 'aws:approve',
	currentStepName: 'approvePatching',
});

function port(extra: Partial<ActionPort> = {}): Partial<ActionPort> {
	return {
		async getExecution(_region, id) {
			if (id === deployDetail.id) return deployDetail;
			throw new Error(`no execution ${id}`);
		},
		async listDocuments() {
			return [{name: 'Ops-DeployServiceConfig', owner: '123456789012'}];
		},
		async getDocument(_region, name) {
			return {name, content: DEPLOY};
		},
		...extra,
	};
}

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('dialogs straight from the list (1, 2)', () => {
	it('x and a on a row whose detail was never opened show their dialogs (no crash)', async () => {
		const store = storeWith({rows: [deployRow, waiting, ...executions(6).slice(3)]});
		app = await renderApp(store, {port: port()});
		await app.press('down');
		await app.type('x');
		await app.waitFor(`Stop execution ${waiting.id}`);
		await app.press('escape');
		await app.waitFor(text => !text.includes('Stop execution'));
		await app.type('a');
		await app.waitFor('› Approve approvePatching');
		expect(store.getState().modal.kind).toBe('signal');
	});

	it('R on a list row reads the run and pre-fills its own parameters, as R from the detail does', async () => {
		const store = storeWith({rows: [deployRow, waiting]});
		app = await renderApp(store, {port: port()});
		await app.type('R');
		const frame = await app.waitFor(/Environment\*?\s+prod/);
		expect(frame).toMatch(/ServiceName\*?\s+checkout/);
		expect(frame).toContain(`Re-run ${deployRow.id}`);
		// What was read is the detail too: opening the run afterwards needs no other call.
		expect(store.getState().details[deployRow.id]).toBe(deployDetail);
	});
});

describe('Esc closes only the top layer (3)', () => {
	it('detail → R → Esc stays on the detail', async () => {
		const store = storeWith({rows: [deployRow], details: [deployDetail]});
		app = await renderApp(store, {port: port()});
		await app.press('enter');
		await app.waitFor('Step 1/1');
		await app.type('R');
		await app.waitFor(/Environment\*?\s+prod/);
		await app.press('escape');
		await app.waitFor('Step 1/1');
		expect(store.getState()).toMatchObject({screen: 'detail', modal: {kind: 'none'}});
	});

	it('grid → x → Esc stays on the grid', async () => {
		const parent = crossAccountDetail(1);
		const store = storeWith({rows: [parent], details: [parent]});
		app = await renderApp(store, {port: port()});
		await app.press('enter', 'enter');
		await app.waitFor('accounts ×');
		await app.type('x');
		await app.waitFor('Stop execution');
		await app.press('escape');
		await app.waitFor('accounts ×');
		expect(store.getState().screen).toBe('grid');
	});

	it('list with a filter → n → Esc keeps the filter', async () => {
		const store = storeWith({rows: executions(8), filter: 'doc:Doc-1'});
		app = await renderApp(store, {port: port()});
		await app.type('n');
		await app.waitFor('Start a run');
		await app.press('escape');
		await app.waitFor('filter: doc:Doc-1');
		expect(store.getState().filter).toBe('doc:Doc-1');
	});
});

describe('keys that arrive in one read (4)', () => {
	it('two Escapes in one read go back two screens', async () => {
		const parent = crossAccountDetail(1);
		const store = storeWith({rows: [parent], details: [parent]});
		app = await renderApp(store);
		await app.press('enter', 'enter');
		await app.waitFor('accounts ×');
		await app.write(KEYS.escape + KEYS.escape);
		await expect.poll(() => store.getState().screen).toBe('list');
		await app.waitFor('Org-Patch:1');
	});

	it('Esc then j in one read: back to the list, then one row down', async () => {
		const store = storeWith({rows: executions(5)});
		app = await renderApp(store);
		await app.press('enter');
		await app.waitFor('Loading steps');
		await app.write(`${KEYS.escape}j`);
		await expect.poll(() => store.getState().screen).toBe('list');
		expect(store.getState().selectedId).toBe(executionId(1));
	});

	it('n and the runbook name in one read open the dialog with the name typed', async () => {
		const store = storeWith({rows: executions(3)});
		app = await renderApp(store, {port: port()});
		await app.write('nDeploy');
		await app.waitFor(/Runbook\s+Deploy/);
		await app.waitFor('› Ops-DeployServiceConfig');
	});

	it('jjj in one read moves three rows', async () => {
		const store = storeWith({rows: executions(6)});
		app = await renderApp(store);
		await app.write('jjj');
		await expect.poll(() => store.getState().selectedId).toBe(executionId(3));
	});
});

describe('the re-run chooser (6)', () => {
	it('starts on its first option, and Enter chooses it', async () => {
		const parent: ExecutionDetail = {...crossAccountDetail(1), status: 'Failed'};
		const store = storeWith({rows: [parent], details: [parent]});
		app = await renderApp(store, {port: port()});
		await app.type('R');
		const frame = await app.waitFor('Re-run what?');
		expect(frame).toContain('› Re-run everything');
		await app.press('enter');
		await app.waitFor('1 Runbook › 2 Parameters');
		expect(
			store.getState().modal.kind === 'start' && store.getState().modal.kind === 'start' && (store.getState().modal as {form: {step: string}}).form.step,
		).toBe('parameters');
	});
});

describe('the cursor is an execution (7)', () => {
	it('a new filter keeps the execution under the cursor, and clearing it keeps it too', async () => {
		const store = storeWith({rows: executions(12)});
		app = await renderApp(store);
		await app.press('down', 'down', 'down', 'down', 'down');
		const chosen = store.getState().selectedId;
		expect(chosen).toBe(executionId(5));
		// Doc-1 and Doc-5 only (fixtures name documents Doc-n): the chosen row moves from the 6th line to the 2nd.
		await app.type('/');
		await app.type('doc:Doc-5');
		await app.press('enter');
		await app.waitFor('filter: doc:Doc-5');
		expect(selectSelectedExecution(store.getState())?.id).toBe(chosen);
		await app.press('escape');
		await app.waitFor(text => !text.includes('filter: doc:Doc-5'));
		expect(selectSelectedExecution(store.getState())?.id).toBe(chosen);
	});

	it('a refresh that brings a newer run keeps the cursor on the row it was on, even untouched', async () => {
		const store = storeWith({rows: executions(4)});
		app = await renderApp(store);
		const first = selectSelectedExecution(store.getState())?.id;
		expect(first).toBe(executionId(0));
		store.getState().actions.pollSucceeded('us-east-1', [execution(99, {startTime: NOW})], {at: NOW});
		await app.waitFor('00000063');
		expect(selectSelectedExecution(store.getState())?.id).toBe(first);
	});
});

describe('after starting a run (8, 14)', () => {
	it('asks naming runbook, account and Region, then lands on the new run, clearing a filter that hid it', async () => {
		const started = 'abcdef01-0000-4000-8000-00000000000a';
		const store = storeWith({rows: executions(4), filter: 'status:failed'});
		app = await renderApp(store, {port: port({startExecution: async () => ({executionId: started})})});
		await app.type('n');
		await app.waitFor('› Ops-DeployServiceConfig');
		await app.press('enter');
		await app.waitFor('Environment');
		/** Tab until the focused row (marked ›) is `label`, each press awaited until the frame shows it. */
		const focus = async (label: string): Promise<void> => {
			for (let tries = 0; tries < 40 && !app!.frame().includes(`› ${label}`); tries++) {
				const before = app!.frame();
				await app!.press('tab');
				await app!.waitFor(frame => frame !== before);
			}
		};
		await focus('Environment');
		await app.type('prod');
		await focus('ServiceName');
		await app.type('checkout');
		for (const [label, next] of [
			['Run settings ›', '› Mode'],
			['Review ›', 'aws ssm start-automation-execution'],
			['Start the run', 'Start Ops-DeployServiceConfig'],
		] as const) {
			await focus(label);
			await app.press('enter');
			await app.waitFor(next);
		}
		await app.waitFor(/Start Ops-DeployServiceConfig in account 111122223333, us-east-1\?/);
		await app.type('y');
		await app.waitFor('Filter cleared to show it · Started Ops-DeployServiceConfig');
		expect(store.getState()).toMatchObject({screen: 'detail', openId: started, selectedId: started, filter: ''});
		expect(store.getState().executions[started]).toMatchObject({status: 'Pending', documentName: 'Ops-DeployServiceConfig'});
	});
});
