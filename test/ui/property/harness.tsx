/**
 * The key-sequence properties' harness: seeded random key sequences (bursts of keys in one read
 * included, and refreshes in between) drive the real App — ink-testing-library, the real tokenizer,
 * dispatcher, dialogs and effect runner, a fake port — from any screen. After every read,
 * runSequence checks that nothing threw, exactly one layer has the keys (the one on screen), a lone
 * Esc closed only the top layer, and the cursor kept its execution across refreshes and filter or
 * sort changes while that execution stayed visible; under --read-only, that no mutating port method
 * was called. Timers: only setTimeout is faked (withFakeTimeouts), for the tokenizer's Esc wait.
 */
import {render} from 'ink-testing-library';
import fc from 'fast-check';
import {afterEach, beforeEach, expect, vi} from 'vitest';
import {startEffectRunner} from '../../../source/cli/effect-runner.js';
import type {ActionPort} from '../../../source/core/ports.js';
import type {Execution, ExecutionDetail} from '../../../source/core/types.js';
import type {AppState, AppStore} from '../../../source/store/app-store.js';
import {selectSelectedExecution, selectVisibleRows} from '../../../source/store/selectors.js';
import {App} from '../../../source/ui/app.js';
import {topLayer} from '../../../source/ui/input/dispatch.js';
import {ESCAPE_WAIT_MS} from '../../../source/ui/input/tokenizer.js';
import {KEY_BYTES} from '../../../source/ui/input/key-bytes.js';
import {crossAccountDetail, execution, executionId, executions, failedDetail, localContext, NOW, step, storeWith} from '../fixtures.js';

/** Sequences per property (PROPERTY_RUNS), and the seed that makes a run repeatable (PROPERTY_SEED). */
export const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 1500);
export const SEED = Number(process.env['PROPERTY_SEED'] ?? 20_261_201);

const RUNBOOK = `
schemaVersion: '0.3'
parameters:
  Environment: {type: String}
  Count: {type: Integer, default: 2}
  Level: {type: String, allowedValues: [low, high]}
mainSteps: []
`;

/** The fleet every sequence starts from: list rows only, details for some, a cross-account parent, waiting runs. */
export function fleet(): {rows: Execution[]; details: ExecutionDetail[]} {
	const failed = failedDetail(1);
	const parent = {...crossAccountDetail(2), status: 'Failed' as const};
	const interactive: ExecutionDetail = {
		...execution(3, {status: 'Waiting', mode: 'Interactive', documentName: 'Ops-IncidentTriage'}),
		steps: [
			step('collect', {status: 'Pending', startTime: undefined, endTime: undefined}),
			// An aws:runCommand step: Enter on it opens the command screen.
			step('runDiagnostics', {action: 'aws:runCommand', status: 'Success', outputs: {CommandId: ['0c0c0c0c-1111-4222-8333-444455556666']}}),
		],
	};
	const approval = execution(4, {status: 'Waiting', currentAction: 'aws:approve', currentStepName: 'approve', documentName: 'Ops-Patch'});
	const running = execution(5, {status: 'InProgress', endTime: undefined});
	const rest = executions(18).slice(6);
	// The child of the parent's failed location, listed: Enter on that location opens its detail (and Esc comes back).
	const child = execution(901, {status: 'Failed', documentName: 'Org-Patch', region: 'eu-west-1', parentId: parent.id});
	return {rows: [failed, parent, interactive, approval, running, ...rest, child], details: [failed, parent, interactive]};
}

interface Recording extends ActionPort {
	readonly mutating: string[];
}

