// Every list-screen key, rendered: press, then wait for the frame (or store) to show its effect.
import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {executions, storeWith} from './fixtures.js';
import type {Modal} from '../../source/store/state.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const statuses = ['Success', 'Failed', 'InProgress', 'Waiting', 'Cancelled'];
const rows = executions(40, n => ({status: statuses[n % 5]!, documentName: `Doc-${n}`, currentStepName: `step-${n}`}));

async function openSelected(current: RenderedApp): Promise<string> {
	await current.press('enter');
	const frame = await current.waitFor('Loading steps…');
	await current.press('escape');
	await current.waitFor('DOCUMENT:VER');
	return /Doc-\d+/.exec(frame.split('\n')[3] ?? '')?.[0] ?? '';
}

describe('list keys', () => {
	it('↓/j and ↑/k move the selection (Enter opens what is selected)', async () => {
		const store = storeWith({rows});
		app = await renderApp(store);
		await app.press('down', 'down');
		await app.type('j');
		expect(await openSelected(app)).toBe('Doc-3');
		await app.press('up');
		await app.type('k');
		expect(await openSelected(app)).toBe('Doc-1');
	});

	it('PgDn/PgUp move a page and scroll the window; G/End and g/Home jump to the ends', async () => {
		const store = storeWith({rows});
		app = await renderApp(store);
		expect(app.frame()).not.toContain('Doc-23:1');
		await app.press('pageDown');
		await app.waitFor(frame => frame.includes('Doc-23:1') && !frame.includes('Doc-0:1'));
		expect(await openSelected(app)).toBe('Doc-23');
		await app.press('pageUp');
		await app.waitFor('Doc-0:1');
		expect(await openSelected(app)).toBe('Doc-0');
		await app.type('G');
		await app.waitFor('Doc-39:1');
		expect(app.frame()).not.toContain('Doc-0:1');
		expect(await openSelected(app)).toBe('Doc-39');
		await app.type('g');
		await app.waitFor('Doc-0:1');
		expect(await openSelected(app)).toBe('Doc-0');
		await app.press('end');
		await app.waitFor('Doc-39:1');
		await app.press('home');
		await app.waitFor('Doc-0:1');
		expect(await openSelected(app)).toBe('Doc-0');
	});

	it('/ opens the prompt, typing previews, Backspace and Ctrl-U edit, Enter applies, Esc cancels', async () => {
		const store = storeWith({rows});
		app = await renderApp(store);
		await app.type('/');
		await app.waitFor('Enter apply · Esc cancel');
		await app.type('doc:Doc-1x');
		await app.waitFor('/doc:Doc-1x');
		await app.press('backspace');
		await app.waitFor(frame => frame.includes('/doc:Doc-1 ') && frame.includes('Doc-19:1') && !frame.includes('Doc-2:1'));
		// Keys that are commands elsewhere are text in the prompt.
		await app.type('q');
		await app.waitFor('/doc:Doc-1q');
		expect(app.quits()).toBe(0);
		await app.press('ctrlU');
		await app.waitFor(frame => /^\/ /m.test(frame));
		await app.type('status:failed');
		await app.press('enter');
		await app.waitFor('filter: status:failed');
		expect(app.frame()).toContain('8 of 40 shown');
		await app.type('/');
		await app.type('zzz');
		await app.waitFor('0 of 40'.slice(0, 0) + '/status:failedzzz');
		await app.press('escape');
		await app.waitFor('8 of 40 shown');
		expect(store.getState().filter).toBe('status:failed');
	});

	it('a burst of Backspaces in one read (key repeat over SSH) deletes one character per press', async () => {
		const store = storeWith({rows});
		app = await renderApp(store);
		await app.type('/');
		await app.type('doc:Doc-1xyz');
		await app.waitFor('/doc:Doc-1xyz');
		await app.write('\u007F\u007F\u007F');
		await app.waitFor(frame => frame.includes('/doc:Doc-1 ') && !frame.includes('xyz'));
		expect(store.getState().filterDraft).toBe('doc:Doc-1');
	});

	it('shows filter errors instead of failing', async () => {
		app = await renderApp(storeWith({rows}));
		await app.type('/colour:red');
		await app.waitFor('unknown column "colour"');
		await app.press('enter');
		await app.waitFor('filter: unknown column "colour"');
	});

	it('Esc clears the applied filter', async () => {
		const store = storeWith({rows, filter: 'status:failed'});
		app = await renderApp(store);
		await app.waitFor('8 of 40 shown');
		await app.press('escape');
		await app.waitFor('40 of 40 shown');
	});

	it('s cycles the sort column and S reverses it', async () => {
		app = await renderApp(storeWith({rows}));
		await app.waitFor('sort: started ↓');
		await app.type('s');
		await app.waitFor('sort: duration ↓');
		await app.type('S');
		await app.waitFor('sort: duration ↑');
	});

	it.each([
		['1', 'status:running', 'InProgress'],
		['2', 'status:waiting', 'Waiting'],
		['3', 'status:problem', 'Failed'],
		['4', 'status:success', 'Success'],
		['5', 'status:cancelled', 'Cancelled'],
	])('%s quick-filters %s; again shows all; 0 clears', async (key, term, status) => {
		app = await renderApp(storeWith({rows}));
		await app.type(key);
		const frame = await app.waitFor(`filter: ${term}`);
		expect(frame).toContain('8 of 40 shown');
		const listed = frame.split('\n').filter(line => /^\S+ \S+\s+0000/.test(line));
		expect(listed.length).toBe(8);
		expect(listed.every(line => line.includes(status))).toBe(true);
		await app.type(key);
		await app.waitFor('40 of 40 shown');
		await app.type(key);
		await app.waitFor('8 of 40 shown');
		await app.type('0');
		await app.waitFor('40 of 40 shown');
	});

	it('Enter opens the detail of the selected row', async () => {
		app = await renderApp(storeWith({rows}));
		await app.press('down', 'enter');
		await app.waitFor(/00000001-0000-4000-8000-000000000000\s+Doc-1:1/);
		await app.waitFor('Loading steps…');
	});
});

