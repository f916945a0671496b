import {describe, expect, it} from 'vitest';
import {START_HEAP_FLAGS} from '../../source/cli/heap-tuning.js';
import {heapArgumentsFor, resultOfFreshProcess, V8_DEFAULTS_FLAG} from '../../source/bench/fresh-process.js';

describe('resultOfFreshProcess', () => {
	it("returns the JSON of the child's last stdout line, under the bench's environment", async () => {
		const script = "console.log('warming up'); console.log(JSON.stringify({nodeEnv: process.env.NODE_ENV, color: process.env.FORCE_COLOR}));";
		expect(await resultOfFreshProcess(['-e', script], 'the probe')).toEqual({nodeEnv: 'production', color: '3'});
	});

	it('names the measurement when the child fails', async () => {
		await expect(resultOfFreshProcess(['-e', 'process.exit(3)'], 'the probe')).rejects.toThrow('the probe exited with 3');
	});
});

describe('the heap of a fresh measurement process', () => {
	// The young generation's size after short-lived garbage: 32 MB under V8's defaults on Node 20.
	const newSpaceOfChild =
		"let keep = []; for (let i = 0; i < 3e6; i++) { keep.push({i}); if (keep.length > 2e5) keep = []; } process.stdout.write(String(require('node:v8').getHeapSpaceStatistics().find(s => s.space_name === 'new_space').space_size))";
	const fourMb = 4 * 1024 * 1024;

	it("is sized as the CLI sizes its own, before the child's code runs", async () => {
		expect(await resultOfFreshProcess<number>(['-e', newSpaceOfChild], 'the probe')).toBeLessThanOrEqual(fourMb);
		expect(decodeURIComponent(heapArgumentsFor(['measure.js']).join(' '))).toContain(JSON.stringify(START_HEAP_FLAGS));
	});

	it(`keeps V8's defaults for a child given ${V8_DEFAULTS_FLAG}`, async () => {
		expect(heapArgumentsFor(['measure.js', V8_DEFAULTS_FLAG])).toEqual([]);
		expect(await resultOfFreshProcess<number>(['-e', newSpaceOfChild, '--', V8_DEFAULTS_FLAG], 'the probe')).toBeGreaterThan(fourMb);
	});
});