export function fakePort(details: readonly ExecutionDetail[]): Recording {
	const mutating: string[] = [];
	let started = 0;
	return {
		mutating,
		async startExecution() {
			mutating.push('startExecution');
			return {executionId: `feed0000-0000-4000-8000-${String(++started).padStart(12, '0')}`};
		},
		async stopExecution() {
			mutating.push('stopExecution');
		},
		async sendSignal() {
			mutating.push('sendSignal');
			throw new Error('InvalidAutomationSignalException — not waiting any more');
		},
		async listDocuments() {
			return [{name: 'Ops-DeployServiceConfig'}, {name: 'AWS-RestartEC2Instance'}];
		},
		async listDocumentVersions() {
			return ['1'];
		},
		async getDocument(_region, name) {
			return {name, content: RUNBOOK};
		},
		async getExecution(_region, id) {
			const found = details.find(detail => detail.id === id);
			if (!found) throw new Error(`ExecutionNotFound ${id}`);
			return found;
		},
		async listExecutionTags() {
			return [{key: 'team', value: 'ops'}];
		},
		refreshNow() {},
		loadOlder() {},
	};
}

/** Keys a user presses (no q and no Ctrl-C: they would end the app, which the sequence then cannot drive). */
const KEYS: readonly string[] = [
	...['up', 'down', 'left', 'right', 'pageUp', 'pageDown', 'home', 'end', 'enter', 'escape', 'escape', 'escape', 'tab', 'shiftTab', 'backspace', 'ctrlU'].map(
		name => KEY_BYTES[name as keyof typeof KEY_BYTES],
	),
	...'jkhlgGsS/1234503?prnRxayYNc D-ew!Pvo'.split(''),
];

type Event = {readonly kind: 'read'; readonly bytes: string; readonly keys: readonly string[]} | {readonly kind: 'refresh'};

const read: fc.Arbitrary<Event> = fc.array(fc.constantFrom(...KEYS), {minLength: 1, maxLength: 4}).map(keys => ({kind: 'read', bytes: keys.join(''), keys}));
const event: fc.Arbitrary<Event> = fc.oneof({weight: 12, arbitrary: read}, {weight: 1, arbitrary: fc.constant<Event>({kind: 'refresh'})});
/** Where a sequence starts: the list, or already inside a detail, a grid or a location. */
type Start = 'list' | 'failed detail' | 'parent detail' | 'grid' | 'location' | 'interactive detail';
const start = fc.constantFrom<Start>('list', 'list', 'failed detail', 'parent detail', 'grid', 'location', 'interactive detail');
export const sequence = fc.tuple(start, fc.array(event, {minLength: 1, maxLength: 24}));

export function startOn(store: AppStore, where: Start): void {
	const {actions} = store.getState();
	const open = (n: number) => actions.screenOpened('detail', executionId(n));
	if (where === 'failed detail') open(1);
	if (where === 'interactive detail') open(3);
	if (where === 'parent detail' || where === 'grid' || where === 'location') open(2);
	if (where === 'grid' || where === 'location') actions.screenOpened('grid');
	if (where === 'location') actions.screenOpened('location');
}

export const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

/** A refresh as the poller brings it: a newer run on top, and a running one that moved on. */
function refresh(store: AppStore, round: number): void {
	const fresh = execution(100 + round, {status: 'InProgress', startTime: NOW + round * 1000, endTime: undefined});
	const moved = execution(5, {status: round % 2 === 0 ? 'Success' : 'InProgress', endTime: round % 2 === 0 ? NOW : undefined});
	store.getState().actions.pollSucceeded('us-east-1', [fresh, moved], {at: NOW + round});
}

const SCREEN_UP: Readonly<Record<AppState['screen'], AppState['screen']>> = {
	list: 'list',
	detail: 'list',
	grid: 'detail',
	location: 'grid',
	pulse: 'list',
	locations: 'list',
	command: 'detail',
	children: 'detail',
};

