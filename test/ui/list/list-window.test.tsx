// The list's window over many rows: whatever keys move it, each line shows the row it stands for.
// The rows' components are keyed by their place modulo the window's height, so a line's component
// serves other executions as the list scrolls: a line left with another row's text would show here.
import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type KeyName, type RenderedApp} from '../helpers.js';
import {executions, storeWith} from '../fixtures.js';
import {selectVisibleRows} from '../../../source/store/selectors.js';
import type {AppStore} from '../../../source/store/app-store.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const rows = executions(150, n => ({documentName: `Doc-${n}`, status: n % 7 === 0 ? 'Failed' : 'Success'}));

/** The executions the frame shows, top to bottom, as their numbers (each line's id and document must agree). */
function shownNumbers(frame: string): number[] {
	const shown: number[] = [];
	for (const line of frame.split('\n')) {
		const document = line.startsWith('/') ? null : /Doc-(\d+)/.exec(line);
		if (!document) continue;
		const n = Number(document[1]);
		// The id column starts with the execution's number in hex (fixtures.executionId).
		expect(line, `the line of Doc-${n} shows another execution's id`).toContain(n.toString(16).padStart(8, '0').slice(0, 8));
		shown.push(n);
	}

	return shown;
}

/** The window is a run of the list's rows, in order, that holds the selected one. */
function windowIsRight(store: AppStore, frame: string): boolean {
	const state = store.getState();
	const list = selectVisibleRows(state).map(row => Number(/^Doc-(\d+)$/.exec(row.documentName)![1]));
	const shown = shownNumbers(frame);
	if (shown.length === 0) return list.length === 0;
	const start = list.indexOf(shown[0]!);
	const selected = list.find((_, index) => selectVisibleRows(state)[index]!.id === state.selectedId) ?? list[0];
	return (
		start >= 0 && shown.every((n, index) => list[start + index] === n) && shown.includes(selected!) && (shown.length >= 20 || shown.length === list.length)
	);
}

/** A small deterministic PRNG (mulberry32), so a failure replays. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('the list window', () => {
	it('shows the right row on every line, however the keys scroll it', async () => {
		const store = storeWith({rows});
		app = await renderApp(store);
		const next = random(7);
		const moves: Array<{readonly key?: KeyName; readonly text?: string}> = [
			{key: 'down'},
			{key: 'down'},
			{key: 'up'},
			{key: 'pageDown'},
			{key: 'pageUp'},
			{text: 'G'},
			{text: 'g'},
		];
		const done: string[] = [];
		for (let step = 0; step < 60; step++) {
			const move = moves[Math.floor(next() * moves.length)]!;
			if (move.key) await app.press(move.key);
			else await app.type(move.text!);
			done.push(move.key ?? move.text!);
			const current = app;
			await app
				.waitFor(frame => windowIsRight(store, frame), 3000)
				.catch(() => {
					throw new Error(`after ${done.join(' ')}: the window is wrong:\n${current.frame()}`);
				});
		}

		// A filter typed narrows the list under the same lines; Esc brings the whole list back.
		await app.type('/');
		for (const text of ['Doc-1', '2']) {
			await app.type(text);
			await app.waitFor(frame => frame.includes(`/Doc-1${text === '2' ? '2' : ''}`) && windowIsRight(store, frame));
		}

		expect(selectVisibleRows(store.getState()).length).toBe(11);
		await app.press('escape');
		await app.waitFor(frame => frame.includes('150 of 150') && windowIsRight(store, frame));
	});
});
