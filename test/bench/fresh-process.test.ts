import {describe, expect, it} from 'vitest';
import {resultOfFreshProcess} from '../../source/bench/fresh-process.js';

describe('resultOfFreshProcess', () => {
	it("returns the JSON of the child's last stdout line, under the bench's environment", async () => {
		const script = "console.log('warming up'); console.log(JSON.stringify({nodeEnv: process.env.NODE_ENV, color: process.env.FORCE_COLOR}));";
		expect(await resultOfFreshProcess(['-e', script], 'the probe')).toEqual({nodeEnv: 'production', color: '3'});
	});

	it('names the measurement when the child fails', async () => {
		await expect(resultOfFreshProcess(['-e', 'process.exit(3)'], 'the probe')).rejects.toThrow('the probe exited with 3');
	});
});
