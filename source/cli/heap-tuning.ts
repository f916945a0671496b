/**
 * V8 sizes its heap for throughput, and ssmtop is a long-lived monitor whose live set is small
 * beside what V8 reserves for it. Two settings, both V8 flags that take effect when set at run
 * time (V8 reads them whenever it sizes a space). The CLI sets them itself: a shebang cannot
 * portably pass node flags, and on node's command line V8 raises a semi-space growth factor below 2
 * to 2 when it sets the heap up (measured: 32 MB of young generation either way on Node 20).
 *
 * - From start-up (issue 10), `--semi-space-growth-factor=1` keeps the young generation at its
 *   initial 1 MB semi-spaces instead of growing them to 16 MB (32 MB committed on Node 20, 128 MB
 *   on Node 24), and `--heap-growing-percent=50` lets the old generation grow to 1.5 × what
 *   survived the last full collection instead of up to 4 ×. In `npm run bench`'s memory phase
 *   (10,000 executions, a 500-location grid, the app alone) peak RSS went from 159–172 MB to
 *   130–139 MB on Node 20 (Node 22: 162–173 → 144–148; Node 24: 265–285 → 158–165) for ≈ 0.4 s
 *   more CPU over the run; keys kept their budget (PgDn's CPU per key 5.5 ms against 8). A tighter
 *   growth (20 %) saved no more and cost PgDn 8.4 ms per key.
 * - From 200 watched locations on, the old generation may grow by only 10 %: thousands of
 *   locations' SDK calls allocate steadily, and the heap settled at twice what is live (596 MB of
 *   RSS at 9,620 locations, issue 11's target being 300 MB; ≈ 250 MB with the factor). At that
 *   scale the extra collections cost little beside the network; a view of a few locations keeps
 *   the start-up setting, where the factor would tax every keypress. The young generation may grow
 *   again there (factor 2, V8's default): held at 1 MB under that allocation rate, its collections
 *   came so often that PgDn's p95 over 31,746 rows went from 11.5 ms to 20.3 ms (budget 16).
 *
 * A flag the user passed to node (the command line or NODE_OPTIONS) is theirs: it is not overridden.
 */
import v8 from 'node:v8';

/** From this many watched locations on, the heap is tuned for memory (a few accounts × regions stay as they are). */
export const TUNED_FROM_LOCATIONS = 200;

/** The old generation may grow to 1 + this / 100 × what survived the last full collection. */
export const ORGANISATION_HEAP_GROWING_PERCENT = 10;

/** Set once at start-up, before the views, the SDK and the data are loaded. */
export const START_HEAP_FLAGS: readonly string[] = ['--semi-space-growth-factor=1', '--heap-growing-percent=50'];

export type SetFlags = (flags: string) => void;

const setV8Flags: SetFlags = flags => v8.setFlagsFromString(flags);

/** The flag's name as node and V8 accept it either way (`--a-b` and `--a_b`). */
function flagName(flag: string): string {
	return flag.replace(/^--/, '').split('=')[0]!.replaceAll('_', '-');
}

/** The flags the user gave node themselves: the command line's and NODE_OPTIONS'. */
export function userNodeFlags(execArgv: readonly string[] = process.execArgv, nodeOptions = process.env['NODE_OPTIONS'] ?? ''): ReadonlySet<string> {
	const given = [...execArgv, ...nodeOptions.split(/\s+/)].filter(flag => flag.startsWith('--'));
	return new Set(given.map(flagName));
}

function setUnlessGiven(flags: readonly string[], given: ReadonlySet<string>, setFlags: SetFlags): string[] {
	const set = flags.filter(flag => !given.has(flagName(flag)));
	for (const flag of set) setFlags(flag);
	return set;
}

/** Sets {@link START_HEAP_FLAGS} (those the user did not give node); returns what was set. */
export function tuneHeapAtStart(setFlags: SetFlags = setV8Flags, given: ReadonlySet<string> = userNodeFlags()): string[] {
	return setUnlessGiven(START_HEAP_FLAGS, given, setFlags);
}

/** The V8 flags for `locations` watched locations; none when the start-up setting is kept. */
export function heapFlagsFor(locations: number): readonly string[] {
	return locations >= TUNED_FROM_LOCATIONS ? ['--semi-space-growth-factor=2', `--heap-growing-percent=${ORGANISATION_HEAP_GROWING_PERCENT}`] : [];
}

/** Sets the flags for `locations` watched locations (those the user did not give node); returns what was set. */
export function tuneHeapFor(locations: number, setFlags: SetFlags = setV8Flags, given: ReadonlySet<string> = userNodeFlags()): string[] {
	return setUnlessGiven(heapFlagsFor(locations), given, setFlags);
}
