/**
 * Fault drill: the real app (built CLI in tmux) against an emulator that throttles 30% of calls,
 * answers 5% with HTTP 500, adds 500 ms to each, and has one region down — all at once, for a
 * sustained run measured in poll cycles. It must never crash or freeze, show each region's state,
 * keep the rows on screen, and recover by itself when the faults are lifted. An unhandled promise
 * rejection makes the CLI exit non-zero (cli.tsx), which the liveness check would catch.
 */
import {describe, expect, it} from 'vitest';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import {startTmux, tmuxAvailable, type TmuxSession} from '../helpers/tmux.js';
import {allRegionsOk, builtCli, lines, listRows, proveTerminalUsable} from '../e2e/support.js';
import {shellQuote} from '../helpers/tmux.js';
import {drillHooks, startAppInTmux} from './support.js';

const HEALTHY = ['us-east-1', 'eu-west-1'];
const DOWN = 'ap-southeast-2';
const REGIONS = [...HEALTHY, DOWN];
/** List calls the app must make while faulted: about five poll cycles of the three regions. */
const SUSTAINED_LIST_CALLS = 15;

let emulator: RunningEmulator | undefined;

drillHooks(async () => {
	await emulator?.close();
	emulator = undefined;
});

function listCalls(): number {
	return emulator!.control.counts().requests['DescribeAutomationExecutions'] ?? 0;
}

async function postJson(url: string, body: unknown): Promise<unknown> {
	const response = await fetch(url, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
	expect(response.status).toBe(200);
	return response.json();
}

/** The region line of the header (second line). */
function regionLine(screen: string): string {
	return lines(screen).find(line => line.startsWith(REGIONS[0]!)) ?? '';
}

async function expectAlive(tmux: TmuxSession): Promise<void> {
	const status = await tmux.exitStatus();
	if (status !== undefined) throw new Error(`ssmtop exited with status ${status} during the drill:\n${await tmux.capture()}`);
}

describe.skipIf(!tmuxAvailable())('fault drill', () => {
	it('survives throttling, 5xx, latency and a region outage together, and recovers without a key press', async () => {
		emulator = await startEmulator({seed: 'demo', faults: {throttleRate: 0.3, serverErrorRate: 0.05, latencyMs: 500, downRegions: [DOWN]}});
		const tmux = await startAppInTmux(emulator.url, REGIONS, 2);

		// The healthy regions' rows arrive despite the faults; the down region says it is failing.
		// A first listing's first pages show before its last (a region says loading until then): wait for every region's first listing.
		const first = await tmux.waitFor(
			screen => listRows(screen).length >= 5 && new RegExp(`${DOWN} (error|backing off)`).test(screen) && !/\bloading\b/.test(regionLine(screen)),
			{timeoutMs: 30_000},
		);
		expect(regionLine(first)).toMatch(new RegExp(`${DOWN} (error: .*(503|unavailable|internal)|backing off)`, 'i'));

		// Sustained: keep watching until the app has made several poll cycles of list calls.
		const start = listCalls();
		const seen = new Set<string>();
		let highestTotal = 0;
		const regionStates = new Map<string, Set<string>>(REGIONS.map(region => [region, new Set<string>()]));
		const deadline = Date.now() + 40_000;
		while (listCalls() < start + SUSTAINED_LIST_CALLS) {
			if (Date.now() > deadline) throw new Error(`the app made only ${listCalls() - start} list calls in 40 s: frozen?\n${await tmux.capture()}`);
			await expectAlive(tmux);
			const screen = await tmux.capture();
			seen.add(screen);
			const all = lines(screen);
			expect(all[0]).toMatch(/^ssmtop/);
			const header = regionLine(screen);
			for (const region of REGIONS) {
				const state = new RegExp(`${region} (ok|refreshing|stale|updated|throttled|backing off|error)`).exec(header)?.[1];
				expect(state, `${region} in "${header}"`).toBeDefined();
				regionStates.get(region)!.add(state!);
			}

			expect(header).not.toMatch(new RegExp(`${DOWN} (ok|refreshing)`));
			const rows = listRows(screen);
			expect(rows.length, screen).toBeGreaterThanOrEqual(5);
			// The last good data stays: errors never drop executions already shown (the total only grows).
			const total = Number(/(\d+) total/.exec(screen)?.[1]);
			expect(total, screen).toBeGreaterThanOrEqual(highestTotal);
			highestTotal = total;
			await new Promise(resolve => setTimeout(resolve, 200));
		}

		// Not frozen: the screen kept changing (relative times, region states).
		expect(seen.size).toBeGreaterThan(3);
		// Data kept flowing from the healthy regions (a region whose first multi-page listing keeps
		// failing may still be backing off: the poller's choice, shown in the header).
		expect(HEALTHY.some(region => [...regionStates.get(region)!].some(state => state === 'ok' || state === 'refreshing'))).toBe(true);
		expect([...regionStates.get(DOWN)!].every(state => state === 'error' || state === 'backing off' || state === 'throttled')).toBe(true);

		// Lift every fault through the control API; no key is pressed from here on.
		await postJson(`${emulator.url}/_emulator/faults`, {throttleRate: 0, serverErrorRate: 0, latencyMs: 0, downRegions: []});
		const recovered = await tmux.waitFor(allRegionsOk(REGIONS), {timeoutMs: 45_000});
		expect(regionLine(recovered)).not.toMatch(/error|throttled|backing off|stale|updated \S+ ago/);
		expect(listRows(recovered).some(row => row.includes(DOWN))).toBe(true);
		await expectAlive(tmux);
	}, 120_000);

	it('an unhandled promise rejection is loud: the terminal is given back, the error printed, a non-zero status', async () => {
		// A rejection nobody handles, injected into the real CLI once it is up (a preloaded module).
		const inject = 'data:text/javascript,setTimeout(() => Promise.reject(new Error("drill: nobody handled this")), 4000)';
		const line = `${shellQuote([process.execPath, '--import', inject, builtCli, '--local'])}; echo "EXITED $?"; read reply; echo "GOT [$reply]"`;
		const tmux = await startTmux({command: line, columns: 100, rows: 30});
		await tmux.waitFor(/^ssmtop/, {timeoutMs: 15_000});
		const status = await proveTerminalUsable(tmux);
		expect(status).toBe(70);
		const screen = await tmux.capture();
		expect(screen).toMatch(/ssmtop: internal error \(unhandled promise rejection\): Error: drill: nobody handled this/);
	}, 60_000);
});
