/**
 * Absolute times carry their zone (issue 13): the built CLI shows the machine's zone (TZ honoured)
 * in the detail's "started …" and, with --utc, UTC — the flag reaches the views, not only the parser.
 */
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {killAllTmuxSessions, startTmux, tmuxAvailable, type TmuxSession} from '../helpers/tmux.js';
import {allRegionsOk, assertBuilt, cliLine, listRows} from './support.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const STARTED = /started (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) (UTC(?:[+-]\d\d:\d\d)?) \(/;

beforeAll(() => {
	assertBuilt();
});

afterEach(async () => {
	await killAllTmuxSessions();
});

/** The detail's "started" time and zone of the first listed execution, in a session with `TZ=zone`. */
async function startedIn(timeZone: string, args: readonly string[]): Promise<{readonly at: string; readonly zone: string}> {
	const tmux: TmuxSession = await startTmux({command: cliLine(['--local', ...args]), columns: 140, rows: 36, env: {TZ: timeZone}});
	await tmux.waitFor(screen => allRegionsOk(REGIONS)(screen) && listRows(screen).length >= 3, {timeoutMs: 20_000});
	await tmux.sendKeys('Enter');
	const detail = await tmux.waitFor(STARTED);
	const match = STARTED.exec(detail)!;
	return {at: match[1]!, zone: match[2]!};
}

describe.skipIf(!tmuxAvailable())('the zone of absolute times in the built CLI', () => {
	it("shows the machine's zone by default, with its offset", async () => {
		expect((await startedIn('Asia/Kolkata', [])).zone).toBe('UTC+05:30');
	});

	it('shows UTC with --utc, whatever the machine says', async () => {
		expect((await startedIn('Asia/Kolkata', ['--utc'])).zone).toBe('UTC');
	});
});
