// Issue 10: Ink's layout engine is loaded from the bytes in the bundle, without fetch(), whose
// first call loads undici (≈ 100 ms of CPU at every launch). Yoga bundled with the plugin runs in a
// Node where fetch throws, and lays out a node; bundled without it, the same Node calls fetch.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build, type Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {yogaWithoutFetch} from '../../source/build/yoga-without-fetch.js';

const folder = mkdtempSync(join(tmpdir(), 'ssmtop-yoga-'));
afterAll(() => {
	rmSync(folder, {recursive: true, force: true});
});

const PROGRAM = `
globalThis.fetch = () => { throw new Error('fetch called'); };
const {default: Yoga} = await import('yoga-layout');
const node = Yoga.Node.create();
node.setWidth(42);
node.calculateLayout();
process.stdout.write(String(node.getComputedWidth()));
`;

/** Bundles the program above with these plugins, runs it, and returns what it printed or threw. */
async function runYoga(plugins: Plugin[]): Promise<string> {
	const entry = join(folder, 'entry.mjs');
	const out = join(folder, `out-${plugins.length}.mjs`);
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
	try {
		return execFileSync(process.execPath, [out], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	} catch (error) {
		return String((error as {stderr?: string}).stderr);
	}
}

describe('yoga without fetch', () => {
	it('lays out a node with fetch unusable', async () => {
		expect(await runYoga([yogaWithoutFetch])).toBe('42');
	});

	it('needs the plugin: the loader as published calls fetch', async () => {
		expect(await runYoga([])).toMatch(/fetch called/);
	});
});
