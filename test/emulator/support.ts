import {GetAutomationExecutionCommand, SSMClient} from '@aws-sdk/client-ssm';
import {afterAll, afterEach, beforeAll, beforeEach} from 'vitest';
import {createManualClock, startEmulator, type EmulatorOptions, type RunningEmulator} from '../../source/emulator/index.js';

/** A fixed instant, so every run of the suite sees the same timeline. */
export const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

export async function emulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
	return startEmulator({seed: 'none', clock: createManualClock(T0), ...options});
}

export interface ClientOptions {
	region?: string;
	account?: string;
	maxAttempts?: number;
}

/** The real SDK client, pointed at the emulator; the access key chooses the account. */
export function ssm(running: RunningEmulator, options: ClientOptions = {}): SSMClient {
	return new SSMClient({
		region: options.region ?? 'us-east-1',
		endpoint: running.url,
		maxAttempts: options.maxAttempts ?? 1,
		credentials: {
			accessKeyId: options.account ? running.accessKeyFor(options.account) : 'AKIAEXAMPLEHOME',
			secretAccessKey: 'not-a-secret',
		},
	});
}

/** Runs the SDK call and returns the error it throws (fails the test if it does not throw). */
export async function failure(promise: Promise<unknown>): Promise<Error & {$metadata?: {httpStatusCode?: number}; $fault?: string}> {
	try {
		await promise;
	} catch (error) {
		return error as Error & {$metadata?: {httpStatusCode?: number}};
	}

	throw new Error('expected the call to fail');
}

export async function rawPost(
	running: RunningEmulator,
	target: string | undefined,
	body: string,
	path = '/',
): Promise<{status: number; headers: Headers; json: Record<string, unknown>}> {
	const headers: Record<string, string> = {'content-type': 'application/x-amz-json-1.1'};
	if (target) {
		headers['x-amz-target'] = target;
	}

	const response = await fetch(`${running.url}${path}`, {method: 'POST', headers, body});
	const text = await response.text();
	return {status: response.status, headers: response.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}};
}

export interface EmulatorAndClient {
	readonly running: RunningEmulator;
	readonly client: SSMClient;
}

/**
 * Registers the hooks that start an emulator (and the home account's client) before
 * each test, or once before all of the enclosing block's, and close it after.
 */
export function withEmulator(lifetime: 'each' | 'all', options: EmulatorOptions = {}): EmulatorAndClient {
	let current: EmulatorAndClient | undefined;
	(lifetime === 'each' ? beforeEach : beforeAll)(async () => {
		const running = await emulator(options);
		current = {running, client: ssm(running)};
	});
	(lifetime === 'each' ? afterEach : afterAll)(async () => current?.running.close());
	const started = (): EmulatorAndClient => {
		if (!current) throw new Error('the emulator starts in a before hook; read it inside a hook or test');
		return current;
	};
	return {
		get running() {
			return started().running;
		},
		get client() {
			return started().client;
		},
	};
}

/** GetAutomationExecution's execution, through `client`. */
export async function getExecution(client: SSMClient, id: string) {
	return (await client.send(new GetAutomationExecutionCommand({AutomationExecutionId: id}))).AutomationExecution!;
}
