// Faults on the SQS side: requests refused (throttling, an access-denied or unreachable queue) and
// deliveries that misbehave as at-least-once delivery can (duplicates, late and so out-of-order
// messages, lost ones). Bounded like the SSM faults: rates in 0..1, lists of at most 1,000 names.

export interface SqsFaultConfig {
	/** Share of SQS requests answered RequestThrottled (HTTP 403, as SQS does). */
	throttleRate: number;
	/** Share of messages that never reach their queue. */
	lossRate: number;
	/** Share of messages delivered twice (two messages, the same body). */
	duplicateRate: number;
	/** Share of messages delivered late (REORDER_DELAY_MS of engine time), so after later ones. */
	reorderRate: number;
	/** Queue names whose requests get no answer: the connection is reset, as for a queue out of reach. */
	unreachableQueues: string[];
	/** Queue names whose requests are denied (AccessDenied, HTTP 403), as with a queue policy that refuses. */
	deniedQueues: string[];
}

/** How late a reordered message arrives, in engine milliseconds. */
export const REORDER_DELAY_MS = 5000;
const MAX_LIST = 1000;

export const noSqsFaults: Readonly<SqsFaultConfig> = {
	throttleRate: 0,
	lossRate: 0,
	duplicateRate: 0,
	reorderRate: 0,
	unreachableQueues: [],
	deniedQueues: [],
};

function rate(value: unknown, name: string): number {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
		throw new RangeError(`sqs.${name} must be a number from 0 to 1`);
	}

	return value;
}

function names(value: unknown, name: string): string[] {
	if (!Array.isArray(value) || value.length > MAX_LIST || value.some(item => typeof item !== 'string' || item.length > 256)) {
		throw new RangeError(`sqs.${name} must be a list of at most ${MAX_LIST} queue names`);
	}

	return [...(value as string[])];
}

/** Validates and merges a partial SQS fault configuration (the `sqs` member of the faults). */
export function mergeSqsFaults(current: Readonly<Partial<SqsFaultConfig>> | undefined, partial: unknown): SqsFaultConfig {
	if (typeof partial !== 'object' || partial === null || Array.isArray(partial)) {
		throw new RangeError('sqs must be an object of SQS faults');
	}

	const given = partial as Partial<Record<keyof SqsFaultConfig, unknown>>;
	const next: SqsFaultConfig = {...noSqsFaults, ...current};
	for (const key of ['throttleRate', 'lossRate', 'duplicateRate', 'reorderRate'] as const) {
		if (given[key] !== undefined) next[key] = rate(given[key], key);
	}

	for (const key of ['unreachableQueues', 'deniedQueues'] as const) {
		if (given[key] !== undefined) next[key] = names(given[key], key);
	}

	const unknown = Object.keys(given).filter(key => !(key in noSqsFaults));
	if (unknown.length > 0) throw new RangeError(`sqs: unknown fault ${unknown.join(', ')}`);
	return next;
}
