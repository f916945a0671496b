/**
 * Rendering the App with ink-testing-library: keys sent by name, frames awaited
 * by condition with a deadline (never a fixed sleep).
 */
import {render} from 'ink-testing-library';
import {App} from '../../source/ui/app.js';
import type {ActionPort} from '../../source/core/ports.js';
import type {AppStore} from '../../source/store/app-store.js';
import type {Theme} from '../../source/ui/theme.js';
import {NOW} from './fixtures.js';
import {KEY_BYTES as KEYS, type KeyByteName} from '../../source/ui/input/key-bytes.js';

export {KEYS};
export type KeyName = KeyByteName;

/** An ActionPort that records calls and does nothing else. */
export function fakePort(): ActionPort & {readonly calls: string[]} {
	const calls: string[] = [];
	const record =
		<T,>(name: string, value: T) =>
		async (..._args: unknown[]): Promise<T> => {
			calls.push(name);
			return value;
		};
	return {
		calls,
		startExecution: record('startExecution', {executionId: 'new'}),
		stopExecution: record('stopExecution', undefined),
		sendSignal: record('sendSignal', undefined),
		listDocuments: record('listDocuments', []),
		listDocumentVersions: record('listDocumentVersions', []),
		getDocument: record('getDocument', {name: 'x', content: '{}'}),
		refreshNow() {
			calls.push('refreshNow');
		},
	};
}

const stripAnsi = (text: string): string => text.replaceAll(/\u001B\[[0-9;?]*[A-Za-z]/g, '');

export interface RenderedApp {
	readonly frame: () => string;
	/** Send keys by name (`press('down', 'enter')`) or as text (`type('abc')`). */
	readonly press: (...keys: KeyName[]) => Promise<void>;
	readonly type: (text: string) => Promise<void>;
	/** Write raw bytes in one piece (a burst of keys, as one read delivers them). */
	readonly write: (data: string) => Promise<void>;
	/** Wait until the (ANSI-stripped) frame matches, or fail with the last frame after `ms`. */
	readonly waitFor: (condition: RegExp | string | ((frame: string) => boolean), ms?: number) => Promise<string>;
	readonly quits: () => number;
	readonly port: ReturnType<typeof fakePort>;
	readonly unmount: () => void;
}

/** Let Ink's input handlers attach and React flush (one macrotask turn; not a timed wait). */
const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

export async function renderApp(store: AppStore, options: {theme?: Theme; now?: number} = {}): Promise<RenderedApp> {
	const port = fakePort();
	let quits = 0;
	const instance = render(
		<App
			store={store}
			port={port}
			clock={{now: () => options.now ?? NOW, tickMs: 0}}
			theme={options.theme ?? {color: false, ascii: false}}
			onQuit={() => {
				quits++;
			}}
		/>,
	);
	const frame = (): string => stripAnsi(instance.lastFrame() ?? '');
	const waitFor = async (condition: RegExp | string | ((frame: string) => boolean), ms = 3000): Promise<string> => {
		const test = typeof condition === 'function' ? condition : (text: string) => (typeof condition === 'string' ? text.includes(condition) : condition.test(text));
		const deadline = Date.now() + ms;
		for (;;) {
			const current = frame();
			if (test(current)) return current;
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(condition)}; last frame:\n${current}`);
			await turn();
		}
	};

	const send = async (data: string): Promise<void> => {
		instance.stdin.write(data);
		await turn();
	};

	await waitFor(text => text.length > 0);
	await turn();
	return {
		frame,
		press: async (...keys) => {
			for (const key of keys) await send(KEYS[key]);
		},
		type: async text => {
			for (const char of text) await send(char);
		},
		write: send,
		waitFor,
		quits: () => quits,
		port,
		unmount: () => instance.unmount(),
	};
}
