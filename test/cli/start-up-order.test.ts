// Issue 10: with --local the first frame is drawn before the emulator is started and seeded, and the
// views answer keys meanwhile through a port that waits for the connection. The real start-up
// (cli.tsx startInteractive) with the real App on a fake terminal; only the emulator's start is held back.
import {afterEach, describe, expect, it} from 'vitest';
import {createFakeTerminal, type FakeTerminal} from '../../source/bench/fake-terminal.js';
import {LIST_ROW, screenTextOf} from '../../source/bench/measure-first-frame.js';
import {createStore, startInteractive, type MountedTerminalUi, type StartUpSeams} from '../../source/cli.js';
import {validateFlags, type CliOptions, type RawFlags} from '../../source/cli/flags.js';
import {mountUi} from '../../source/cli/mount-ui.js';
import {startEmulator, type RunningEmulator} from '../../source/emulator/index.js';
import type {AppStore} from '../../source/store/app-store.js';
import {DEFAULT_THEME} from '../../source/ui/theme.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
const flags: RawFlags = {local: true, interval: 5, readOnly: false, accountProfile: [], color: true, once: false, json: false, notify: 'off'};

function localOptions(): CliOptions {
	const result = validateFlags(flags);
	if ('errors' in result) throw new Error(result.errors.join());
	return result.options;
}

/** A promise and the function that settles it. */
function signal(): {promise: Promise<void>; fire: () => void} {
	let fire!: () => void;
	const promise = new Promise<void>(resolve => {
		fire = resolve;
	});
	return {promise, fire};
}

/** Resolves once `condition` holds, checked after every write to the terminal; rejects after `timeoutMs`. */
async function untilWritten(terminal: FakeTerminal, condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
	if (condition()) return;
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			terminal.stdout.off('written', check);
			reject(new Error(`no ${what} within ${timeoutMs} ms`));
		}, timeoutMs);
		function check(): void {
			if (!condition()) return;
			clearTimeout(timer);
			terminal.stdout.off('written', check);
			resolve();
		}

		terminal.stdout.on('written', check);
	});
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function mountOn(terminal: FakeTerminal): StartUpSeams['mount'] {
	return async (store: AppStore, port): Promise<MountedTerminalUi> => {
		const ui = mountUi({store, port, theme: DEFAULT_THEME, stdout: terminal.inkOptions.stdout, stdin: terminal.inkOptions.stdin, patchConsole: false});
		cleanups.push(() => ui.stop());
		return {waitUntilExit: ui.waitUntilExit, stop: ui.stop};
	};
}

describe('--local start-up order', () => {
	it('draws the header, each region loading, before the emulator starts; the rows once it is seeded', async () => {
		const terminal = createFakeTerminal({columns: 120, rows: 34});
		const options = localOptions();
		const store = createStore(options, REGIONS, {columns: 120, rows: 34});
		const asked = signal();
		const seedMayStart = signal();
		let screenWhenAsked = '';
		let executionsWhenAsked: number | undefined;
		const slowEmulator = async (): Promise<RunningEmulator> => {
			screenWhenAsked = screenTextOf(terminal.stdout.outputSinceMark());
			executionsWhenAsked = Object.keys(store.getState().executions).length;
			asked.fire();
			await seedMayStart.promise;
			const emulator = await startEmulator({seed: 'demo', ticker: false});
			cleanups.push(async () => emulator.close());
			return emulator;
		};

		const starting = startInteractive(options, REGIONS, store, {mount: mountOn(terminal), startEmulator: slowEmulator});
		// Held here: the emulator was asked for, it has not started, and the first frame is already out.
		await asked.promise;
		expect(screenWhenAsked).toContain('LOCAL EMULATOR');
		expect(screenWhenAsked).toMatch(/us-east-1 loading {2}eu-west-1 loading {2}ap-southeast-2 loading/);
		expect(screenWhenAsked).toContain('account 123456789012');
		expect(screenWhenAsked).not.toMatch(LIST_ROW);
		expect(executionsWhenAsked).toBe(0);

		seedMayStart.fire();
		const {running} = await starting;
		cleanups.push(() => {
			running.poller.stop();
			running.api.destroy();
		});
		await untilWritten(terminal, () => LIST_ROW.test(screenTextOf(terminal.stdout.outputSinceMark())), 'list row');
		expect(Object.keys(store.getState().executions).length).toBeGreaterThan(0);
	});

	it('a key that needs SSM while the emulator is still starting waits for it, then is answered', async () => {
		const terminal = createFakeTerminal({columns: 120, rows: 34});
		const options = localOptions();
		const store = createStore(options, REGIONS, {columns: 120, rows: 34});
		const asked = signal();
		const seedMayStart = signal();
		const starting = startInteractive(options, REGIONS, store, {
			mount: mountOn(terminal),
			async startEmulator() {
				asked.fire();
				await seedMayStart.promise;
				const emulator = await startEmulator({seed: 'demo', ticker: false});
				cleanups.push(async () => emulator.close());
				return emulator;
			},
		});
		await asked.promise;
		// n: the start form, which lists the runbooks through the port before the emulator is there.
		terminal.stdin.press('n');
		await untilWritten(terminal, () => screenTextOf(terminal.stdout.outputSinceMark()).includes('Listing runbooks'), 'start form');
		seedMayStart.fire();
		const {running} = await starting;
		cleanups.push(() => {
			running.poller.stop();
			running.api.destroy();
		});
		await untilWritten(
			terminal,
			() => /AWS-RestartEC2Instance/.test(screenTextOf(terminal.stdout.outputSinceMark().split('Listing runbooks').at(-1) ?? '')),
			'runbook list',
		);
	});

	it('gives the terminal back and fails when the emulator cannot start', async () => {
		const terminal = createFakeTerminal({columns: 120, rows: 34});
		const options = localOptions();
		const store = createStore(options, REGIONS, {columns: 120, rows: 34});
		let stopped = 0;
		const mount = mountOn(terminal);
		await expect(
			startInteractive(options, REGIONS, store, {
				async mount(appStore, port) {
					const ui = await mount(appStore, port);
					return {
						waitUntilExit: ui.waitUntilExit,
						stop() {
							stopped++;
							ui.stop();
						},
					};
				},
				startEmulator: async () => Promise.reject(new Error('port in use')),
			}),
		).rejects.toThrow('port in use');
		expect(stopped).toBe(1);
	});
});
