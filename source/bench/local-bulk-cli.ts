/**
 * `ssmtop --local` with 10,000 executions in its embedded emulator, for the memory benchmark
 * (measure-cli-memory.ts): the CLI's own main(), bundled as the CLI is (source/build/bundle.ts →
 * dist/bench/local-bulk/local-bulk-cli.js), its emulator started with the bulk history on a manual
 * clock, which the benchmark steps over the emulator's control API. The emulator's URL is written to
 * the file SSMTOP_BENCH_URL_FILE names. Only the benchmark runs it.
 */
import {writeFileSync} from 'node:fs';
import {tuneHeapAtStart} from '../cli/heap-tuning.js';
import {main} from '../cli.js';
import {BENCH_TIME, BULK_EXECUTIONS} from './bulk-scene.js';

// As the CLI does first thing.
tuneHeapAtStart();
const urlFile = process.env['SSMTOP_BENCH_URL_FILE'];
if (!urlFile) throw new Error('SSMTOP_BENCH_URL_FILE names the file for the emulator URL');

await main(process.argv.slice(2), {
	async start() {
		const {createManualClock, startEmulator} = await import('../emulator/index.js');
		const emulator = await startEmulator({seed: 'none', extraExecutions: BULK_EXECUTIONS, clock: createManualClock(BENCH_TIME)});
		writeFileSync(urlFile, emulator.url);
		return emulator;
	},
});
process.exit(process.exitCode ?? 0);
