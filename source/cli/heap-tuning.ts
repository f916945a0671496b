/**
 * V8 sizes its old generation for throughput: after each full collection it lets the heap grow to
 * a multiple of what survived (up to 4 × when the app allocates fast). Watching an organisation,
 * thousands of locations' SDK calls allocate steadily, and the heap settled at twice what is live
 * (596 MB of RSS at 9,620 locations in `npm run bench`, issue 11's target being 300 MB). A growth
 * factor of 1.1 keeps it near the live set (≈ 280 MB there) for more frequent old-space
 * collections, which at that scale cost little beside the network. A view of a few locations keeps
 * V8's default: there the heap is small, and the factor would tax every keypress (PgDn's CPU per
 * key rose by about a third in the key benchmark).
 *
 * V8 reads this flag whenever it computes the next collection's limit, so setting it once the
 * accounts are known, after start-up, takes effect from the next collection on.
 */
import v8 from 'node:v8';

/** From this many watched locations on, the heap is tuned for memory (a few accounts × regions stay as they are). */
export const TUNED_FROM_LOCATIONS = 200;

/** The old generation may grow to 1 + this / 100 × what survived the last full collection. */
export const ORGANISATION_HEAP_GROWING_PERCENT = 10;

/** The V8 flag for `locations` watched locations, or undefined when V8's default is kept. */
export function heapFlagFor(locations: number): string | undefined {
	return locations >= TUNED_FROM_LOCATIONS ? `--heap-growing-percent=${ORGANISATION_HEAP_GROWING_PERCENT}` : undefined;
}

/** Sets the flag for `locations` watched locations; returns it, or undefined when nothing was set. */
export function tuneHeapFor(locations: number, setFlags: (flags: string) => void = flags => v8.setFlagsFromString(flags)): string | undefined {
	const flag = heapFlagFor(locations);
	if (flag !== undefined) setFlags(flag);
	return flag;
}
