// Issue 10: meow bundled with normalize-package-data initialised at its first call (not at import)
// parses the same flags and still normalises `cli.pkg` when it is read.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build, type Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {meowLazyPackageData} from '../../source/build/meow-lazy-package-data.js';

const folder = mkdtempSync(join(tmpdir(), 'ssmtop-meow-'));
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

// meow finds package.json from importMeta: the bundle sits next to this one.
writeFileSync(join(folder, 'package.json'), JSON.stringify({name: 'meow-probe', version: '1.2.3', license: 'mit'}));
const PROGRAM = `
import meow from 'meow';
const cli = meow('usage', {importMeta: import.meta, argv: ['--interval', '7', '--read-only', 'extra'], flags: {interval: {type: 'number'}, readOnly: {type: 'boolean'}}});
process.stdout.write(JSON.stringify({flags: cli.flags, input: cli.input, id: cli.pkg._id, license: cli.pkg.license}));
`;

async function runMeow(plugins: Plugin[], name: string): Promise<{output: unknown; bundle: string}> {
	const entry = join(folder, 'entry.mjs');
	const out = join(folder, `${name}.mjs`);
	writeFileSync(entry, PROGRAM);
	await build({
		entryPoints: [entry],
		outfile: out,
		bundle: true,
		format: 'esm',
		platform: 'node',
		nodePaths: [join(process.cwd(), 'node_modules')],
		plugins,
		logLevel: 'silent',
	});
	return {output: JSON.parse(execFileSync(process.execPath, [out], {encoding: 'utf8'})) as unknown, bundle: readFileSync(out, 'utf8')};
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
