// The request budget's scheduling (core/request-budget.ts), on random workloads with fast-check:
// the caps hold, locations take turns, what is on screen goes first, and nothing waits while the
// budget could let it go.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRequestBudget, REQUEST_PRIORITIES, type Grant, type RequestPriority} from '../../source/core/request-budget.js';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 300);

type Step =
	| {readonly kind: 'enqueue'; readonly location: number; readonly priority: RequestPriority; readonly count: number}
	| {readonly kind: 'advance'; readonly ms: number}
	| {readonly kind: 'finish'; readonly pick: number; readonly calls: number}
	| {readonly kind: 'cancel'; readonly pick: number};

const step: fc.Arbitrary<Step> = fc.oneof(
	fc.record({
		kind: fc.constant('enqueue' as const),
		location: fc.integer({min: 0, max: 5}),
		priority: fc.constantFrom(...REQUEST_PRIORITIES),
		count: fc.integer({min: 1, max: 6}),
	}),
	fc.record({kind: fc.constant('advance' as const), ms: fc.integer({min: 0, max: 700})}),
	fc.record({kind: fc.constant('finish' as const), pick: fc.nat(), calls: fc.integer({min: 0, max: 4})}),
	fc.record({kind: fc.constant('cancel' as const), pick: fc.nat()}),
);

const limits = fc.record({
	callsPerSecond: fc.integer({min: 1, max: 40}),
	maxConcurrent: fc.integer({min: 1, max: 6}),
	burst: fc.option(fc.integer({min: 1, max: 10}), {nil: undefined}),
});

interface Run {
	readonly grants: Array<Grant & {readonly at: number; readonly queuedByPriority: Readonly<Record<RequestPriority, number>>}>;
	readonly maxInFlight: number;
	/** Charged calls (beyond each grant's first), with when. */
	readonly extra: Array<{readonly at: number; readonly calls: number}>;
	readonly idleWhileReady: boolean;
}

/** Drives the budget through the steps, taking after every step as the gate does. */
function drive(input: {callsPerSecond: number; maxConcurrent: number; burst?: number | undefined}, steps: readonly Step[]): Run {
	let now = 0;
	const budget = createRequestBudget(
		{callsPerSecond: input.callsPerSecond, maxConcurrent: input.maxConcurrent, ...(input.burst === undefined ? {} : {burst: input.burst})},
		now,
	);
	const queued: Array<{ticket: number; priority: RequestPriority}> = [];
	const running: number[] = [];
	const grants: Run['grants'] = [];
	const extra: Run['extra'] = [];
	let maxInFlight = 0;
	let idleWhileReady = false;
	const take = (): void => {
		const byPriority = {foreground: 0, visible: 0, background: 0};
		for (const entry of queued) byPriority[entry.priority]++;
		for (const grant of budget.take(now)) {
			grants.push({...grant, at: now, queuedByPriority: {...byPriority}});
			byPriority[grant.priority]--;
			queued.splice(
				queued.findIndex(entry => entry.ticket === grant.ticket),
				1,
			);
			running.push(grant.ticket);
		}

		maxInFlight = Math.max(maxInFlight, budget.inFlight());
		const next = budget.nextAt(now);
		// Work-conserving: nextAt says "now" only when take() just could not grant — never.
		if (next !== undefined && next <= now) idleWhileReady = true;
	};

	for (const current of steps) {
		switch (current.kind) {
			case 'enqueue': {
				for (let index = 0; index < current.count; index++)
					queued.push({ticket: budget.enqueue(`L${current.location}`, current.priority, now), priority: current.priority});
				break;
			}

			case 'advance': {
				// Time moves in the steps the gate's timer would wake at, so nothing sleeps past its turn.
				let left = current.ms;
				while (left > 0) {
					const next = budget.nextAt(now);
					const hop = next === undefined || next <= now ? left : Math.min(left, next - now);
					now += hop;
					left -= hop;
					take();
				}

				break;
			}

			case 'finish': {
				if (running.length === 0) break;
				const [ticket] = running.splice(current.pick % running.length, 1);
				budget.finished(ticket!, current.calls, now);
				if (current.calls > 1) extra.push({at: now, calls: current.calls - 1});
				break;
			}

			case 'cancel': {
				if (queued.length === 0) break;
				const [entry] = queued.splice(current.pick % queued.length, 1);
				expect(budget.cancel(entry!.ticket)).toBe(true);
				break;
			}
		}

		take();
	}

	expect(budget.queued()).toBe(queued.length);
	return {grants, maxInFlight, extra, idleWhileReady};
}

