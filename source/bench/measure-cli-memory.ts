/**
 * The memory target measured on the program people run: the bundled CLI (dist/cli.js) in a
 * pseudo-terminal, 10,000 executions listed (G until the whole history is in), then a 500-location cross-account run opened as a person would (g, Enter
 * for its detail, Enter for its grid) and followed to its end. The figure is the CLI process's
 * peak resident set (VmHWM). measure-memory.ts measures the same scene in the bench's own process,
 * where the breakdown can be taken, but over the unbundled modules (the SDK's whole CommonJS
 * build among them), which the CLI never loads.
 *
 * With the emulator in the CLI's process (--local) it runs dist/bench/local-bulk/local-bulk-cli.js,
 * the CLI's main() bundled the same way with 10,000 executions in its embedded emulator.
 *
 *   node dist/bench/measure-cli-memory.js [--emulator in-process]   (prints JSON; needs script(1))
 */
import {GetAutomationExecutionCommand, SSMClient, StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {parseArgs} from 'node:util';
import {quietSdkNotices} from '../aws/client-factory.js';
import {accessKeyFor, HOME_ACCOUNT} from '../emulator/accounts.js';
import {isFinal} from '../core/status.js';
import {BENCH_TIME, BULK_EXECUTIONS} from './bulk-scene.js';
import {spawnEmulatorProcess} from './emulator-process.js';
import {CROSS_ACCOUNT_ACCOUNTS, CROSS_ACCOUNT_REGIONS} from './measure-memory.js';
import {startPtySession} from './pty-session.js';

export interface CliMemoryResult {
	readonly executions: number;
	readonly locations: number;
	/** The CLI's resident set with the executions listed, before the run. */
	readonly listOnlyRssMb: number;
	/** Its peak over the whole scene (VmHWM). */
	readonly peakRssMb: number;
	readonly parentStatus: string;
}

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));
const LOCAL_BULK_CLI = fileURLToPath(new URL('local-bulk/local-bulk-cli.js', import.meta.url));
const REGION = 'us-east-1';
const ENGINE_STEP_MS = 20_000;

const totalOn = (screen: string): number => Number(/(\d+) total/.exec(screen)?.[1] ?? 0);

/** A POST to the emulator's control API (emulator/control-routes.ts). */
async function control(url: string, path: string, body: unknown): Promise<void> {
	const response = await fetch(`${url}/_emulator/${path}`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
	if (!response.ok) throw new Error(`the emulator refused ${path} (HTTP ${response.status}): ${await response.text()}`);
}

/** Where the emulator runs: in a process of its own (the CLI's cost against AWS), or inside the CLI (--local). */
export type CliEmulatorPlacement = 'separate' | 'in-process';

export async function measureCliMemory(placement: CliEmulatorPlacement): Promise<CliMemoryResult> {
	const credentials = {accessKeyId: accessKeyFor(HOME_ACCOUNT), secretAccessKey: 'ssmtop-local'};
	const remote = placement === 'separate' ? await spawnEmulatorProcess({executions: BULK_EXECUTIONS, startMs: BENCH_TIME}) : undefined;
	const folder = mkdtempSync(join(tmpdir(), 'ssmtop-cli-memory-'));
	const urlFile = join(folder, 'emulator-url');
	// Against an endpoint with the emulator's keys for the home account in the environment, as against
	// AWS; or the bundled --local entry whose emulator holds the same executions (local-bulk-cli.ts).
	const args = remote ? [CLI, '--endpoint-url', remote.url, '--region', REGION] : [LOCAL_BULK_CLI, '--local', '--accounts', 'self'];
	const pty = await startPtySession([...args, '--interval', '2'], {
		AWS_ACCESS_KEY_ID: credentials.accessKeyId,
		AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
		AWS_REGION: REGION,
		AWS_PROFILE: '',
		AWS_CONFIG_FILE: '/dev/null',
		AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
		SSMTOP_BENCH_URL_FILE: urlFile,
	});
	quietSdkNotices();
	let client: SSMClient | undefined;
	try {
		await pty.waitFor(screen => totalOn(screen) > 0, 'the first executions');
		const url = remote?.url ?? readFileSync(urlFile, 'utf8');
		client = new SSMClient({region: REGION, endpoint: url, credentials, maxAttempts: 1});
		const ssm = client;
		// The emulator's engine clock is manual: each step runs 20 s of the run, then the CLI's next poll shows it.
		const advance = async (ms: number): Promise<void> => control(url, 'clock/advance', {ms});
		// The list stops at its paging cap; G at the bottom loads the older pages, as a person would.
		for (let presses = 0; totalOn(pty.screen()) < BULK_EXECUTIONS && presses < 100; presses++) {
			const before = totalOn(pty.screen());
			pty.press('G');
			await pty.waitFor(screen => totalOn(screen) > before, `more than ${before} executions after G`);
		}

		const listOnlyRssMb = pty.memory().rssMb;
		const started = await ssm.send(
			new StartAutomationExecutionCommand({
				DocumentName: 'Ops-ApplySecurityBaseline',
				TargetLocations: [
					{Accounts: CROSS_ACCOUNT_ACCOUNTS, Regions: CROSS_ACCOUNT_REGIONS, TargetLocationMaxConcurrency: '50', TargetLocationMaxErrors: '50'},
				],
			}),
		);
		const id = started.AutomationExecutionId!;
		const shortId = id.slice(0, 8);
		const listed = totalOn(pty.screen());
		await pty.waitFor(screen => totalOn(screen) > listed, 'the cross-account run in the list');
		// The selection stays on its execution as rows arrive: g moves it to the newest, the run.
		pty.press('g');
		await pty.waitFor(() => pty.selectedLine()?.includes(shortId) === true, 'the run selected');
		pty.press('\r');
		await pty.waitFor(screen => screen.includes(id) || /Ops-ApplySecurityBaseline/.test(screen.split('\n').slice(0, 4).join('\n')), "the run's detail");
		pty.press('\r');
		await pty.waitFor(screen => CROSS_ACCOUNT_REGIONS.filter(region => screen.includes(region)).length >= 3, "the run's grid");
		let status = 'Pending';
		for (let steps = 0; steps < 200; steps++) {
			status = (await ssm.send(new GetAutomationExecutionCommand({AutomationExecutionId: id}))).AutomationExecution?.AutomationExecutionStatus ?? status;
			if (isFinal(status)) break;
			const before = pty.screen();
			await advance(ENGINE_STEP_MS);
			// The CLI polls every 2 s: wait until it has drawn what changed.
			await pty.waitFor(screen => screen !== before, 'the grid to follow the run');
		}

		await pty.waitFor(screen => screen.includes(status), `the grid showing the run ${status}`);
		return {
			executions: totalOn(pty.screen()),
			locations: CROSS_ACCOUNT_ACCOUNTS.length * CROSS_ACCOUNT_REGIONS.length,
			listOnlyRssMb,
			peakRssMb: pty.memory().peakRssMb,
			parentStatus: status,
		};
	} finally {
		client?.destroy();
		await pty.close();
		await remote?.stop();
		rmSync(folder, {recursive: true, force: true});
	}
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const {values} = parseArgs({options: {emulator: {type: 'string', default: 'separate'}}});
	const result = await measureCliMemory(values.emulator === 'in-process' ? 'in-process' : 'separate');
	process.stdout.write(`${JSON.stringify(result)}\n`);
	process.exit(0);
}
