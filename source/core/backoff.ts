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