describe('the request budget', () => {
	it('never has more requests in flight than its cap', () => {
		fc.assert(
			fc.property(limits, fc.array(step, {maxLength: 80}), (input, steps) => {
				expect(drive(input, steps).maxInFlight).toBeLessThanOrEqual(input.maxConcurrent);
			}),
			{numRuns: RUNS},
		);
	});

	it('never lets more calls go in any stretch of time than the bucket holds plus what refills meanwhile', () => {
		fc.assert(
			fc.property(limits, fc.array(step, {maxLength: 80}), (input, steps) => {
				const {grants, extra} = drive(input, steps);
				const burst = Math.max(1, input.burst ?? input.callsPerSecond);
				for (let from = 0; from < grants.length; from++) {
					for (let to = from; to < grants.length; to++) {
						const start = grants[from]!.at;
						const end = grants[to]!.at;
						// Extra calls charged inside the stretch (after its first grant) used tokens too.
						const charged = extra.filter(entry => entry.at > start && entry.at < end).reduce((sum, entry) => sum + entry.calls, 0);
						const allowed = burst + ((end - start) * input.callsPerSecond) / 1000 + 1e-9;
						expect(to - from + 1 + charged).toBeLessThanOrEqual(allowed);
					}
				}
			}),
			{numRuns: RUNS},
		);
	});

	it('grants nothing of a lower priority while something of a higher one waits', () => {
		fc.assert(
			fc.property(limits, fc.array(step, {maxLength: 80}), (input, steps) => {
				for (const grant of drive(input, steps).grants) {
					const rank = REQUEST_PRIORITIES.indexOf(grant.priority);
					for (const higher of REQUEST_PRIORITIES.slice(0, rank)) expect(grant.queuedByPriority[higher]).toBe(0);
				}
			}),
			{numRuns: RUNS},
		);
	});

	it('is work-conserving: whenever a slot and a token are free, what waits goes', () => {
		fc.assert(
			fc.property(limits, fc.array(step, {maxLength: 80}), (input, steps) => {
				expect(drive(input, steps).idleWhileReady).toBe(false);
			}),
			{numRuns: RUNS},
		);
	});

	it('lets locations take turns: with everything queued at once, no location gets a second turn before every other has had one', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({min: 1, max: 30}), {minLength: 1, maxLength: 8}), backlog => {
				const budget = createRequestBudget({callsPerSecond: 1000, maxConcurrent: 1000, burst: 1000}, 0);
				backlog.forEach((count, location) => {
					for (let index = 0; index < count; index++) budget.enqueue(`L${location}`, 'visible', 0);
				});
				const order = budget.take(0).map(grant => grant.location);
				const seen = new Map<string, number>();
				for (const location of order) {
					const turns = (seen.get(location) ?? 0) + 1;
					seen.set(location, turns);
					// Every location with tickets left has had at least turns - 1 turns by now.
					backlog.forEach((count, index) => {
						const other = `L${index}`;
						if (count >= turns) expect(seen.get(other) ?? 0).toBeGreaterThanOrEqual(turns - 1);
					});
				}

				expect(order).toHaveLength(backlog.reduce((sum, count) => sum + count, 0));
			}),
			{numRuns: RUNS},
		);
	});

	it('gives a location that joins late its turn after one turn of each location in line, not after their backlog', () => {
		const budget = createRequestBudget({callsPerSecond: 1, maxConcurrent: 10, burst: 1}, 0);
		for (let index = 0; index < 100; index++) budget.enqueue('busy', 'background', 0);
		expect(budget.take(0).map(grant => grant.location)).toEqual(['busy']);
		budget.enqueue('quiet', 'background', 10);
		// One turn of the location already in line, then the newcomer: not after the 99 left.
		expect(budget.take(1000).map(grant => grant.location)).toEqual(['busy']);
		expect(budget.take(2000).map(grant => grant.location)).toEqual(['quiet']);
		expect(budget.take(3000).map(grant => grant.location)).toEqual(['busy']);
	});

	it('charges the extra calls of a read that paged, so what follows waits for them', () => {
		const budget = createRequestBudget({callsPerSecond: 10, maxConcurrent: 4, burst: 1}, 0);
		const first = budget.enqueue('a', 'foreground', 0);
		expect(budget.take(0).map(grant => grant.ticket)).toEqual([first]);
		budget.finished(first, 5, 0);
		budget.enqueue('b', 'foreground', 0);
		// Four extra calls and one for b at 10 a second: b goes at 500 ms.
		expect(budget.nextAt(0)).toBe(500);
		expect(budget.take(499)).toEqual([]);
		expect(budget.take(500)).toHaveLength(1);
	});

	it('says when the next grant can go, and nothing while every slot is busy', () => {
		const budget = createRequestBudget({callsPerSecond: 2, maxConcurrent: 1, burst: 1}, 0);
		const first = budget.enqueue('a', 'visible', 0);
		budget.enqueue('a', 'visible', 0);
		expect(budget.take(0)).toHaveLength(1);
		expect(budget.nextAt(0)).toBeUndefined();
		budget.finished(first, 1, 100);
		expect(budget.nextAt(100)).toBe(500);
	});
});
