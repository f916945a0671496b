/** Several accounts watched: the ACCOUNT column, `account:` in the filter, and the header's health per location. */
import {afterEach, describe, expect, it} from 'vitest';
import {contextLocations, type WatchedAccount} from '../../source/core/location.js';
import type {RegionState} from '../../source/core/types.js';
import type {ConnectionContext} from '../../source/store/state.js';
import {regionHealth} from '../../source/store/data-selectors.js';
import {locationLine} from '../../source/ui/shell/location-summary.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {awsContext, execution, NOW, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const ACCOUNTS: WatchedAccount[] = [
	{account: '111122223333', label: 'prod-payments'},
	{account: '210987654321', label: 'staging'},
];

function manyContext(accounts: readonly WatchedAccount[], regions: readonly string[]): ConnectionContext {
	return {...awsContext, label: `${accounts.length} accounts (profile prod-*)`, regions, accounts, readableAccounts: accounts.map(entry => entry.account)};
}

/** Every location's state, as the poller leaves it: ok, or failing as `failing` says. */
function regionsOf(context: ConnectionContext, failing: Readonly<Record<string, RegionState['lastError']>> = {}): Record<string, RegionState> {
	return Object.fromEntries(
		contextLocations(context).map(({key, region, account}) => {
			const error = failing[key];
			const state: RegionState = {
				region,
				...(account === undefined ? {} : {account}),
				lastSuccessAt: NOW - 1000,
				...(error ? {lastError: error} : {}),
				throttled: error?.kind === 'throttled',
				calls: 1,
				inFlight: false,
				truncated: false,
			};
			return [key, state];
		}),
	);
}

const rows = [
	execution(1, {account: '111122223333', accountName: 'prod-payments', documentName: 'Pay-Patch'}),
	execution(2, {account: '210987654321', accountName: 'staging', documentName: 'Stage-Patch'}),
];

describe('the ACCOUNT column', () => {
	it("shows each row's account name while several accounts are watched", async () => {
		const context = manyContext(ACCOUNTS, ['us-east-1']);
		const store = storeWith({rows, context, viewport: {columns: 140, rows: 30}});
		store.setState({regions: regionsOf(context)});
		app = await renderApp(store, {now: NOW});
		const frame = await app.waitFor('ACCOUNT');
		expect(frame).toMatch(/Pay-Patch.*prod-payments/);
		expect(frame).toMatch(/Stage-Patch.*staging/);
	});

	it('is left out with one account', async () => {
		app = await renderApp(storeWith({rows, context: awsContext, viewport: {columns: 140, rows: 30}}), {now: NOW});
		const frame = await app.waitFor('Pay-Patch');
		expect(frame).not.toContain('ACCOUNT');
		expect(frame).not.toContain('prod-payments');
	});

	it('account: filters by name or id', async () => {
		const context = manyContext(ACCOUNTS, ['us-east-1']);
		const store = storeWith({rows, context, viewport: {columns: 140, rows: 30}, filter: 'account:stag'});
		app = await renderApp(store, {now: NOW});
		const frame = await app.waitFor('Stage-Patch');
		expect(frame).not.toContain('Pay-Patch');
		store.setState({filter: 'account:1111'});
		await app.waitFor(frame => frame.includes('Pay-Patch') && !frame.includes('Stage-Patch'));
	});
});

describe("the header's health per location", () => {
	it('names each location while they fit', async () => {
		const context = manyContext(ACCOUNTS, ['us-east-1']);
		const store = storeWith({rows, context, viewport: {columns: 140, rows: 30}});
		store.setState({
			regions: regionsOf(context, {'210987654321/us-east-1': {kind: 'credentials', message: 'The credentials for us-east-1 are expired.', at: NOW}}),
		});
		app = await renderApp(store, {now: NOW});
		const frame = await app.waitFor('prod-payments/us-east-1 ok');
		expect(frame).toMatch(/staging\/us-east-1 error: /);
		expect(frame).toContain('2 accounts (profile prod-*)');
	});

	it('summarises many: "48 locations: 45 ok · 2 throttled · 1 no credentials"', async () => {
		const accounts = Array.from({length: 16}, (_value, index) => ({account: String(300_000_000_000 + index), label: `member-${index}`}));
		const context = manyContext(accounts, ['us-east-1', 'eu-west-1', 'ap-southeast-2']);
		const [first, second, third] = contextLocations(context);
		const store = storeWith({rows, context, viewport: {columns: 120, rows: 30}});
		store.setState({
			regions: regionsOf(context, {
				[first!.key]: {kind: 'throttled', message: 'slow down', at: NOW},
				[second!.key]: {kind: 'throttled', message: 'slow down', at: NOW},
				[third!.key]: {kind: 'credentials', message: 'expired', at: NOW},
			}),
		});
		app = await renderApp(store, {now: NOW});
		await app.waitFor('48 locations: 45 ok · 2 throttled · 1 no credentials');
	});
});

describe('locationLine', () => {
	const health = (overrides: Partial<RegionState>[]) =>
		overrides.map((override, index) =>
			regionHealth(
				{region: 'us-east-1', account: String(index), lastSuccessAt: NOW, throttled: false, calls: 0, inFlight: false, truncated: false, ...override},
				false,
			),
		);

	it('counts loading, stale and each kind of error, ok first and problems last', () => {
		const line = locationLine(
			health([{}, {lastSuccessAt: undefined}, {lastSuccessAt: NOW - 60_000}, {lastError: {kind: 'access-denied', message: 'no', at: NOW}}, {}, {}, {}]),
			account => `a${account ?? ''}`,
			NOW,
			15_000,
			80,
		);
		expect(line).toEqual({kind: 'summary', text: '7 locations: 4 ok · 1 loading · 1 stale · 1 access denied', level: 'error'});
	});

	it('all ok is ok', () => {
		expect(locationLine(health(Array.from({length: 9}, () => ({}))), () => 'x', NOW, 15_000, 80)).toMatchObject({text: '9 locations: 9 ok', level: 'ok'});
	});
});
