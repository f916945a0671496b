/**
 * The SDK's retries, less one: a request cut at its request timeout is not sent again by the
 * SDK. The poller's own schedule retries it (a short pause, see core/backoff.ts
 * timeoutBackoff); an SDK retry would hold the refresh loop for a second timeout, so a hung
 * endpoint would take twice as long to show in the header. Throttling and transient errors
 * (5xx, a reset connection) are retried as the SDK's standard strategy does: up to
 * `maxAttempts` in all, after a full-jitter exponential delay (100 ms base, 500 ms when
 * throttled, 20 s at most), no earlier than a Retry-After hint.
 */
import type {SSMClientConfig} from '@aws-sdk/client-ssm';
import {isRequestTimeout} from './classify-error.js';

const BASE_DELAY_MS = 100;
const THROTTLING_BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 20_000;

interface Token {
	getRetryCount(): number;
	getRetryDelay(): number;
}

interface ErrorInfo {
	readonly error?: unknown;
	readonly errorType: string;
	readonly retryAfterHint?: Date;
}

function token(count: number, delay: number): Token {
	return {getRetryCount: () => count, getRetryDelay: () => delay};
}

export function createRetryStrategy(maxAttempts: number, random: () => number = Math.random): NonNullable<SSMClientConfig['retryStrategy']> {
	return {
		async acquireInitialRetryToken() {
			return token(0, 0);
		},
		async refreshRetryTokenForRetry(previous: Token, info: ErrorInfo) {
			const retryable = info.errorType === 'THROTTLING' || info.errorType === 'TRANSIENT';
			const attempts = previous.getRetryCount() + 1;
			if (!retryable || isRequestTimeout(info.error) || attempts >= maxAttempts) {
				// The SDK's retry middleware catches this and throws the request's own error.
				throw new Error('no retry');
			}

			const base = info.errorType === 'THROTTLING' ? THROTTLING_BASE_DELAY_MS : BASE_DELAY_MS;
			let delay = Math.floor(Math.min(MAX_DELAY_MS, random() * 2 ** previous.getRetryCount() * base));
			if (info.retryAfterHint) delay = Math.max(delay, Math.min(info.retryAfterHint.getTime() - Date.now(), delay + 5000));
			// A token with a delay: the middleware waits for it (abortably), then sends again.
			return token(attempts, Math.max(0, delay));
		},
		recordSuccess() {
			// No retry quota to refill: ssmtop makes a few calls per interval.
		},
	};
}
