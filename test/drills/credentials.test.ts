/**
 * Credentials that expire mid-run: the emulator starts answering ExpiredTokenException for the
 * app's access key (fault `expiredAccessKeys`). The real app must show a clear banner, pause
 * polling (no more calls), keep the data on screen, and pick up again when resumed.
 */
import {SSMClient, DescribeAutomationExecutionsCommand} from '@aws-sdk/client-ssm';
import {describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {tmuxAvailable} from '../helpers/tmux.js';
import {allRegionsOk, listRows} from '../e2e/support.js';
import {FAKE_KEY_ID, FAKE_SECRET, drillHooks, startAppInTmux} from './support.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
const INTERVAL_S = 2;

let emulator: RunningEmulator | undefined;

drillHooks(async () => {
	await emulator?.close();
	emulator = undefined;
});

function ssmCalls(): number {
	return Object.values(emulator!.control.counts().requests).reduce((sum, count) => sum + count, 0);
}

/** Watches `value` for `forMs` and fails if it changes (a negative check: nothing may happen). */
async function expectUnchanged(value: () => number, forMs: number, what: string): Promise<void> {
	const start = value();
	const end = Date.now() + forMs;
	while (Date.now() < end) {
		expect(value(), what).toBe(start);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

describe('emulator fault: expiredAccessKeys', () => {
	it('answers ExpiredTokenException (HTTP 400) for those key ids only, until lifted', async () => {
		emulator = await startEmulator({seed: 'none', faults: {expiredAccessKeys: [FAKE_KEY_ID]}});
		const call = (accessKeyId: string) =>
			new SSMClient({region: 'us-east-1', endpoint: emulator!.url, credentials: {accessKeyId, secretAccessKey: FAKE_SECRET}, maxAttempts: 1}).send(
				new DescribeAutomationExecutionsCommand({}),
			);
		const error = await call(FAKE_KEY_ID).then(
			() => undefined,
			(caught: unknown) => caught as {name: string; message: string; $metadata: {httpStatusCode: number}},
		);
		expect(error).toMatchObject({
			name: 'ExpiredTokenException',
			message: 'The security token included in the request is expired',
			$metadata: {httpStatusCode: 400},
		});
		await expect(call('AKIAOTHERKEY0000')).resolves.toBeDefined();
		emulator.control.setFaults({expiredAccessKeys: []});
		await expect(call(FAKE_KEY_ID)).resolves.toBeDefined();
	});
});

describe.skipIf(!tmuxAvailable())('credentials drill', () => {
	it('expired credentials mid-run: a clear banner, polling paused, data kept; resuming picks up', async () => {
		emulator = await startEmulator({seed: 'demo'});
		const tmux = await startAppInTmux(emulator.url, REGIONS, INTERVAL_S);
		const before = await tmux.waitFor(screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length >= 10, {timeoutMs: 20_000});
		const total = /(\d+) total/.exec(before)![1];

		// The credentials expire.
		emulator.control.setFaults({expiredAccessKeys: [FAKE_KEY_ID]});
		const expired = await tmux.waitFor(/ERROR \(polling paused, p resumes\): The credentials for (us-east-1|eu-west-1) /, {timeoutMs: 15_000});
		// The header: the region whose call was refused says why, the others that they are paused.
		expect(expired).toMatch(/(us-east-1|eu-west-1) error: credentials/);
		for (const region of REGIONS) expect(expired).toMatch(new RegExp(`${region} (paused|error: credentials)`));
		expect(expired).toMatch(/\[PAUSED\]/);
		// The data stays: same rows, same total.
		expect(listRows(expired).length).toBeGreaterThanOrEqual(10);
		expect(expired).toContain(`${total} total`);
		expect(await tmux.exitStatus()).toBeUndefined();

		// Paused: no SSM call for three refresh intervals (once in-flight calls have settled).
		await tmux.waitFor(screen => !/refreshing|loading/.test(screen));
		await expectUnchanged(ssmCalls, 3 * INTERVAL_S * 1000 + 500, 'SSM calls while paused');
		const stillThere = await tmux.capture();
		expect(listRows(stillThere).length).toBeGreaterThanOrEqual(10);
		expect(stillThere).toMatch(/ERROR \(polling paused, p resumes\): The credentials for (us-east-1|eu-west-1) /);

		// Fresh credentials, then the user resumes (p): the banner goes and every region refreshes.
		emulator.control.setFaults({expiredAccessKeys: []});
		const callsBeforeResume = ssmCalls();
		await tmux.sendKeys('p');
		const resumed = await tmux.waitFor(screen => !/ERROR/.test(screen) && !/\[PAUSED\]/.test(screen) && allRegionsOk(REGIONS)(screen), {timeoutMs: 15_000});
		expect(listRows(resumed).length).toBeGreaterThanOrEqual(10);
		expect(ssmCalls()).toBeGreaterThan(callsBeforeResume);
	}, 90_000);
});
