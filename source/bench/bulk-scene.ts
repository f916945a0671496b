/** The benchmark's bulk scene, shared by the bench's sessions and the bundled local-bulk entry (which must not load the harness). */

/** The benchmark's fixed "now" (the emulator spreads bulk executions over the 14 days before it). */
export const BENCH_TIME = Date.UTC(2026, 10, 25, 12, 0, 0);

/** Finished executions in the home account's us-east-1 for the key and memory benchmarks. */
export const BULK_EXECUTIONS = 10_000;
