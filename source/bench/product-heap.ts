/**
 * Imported first by run.ts, which times the keys in its own process and loads the rest with a
 * dynamic import after this: the heap is then sized as the CLI sizes its own at start-up
 * (cli/heap-tuning.ts), before the measured modules and data are loaded. The fresh-process
 * measurements set the same flags in a preloaded module (fresh-process.ts); run directly, they
 * import this too, which then sizes the heap only after their module graph compiled.
 * `--v8-defaults` keeps V8's own sizing.
 */
import {START_HEAP_FLAGS, tuneHeapAtStart} from '../cli/heap-tuning.js';
import {V8_DEFAULTS_FLAG} from './fresh-process.js';

const v8Defaults = process.argv.includes(V8_DEFAULTS_FLAG);
if (!v8Defaults) tuneHeapAtStart();

/** The CLI's start-up flags in force in this process: set here, or by fresh-process.ts's preload. */
export const productHeapFlags: readonly string[] = v8Defaults ? [] : START_HEAP_FLAGS;
