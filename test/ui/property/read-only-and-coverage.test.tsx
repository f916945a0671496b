// Property-based (fast-check), --read-only: random key sequences from every screen never call a
// mutating port method nor open an action dialog; and the generator itself reaches every screen and
// every dialog, so the properties are not only ever exercising the list.
import {render} from 'ink-testing-library';
import fc from 'fast-check';
import {describe, expect, it, vi} from 'vitest';
import {startEffectRunner} from '../../../source/cli/effect-runner.js';
import {App} from '../../../source/ui/app.js';
import {ESCAPE_WAIT_MS} from '../../../source/ui/input/tokenizer.js';
import {NOW, storeWith} from '../fixtures.js';
import {fakePort, fleet, RUNS, SEED, runSequence, sequence, startOn, turn, withFakeTimeouts} from './harness.js';

withFakeTimeouts();

describe('random key sequences under --read-only', () => {
	it('under --read-only never call a mutating port method', async () => {
		await fc.assert(
			fc.asyncProperty(sequence, async events => runSequence(events, true)),
			{numRuns: Math.ceil(RUNS / 3), seed: SEED + 1},
		);
	}, 600_000);

	it('(the generator) reaches every screen and every dialog (the generator is not stuck on the list)', async () => {
		const seen = new Set<string>();
		const {rows, details} = fleet();
		const store = storeWith({rows, details});
		const runner = startEffectRunner({
			store,
			port: fakePort(details),
			readFile: async () => '',
			writeTerminal: () => undefined,
			newToken: () => '00000000-0000-4000-8000-0000000000ff',
		});
		store.subscribe(state => {
			seen.add(state.modal.kind === 'none' ? state.screen : state.modal.kind);
			// A child's detail opened from its parent's location: Esc must go back there (checked in key-sequences).
			if (state.screen === 'detail' && state.locationOf) seen.add('child detail from a location');
		});
		const instance = render(<App store={store} clock={{now: () => NOW, tickMs: 0}} theme={{color: false, ascii: false}} />);
		const samples = fc.sample(sequence, {numRuns: 200, seed: SEED});
		try {
			for (const [where, events] of samples) {
				store.getState().actions.modalClosed();
				store.getState().actions.filterCancelled();
				startOn(store, where);
				for (const current of events) {
					if (current.kind === 'read') instance.stdin.write(current.bytes);
					await turn();
					vi.advanceTimersByTime(ESCAPE_WAIT_MS);
				}
			}
		} finally {
			runner.stop();
			instance.unmount();
		}
		expect([...seen].sort()).toEqual(
			expect.arrayContaining([
				'child detail from a location',
				'command',
				'detail',
				'grid',
				'help',
				'list',
				'location',
				'notices',
				'pulse',
				'signal',
				'start',
				'stop',
				'viewer',
			]),
		);
	}, 120_000);
});
