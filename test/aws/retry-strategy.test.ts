import {ListDocumentsCommand} from '@aws-sdk/client-ssm';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createRetryStrategy} from '../../source/aws/retry-strategy.js';
import {createClientFactory} from '../../source/aws/client-factory.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {emulator as startEmulator} from '../emulator/support.js';

type Strategy = {
	acquireInitialRetryToken(scope: string): Promise<{getRetryCount(): number; getRetryDelay(): number}>;
	refreshRetryTokenForRetry(
		token: {getRetryCount(): number; getRetryDelay(): number},
		info: {error?: unknown; errorType: string; retryAfterHint?: Date},
	): Promise<{getRetryCount(): number; getRetryDelay(): number}>;
};

const timeout = Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 2000 ms requestTimeout.'), {
	name: 'TimeoutError',
	code: 'ETIMEDOUT',
});

describe('the retry strategy', () => {
	const strategy = createRetryStrategy(3, () => 1) as Strategy;

	it('retries throttling and transient errors up to maxAttempts, longer when throttled', async () => {
		const first = await strategy.acquireInitialRetryToken('');
		const throttled = await strategy.refreshRetryTokenForRetry(first, {errorType: 'THROTTLING'});
		expect([throttled.getRetryCount(), throttled.getRetryDelay()]).toEqual([1, 500]);
		const transient = await strategy.refreshRetryTokenForRetry(throttled, {errorType: 'TRANSIENT', error: new Error('socket hang up')});
		expect([transient.getRetryCount(), transient.getRetryDelay()]).toEqual([2, 200]);
		await expect(strategy.refreshRetryTokenForRetry(transient, {errorType: 'TRANSIENT'})).rejects.toThrow();
	});

	it('does not retry a request cut at its timeout, nor a client error', async () => {
		const first = await strategy.acquireInitialRetryToken('');
		await expect(strategy.refreshRetryTokenForRetry(first, {errorType: 'TRANSIENT', error: timeout})).rejects.toThrow();
		await expect(strategy.refreshRetryTokenForRetry(first, {errorType: 'CLIENT_ERROR'})).rejects.toThrow();
	});
});

describe('the clients still retry throttling through the real SDK', () => {
	let emulator: RunningEmulator;
	beforeAll(async () => {
		emulator = await startEmulator({faults: {throttleRate: 1}});
	});
	afterAll(async () => emulator.close());

	it('sends a throttled call maxAttempts times', async () => {
		const factory = createClientFactory({
			regions: ['us-east-1'],
			endpointUrl: emulator.url,
			credentials: {accessKeyId: 'AKIAEXAMPLEHOME', secretAccessKey: 'x'},
			maxAttempts: 3,
		});
		try {
			await expect(factory.home('us-east-1').send(new ListDocumentsCommand({}))).rejects.toMatchObject({name: 'ThrottlingException'});
			expect(emulator.control.counts().requests['ListDocuments']).toBe(3);
		} finally {
			factory.destroy();
		}
	});
});
