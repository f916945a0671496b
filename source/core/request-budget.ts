/**
 * One request budget for the whole process (issue 11): a token bucket caps the calls per second,
 * a slot count caps the requests in flight, and a fair queue decides who goes next. Pure: time is
 * passed in, nothing here waits; poller/request-gate.ts turns it into promises and timers.
 *
 * Fairness: within a priority, locations take turns (round-robin over the locations that have
 * something queued), so one location's backlog — a long first listing, a burst of pages — never
 * starves the others. Priority: what is on screen (the open execution, its children, the command
 * screen) goes before the list on screen, which goes before a list refreshed in the background.
 * Throttling is not handled here: a throttled location's loop backs off by itself
 * (poller/create-poller.ts), so it simply has nothing queued meanwhile and takes no turns.
 */

export const REQUEST_PRIORITIES = ['foreground', 'visible', 'background'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/**
 * Defaults (--max-calls-per-second, --max-concurrent-calls): 200 calls a second and 32 in flight.
 * The cap only binds with many locations: a few regions ask for a call or two each per interval
 * whatever the cap. At the cap the process lists an organisation's 10,000 locations (500
 * accounts × 20 regions) once within a minute, the target, for about a core's worth of
 * TLS and JSON on a laptop; the fair queue spreads those calls over every account and region, so
 * no one location comes near the service's own per-account-and-region limits. 32 in flight cover
 * 200 calls a second at up to 150 ms an answer. Lower it on a small machine: the interval then
 * stretches, and the header says so.
 */
export const DEFAULT_CALLS_PER_SECOND = 200;
export const DEFAULT_MAX_CONCURRENT = 32;

export interface RequestBudgetLimits {
	/** Calls per second on average (the bucket's refill rate); > 0. */
	readonly callsPerSecond: number;
	/** Requests in flight at most; ≥ 1. */
	readonly maxConcurrent: number;
	/** Calls that may go at once after a quiet spell (the bucket's size); default one second's worth, at least 1. */
	readonly burst?: number;
}

export interface Grant {
	readonly ticket: number;
	readonly location: string;
	readonly priority: RequestPriority;
	/** When it was queued. */
	readonly queuedAt: number;
}

export interface RequestBudget {
	readonly limits: Required<RequestBudgetLimits>;
	/** Queues one request of `location`; returns its ticket. */
	enqueue(location: string, priority: RequestPriority, now: number): number;
	/** Drops a queued ticket (its request was aborted); a granted one is ended with finished(). Returns whether it was queued. */
	cancel(ticket: number): boolean;
	/** The tickets that may start now, in the order they go; each takes a token and a slot. */
	take(now: number): readonly Grant[];
	/**
	 * A granted request ended after `calls` service calls (a read that pages makes several): the
	 * first was paid at the grant, the rest are charged now (the bucket may go below zero, so
	 * what follows waits for them). Frees its slot.
	 */
	finished(ticket: number, calls: number, now: number): void;
	/**
	 * When take() can next grant something, if something is queued: `now` or later. Undefined when
	 * nothing is queued, or every slot is busy (a finished() frees one).
	 */
	nextAt(now: number): number | undefined;
	queued(): number;
	inFlight(): number;
}

interface Queued {
	readonly location: string;
	readonly priority: RequestPriority;
	readonly queuedAt: number;
}

function checkedLimits(limits: RequestBudgetLimits): Required<RequestBudgetLimits> {
	const callsPerSecond = Number.isFinite(limits.callsPerSecond) && limits.callsPerSecond > 0 ? limits.callsPerSecond : DEFAULT_CALLS_PER_SECOND;
	const maxConcurrent = Number.isFinite(limits.maxConcurrent) ? Math.max(1, Math.floor(limits.maxConcurrent)) : DEFAULT_MAX_CONCURRENT;
	const burst = Math.max(1, limits.burst !== undefined && Number.isFinite(limits.burst) ? limits.burst : callsPerSecond);
	return {callsPerSecond, maxConcurrent, burst};
}

export function createRequestBudget(input: RequestBudgetLimits, startAt: number): RequestBudget {
	const limits = checkedLimits(input);
	const perMs = limits.callsPerSecond / 1000;
	let tokens = limits.burst;
	let filledAt = startAt;
	let nextTicket = 1;
	let queuedCount = 0;
	const granted = new Set<number>();
	const tickets = new Map<number, Queued>();
	/**
	 * Per priority, the locations with something queued, in turn order: a Map keeps insertion
	 * order, so the next turn is its first entry, and a location that still has tickets after its
	 * turn is moved to the end (deleted and set again).
	 */
	const rings = new Map<RequestPriority, Map<string, number[]>>(REQUEST_PRIORITIES.map(priority => [priority, new Map()]));

	const refill = (now: number): void => {
		if (now > filledAt) {
			tokens = Math.min(limits.burst, tokens + (now - filledAt) * perMs);
			filledAt = now;
		}
	};

	const nextInTurn = (): number | undefined => {
		for (const priority of REQUEST_PRIORITIES) {
			const ring = rings.get(priority)!;
			const first = ring.entries().next();
			if (first.done) continue;
			const [location, queue] = first.value;
			const ticket = queue.shift()!;
			ring.delete(location);
			if (queue.length > 0) ring.set(location, queue);
			return ticket;
		}

		return undefined;
	};

	return {
		limits,
		enqueue(location, priority, now) {
			const ticket = nextTicket++;
			tickets.set(ticket, {location, priority, queuedAt: now});
			const ring = rings.get(priority)!;
			const queue = ring.get(location);
			if (queue) queue.push(ticket);
			else ring.set(location, [ticket]);
			queuedCount++;
			return ticket;
		},
		cancel(ticket) {
			const entry = tickets.get(ticket);
			if (!entry || granted.has(ticket)) return false;
			tickets.delete(ticket);
			const ring = rings.get(entry.priority)!;
			const queue = ring.get(entry.location);
			if (queue) {
				const index = queue.indexOf(ticket);
				if (index >= 0) queue.splice(index, 1);
				if (queue.length === 0) ring.delete(entry.location);
			}

			queuedCount--;
			return true;
		},
		take(now) {
			refill(now);
			const grants: Grant[] = [];
			while (queuedCount > 0 && granted.size < limits.maxConcurrent && tokens >= 1) {
				const ticket = nextInTurn()!;
				const entry = tickets.get(ticket)!;
				queuedCount--;
				tokens -= 1;
				granted.add(ticket);
				grants.push({ticket, ...entry});
			}

			return grants;
		},
		finished(ticket, calls, now) {
			if (!granted.delete(ticket)) return;
			tickets.delete(ticket);
			refill(now);
			const extra = Number.isFinite(calls) ? Math.max(0, Math.floor(calls) - 1) : 0;
			tokens -= extra;
		},
		nextAt(now) {
			if (queuedCount === 0 || granted.size >= limits.maxConcurrent) return undefined;
			refill(now);
			if (tokens >= 1) return now;
			return now + Math.ceil((1 - tokens) / perMs);
		},
		queued: () => queuedCount,
		inFlight: () => granted.size,
	};
}
