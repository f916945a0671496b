import {describe, expect, it} from 'vitest';
import {createCallLedger, ledgerBetween, listPurpose} from '../../source/bench/call-ledger.js';
import {createFakeApi, row} from '../poller/fakes.js';

const T0 = 1_700_000_000_000;

describe('the call ledger', () => {
	it('names a listing by its filters', () => {
		expect(listPurpose(undefined)).toBe('list-all');
		expect(listPurpose({filters: [{key: 'StartTimeAfter', values: ['x']}]})).toBe('list-window');
		expect(listPurpose({filters: [{key: 'ExecutionStatus', values: ['InProgress']}]})).toBe('list-non-final');
		expect(listPurpose({filters: [{key: 'ExecutionId', values: ['a']}]})).toBe('list-ids');
		expect(
			listPurpose({
				filters: [
					{key: 'ExecutionId', values: ['a']},
					{key: 'StartTimeAfter', values: ['x']},
				],
			}),
		).toBe('list-other');
	});

	it('counts calls by region and purpose, step pages apart from the Get, failed calls too', async () => {
		const api = createFakeApi({'us-east-1': [row('a', 'us-east-1', 'Success', T0)]});
		api.details.set('a', {...row('a', 'us-east-1', 'Success', T0), steps: []});
		const ledger = createCallLedger({
			...api,
			// A Get that paged through its steps: three calls in all.
			getExecution: async (region, id, options) => ({...(await api.getExecution(region, id, options)), calls: 3}),
		});
		await ledger.api.listExecutionPage('us-east-1');
		const before = ledger.counts();
		await ledger.api.listExecutionPage('us-east-1', {filters: [{key: 'ExecutionId', values: ['a']}]});
		await ledger.api.getExecution('us-east-1', 'a');
		await expect(ledger.api.getExecution('eu-west-1', 'missing')).rejects.toThrow();
		expect(ledger.counts()).toEqual({'us-east-1': {'list-all': 1, 'list-ids': 1, get: 1, steps: 2}, 'eu-west-1': {get: 1}});
		expect(ledgerBetween(before, ledger.counts())).toEqual({'us-east-1': {'list-ids': 1, get: 1, steps: 2}, 'eu-west-1': {get: 1}});
	});
});
