// Property-based (fast-check): seeded random key sequences over every screen and dialog, bursts of
// keys in one read and refreshes included, drive the real App (see harness.tsx for what is checked
// after every read). A failure is shrunk to a short sequence and printed with its seed; repeat it
// with PROPERTY_SEED, change the count with PROPERTY_RUNS.
import fc from 'fast-check';
import {describe, it} from 'vitest';
import {RUNS, SEED, runSequence, sequence, withFakeTimeouts} from './harness.js';

withFakeTimeouts();

describe('random key sequences over every screen and dialog', () => {
	it('never throw, keep one top layer, close only the top layer on Esc, and keep the cursor on its execution', async () => {
		await fc.assert(
			fc.asyncProperty(sequence, async events => runSequence(events, false)),
			{numRuns: RUNS, seed: SEED},
		);
	}, 600_000);
});
