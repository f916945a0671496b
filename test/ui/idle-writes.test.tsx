// A refresh that changes nothing writes nothing to the terminal (issue #3: 0 bytes per idle
// refresh): real Ink, not ink-testing-library (which records every render), on a fake TTY.
import {render} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import {createFakeTerminal} from '../../source/bench/fake-terminal.js';
import type {AppStore} from '../../source/store/app-store.js';
import {App} from '../../source/ui/app.js';
import {awsContext, executions, NOW, storeWith} from './fixtures.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

/** Lets React commit and Ink (maxFps 0: no render throttle) write whatever it will. */
const settle = async (): Promise<void> => {
	for (let turn = 0; turn < 3; turn++) await new Promise(resolve => setImmediate(resolve));
};

function refresh(store: AppStore, at: number, rows = executions(4)): void {
	const {actions} = store.getState();
	for (const region of REGIONS) actions.pollStarted(region);
	for (const region of REGIONS)
		actions.pollSucceeded(
			region,
			rows.filter(row => row.region === region),
			{at, calls: 1},
		);
}

describe('idle refresh', () => {
	it('writes no byte when a refresh brings the same data, and a frame when it brings a change', async () => {
		const store = storeWith({rows: executions(4), context: {...awsContext, regions: REGIONS}, viewport: {columns: 120, rows: 30}});
		refresh(store, NOW - 3000);
		const terminal = createFakeTerminal({columns: 120, rows: 30});
		const instance = render(<App store={store} clock={{now: () => NOW, tickMs: 0}} theme={{color: true, ascii: false}} />, {
			...terminal.inkOptions,
			maxFps: 0,
		});
		unmount = () => instance.unmount();
		await settle();
		expect(terminal.stdout.outputSinceMark()).toContain('us-east-1');

		terminal.stdout.mark();
		for (const at of [NOW - 1000, NOW]) {
			const {actions} = store.getState();
			for (const region of REGIONS) actions.pollStarted(region);
			await settle();
			for (const region of REGIONS)
				actions.pollSucceeded(
					region,
					executions(4).filter(row => row.region === region),
					{at, calls: 1},
				);
			await settle();
		}

		expect(terminal.stdout.bytesSinceMark()).toBe(0);

		// The same wait sees a real change, so the zero above is not a frame still on its way.
		refresh(
			store,
			NOW,
			executions(4, n => (n === 0 ? {status: 'Failed'} : {})),
		);
		await settle();
		expect(terminal.stdout.bytesSinceMark()).toBeGreaterThan(0);
	});
});
