import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {heapFlagFor, ORGANISATION_HEAP_GROWING_PERCENT, TUNED_FROM_LOCATIONS, tuneHeapFor} from '../../source/cli/heap-tuning.js';

describe('heap tuning by the number of watched locations', () => {
	it('keeps V8 defaults for a few locations', () => {
		expect(heapFlagFor(3)).toBeUndefined();
		expect(heapFlagFor(TUNED_FROM_LOCATIONS - 1)).toBeUndefined();
		const set: string[] = [];
		expect(tuneHeapFor(21, flags => set.push(flags))).toBeUndefined();
		expect(set).toEqual([]);
	});

	it('caps the heap growth from the threshold on', () => {
		const set: string[] = [];
		expect(tuneHeapFor(TUNED_FROM_LOCATIONS, flags => set.push(flags))).toBe(`--heap-growing-percent=${ORGANISATION_HEAP_GROWING_PERCENT}`);
		expect(set).toEqual([`--heap-growing-percent=${ORGANISATION_HEAP_GROWING_PERCENT}`]);
	});

	it('is a flag this V8 accepts at run time', () => {
		// V8 does not throw on a flag it does not know: it prints an error and goes on. Ask a fresh node.
		const run = (flag: string) => spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], {encoding: 'utf8'});
		expect(run('--heap-growing-percent-typo=10').stderr).toMatch(/flag|option/i);
		const tuned = run(heapFlagFor(10_000)!);
		expect(tuned.status).toBe(0);
		expect(tuned.stderr).toBe('');
	});
});
