import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {
	heapFlagFor,
	ORGANISATION_HEAP_GROWING_PERCENT,
	START_HEAP_FLAGS,
	TUNED_FROM_LOCATIONS,
	tuneHeapAtStart,
	tuneHeapFor,
	userNodeFlags,
} from '../../source/cli/heap-tuning.js';

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

describe('heap sizing at start-up', () => {
	it('sets each start-up flag once', () => {
		const set: string[] = [];
		expect(tuneHeapAtStart(flags => set.push(flags), new Set())).toEqual([...START_HEAP_FLAGS]);
		expect(set).toEqual([...START_HEAP_FLAGS]);
	});

	it('leaves a flag the user gave node alone, in either spelling', () => {
		const given = userNodeFlags(['--expose-gc', '--heap_growing_percent=80'], '--max-old-space-size=512 --semi-space-growth-factor=2');
		const set: string[] = [];
		expect(tuneHeapAtStart(flags => set.push(flags), given)).toEqual([]);
		expect(set).toEqual([]);
		expect(tuneHeapFor(TUNED_FROM_LOCATIONS, flags => set.push(flags), given)).toBeUndefined();
	});

	it('are flags this V8 accepts at run time', () => {
		for (const flag of START_HEAP_FLAGS) {
			const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], {encoding: 'utf8'});
			expect(run.status).toBe(0);
			expect(run.stderr + run.stdout).toBe('');
		}
	});

	it('keeps the young generation small as a process allocates', () => {
		// The flag's effect, not only its spelling: a fresh node that allocates short-lived garbage.
		const script = `require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
			let keep = []; for (let i = 0; i < 3e6; i++) { keep.push({i}); if (keep.length > 2e5) keep = []; }
			const space = require('node:v8').getHeapSpaceStatistics().find(s => s.space_name === 'new_space');
			process.stdout.write(String(space.space_size));`;
		const run = spawnSync(process.execPath, ['-e', script], {encoding: 'utf8'});
		expect(run.status).toBe(0);
		expect(Number(run.stdout)).toBeLessThanOrEqual(4 * 1024 * 1024);
	});
});
