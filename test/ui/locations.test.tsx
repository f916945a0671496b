/** The locations screen (`L`): every account × region, its state, last good refresh, calls per minute and exact error. */
import {afterEach, describe, expect, it} from 'vitest';
import {contextLocations, type WatchedAccount} from '../../source/core/location.js';
import type {RegionState} from '../../source/core/types.js';
import type {ConnectionContext} from '../../source/store/state.js';
import {selectLocationCursor, selectLocationRows} from '../../source/store/location-rows.js';
import {regionHealth} from '../../source/store/data-selectors.js';
import {agoText, locationFix, locationState} from '../../source/ui/locations/location-advice.js';
import {windowStart} from '../../source/ui/locations/locations-screen.js';
import {renderApp, type RenderedApp} from './helpers.js';
import {awsContext, execution, NOW, storeWith} from './fixtures.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const ACCOUNTS: WatchedAccount[] = [
	{account: '111122223333', label: 'prod-payments', source: 'profile prod-payments'},
	{account: '210987654321', label: 'staging', source: 'profile staging'},
	{account: '345678901234', label: 'audit', source: 'role Ops via profile hub'},
];

const SSO_EXPIRED =
	'The credentials for us-east-1 (profile staging) are missing, expired or invalid (The SSO session associated with this profile has expired). Refresh them (for SSO: aws sso login --profile staging).';
const DENIED =
	'Access denied for DescribeAutomationExecutions in eu-west-1 (role Ops via profile hub): User: arn:aws:sts::345678901234:assumed-role/Ops/ssmtop is not authorized to perform: ssm:DescribeAutomationExecutions on resource: *.';

function context(): ConnectionContext {
	return {
		...awsContext,
		label: '3 accounts',
		regions: ['us-east-1', 'eu-west-1'],
		accounts: ACCOUNTS,
		readableAccounts: ACCOUNTS.map(entry => entry.account),
		refreshIntervalMs: 5000,
	};
}

function regions(of: ConnectionContext): Record<string, RegionState> {
	const failing: Record<string, Partial<RegionState>> = {
		'210987654321/us-east-1': {lastError: {kind: 'credentials', message: SSO_EXPIRED, at: NOW - 2000}, lastSuccessAt: undefined},
		'345678901234/eu-west-1': {lastError: {kind: 'access-denied', message: DENIED, at: NOW - 1000}, lastSuccessAt: NOW - 300_000},
		'111122223333/eu-west-1': {throttled: true, lastError: {kind: 'throttled', message: 'AWS is throttling requests in eu-west-1; backing off.', at: NOW}},
		'345678901234/us-east-1': {lastSuccessAt: NOW - 60_000},
	};
	return Object.fromEntries(
		contextLocations(of).map(({key, region, account}) => [
			key,
			{
				region,
				...(account === undefined ? {} : {account}),
				lastSuccessAt: NOW - 4000,
				throttled: false,
				calls: 3,
				inFlight: false,
				truncated: false,
				...failing[key],
			},
		]),
	);
}

function storeOf() {
	const of = context();
	const store = storeWith({rows: [execution(1)], context: of, viewport: {columns: 150, rows: 30}});
	store.setState({regions: regions(of)});
	store.getState().actions.budgetMeasured({
		callsPerSecond: 200,
		maxConcurrent: 32,
		callsPerMinute: 40,
		perLocation: {'111122223333/us-east-1': 12, '345678901234/eu-west-1': 7},
		at: NOW,
	});
	return store;
}

