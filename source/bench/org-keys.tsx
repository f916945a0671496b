/**
 * Key → frame at organisation scale (issue 11): the real App drawn into an in-memory terminal over
 * the store of every location's rows, while the poller goes on refreshing them at the request
 * budget in real time. ↓ and PgDn are timed as the key benchmark times them (measure-scrolling.ts:
 * each press once the previous frame is out and Ink's render throttle has lapsed), with the UI
 * clock on real time, so the refreshes' frames land between and sometimes on the presses.
 */
import {render} from 'ink';
import {selectVisibleRows} from '../store/selectors.js';
import type {AppStore} from '../store/app-store.js';
import {App} from '../ui/app.js';
import {DEFAULT_THEME} from '../ui/theme.js';
import {createFakeTerminal} from './fake-terminal.js';
import {keys, pressAndTimeFrame, summarize, type Summary} from './harness.js';
import {CLI_RENDER_OPTIONS} from './local-session.js';
import {pause, waitForQuiet} from './quiet.js';

export interface OrgKeysResult {
	readonly rows: number;
	readonly down: Summary;
	readonly pageDown: Summary;
	readonly all: Summary;
}

/** Longer than Ink's render throttle (≈ 34 ms), as in measure-scrolling.ts. */
const GAP_MS = 45;

export async function measureOrgKeys(store: AppStore, options: {downPresses?: number; pageDownPresses?: number} = {}): Promise<OrgKeysResult> {
	const terminal = createFakeTerminal({columns: 160, rows: 50, keepOutput: false});
	const firstWrite = terminal.stdout.nextWrite({timeoutMs: 10_000});
	const instance = render(<App store={store} clock={{now: () => Date.now(), tickMs: 1000}} theme={DEFAULT_THEME} />, {
		...terminal.inkOptions,
		...CLI_RENDER_OPTIONS,
	});
	try {
		await firstWrite;
		// Refreshes keep writing, so "quiet" may not come: wait a little for it, then go on.
		await waitForQuiet(terminal.stdout, {timeoutMs: 2000}).catch(() => undefined);
		const time = async (key: string, count: number, samples: number[] | undefined): Promise<void> => {
			for (let index = 0; index < count; index++) {
				const frame = await pressAndTimeFrame(terminal, key, {timeoutMs: 5000});
				samples?.push(frame.ms);
				await pause(GAP_MS);
			}
		};

		// Warm-up, as the key benchmark does: the first presses pay for JIT and each row shape's first render.
		await time(keys.down, 20, undefined);
		await time(keys.up, 20, undefined);
		const down: number[] = [];
		await time(keys.down, options.downPresses ?? 150, down);
		const pageDown: number[] = [];
		await time(keys.pageDown, options.pageDownPresses ?? 50, pageDown);
		return {rows: selectVisibleRows(store.getState()).length, down: summarize(down), pageDown: summarize(pageDown), all: summarize([...down, ...pageDown])};
	} finally {
		instance.unmount();
	}
}
