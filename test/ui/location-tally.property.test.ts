// The header's summary of many locations, updated batch by batch from the last counts
// (location-summary.ts tallyLocations), says what counting every location afresh says, at every
// time and after every change, and changes with time alone when a fresh count says it does.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import type {RegionState} from '../../source/core/types.js';
import {regionHealth, type RegionHealth} from '../../source/store/data-selectors.js';
import {locationLineWithTally, summaryChangesAt, tallyChangesAt, type LocationTally} from '../../source/ui/shell/location-summary.js';

const NOW = 1_700_000_000_000;
const STALE_MS = 15_000;
const LOCATIONS = 12;

const stateArbitrary: fc.Arbitrary<Partial<RegionState>> = fc.oneof(
	fc.record({lastSuccessAt: fc.integer({min: NOW - 60_000, max: NOW + 60_000})}),
	fc.constant({lastSuccessAt: undefined}),
	fc.constant({throttled: true}),
	fc.record({kind: fc.constantFrom('access-denied', 'credentials', 'timeout', 'throttled' as const)}).map(({kind}) => ({
		lastSuccessAt: NOW - 30_000,
		lastError: {kind, message: 'failed', at: NOW},
	})),
);

const health = (index: number, override: Partial<RegionState>): RegionHealth =>
	regionHealth(
		{region: `r${index}`, account: String(index), lastSuccessAt: NOW, throttled: false, calls: 0, inFlight: false, truncated: false, ...override},
		false,
	);

describe('the summary updated from the last counts', () => {
	it('equals a fresh count after any run of changes and clock moves', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						changes: fc.array(fc.tuple(fc.integer({min: 0, max: LOCATIONS - 1}), stateArbitrary), {maxLength: 4}),
						advanceMs: fc.integer({min: 0, max: 40_000}),
					}),
					{minLength: 1, maxLength: 12},
				),
				steps => {
					let list: RegionHealth[] = Array.from({length: LOCATIONS}, (_, index) => health(index, {}));
					let now = NOW;
					let tally: LocationTally | undefined;
					for (const {changes, advanceMs} of steps) {
						list = [...list];
						for (const [index, override] of changes) list[index] = health(index, override);
						now += advanceMs;
						const kept = locationLineWithTally(list, () => 'a', now, STALE_MS, 80, tally);
						tally = kept.tally;
						const fresh = locationLineWithTally(list, () => 'a', now, STALE_MS, 80);
						expect(kept.line).toEqual(fresh.line);
						expect(tallyChangesAt(tally!)).toBe(summaryChangesAt(list, now, STALE_MS));
					}
				},
			),
		);
	});
});
