/**
 * Exponential back-off with jitter, for throttling and transient errors. Pure:
 * the random source is injected so tests are deterministic.
 */

export interface BackoffPolicy {
	/** Delay of the first retry before jitter. */
	readonly baseMs: number;
	/** Upper bound of any delay. */
	readonly capMs: number;
	/** Lower bound of any delay (the poller never refreshes faster than its interval). */
	readonly floorMs?: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = {baseMs: 5000, capMs: 120_000, floorMs: 2000};

/**
 * Delay before retry number `attempt` (1 for the first failure): "equal jitter",
 * half of the exponential step fixed and half random, so retries spread out
 * without ever collapsing to an immediate retry.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
	const exponent = Math.max(0, attempt - 1);
	// 2 ** 30 already exceeds any sensible cap; avoid Infinity for huge attempt counts.
	const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 30));
	const jittered = step / 2 + (step / 2) * clampUnit(random());
	return Math.round(Math.max(policy.floorMs ?? 0, Math.min(policy.capMs, jittered)));
}

function clampUnit(value: number): number {
	return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Consecutive-failure counter per key (per region); success resets it. */
export interface BackoffTracker {
	/** Records a failure and returns the delay before the next attempt. */
	failed(key: string): number;
	succeeded(key: string): void;
	attempts(key: string): number;
}

export function createBackoffTracker(policy: BackoffPolicy, random: () => number): BackoffTracker {
	const failures = new Map<string, number>();
	return {
		failed(key) {
			const attempt = (failures.get(key) ?? 0) + 1;
			failures.set(key, attempt);
			return backoffDelay(attempt, policy, random);
		},
		succeeded(key) {
			failures.delete(key);
		},
		attempts(key) {
			return failures.get(key) ?? 0;
		},
	};
}

/** Refresh interval the defaults below assume when none is given (the poller's default). */
const DEFAULT_INTERVAL_MS = 5000;

/**
 * The per-request timeout for a refresh interval: 40 % of it, from 2 s to 10 s (2 s at the
 * default 5 s). Short enough that a hung endpoint shows as an error within two intervals of
 * hanging (the request that hangs goes out at most one interval after the fault, and is cut
 * after this), long enough for a cold TLS connection and a page of 50 executions.
 */
export function requestTimeoutFor(intervalMs: number = DEFAULT_INTERVAL_MS): number {
	return Math.round(Math.min(10_000, Math.max(2000, 0.4 * intervalMs)));
}

/**
 * The pause before retrying after a request timed out: the request itself already held the
 * loop for `requestTimeoutMs`, so the retry comes after a jittered quarter to half an interval
 * (never more than what is left of the interval), not after the exponential back-off. A region
 * whose endpoint answers again is then `ok` within about one interval, where the exponential
 * back-off would have pushed the retry out to 30 s and more. Throttling keeps DEFAULT_BACKOFF.
 */
export function timeoutBackoff(intervalMs: number, requestTimeoutMs: number): BackoffPolicy {
	const cap = Math.max(0, Math.min(intervalMs / 2, intervalMs - requestTimeoutMs));
	return {baseMs: cap, capMs: cap, floorMs: 0};
}
