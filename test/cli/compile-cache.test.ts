// Node's module compile cache (Node ≥ 22.1): where ssmtop keeps it, and that asking never fails.
import {mkdtempSync, rmSync} from 'node:fs';
import nodeModule from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {compileCacheDirectory, enableCompileCache} from '../../source/cli/compile-cache.js';

describe('compile cache', () => {
	it('lives under $XDG_CACHE_HOME when it is an absolute path, else in the temp dir, per user', () => {
		expect(compileCacheDirectory({XDG_CACHE_HOME: '/home/ana/.cache'}, '/tmp', 1000)).toBe('/home/ana/.cache/ssmtop/compile-cache');
		expect(compileCacheDirectory({XDG_CACHE_HOME: 'relative/cache'}, '/tmp', 1000)).toBe('/tmp/ssmtop-compile-cache-1000');
		expect(compileCacheDirectory({}, '/var/tmp', 0)).toBe('/var/tmp/ssmtop-compile-cache-0');
	});

	it('is on where Node has it (22.1 and later), and silently off where it does not (20)', () => {
		const supported = typeof (nodeModule as {enableCompileCache?: unknown}).enableCompileCache === 'function';
		const cache = mkdtempSync(join(tmpdir(), 'ssmtop-cache-test-'));
		try {
			const directory = enableCompileCache({XDG_CACHE_HOME: cache});
			if (!supported) expect(directory).toBeUndefined();
			// Node's own switch wins; otherwise ours, or the one this process enabled first.
			else if (!process.env['NODE_DISABLE_COMPILE_CACHE']) expect(directory).toMatch(/compile-cache/);
		} finally {
			rmSync(cache, {recursive: true, force: true});
		}
	});
});
