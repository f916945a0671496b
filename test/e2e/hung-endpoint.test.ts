/**
 * A hung endpoint, end to end: the built CLI in tmux against an emulator that holds every request
 * for five minutes (its latency fault). Each request must be cut at the request timeout the CLI
 * derives from --interval, so the header shows each region's error within two refresh intervals
 * of the fault starting, and `ok` again within one interval of the fault being lifted, with no
 * SDK or HTTP-handler log line ever painted into the terminal.
 */
import {describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {tmuxAvailable, type TmuxSession} from '../helpers/tmux.js';
import {drillHooks, startAppInTmux} from '../drills/support.js';
import {allRegionsOk, lines, listRows} from './support.js';

const REGIONS = ['us-east-1', 'eu-west-1'];
/** The default --interval. */
const INTERVAL_MS = 5000;
/** As good as forever: the held requests would come back only after the test. */
const HUNG_MS = 300_000;
/** Capturing the pane and Ink's next frame take a moment of their own. */
const TERMINAL_SLACK_MS = 500;
/** Anything the SDK or its HTTP handler would log (their WARN lines used to land in the frame). */
const LOG_LINE = /WARN|ERROR\]|requestTimeout|node-http-handler|NodeVersionSupportWarning/;

let emulator: RunningEmulator | undefined;

drillHooks(async () => {
	await emulator?.close();
	emulator = undefined;
});

async function setLatency(latencyMs: number): Promise<void> {
	const response = await fetch(`${emulator!.url}/_emulator/faults`, {
		method: 'POST',
		headers: {'content-type': 'application/json'},
		body: JSON.stringify({latencyMs}),
	});
	expect(response.status).toBe(200);
}

const listCalls = () => emulator!.control.counts().requests['DescribeAutomationExecutions'] ?? 0;

/** The header's region line. */
function regionLine(screen: string): string {
	return lines(screen).find(line => line.includes(REGIONS[0]!) && line.includes(REGIONS[1]!)) ?? '';
}

/** Every region of the header in error. */
function allRegionsFailing(screen: string): boolean {
	const line = regionLine(screen);
	return REGIONS.every(region => new RegExp(`${region} error`).test(line));
}

/** Waits like tmux.waitFor, and fails at once if any screen on the way shows a log line. */
async function waitWatching(tmux: TmuxSession, condition: (screen: string) => boolean, timeoutMs: number): Promise<string> {
	return tmux.waitFor(
		screen => {
			if (LOG_LINE.test(screen)) throw new Error(`a log line reached the terminal:\n${screen}`);
			return condition(screen);
		},
		{timeoutMs},
	);
}

describe.skipIf(!tmuxAvailable())('a hung endpoint', () => {
	it('shows as each region’s error within two intervals, recovers within one, and logs nothing on screen', async () => {
		emulator = await startEmulator({seed: 'demo'});
		const tmux = await startAppInTmux(emulator.url, REGIONS, INTERVAL_MS / 1000);
		const loaded = await waitWatching(tmux, screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length >= 5, 30_000);
		const rows = listRows(loaded).length;

		await setLatency(HUNG_MS);
		const hungAt = Date.now();
		const failing = await waitWatching(tmux, allRegionsFailing, 2 * INTERVAL_MS + TERMINAL_SLACK_MS);
		expect(Date.now() - hungAt).toBeLessThanOrEqual(2 * INTERVAL_MS + TERMINAL_SLACK_MS);
		expect(regionLine(failing)).toMatch(/did not answer within 2 s|timed out/);
		// The last good data stays on screen.
		expect(listRows(failing).length).toBe(rows);

		// The loop keeps going: each further refresh is cut and the next one goes out.
		const calls = listCalls();
		await waitWatching(tmux, screen => listCalls() >= calls + 2 * REGIONS.length && allRegionsFailing(screen), 4 * INTERVAL_MS);

		await setLatency(0);
		const answeringAt = Date.now();
		const recovered = await waitWatching(tmux, allRegionsOk(REGIONS), INTERVAL_MS + TERMINAL_SLACK_MS);
		expect(Date.now() - answeringAt).toBeLessThanOrEqual(INTERVAL_MS + TERMINAL_SLACK_MS);
		expect(regionLine(recovered)).not.toMatch(/error|stale|updated \S+ ago/);
		expect(await tmux.exitStatus()).toBeUndefined();
	}, 120_000);
});
