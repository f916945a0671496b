/**
 * Rendering the action dialogs in the real App (so keys take the real path: tokenizer →
 * dispatcher → the dialog's transition, and effects run through the CLI's effect runner),
 * keys sent by name, frames awaited by condition with a deadline — never a fixed sleep.
 */
import {readFile} from 'node:fs/promises';
import {render} from 'ink-testing-library';
import {expect} from 'vitest';
import {startEffectRunner, type EffectRunner} from '../../../source/cli/effect-runner.js';
import type {ActionPort} from '../../../source/core/ports.js';
import type {OnlyFailed} from '../../../source/core/start-form/rerun-prefill.js';
import type {ExecutionDetail} from '../../../source/core/types.js';
import {createAppStore, type AppStore} from '../../../source/store/app-store.js';
import type {ConnectionContext, DialogRequest} from '../../../source/store/state.js';
import {App} from '../../../source/ui/app.js';
import {inkDriver, turn} from '../ink-driver.js';
import {KEY_BYTES as KEYS, type KeyByteName} from '../../../source/ui/input/key-bytes.js';

export {KEYS};
export type KeyName = KeyByteName;

export function contextFor(overrides: Partial<ConnectionContext> = {}): ConnectionContext {
	return {label: 'test', regions: ['us-east-1'], readOnly: false, local: true, account: '123456789012', readableAccounts: 'all', ...overrides};
}

export function storeFor(options: {context?: Partial<ConnectionContext>; details?: readonly ExecutionDetail[]; rows?: number} = {}): AppStore {
	const store = createAppStore({context: contextFor(options.context), viewport: {columns: 100, rows: options.rows ?? 60}});
	store.setState({
		details: Object.fromEntries((options.details ?? []).map(detail => [detail.id, detail])),
		executions: Object.fromEntries((options.details ?? []).map(detail => [detail.id, detail])),
	});
	return store;
}

/** The dialog's text with its border removed and wrapped lines joined again (compared without spaces, as wrapping eats some). */
export function unwrapped(frame: string): string {
	return frame
		.split('\n')
		.map(line => line.replace(/^[│|] ?/, '').replace(/\s*[│|]\s*$/, ''))
		.join('');
}

/** The dialog's text as one line: borders removed, wrapped lines joined by a space, runs of spaces as one. */
export function oneLine(frame: string): string {
	return frame
		.split('\n')
		.map(line =>
			line
				.replace(/^[│|]/, '')
				.replace(/[│|]\s*$/, '')
				.trim(),
		)
		.join(' ')
		.replaceAll(/\s+/g, ' ');
}

/** A dialog to open: a new run, a re-run of an execution (optionally only what failed), stop or signal. */
export type OpenDialog =
	| {readonly kind: 'start'; readonly fromExecutionId?: string; readonly onlyFailed?: OnlyFailed}
	| {readonly kind: 'stop' | 'signal'; readonly executionId: string};

function requestOf(open: OpenDialog): DialogRequest {
	if (open.kind !== 'start') return open;
	if (open.fromExecutionId === undefined) return {kind: 'start'};
	return {kind: 'rerun', executionId: open.fromExecutionId, ...(open.onlyFailed ? {onlyFailed: open.onlyFailed} : {})};
}

export interface HarnessOptions {
	/** ClientTokens the form gets, in order (default: tok-1, tok-2, …). */
	readonly newToken?: () => string;
	/** What reading a TargetLocations file returns (default: the real file system, as the CLI reads it). */
	readonly readFile?: (path: string) => Promise<string>;
}

export interface RenderedModal {
	readonly frame: () => string;
	readonly press: (...keys: KeyName[]) => Promise<void>;
	readonly type: (text: string) => Promise<void>;
	/** Raw bytes in one read (keys that arrive together). */
	readonly write: (data: string) => Promise<void>;
	readonly waitFor: (condition: RegExp | string | ((frame: string) => boolean), ms?: number) => Promise<string>;
	/** Tab until the focused row (marked ›) starts with `label`. */
	readonly focus: (label: string) => Promise<void>;
	/** Everything written to the terminal so far, escape sequences included (the clipboard's OSC 52 too). */
	readonly written: () => string;
	/** Resolves when no effect is queued or in flight. */
	readonly settled: () => Promise<void>;
	/** Waits for the y/n confirmation (which names what, and where) and answers yes. */
	readonly confirm: (question: RegExp | string) => Promise<string>;
	readonly unmount: () => void;
}

let tokens = 0;

/** Deterministic UUIDs (SSM checks that a ClientToken is one). */
export function testToken(n: number): string {
	return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The dialog's own lines: from its top border to its bottom one ('' once it is closed). */
export function dialogLines(full: string): string {
	const lines = full.split('\n');
	const start = lines.findIndex(line => /^[╭─]/.test(line));
	if (start < 0) return '';
	let end = start + 1;
	while (end < lines.length && !/^[╰─]/.test(lines[end]!)) end++;
	return lines.slice(start, end + 1).join('\n');
}

export async function renderModal(store: AppStore, port: ActionPort, open: OpenDialog, options: HarnessOptions = {}): Promise<RenderedModal> {
	const clipboard: string[] = [];
	const runner: EffectRunner = startEffectRunner({
		store,
		port,
		readFile: options.readFile ?? (async path => readFile(path, 'utf8')),
		writeTerminal: text => clipboard.push(text),
		newToken: options.newToken ?? (() => testToken(++tokens)),
		now: () => Date.parse('2026-12-01T12:00:00Z'),
	});
	store.getState().actions.dialogOpened(requestOf(open));
	const instance = render(<App store={store} clock={{now: () => Date.parse('2026-12-01T12:00:00Z'), tickMs: 0}} theme={{color: false, ascii: false}} />);
	const driver = inkDriver(instance);
	const {send, press, type} = driver;
	const frame = (): string => dialogLines(driver.frame());
	const waitUntil = async (test: (text: string) => boolean, what: unknown, ms: number): Promise<string> =>
		dialogLines(await driver.waitUntil(text => test(dialogLines(text)), what, ms));
	const waitFor = async (condition: RegExp | string | ((text: string) => boolean), ms = 5000): Promise<string> => {
		const matches = (text: string): boolean =>
			typeof condition === 'string' ? text.includes(condition) : (condition as RegExp).test(text) || (condition as RegExp).test(oneLine(text));
		// Long messages wrap inside the dialog's border: match them on the unwrapped text too.
		const squeezed = (text: string): string => text.replace(/\s+/g, '');
		const test =
			typeof condition === 'function'
				? condition
				: (text: string) => matches(text) || (typeof condition === 'string' && squeezed(unwrapped(text)).includes(squeezed(condition)));
		return waitUntil(test, condition, ms);
	};
	await turn();
	return {
		frame,
		press,
		type,
		write: send,
		waitFor,
		async focus(label) {
			for (let tries = 0; tries < 60; tries++) {
				if (
					frame()
						.split('\n')
						.some(line => line.replace(/^[\s│|]*/, '').startsWith(`› ${label}`))
				)
					return;
				await send(KEYS.tab);
			}
			throw new Error(`No field “${label}” to focus; last frame:\n${frame()}`);
		},
		written: () => instance.frames.join('') + clipboard.join(''),
		settled: async () => runner.idle(),
		async confirm(question) {
			const frame = await waitFor(question);
			expect(frame).toMatch(/y: .* · n: /);
			await send('y');
			return frame;
		},
		unmount: () => {
			runner.stop();
			instance.unmount();
		},
	};
}
