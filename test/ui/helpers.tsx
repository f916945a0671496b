/**
 * Rendering the App with ink-testing-library: keys sent by name, frames awaited
 * by condition with a deadline (never a fixed sleep).
 */
import {render} from 'ink-testing-library';
import {App} from '../../source/ui/app.js';
import {startEffectRunner} from '../../source/cli/effect-runner.js';
import type {ActionPort} from '../../source/core/ports.js';
import type {AppStore} from '../../source/store/app-store.js';
import type {Theme} from '../../source/ui/theme.js';
import {NOW} from './fixtures.js';
import {inkDriver, turn} from './ink-driver.js';
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
		loadOlder() {
			calls.push('loadOlder');
		},
	};
}

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
	/** Resolves when no effect is queued or in flight. */
	readonly settled: () => Promise<void>;
	/** Every frame Ink wrote, raw (escape sequences included), oldest first. */
	readonly frames: () => readonly string[];
	readonly unmount: () => void;
}

export async function renderApp(
	store: AppStore,
	options: {theme?: Theme; now?: number; port?: Partial<ActionPort>; writeTerminal?: (text: string) => void; inTmux?: boolean} = {},
): Promise<RenderedApp> {
	const port = Object.assign(fakePort(), options.port ?? {});
	let quits = 0;
	const runner = startEffectRunner({
		store,
		port,
		readFile: async () => {
			throw new Error('no files here');
		},
		writeTerminal: options.writeTerminal ?? (() => undefined),
		...(options.inTmux === undefined ? {} : {inTmux: options.inTmux}),
		newToken: () => '00000000-0000-4000-8000-0000000000aa',
		now: () => options.now ?? NOW,
	});
	const instance = render(
		<App
			store={store}
			clock={{now: () => options.now ?? NOW, tickMs: 0}}
			theme={options.theme ?? {color: false, ascii: false}}
			onQuit={() => {
				quits++;
			}}
		/>,
	);
	const {frame, waitUntil, send, press, type} = inkDriver(instance);
	const waitFor = async (condition: RegExp | string | ((frame: string) => boolean), ms = 3000): Promise<string> => {
		const test =
			typeof condition === 'function' ? condition : (text: string) => (typeof condition === 'string' ? text.includes(condition) : condition.test(text));
		return waitUntil(test, condition, ms);
	};

	await waitFor(text => text.length > 0);
	await turn();
	return {
		frame,
		press,
		type,
		write: send,
		waitFor,
		quits: () => quits,
		port,
		settled: async () => runner.idle(),
		frames: () => instance.frames,
		unmount: () => {
			runner.stop();
			instance.unmount();
		},
	};
}
