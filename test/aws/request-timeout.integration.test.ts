// A hung endpoint through the real SDK: the emulator's latency fault holds every request far
// longer than the client's request timeout. The request must end at its timeout, as a person-readable
// error, without the SDK retrying it and without any log line on the console.
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {createAwsApi, localModeOptions, type AwsApi} from '../../source/aws/index.js';
import {createActionPort} from '../../source/aws/action-port.js';
import {DataError} from '../../source/core/data-error.js';
import type {RunningEmulator} from '../../source/emulator/index.js';
import {emulator as startEmulator} from '../emulator/support.js';

const TIMEOUT_MS = 400;
/** Far beyond any timeout here: a request that waits for it fails the test by its own timeout. */
const HUNG_MS = 60_000;

let emulator: RunningEmulator;
let api: AwsApi;

beforeAll(async () => {
	emulator = await startEmulator();
	// Two attempts, as against AWS: a timeout must still be one request, not two.
	api = createAwsApi({...localModeOptions(emulator, ['us-east-1']), maxAttempts: 2, requestTimeoutMs: TIMEOUT_MS});
});

afterAll(async () => {
	api.destroy();
	await emulator.close();
});

afterEach(() => {
	emulator.control.setFaults({latencyMs: 0});
	vi.restoreAllMocks();
});

const arrived = () => emulator.control.counts().requests['DescribeAutomationExecutions'] ?? 0;

describe('a request to a hung endpoint', () => {
	it('ends at its timeout as a timeout error, is not retried by the SDK, and logs nothing', async () => {
		const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map(method => vi.spyOn(console, method).mockImplementation(() => undefined));
		emulator.control.setFaults({latencyMs: HUNG_MS});
		const before = arrived();
		const started = performance.now();
		const error = await api.listExecutionPage('us-east-1').catch((caught: unknown) => caught);
		const took = performance.now() - started;

		expect(error).toBeInstanceOf(DataError);
		expect((error as DataError).kind).toBe('timeout');
		expect((error as DataError).message).toMatch(/^SSM in us-east-1 .*did not answer within 0\.4 s/);
		expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
		expect(took).toBeLessThan(TIMEOUT_MS + 3000);
		// The poller's own schedule retries a timeout; an SDK retry would double the wait.
		expect(arrived() - before).toBe(1);
		for (const spy of logged) expect(spy).not.toHaveBeenCalled();
	});

	it('answers again as soon as the endpoint does', async () => {
		emulator.control.setFaults({latencyMs: HUNG_MS});
		await expect(api.listExecutionPage('us-east-1')).rejects.toMatchObject({kind: 'timeout'});
		emulator.control.setFaults({latencyMs: 0});
		await expect(api.listExecutionPage('us-east-1', {maxResults: 1})).resolves.toMatchObject({executions: []});
	});

	it('the start-up check waits its own time, not the short refresh timeout, and says so in one paragraph', async () => {
		const short = createAwsApi({
			regions: ['us-east-1'],
			endpointUrl: emulator.url,
			credentials: {accessKeyId: 'AKIAEXAMPLEHOME', secretAccessKey: 'x'},
			requestTimeoutMs: 100,
		});
		emulator.control.setFaults({latencyMs: HUNG_MS});
		const started = performance.now();
		try {
			const check = await short.checkConnection({timeoutMs: 700});
			expect(performance.now() - started).toBeGreaterThanOrEqual(650);
			expect(check.ok).toBe(false);
			expect(check.regions[0]?.kind).toBe('timeout');
			expect(check.message).toBe(
				`ssmtop got no answer from SSM at ${emulator.url} for us-east-1 within 0.7 s. Check --endpoint-url, --region, the network and any proxy.`,
			);
		} finally {
			short.destroy();
		}
	});

	it("the user's own actions wait longer than the refresh timeout (a write cut short would leave its outcome unknown)", async () => {
		emulator.control.setFaults({latencyMs: TIMEOUT_MS + 400});
		await expect(api.listExecutionPage('us-east-1')).rejects.toMatchObject({kind: 'timeout'});
		const port = createActionPort({client: region => api.homeClient(region)});
		await expect(port.listDocuments('us-east-1')).resolves.not.toHaveLength(0);
	});

	it('a detail read times out the same way', async () => {
		emulator.control.setFaults({latencyMs: HUNG_MS});
		await expect(api.getExecution('us-east-1', 'no-such-id-0000-0000-0000-000000000000')).rejects.toMatchObject({kind: 'timeout'});
	});
});
