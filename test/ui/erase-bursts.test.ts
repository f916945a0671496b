import {describe, expect, it} from 'vitest';
import {eraseBurstLength} from '../../source/ui/input/use-erase-bursts.js';

describe('eraseBurstLength', () => {
	it('counts a chunk of DEL or BS characters as that many Backspaces', () => {
		expect(eraseBurstLength('\u007F\u007F\u007F')).toBe(3);
		expect(eraseBurstLength('\b\b')).toBe(2);
	});

	it('leaves single presses (Ink parses those itself) and mixed chunks alone', () => {
		expect(eraseBurstLength('\u007F')).toBe(0);
		expect(eraseBurstLength('a\u007F\u007F')).toBe(0);
		expect(eraseBurstLength('')).toBe(0);
	});
});