/** What a lone Esc may change: the top layer only. */
function checkEscape(before: AppState, after: AppState): void {
	const layer = topLayer(before);
	if (layer === 'dialog') {
		// The dialog handles it (closes, steps back inside, asks first); the screen behind is untouched.
		expect({screen: after.screen, filter: after.filter, openId: after.openId, filterDraft: after.filterDraft}).toEqual({
			screen: before.screen,
			filter: before.filter,
			openId: before.openId,
			filterDraft: before.filterDraft,
		});
	} else if (layer === 'help' || layer === 'notices' || layer === 'viewer') {
		expect(after.modal.kind).toBe('none');
		expect([after.screen, after.filter]).toEqual([before.screen, before.filter]);
	} else if (layer === 'filter-prompt') {
		expect(after.filterDraft).toBeUndefined();
		expect([after.screen, after.filter]).toEqual([before.screen, before.filter]);
	} else {
		// A child's detail goes back to the screen it was opened from: its parent's location or children screen.
		const up =
			before.screen === 'detail' && before.locationOf ? 'location' : before.screen === 'detail' && before.childrenOf ? 'children' : SCREEN_UP[before.screen];
		expect(after.screen).toBe(up);
		if (before.screen !== 'list') expect(after.filter).toBe(before.filter);
		expect(after.modal.kind).toBe('none');
	}
}

/** Keys that change which rows show or their order, and must not move the cursor off its execution. */
const REORDERING = new Set(['s', 'S', '1', '2', '3', '4', '5', '0']);

export async function runSequence([where, events]: readonly [Start, readonly Event[]], readOnly: boolean): Promise<void> {
	const {rows, details} = fleet();
	const store = storeWith({rows, details, context: {...localContext, readOnly}, viewport: {columns: 80, rows: 24}});
	startOn(store, where);
	const port = fakePort(details);
	const runner = startEffectRunner({
		store,
		port,
		readFile: async () => '[{"Accounts": ["111122223333"], "Regions": ["us-east-1"]}]',
		writeTerminal: () => undefined,
		newToken: () => '00000000-0000-4000-8000-0000000000ff',
		now: () => NOW,
	});
	const instance = render(<App store={store} clock={{now: () => NOW, tickMs: 0}} theme={{color: false, ascii: false}} />);
	try {
		let round = 0;
		for (const current of events) {
			const before = store.getState();
			const selected = selectSelectedExecution(before)?.id;
			if (current.kind === 'refresh') refresh(store, ++round);
			else instance.stdin.write(current.bytes);
			// Let the tokenizer's wait after a lone Esc pass (on the injected clock), the effects run and React settle.
			await turn();
			vi.advanceTimersByTime(ESCAPE_WAIT_MS);
			await runner.idle();
			await turn();
			const after = store.getState();

			const frame = instance.lastFrame() ?? '';
			expect(frame).not.toMatch(/ERROR|Minified React error/);
			// Exactly one layer has the keys, and it is the one on screen.
			expect(after.modal.kind !== 'none' && after.filterDraft !== undefined).toBe(false);
			const layer = topLayer(after);
			if (layer === 'help') expect(frame).toContain('Keys ·');
			if (layer === 'notices') expect(frame).toContain('Notifications ·');
			if (layer === 'viewer') expect(frame).toContain('Full text ·');
			if (layer === 'dialog') expect(frame).toMatch(/^[╭─]/m);
			if (layer === 'filter-prompt') expect(frame).toMatch(/^\//m);

			if (current.kind === 'read' && current.keys.length === 1 && current.keys[0] === KEY_BYTES.escape) checkEscape(before, after);

			const reordering =
				current.kind === 'refresh' ||
				(current.keys.length === 1 && topLayer(before) === 'screen' && before.screen === 'list' && REORDERING.has(current.keys[0]!)) ||
				(current.keys.length === 1 && topLayer(before) === 'filter-prompt' && current.keys[0] !== KEY_BYTES.enter);
			if (reordering && selected !== undefined && selectVisibleRows(after).some(row => row.id === selected)) {
				expect(selectSelectedExecution(after)?.id).toBe(selected);
			}
		}
		if (readOnly) {
			expect(port.mutating).toEqual([]);
			expect(['start', 'stop', 'signal']).not.toContain(store.getState().modal.kind);
		}
	} finally {
		runner.stop();
		instance.unmount();
	}
}

/** Only setTimeout is faked: the tokenizer's Esc wait is the one timer on this path (Ink renders unthrottled here). */
export function withFakeTimeouts(): void {
	beforeEach(() => {
		vi.useFakeTimers({toFake: ['setTimeout', 'clearTimeout']});
	});
	afterEach(() => {
		vi.useRealTimers();
	});
}
