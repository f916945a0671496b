import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {
	heapFlagsFor,
	ORGANISATION_HEAP_GROWING_PERCENT,
	START_HEAP_FLAGS,
	TUNED_FROM_LOCATIONS,
	tuneHeapAtStart,
	tuneHeapFor,
	userNodeFlags,
} from '../../source/cli/heap-tuning.js';

describe('heap tuning by the number of watched locations', () => {
	const organisationFlags = ['--semi-space-growth-factor=2', `--heap-growing-percent=${ORGANISATION_HEAP_GROWING_PERCENT}`];

	it('keeps the start-up setting for a few locations', () => {
		expect(heapFlagsFor(3)).toEqual([]);
		expect(heapFlagsFor(TUNED_FROM_LOCATIONS - 1)).toEqual([]);
		const set: string[] = [];
		expect(tuneHeapFor(21, flags => set.push(flags), new Set())).toEqual([]);
		expect(set).toEqual([]);
	});

	it('caps the old generation and lets the young one grow from the threshold on', () => {
		const set: string[] = [];
		expect(tuneHeapFor(TUNED_FROM_LOCATIONS, flags => set.push(flags), new Set())).toEqual(organisationFlags);
		expect(set).toEqual(organisationFlags);
	});

	it('are flags this V8 accepts at run time', () => {
		// V8 does not throw on a flag it does not know: it prints an error and goes on. Ask a fresh node.
		const run = (flag: string) => spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flag)})`], {encoding: 'utf8'});
		expect(run('--heap-growing-percent-typo=10').stderr).toMatch(/flag|option/i);
		for (const flag of heapFlagsFor(10_000)) {
			const tuned = run(flag);
			expect(tuned.status).toBe(0);
			expect(tuned.stderr).toBe('');
		}
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
		expect(tuneHeapFor(TUNED_FROM_LOCATIONS, flags => set.push(flags), given)).toEqual([]);
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