describe('the locations screen', () => {
	it('opens with L from the list and lists every location, problems first, with state, last good refresh, calls per minute and error', async () => {
		const store = storeOf();
		app = await renderApp(store, {now: NOW});
		await app.type('L');
		const frame = await app.waitFor('LAST OK');
		expect(store.getState().screen).toBe('locations');
		expect(frame).toContain('Locations · 6 account × region');
		// The table only: the header names these locations too.
		const all = frame.split('\n');
		const lines = all.slice(all.findIndex(line => line.startsWith('LOCATION')));
		const at = (name: string) => lines.findIndex(line => line.startsWith(name));
		// Refused credentials and access first, then the throttled one, then the rest in order.
		expect(at('staging/us-east-1')).toBeLessThan(at('audit/eu-west-1'));
		expect(at('audit/eu-west-1')).toBeLessThan(at('prod-payments/eu-west-1'));
		expect(at('prod-payments/eu-west-1')).toBeLessThan(at('prod-payments/us-east-1'));
		expect(lines[at('staging/us-east-1')]).toMatch(/no credentials\s+never\s+0\s+credentials/);
		expect(lines[at('audit/eu-west-1')]).toMatch(/error\s+5 min ago\s+7\s+access denied/);
		expect(lines[at('prod-payments/eu-west-1')]).toMatch(/throttled/);
		expect(lines[at('prod-payments/us-east-1')]).toMatch(/ok\s+4 s ago\s+12/);
		expect(lines[at('audit/us-east-1')]).toMatch(/stale\s+60 s ago/);
	});

	it('shows the whole message of the location under the cursor and what to run or grant', async () => {
		const store = storeOf();
		app = await renderApp(store, {now: NOW});
		await app.type('L');
		const frame = await app.waitFor('Run: aws sso login --profile staging');
		expect(frame).toContain('The SSO session associated with this profile has expired');
		await app.press('down');
		const next = await app.waitFor('Missing permission: ssm:DescribeAutomationExecutions');
		expect(next.replaceAll(/\s+/g, ' ')).toContain('is not authorized to perform: ssm:DescribeAutomationExecutions on resource');
		expect(selectLocationCursor(store.getState())).toBe(1);
		await app.press('escape');
		await app.waitFor(frame => !frame.includes('LAST OK'));
		expect(store.getState().screen).toBe('list');
	});

	it('with --events-queue a MODE column says events or polling per location, and why one polls for missed events', async () => {
		const store = storeOf();
		const {actions} = store.getState();
		app = await renderApp(store, {now: NOW});
		await app.type('L');
		const plain = await app.waitFor('LAST OK');
		expect(plain).not.toContain('MODE');
		actions.eventsModeChanged('events', NOW);
		actions.eventsMissed('345678901234/us-east-1', 3, NOW);
		const frame = await app.waitFor('MODE');
		const all = frame.split('\n');
		const lines = all.slice(all.findIndex(line => line.startsWith('LOCATION')));
		expect(lines[0]).toMatch(/^LOCATION\s+STATE\s+MODE\s+LAST OK\s+CALLS\/MIN ERROR/);
		const line = (name: string) => lines.find(entry => entry.startsWith(name)) ?? '';
		expect(line('prod-payments/us-east-1')).toMatch(/ok\s+events\s+4 s ago/);
		// Never listed (refused credentials): polls until its first listing.
		expect(line('staging/us-east-1')).toMatch(/no credentials\s+polling\s+never/);
		expect(line('audit/us-east-1')).toMatch(/polling\s+60 s ago/);
		// The cursor on the one that missed events: what that means.
		const index = selectLocationRows(store.getState()).findIndex(row => row.key === '345678901234/us-east-1');
		actions.locationSelected({to: index});
		const advice = await app.waitFor('no event brought');
		expect(advice.replaceAll(/\s+/g, ' ')).toContain('its last resync found 3 changes no event brought');
		// The queue failing: every location polls.
		actions.eventsModeChanged('polling', NOW, 'events queue q: throttled');
		const polling = await app.waitFor(next => !/ok\s+events/.test(next));
		expect(polling).toMatch(/prod-payments\/us-east-1\s+ok\s+polling/);
	});

	it('L is a key of the list only, and free everywhere else', async () => {
		const {KEYMAP} = await import('../../source/ui/keymap.js');
		const withL = KEYMAP.filter(binding => binding.keys.some(key => key.input === 'L'));
		expect(withL.map(binding => [binding.command, binding.scopes])).toEqual([['screen.locations', ['list']]]);
	});
});

