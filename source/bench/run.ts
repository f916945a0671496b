/**
 * `npm run bench` (= build, then `node dist/bench/run.js [--json]`): measures ssmtop against the
 * emulator and prints each figure against its target. Figures only: the exit code says nothing
 * about targets.
 */
// First: the heap is sized as the CLI sizes its own, before anything is loaded.
import './product-heap.js';
import {benchEnvironment} from './bench-environment.js';

// Before chalk and Ink are first imported: they read the environment once, at import.
const environment = benchEnvironment(process.env);
for (const name of Object.keys(process.env)) if (!(name in environment)) delete process.env[name];
Object.assign(process.env, environment);
const {main} = await import('./run-all.js');
await main();
// The UI's timers and the SDK's sockets are closed by then; exit anyway, whatever a library left behind.
process.exit(0);
