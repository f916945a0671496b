// The header's summary line at organisation scale: it changes with time only when a location's
// state word would, and a location waiting its turn under a stretched interval is not stale.
import {describe, expect, it} from 'vitest';
import {createAppStore} from '../../source/store/app-store.js';
import {selectStaleAfterMs, type RegionHealth} from '../../source/store/data-selectors.js';
import {categoryChangesAt, locationLine, summaryChangesAt} from '../../source/ui/shell/location-summary.js';

const NOW = Date.UTC(2026, 10, 25, 12);
const ok = (lastSuccessAt: number): RegionHealth => ({region: 'us-east-1', state: 'ok', lastSuccessAt, calls: 1, inFlight: false, truncated: false});

describe('summary timing', () => {
	it('an ok location changes word once, when it turns stale; a stale or failing one never by time alone', () => {
		expect(categoryChangesAt(ok(NOW), 15_000)).toBe(NOW + 15_001);
		expect(categoryChangesAt({...ok(NOW), state: 'error', errorKind: 'throttled', backoffUntil: NOW + 5000}, 15_000)).toBe(Number.POSITIVE_INFINITY);
		// Already stale at NOW: its word holds, so the next change is the other location's.
		expect(summaryChangesAt([ok(NOW - 60_000), ok(NOW - 1000)], NOW, 15_000)).toBe(NOW - 1000 + 15_001);
		expect(summaryChangesAt([ok(NOW - 60_000)], NOW, 15_000)).toBe(Number.POSITIVE_INFINITY);
	});

	it('the words are the same until that moment and change at it', () => {
		const health = Array.from({length: 9}, (_, index) => ok(NOW - index * 1000));
		const at = summaryChangesAt(health, NOW, 15_000);
		const text = (now: number) => (locationLine(health, () => 'x', now, 15_000, 80) as {text: string}).text;
		expect(text(NOW)).toBe('9 locations: 9 ok');
		expect(text(at - 1)).toBe(text(NOW));
		expect(text(at)).toBe('9 locations: 8 ok · 1 stale');
	});

	it('staleness is measured from the interval as the budget stretched it', () => {
		const store = createAppStore({
			context: {label: 'x', regions: ['us-east-1'], readOnly: false, local: false, readableAccounts: [], refreshIntervalMs: 5000},
			viewport: {columns: 120, rows: 40},
		});
		expect(selectStaleAfterMs(store.getState())).toBe(15_000);
		store.setState({budget: {callsPerSecond: 200, maxConcurrent: 32, callsPerMinute: 12_000, perLocation: {}, stretchedIntervalMs: 39_000, at: NOW}});
		expect(selectStaleAfterMs(store.getState())).toBe(117_000);
	});
});
