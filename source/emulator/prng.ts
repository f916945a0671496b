// Deterministic randomness: the demo seed, step timings and fault injection must replay
// identically for the same inputs, so nothing here touches Math.random.

/** FNV-1a 32-bit hash of a string. */
export function hashString(text: string): number {
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93);
	}

	return hash >>> 0;
}

/** "00" … "ff". */
const BYTE_HEX: readonly string[] = Array.from({length: 256}, (_, byte) => byte.toString(16).padStart(2, '0'));

/** Mulberry32: small, fast, good enough for simulation. */
export class Prng {
	private state: number;

	constructor(seed: number | string) {
		this.state = typeof seed === 'string' ? hashString(seed) : seed >>> 0;
	}

	next(): number {
		this.state = (this.state + 0x6d_2b_79_f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	}

	int(minInclusive: number, maxInclusive: number): number {
		return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
	}

	pick<T>(items: readonly T[]): T {
		const item = items[Math.floor(this.next() * items.length)];
		if (item === undefined) {
			throw new Error('pick from an empty list');
		}

		return item;
	}

	chance(probability: number): boolean {
		return this.next() < probability;
	}

	hex(length: number): string {
		return this.hexDigits(length).join('').slice(0, length);
	}

	/** Eight-digit words, joined by the caller: one flat string, where `+=` leaves a rope of pieces behind every id. */
	private hexDigits(length: number): string[] {
		const words: string[] = [];
		for (let digits = 0; digits < length; digits += 8) {
			// The same eight digits as Math.floor(next() × 2³²).toString(16).padStart(8, '0'), from a table:
			// Number#toString(16) of a value past 2³¹ takes V8's slow double path, and the demo seed asks
			// for thousands of ids before the emulator answers its first call (issue 10).
			const word = Math.floor(this.next() * 0x1_00_00_00_00);
			words.push(BYTE_HEX[word >>> 24]!, BYTE_HEX[(word >>> 16) & 0xff]!, BYTE_HEX[(word >>> 8) & 0xff]!, BYTE_HEX[word & 0xff]!);
		}

		return words;
	}

	/** A version-4-shaped UUID in lower case, like the ids SSM hands out. */
	uuid(): string {
		const h = this.hex(32);
		const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
		// Joined, not a template: a template's result is a rope over five slices of h, kept alive with h.
		return [h.slice(0, 8), h.slice(8, 12), `4${h.slice(13, 16)}`, `${variant}${h.slice(17, 20)}`, h.slice(20, 32)].join('-');
	}
}
