// Issue 10: meow bundled with normalize-package-data initialised at its first call (not at import)
// parses the same flags and still normalises `cli.pkg` when it is read.
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {meowLazyPackageData} from '../../source/build/meow-lazy-package-data.js';
import {bundleProbe} from './bundle-probe.js';

const probe = bundleProbe('ssmtop-meow-');
afterAll(() => {
	probe.remove();
});

// meow finds package.json from importMeta: the bundle sits next to this one.
writeFileSync(join(probe.folder, 'package.json'), JSON.stringify({name: 'meow-probe', version: '1.2.3', license: 'mit'}));
const PROGRAM = `
import meow from 'meow';
const cli = meow('usage', {importMeta: import.meta, argv: ['--interval', '7', '--read-only', 'extra'], flags: {interval: {type: 'number'}, readOnly: {type: 'boolean'}}});
process.stdout.write(JSON.stringify({flags: cli.flags, input: cli.input, id: cli.pkg._id, license: cli.pkg.license}));
`;

async function runMeow(plugins: Plugin[], name: string): Promise<{output: unknown; bundle: string}> {
	const {stdout, failed, bundle} = await probe.run(PROGRAM, plugins, name);
	if (failed) throw new Error(stdout);
	return {output: JSON.parse(stdout) as unknown, bundle};
}

describe('meow with lazy package data', () => {
	it('parses and normalises as meow as published does', async () => {
		const [lazy, published] = await Promise.all([runMeow([meowLazyPackageData], 'lazy'), runMeow([], 'published')]);
		expect(lazy.bundle).toContain('normalizePackageDataOnce');
		expect(published.bundle).not.toContain('normalizePackageDataOnce');
		// normalize-package-data ran when cli.pkg was read: it adds _id (the licence is left as written).
		expect(lazy.output).toEqual({flags: {interval: 7, readOnly: true}, input: ['extra'], id: 'meow-probe@1.2.3', license: 'mit'});
		expect(lazy.output).toEqual(published.output);
	});
});
