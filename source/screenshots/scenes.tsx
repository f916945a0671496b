/**
 * The screens `npm run screenshots` renders for the README: the real App, wired as `ssmtop
 * --local` wires it, against the emulator's demo seed at a fixed clock and a fixed size, driven
 * by keys. Each scene starts its own emulator, so scenes never see each other's changes.
 */
import {keys, waitUntil, type FakeTerminal} from '../bench/harness.js';
import {startLocalSession, type LocalSession} from '../bench/local-session.js';
import type {Scene, SceneSize} from './run.js';

/** The demo's "now": every relative time and live duration in the images is measured from it. */
export const SCREENSHOT_TIME = Date.UTC(2026, 10, 25, 12, 0, 0);
export const SCREENSHOT_SIZE = {columns: 120, rows: 34} as const;

type Step = string | {readonly type: string} | {readonly waitFor: string | RegExp} | {readonly until: string | RegExp; readonly press: string; readonly max?: number};

const screenHas = (terminal: FakeTerminal, text: string | RegExp): boolean => {
	const screen = terminal.stdout.screenText();
	return typeof text === 'string' ? screen.includes(text) : text.test(screen);
};

/** Presses keys one at a time, letting the app settle after each, and waits for what a step names. */
async function drive(session: LocalSession, steps: readonly Step[]): Promise<void> {
	const {terminal} = session;
	const settle = async (): Promise<void> => {
		await session.settled();
		// Ink paints at most every 33 ms: wait for the frame the last key caused.
		await new Promise(resolve => setTimeout(resolve, 50));
	};

	for (const step of steps) {
		if (typeof step === 'string') {
			terminal.stdin.press(step);
			await settle();
		} else if ('type' in step) {
			for (const char of step.type) {
				terminal.stdin.press(char);
				await settle();
			}
		} else if ('waitFor' in step) {
			await waitUntil(() => screenHas(terminal, step.waitFor), {timeoutMs: 10_000, what: `"${String(step.waitFor)}" on screen\n${terminal.stdout.screenText()}`});
		} else {
			for (let pressed = 0; !screenHas(terminal, step.until); pressed++) {
				if (pressed >= (step.max ?? 50)) throw new Error(`"${String(step.until)}" never showed after ${pressed} presses\n${terminal.stdout.screenText()}`);
				terminal.stdin.press(step.press);
				await settle();
			}
		}
	}
}

/** A scene: a fresh demo emulator and app, the keys, then the screen as the terminal received it. */
function scene(name: string, title: string, steps: readonly Step[], watch: {readonly organisation?: boolean} = {}): Scene {
	return {
		name,
		title,
		...SCREENSHOT_SIZE,
		async frame(size: SceneSize) {
			// Absolute times are printed in the local time zone; the images must not depend on the machine's.
			process.env['TZ'] = 'UTC';
			const session = await startLocalSession({
				startMs: SCREENSHOT_TIME,
				seed: 'demo',
				terminal: {...size, screen: true},
				uiClock: 'frozen',
				...watch,
			});
			try {
				await session.settled();
				await drive(session, [{waitFor: ' total'}, ...steps]);
				await session.settled();
				return session.terminal.stdout.outputSinceMark();
			} finally {
				await session.close();
			}
		},
	};
}

const FAILED_CROSS_ACCOUNT: readonly Step[] = [
	'/',
	{type: 'doc:Ops-ApplySecurityBaseline status:failed'},
	keys.enter,
	{waitFor: /1 of \d+ shown/},
];

/** A failed patch run opened on its failed step. */
const FAILED_STEP: readonly Step[] = [
	'/',
	{type: 'doc:Ops-PatchFleetWithApproval status:failed'},
	keys.enter,
	keys.enter,
	{waitFor: 'STEP'},
	{until: /Step \d+\/\d+ \S+.*\n(?:.*\n)*.*Failure/i, press: 'j', max: 20},
];

export const scenes: Scene[] = [
	scene('list', 'ssmtop: executions across three regions', [{waitFor: 'STATUS'}, 'j', 'j', 'j']),
	scene('organisation', 'ssmtop --local: every account of the demo organisation × three regions', [{waitFor: 'ACCOUNT'}, {waitFor: /21 locations: 21 ok/}], {
		organisation: true,
	}),
	scene('detail-failed', 'ssmtop: a failed execution, its failed step and FailureDetails', FAILED_STEP),
	scene('full-text', 'ssmtop: the full-text viewer (v), a failed step’s values whole', [
		...FAILED_STEP,
		'v',
		{waitFor: 'Full text ·'},
	]),
	scene('grid', 'ssmtop: cross-account run, account × region grid and ProgressCounters', [
		...FAILED_CROSS_ACCOUNT,
		keys.enter,
		{waitFor: 'Enter: account × region grid'},
		keys.enter,
		{waitFor: '210987654321'},
		// The cursor onto a failed location (second account, second region), from the top-left cell
		// wherever the grid put it first.
		'g',
		'h',
		'h',
		'h',
		'j',
		'l',
		{waitFor: '210987654321 / eu-west-1: Failed'},
	]),
	scene('start-modal', 'ssmtop: starting a run, the parameters form', [
		'n',
		{waitFor: 'Ops-DeployServiceConfig'},
		{type: 'Ops-Deploy'},
		{waitFor: '› Ops-DeployServiceConfig'},
		keys.enter,
		{waitFor: 'ServiceName'},
	]),
	scene('rerun-failed-locations', 'ssmtop: re-running only the failed locations of a cross-account run', [
		...FAILED_CROSS_ACCOUNT,
		// From the detail: the parent's steps (its locations) are loaded there.
		keys.enter,
		{waitFor: 'Enter: account × region grid'},
		'R',
		{waitFor: 'Re-run what?'},
		{until: /› Only the \d+ failed locations/, press: keys.tab, max: 12},
		keys.enter,
		{waitFor: /Only the \d+ failed or timed-out locations/},
	]),
	scene('stop-confirm', 'ssmtop: stopping a run asks first, naming the execution, account and Region', [
		'/',
		{type: 'status:running type:Local'},
		keys.enter,
		{waitFor: /\d+ of \d+ shown/},
		'x',
		{waitFor: 'Stop execution'},
		keys.enter,
		{waitFor: 'y: yes · n: no'},
	]),
	scene('help', 'ssmtop: the keys (?)', ['?', {waitFor: 'Quit'}]),
];
