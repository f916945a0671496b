// The header's per-location health, updated from what each batch of list refreshes wrote
// (data-actions.ts regionsChangedFrom), equals health built afresh from the store, whatever mix
// of batches, failures and pauses came before; and it keeps the objects of unchanged locations.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {locationKey} from '../../source/core/location.js';
import {createAppStore} from '../../source/store/app-store.js';
import {regionHealth, selectRegionHealth, selectTruncatedRegions} from '../../source/store/data-selectors.js';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'eu-west-1'];
const KEYS = ACCOUNTS.flatMap(account => REGIONS.map(region => locationKey(account, region)));

function organisationStore() {
	return createAppStore({
		context: {
			label: 'org',
			regions: REGIONS,
			readOnly: true,
			local: false,
			account: ACCOUNTS[0]!,
			accounts: ACCOUNTS.map(account => ({account, label: `a${account.slice(0, 1)}`})),
			readableAccounts: ACCOUNTS,
		},
	});
}

const step = fc.oneof(
	fc.record({kind: fc.constant('batch' as const), keys: fc.subarray(KEYS, {minLength: 1}), truncated: fc.boolean(), at: fc.nat(1000)}),
	fc.record({kind: fc.constant('fail' as const), key: fc.constantFrom(...KEYS), at: fc.nat(1000)}),
	fc.record({kind: fc.constant('pause' as const)}),
	fc.record({kind: fc.constant('look' as const)}),
);

describe('region health across batches', () => {
	it('equals health built afresh after every step', () => {
		fc.assert(
			fc.property(fc.array(step, {minLength: 1, maxLength: 15}), steps => {
				const store = organisationStore();
				for (const each of steps) {
					const before = selectRegionHealth(store.getState());
					const {actions} = store.getState();
					if (each.kind === 'batch')
						actions.pollsSucceeded(each.keys.map(key => ({region: key, executions: [], meta: {at: each.at, truncated: each.truncated}})));
					else if (each.kind === 'fail') actions.pollFailed(each.key, {kind: 'server', message: 'boom', at: each.at});
					else if (each.kind === 'pause') store.setState(state => ({paused: !state.paused}));
					const state = store.getState();
					const health = selectRegionHealth(state);
					const fresh = KEYS.map(key => {
						const region = state.regions[key];
						return region ? {...regionHealth(region, state.paused), key} : undefined;
					});
					fresh.forEach((expected, index) => {
						if (expected) expect(health[index]).toEqual(expected);
						else expect(health[index]?.state).toBe(state.paused ? 'paused' : 'loading');
					});
					expect(selectTruncatedRegions(state)).toEqual(KEYS.filter(key => state.regions[key]?.truncated));
					// A batch leaves the locations it did not write as they were, object for object.
					if (each.kind === 'batch')
						KEYS.forEach((key, index) => {
							if (!each.keys.includes(key) && before[index]?.key === key) expect(health[index]).toBe(before[index]);
						});
				}
			}),
		);
	});
});
