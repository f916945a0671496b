/**
 * Rendering the action dialogs alone (ModalHost in the providers), keys sent by
 * name, frames awaited by condition with a deadline — never a fixed sleep.
 */
import {render} from 'ink-testing-library';
import type {ActionPort} from '../../../source/core/ports.js';
import type {ExecutionDetail} from '../../../source/core/types.js';
import {createAppStore, type AppStore} from '../../../source/store/app-store.js';
import type {ConnectionContext, Modal} from '../../../source/store/state.js';
import {ModalHost} from '../../../source/ui/modal/modal-host.js';
import {PortProvider} from '../../../source/ui/port-context.js';
import {StoreProvider} from '../../../source/ui/store-context.js';
import {ThemeProvider} from '../../../source/ui/theme-context.js';
import {inkDriver, turn} from '../ink-driver.js';
import {KEY_BYTES as KEYS, type KeyByteName} from '../../../source/ui/input/key-bytes.js';

export {KEYS};
export type KeyName = KeyByteName;

export function contextFor(overrides: Partial<ConnectionContext> = {}): ConnectionContext {
	return {label: 'test', regions: ['us-east-1'], readOnly: false, local: true, readableAccounts: 'all', ...overrides};
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

export interface RenderedModal {
	readonly frame: () => string;
	readonly press: (...keys: KeyName[]) => Promise<void>;
	readonly type: (text: string) => Promise<void>;
	readonly waitFor: (condition: RegExp | string | ((frame: string) => boolean), ms?: number) => Promise<string>;
	/** Tab until the focused row (marked ›) starts with `label`. */
	readonly focus: (label: string) => Promise<void>;
	/** Everything written to the terminal so far, escape sequences included. */
	readonly written: () => string;
	readonly unmount: () => void;
}

export async function renderModal(store: AppStore, port: ActionPort, modal: Modal): Promise<RenderedModal> {
	store.getState().actions.modalOpened(modal);
	const instance = render(
		<StoreProvider store={store}>
			<PortProvider port={port}>
				<ThemeProvider theme={{color: false, ascii: false}}>
					<ModalHost />
				</ThemeProvider>
			</PortProvider>
		</StoreProvider>,
	);
	const {frame, waitUntil, send, press, type} = inkDriver(instance);
	const waitFor = async (condition: RegExp | string | ((text: string) => boolean), ms = 5000): Promise<string> => {
		const matches = (text: string): boolean => (typeof condition === 'string' ? text.includes(condition) : (condition as RegExp).test(text));
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
		written: () => instance.frames.join(''),
		unmount: () => instance.unmount(),
	};
}
