// The demo seed's ids come from Prng.hex: its table of byte digits must give the digits the plain
// formula gives, or every seeded id (and each test and screenshot that names one) would change.
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {Prng} from '../../source/emulator/prng.js';

describe('Prng.hex', () => {
	it('gives the digits of floor(next() × 2³²), eight per draw, cut to the length asked', () => {
		const table = new Prng('demo');
		const plain = new Prng('demo');
		const formula = (length: number): string => {
			let text = '';
			while (text.length < length)
				text += Math.floor(plain.next() * 0x1_00_00_00_00)
					.toString(16)
					.padStart(8, '0');
			return text.slice(0, length);
		};

		for (const length of [1, 8, 12, 16, 32, 5, 40]) {
			for (let draw = 0; draw < 500; draw++) expect(table.hex(length)).toBe(formula(length));
		}
	});

	it('keeps the version-4 shape of its UUIDs', () => {
		expect(new Prng('demo').uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	});

	it('keeps an id in one flat string: a 36-character id costs about its own bytes on the heap', () => {
		// Built with += and a template, each id was a rope over its pieces and the 32 digits behind
		// them: ≈ 400 bytes of heap per id, ≈ 6 MB over the 10,000 executions of the memory benchmark.
		// Measured in a fresh node with --expose-gc, over the built module (npm test builds first).
		const built = fileURLToPath(new URL('../../dist/emulator/prng.js', import.meta.url));
		const script = `const {Prng} = await import(${JSON.stringify(built)}); gc(); gc();
			const before = process.memoryUsage().heapUsed; const prng = new Prng('ids'); const ids = [];
			for (let i = 0; i < 100000; i++) ids.push(prng.uuid());
			gc(); gc(); process.stdout.write(String((process.memoryUsage().heapUsed - before) / ids.length));`;
		const run = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {encoding: 'utf8'});
		expect(run.stderr).toBe('');
		expect(Number(run.stdout)).toBeLessThan(120);
	});
});
