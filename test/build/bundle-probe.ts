/**
 * A small program bundled as the CLI's bundle is (ESM, Node, this checkout's node_modules) with
 * the given esbuild plugins, then run in its own Node process: how the build plugins are tested
 * against the packages as published.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {build, type Plugin} from 'esbuild';
import {ESM_REQUIRE_BANNER} from '../../source/build/esm-require-banner.js';

export interface BundleProbe {
	readonly folder: string;
	/** Bundles `program` as `name`.mjs with `plugins`, runs it; its stdout, or its stderr when it threw, and the bundle's text. */
	run(program: string, plugins: readonly Plugin[], name: string): Promise<{readonly stdout: string; readonly failed: boolean; readonly bundle: string}>;
	remove(): void;
}

export function bundleProbe(prefix: string): BundleProbe {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	return {
		folder,
		async run(program, plugins, name) {
			const entry = join(folder, `${name}-entry.mjs`);
			const out = join(folder, `${name}.mjs`);
			writeFileSync(entry, program);
			await build({
				entryPoints: [entry],
				outfile: out,
				bundle: true,
				format: 'esm',
				platform: 'node',
				nodePaths: [join(process.cwd(), 'node_modules')],
				plugins: [...plugins],
				banner: {js: ESM_REQUIRE_BANNER},
				logLevel: 'silent',
			});
			const bundle = readFileSync(out, 'utf8');
			try {
				return {stdout: execFileSync(process.execPath, [out], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']}), failed: false, bundle};
			} catch (error) {
				return {stdout: String((error as {stderr?: string}).stderr), failed: true, bundle};
			}
		},
		remove() {
			rmSync(folder, {recursive: true, force: true});
		},
	};
}
