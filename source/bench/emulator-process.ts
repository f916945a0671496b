/**
 * An emulator with a manual engine clock in a process of its own, so a benchmark can measure the
 * app's memory without the emulator's. Prints its url on the first line of stdout; ends when its
 * stdin closes (the parent went away) or on SIGTERM.
 *   node dist/bench/emulator-process.js --executions 10000 --start 1795608000000
 *   node dist/bench/emulator-process.js --org-accounts 500 --org-regions 20 --start 1795608000000   (an organisation)
 */
import {spawn} from 'node:child_process';
import {createInterface} from 'node:readline';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {createManualClock, startEmulator} from '../emulator/index.js';

export interface EmulatorProcess {
	readonly url: string;
	stop(): Promise<void>;
}

/** Starts this file as a child process and resolves with its url. */
export async function spawnEmulatorProcess(options: {
	executions: number;
	startMs: number;
	/** A generated organisation of this many members, with runs in each of its first `regions` Regions. */
	organization?: {readonly accounts: number; readonly regions: number; readonly runsPerLocation: number};
}): Promise<EmulatorProcess> {
	const org = options.organization;
	const orgArgs = org ? ['--org-accounts', String(org.accounts), '--org-regions', String(org.regions), '--org-runs', String(org.runsPerLocation)] : [];
	const child = spawn(
		process.execPath,
		[fileURLToPath(import.meta.url), '--executions', String(options.executions), '--start', String(options.startMs), ...orgArgs],
		{stdio: ['pipe', 'pipe', 'inherit']},
	);
	const lines = createInterface({input: child.stdout});
	const url = await new Promise<string>((resolve, reject) => {
		lines.once('line', resolve);
		child.once('exit', code => reject(new Error(`the emulator process exited with ${String(code)} before it was ready`)));
	});
	return {
		url,
		stop: async () =>
			new Promise<void>(resolve => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.stdin.end();
			}),
	};
}

async function main(): Promise<void> {
	const {values} = parseArgs({
		options: {
			executions: {type: 'string', default: '0'},
			start: {type: 'string'},
			'org-accounts': {type: 'string'},
			'org-regions': {type: 'string', default: '3'},
			'org-runs': {type: 'string', default: '2'},
		},
	});
	const orgAccounts = values['org-accounts'];
	const emulator = await startEmulator({
		seed: 'none',
		extraExecutions: Number(values.executions),
		clock: createManualClock(Number(values.start ?? Date.now())),
		...(orgAccounts === undefined
			? {}
			: {organization: {accounts: Number(orgAccounts), regions: Number(values['org-regions']), runsPerLocation: Number(values['org-runs'])}}),
	});
	process.stdout.write(`${emulator.url}\n`);
	const stop = (): void => {
		void emulator.close().then(() => process.exit(0));
	};

	process.stdin.on('end', stop);
	process.stdin.resume();
	process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await main();
}