describe('selectLocationRows', () => {
	it('keeps its references while nothing it shows changes, and makes new ones only for what did', () => {
		const store = storeOf();
		const first = selectLocationRows(store.getState());
		expect(selectLocationRows(store.getState())).toBe(first);
		// The UI moving (a cursor, a flash) changes nothing here.
		store.setState({flash: 'hello', selectedLocationIndex: 2});
		expect(selectLocationRows(store.getState())).toBe(first);
		// One location's refresh: a new array, the other rows the same objects.
		const key = '111122223333/us-east-1';
		store.setState({regions: {...store.getState().regions, [key]: {...store.getState().regions[key]!, lastSuccessAt: NOW}}});
		const second = selectLocationRows(store.getState());
		expect(second).not.toBe(first);
		const changed = second.find(row => row.key === key);
		expect(first.find(row => row.key === key)).not.toBe(changed);
		for (const row of second.filter(row => row.key !== key)) expect(first).toContain(row);
	});

	it('is one row per region with one set of credentials', () => {
		const store = storeWith({context: {...awsContext, regions: ['us-east-1', 'eu-west-1']}});
		expect(selectLocationRows(store.getState()).map(row => row.name)).toEqual(['us-east-1', 'eu-west-1']);
	});
});

describe('location advice', () => {
	const health = (override: Partial<RegionState>) =>
		regionHealth({region: 'us-east-1', account: '1', lastSuccessAt: NOW, throttled: false, calls: 0, inFlight: false, truncated: false, ...override}, false);

	it('names the states', () => {
		expect(locationState(health({}), NOW, 15_000).word).toBe('ok');
		expect(locationState(health({lastSuccessAt: NOW - 16_000}), NOW, 15_000).word).toBe('stale');
		expect(locationState(health({throttled: true}), NOW, 15_000).word).toBe('throttled');
		expect(locationState(health({lastError: {kind: 'credentials', message: 'x', at: NOW}}), NOW, 15_000).word).toBe('no credentials');
		expect(locationState(health({lastError: {kind: 'server', message: 'x', at: NOW}}), NOW, 15_000).word).toBe('error');
		expect(locationState(health({lastSuccessAt: undefined}), NOW, 15_000).word).toBe('loading');
	});

	it('says which login to run and which action is missing', () => {
		expect(locationFix(health({lastError: {kind: 'credentials', message: SSO_EXPIRED, at: NOW}}))).toBe('Run: aws sso login --profile staging');
		expect(locationFix(health({lastError: {kind: 'credentials', message: 'Refresh them (for SSO: aws sso login).', at: NOW}}))).toBe('Run: aws sso login');
		expect(locationFix(health({lastError: {kind: 'access-denied', message: DENIED, at: NOW}}))).toBe('Missing permission: ssm:DescribeAutomationExecutions');
		expect(locationFix(health({lastError: {kind: 'access-denied', message: 'Access denied for GetAutomationExecution in us-east-1.', at: NOW}}))).toBe(
			'Missing permission: ssm:GetAutomationExecution',
		);
		expect(
			locationFix(
				health({lastSuccessAt: undefined}),
				'cannot assume arn:aws:iam::1:role/Ops (User: x is not authorized to perform: sts:AssumeRole on resource: y)',
			),
		).toBe('Missing permission: sts:AssumeRole');
		expect(locationFix(health({}))).toBeUndefined();
	});

	it('ages in seconds, then minutes', () => {
		expect(agoText(undefined, NOW)).toBe('never');
		expect(agoText(NOW - 12_500, NOW)).toBe('12 s ago');
		expect(agoText(NOW - 5 * 60_000, NOW)).toBe('5 min ago');
	});

	it('keeps the cursor in view', () => {
		expect(windowStart(0, 5, 10)).toBe(0);
		expect(windowStart(50, 100, 10)).toBe(45);
		expect(windowStart(99, 100, 10)).toBe(90);
	});
});
