// The ordering rule of --events-queue (core/automation-event.ts): whatever SQS does to the order of
// an execution's status-change events — duplicates, late ones, any shuffle — the status applied
// never moves backwards, and once every event has arrived it is where the run really ended.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {acceptsChange, parseAutomationEvent, parseDetailDate, statusRank, type EventMark} from '../../source/core/automation-event.js';
import {isFinal} from '../../source/core/status.js';
import {executionEvent} from '../../source/emulator/events/automation-events.js';

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 500);

/** A run's real life: statuses in the order they happened, each at a time to the second (several may share one). */
const LIVES = [
	['Pending', 'InProgress', 'Success'],
	['Pending', 'InProgress', 'Waiting', 'InProgress', 'Failed'],
	['Pending', 'InProgress', 'Cancelling', 'Cancelled'],
	['Pending', 'PendingApproval', 'Approved', 'InProgress', 'TimedOut'],
	['Pending', 'InProgress', 'Waiting', 'InProgress', 'Waiting', 'InProgress', 'Success'],
] as const;

interface Delivery {
	readonly status: string;
	readonly time: number;
	/** Where in the real order it happened. */
	readonly index: number;
}

const life = fc
	.record({
		statuses: fc.constantFrom(...LIVES),
		// Seconds between one change and the next: 0 puts two changes in the same second.
		gaps: fc.array(fc.integer({min: 0, max: 3}), {minLength: 7, maxLength: 7}),
	})
	.map(({statuses, gaps}) => {
		let time = Date.UTC(2026, 10, 25, 12);
		return statuses.map((status, index) => {
			// A change of the same status order (InProgress ↔ Waiting) in the same second cannot be told apart by AWS either: keep those a second apart.
			if (index > 0 && (gaps[index] ?? 1) === 0 && statusRank(status) <= statusRank(statuses[index - 1]!)) time += 1000;
			else time += (gaps[index] ?? 1) * 1000;
			return {status, time, index};
		});
	});

/** Duplicates some deliveries and shuffles them all. */
const deliveries = life.chain(events =>
	fc
		.tuple(
			fc.array(fc.integer({min: 0, max: events.length - 1}), {maxLength: 6}),
			fc.array(fc.nat(), {minLength: events.length + 6, maxLength: events.length + 6}),
		)
		.map(([duplicates, keys]) => {
			const all: Delivery[] = [...events, ...duplicates.map(index => events[index]!)];
			const order = all.map((delivery, position) => ({delivery, key: keys[position] ?? 0}));
			order.sort((a, b) => a.key - b.key);
			return {events, delivered: order.map(entry => entry.delivery)};
		}),
);

function applyAll(delivered: readonly Delivery[]): {held?: EventMark; history: EventMark[]} {
	let held: EventMark | undefined;
	const history: EventMark[] = [];
	for (const delivery of delivered) {
		if (acceptsChange(held, delivery)) {
			held = {status: delivery.status, time: delivery.time};
			history.push(held);
		}
	}

	return {...(held ? {held} : {}), history};
}

describe('the ordering rule of events', () => {
	it('never regresses: the applied (time, status order) only grows, and a final status stays', () => {
		fc.assert(
			fc.property(deliveries, ({delivered}) => {
				const {history} = applyAll(delivered);
				for (let index = 1; index < history.length; index++) {
					const before = history[index - 1]!;
					const after = history[index]!;
					expect(isFinal(before.status)).toBe(false);
					expect(after.time! > before.time! || (after.time === before.time && statusRank(after.status) >= statusRank(before.status))).toBe(true);
				}
			}),
			{numRuns: RUNS},
		);
	});

	it('ends where the run ended, whatever the order and the duplicates', () => {
		fc.assert(
			fc.property(deliveries, ({events, delivered}) => {
				const last = events.at(-1)!;
				expect(applyAll(delivered).held).toEqual({status: last.status, time: last.time});
			}),
			{numRuns: RUNS},
		);
	});

	it('a listing saw it end: no event takes it back; a listed running status is not undone by an older one', () => {
		expect(acceptsChange({status: 'Success'}, {status: 'InProgress', time: Number.MAX_SAFE_INTEGER})).toBe(false);
		expect(acceptsChange({status: 'InProgress'}, {status: 'Pending', time: 1})).toBe(false);
		expect(acceptsChange({status: 'InProgress'}, {status: 'Waiting', time: 1})).toBe(true);
		expect(acceptsChange({status: 'InProgress', time: 5000}, {status: 'Success', time: 4000})).toBe(false);
	});
});

describe('parsing an event', () => {
	it('reads the emulator’s events (AWS’s published shape), dates of the examples included', () => {
		expect(parseDetailDate('Nov 29, 2024 7:43:25 PM')).toBe(Date.UTC(2024, 10, 29, 19, 43, 25));
		expect(parseDetailDate('Jan 1, 2025 12:00:01 AM')).toBe(Date.UTC(2025, 0, 1, 0, 0, 1));
		const start = Date.UTC(2026, 10, 25, 12, 0, 0);
		const event = executionEvent(
			{
				id: 'abc-123',
				account: '111122223333',
				region: 'eu-west-1',
				status: 'Success',
				startTime: start,
				endTime: start + 61_000,
				runbook: {name: 'AWS-RestartEC2Instance'},
				documentVersion: '1',
				executedBy: 'arn:aws:iam::111122223333:user/alice',
			} as never,
			start + 61_000,
		);
		const parsed = parseAutomationEvent(JSON.stringify(event));
		expect(parsed).toMatchObject({
			ok: true,
			change: {
				kind: 'execution',
				executionId: 'abc-123',
				account: '111122223333',
				region: 'eu-west-1',
				status: 'Success',
				startTime: start,
				endTime: start + 61_000,
			},
		});
	});

	it('refuses what is not an SSM Automation status change, with a reason', () => {
		expect(parseAutomationEvent('not json')).toEqual({ok: false, reason: 'not JSON'});
		expect(parseAutomationEvent(JSON.stringify({source: 'aws.ec2', 'detail-type': 'x', detail: {}})).ok).toBe(false);
		expect(
			parseAutomationEvent(
				JSON.stringify({
					source: 'aws.ssm',
					'detail-type': 'EC2 Automation Execution Status-change Notification',
					account: 'x',
					region: 'us-east-1',
					time: 'nope',
					detail: {},
				}),
			).ok,
		).toBe(false);
	});
});