describe('global keys on the list', () => {
	it('r asks the port to refresh now and says so', async () => {
		app = await renderApp(storeWith({rows}));
		await app.type('r');
		await app.waitFor('Refreshing…');
		expect(app.port.calls).toContain('refreshNow');
	});

	it('p pauses and resumes', async () => {
		const store = storeWith({rows});
		app = await renderApp(store);
		await app.type('p');
		await app.waitFor('[PAUSED]');
		expect(store.getState().paused).toBe(true);
		await app.type('p');
		await app.waitFor(frame => !frame.includes('[PAUSED]'));
	});

	it('? opens the help; Esc, ? and q close it', async () => {
		app = await renderApp(storeWith({rows}));
		for (const close of ['escape', '?', 'q'] as const) {
			await app.type('?');
			await app.waitFor('Keys · list screen');
			if (close === 'escape') await app.press('escape');
			else await app.type(close);
			await app.waitFor('STATUS');
		}

		expect(app.quits()).toBe(0);
	});

	it('q quits', async () => {
		app = await renderApp(storeWith({rows}));
		await app.type('q');
		await expect.poll(() => app!.quits()).toBe(1);
	});

	it('Ctrl-C quits', async () => {
		app = await renderApp(storeWith({rows}));
		await app.press('ctrlC');
		await expect.poll(() => app!.quits()).toBe(1);
	});

	const SECOND = '00000001-0000-4000-8000-000000000000';
	/** The dialog open now, and the execution it acts on. */
	const opened = (modal: Modal): [string, string | undefined] => {
		if (modal.kind === 'start') return ['start', modal.form.rerunSource?.executionId ?? modal.form.source?.id];
		if (modal.kind === 'stop' || modal.kind === 'signal') return [modal.kind, modal.dialog.executionId];
		return [modal.kind, undefined];
	};
	it.each([
		['n', ['start', undefined]],
		['R', ['start', SECOND]],
		['x', ['stop', SECOND]],
		['a', ['signal', SECOND]],
	])('%s opens its dialog for the selected execution', async (key, expected) => {
		const store = storeWith({rows});
		app = await renderApp(store);
		await app.press('down');
		await app.type(key);
		await expect.poll(() => opened(store.getState().modal)).toEqual(expected);
		// While a dialog is open, list keys are the dialog's: q does not quit, j does not move.
		await app.type('qj');
		expect(app.quits()).toBe(0);
		expect(store.getState().selectedId).toBe('00000001-0000-4000-8000-000000000000');
	});

	it('--read-only: action keys do nothing and are not offered', async () => {
		const store = storeWith({rows, context: {...storeWith().getState().context, readOnly: true}});
		app = await renderApp(store);
		const frame = await app.waitFor('[READ-ONLY]');
		expect(frame).not.toMatch(/n new|R re-run|x stop/);
		await app.type('nRxa');
		await app.type('?');
		await app.waitFor('Read-only mode');
		expect(app.frame()).not.toContain('Start a new run');
		expect(store.getState().modal.kind).toBe('help');
	});
});

describe('key bursts', () => {
	it('several keys arriving in one read are each a key press (typing fast over SSH)', async () => {
		const store = storeWith({rows});
		app = await renderApp(store);
		// One write: "jjj" then Enter, as tmux send-keys or a slow link delivers them.
		await app.write('jjj\r');
		await app.waitFor(/00000003-0000-4000-8000-000000000000\s+Doc-3:1/);
	});
});
