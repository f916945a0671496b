// The demo seed's ids come from Prng.hex: its table of byte digits must give the digits the plain
// formula gives, or every seeded id (and each test and screenshot that names one) would change.
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
});
