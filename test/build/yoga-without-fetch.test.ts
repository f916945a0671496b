// Issue 10: Ink's layout engine is loaded from the bytes in the bundle, without fetch(), whose
// first call loads undici (≈ 100 ms of CPU at every launch). Yoga bundled with the plugin runs in a
// Node where fetch throws, and lays out a node; bundled without it, the same Node calls fetch.
import type {Plugin} from 'esbuild';
import {afterAll, describe, expect, it} from 'vitest';
import {yogaWithoutFetch} from '../../source/build/yoga-without-fetch.js';
import {bundleProbe} from './bundle-probe.js';

const probe = bundleProbe('ssmtop-yoga-');
afterAll(() => {
	probe.remove();
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
	return (await probe.run(PROGRAM, plugins, `out-${plugins.length}`)).stdout;
}

describe('yoga without fetch', () => {
	it('lays out a node with fetch unusable', async () => {
		expect(await runYoga([yogaWithoutFetch])).toBe('42');
	});

	it('needs the plugin: the loader as published calls fetch', async () => {
		expect(await runYoga([])).toMatch(/fetch called/);
	});
});
