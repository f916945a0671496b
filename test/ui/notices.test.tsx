// Watching and being told (issue 13): `w` watches, the header says how many runs need you, a
// refresh that ends a watched run or makes one wait raises a notice — a notify effect for the
// runner and a line in the notifications pane (`!`), whose Enter opens that execution.
import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {execution, executionId, executions, NOW, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => {
	app?.unmount();
	app = undefined;
});

describe('notifications', () => {
	it('w watches; its end and a run that starts waiting are told, counted in the header and listed in the pane', async () => {
		const rows = executions(4, n => ({status: 'InProgress', endTime: undefined, documentName: `Doc-${n}`}));
		const store = storeWith({rows});
		// The Region was listed before: what the next listing brings is news.
		store.getState().actions.pollSucceeded('us-east-1', rows, {at: NOW});
		app = await renderApp(store);
		await app.press('down');
		await app.type('w');
		await app.waitFor('Watching Doc-1 00000001: you are told when it ends');
		expect(store.getState().watched).toEqual({[executionId(1)]: true});

		// Each queued notify effect once (the runner takes them from the queue soon after).
		const queued = new Set<unknown>();
		const effects: string[] = [];
		store.subscribe(state => {
			for (const effect of state.effects)
				if (effect.kind === 'notify' && !queued.has(effect)) {
					queued.add(effect);
					effects.push(effect.body);
				}
		});
		store
			.getState()
			.actions.pollSucceeded(
				'us-east-1',
				[
					execution(1, {status: 'Failed', documentName: 'Doc-1', failureMessage: 'boom'}),
					execution(2, {status: 'Waiting', documentName: 'Doc-2', currentAction: 'aws:approve', currentStepName: 'approve'}),
					execution(3, {status: 'Success', documentName: 'Doc-3'}),
				],
				{at: NOW + 5000},
			);
		await app.waitFor('needs you: 1 (!)');
		expect(effects).toEqual([
			`Doc-1 ended Failed: boom (${executionId(1)}, us-east-1)`,
			`Doc-2 waits for an approval at approve (${executionId(2)}, us-east-1)`,
		]);

		await app.type('!');
		const pane = await app.waitFor('Notifications · 2, newest first');
		// Newest first; the unwatched run that ended is not there.
		const lines = pane.split('\n');
		const ended = lines.findIndex(line => line.includes('Doc-1 ended Failed: boom'));
		const waits = lines.findIndex(line => line.includes('Doc-2 waits for an approval'));
		expect(waits).toBeGreaterThan(0);
		expect(ended).toBeGreaterThan(0);
		expect(pane).not.toContain('Doc-3');
		await app.press('down', 'enter');
		await expect.poll(() => store.getState()).toMatchObject({screen: 'detail', openId: executionId(ended > waits ? 1 : 2), modal: {kind: 'none'}});
	});

	it('a run started from ssmtop is watched without w', () => {
		const store = storeWith({rows: executions(2)});
		store.getState().actions.dialogOpened({kind: 'start'});
		const modal = store.getState().modal;
		if (modal.kind !== 'start') throw new Error('no start dialog');
		// The runner's answer that the run started: the outcome lands on it and watches it.
		store.setState({modal: {kind: 'start', form: {...modal.form, submitting: true, documentName: 'Doc-x'}}});
		store.getState().actions.dialogEvent(modal.form.id, {kind: 'started', executionId: 'feed0000-0000-4000-8000-000000000001', at: NOW});
		expect(store.getState().watched['feed0000-0000-4000-8000-000000000001']).toBe(true);
	});
});
