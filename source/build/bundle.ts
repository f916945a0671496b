/**
 * Bundles the CLI, run (as dist/build/bundle.js) after `tsc -p tsconfig.build.json` (which keeps
 * the rest of dist/ for the tests, the emulator's main and the bench). Why bundle: Node otherwise
 * loads about a thousand files at launch (Ink's es-toolkit/compat import alone is 415 CommonJS
 * files, then the AWS SDK).
 *
 * Why split (issue 10): one 3.5 MB file is compiled whole before its first line runs (≈110 ms),
 * though the first frame needs Ink, React and the views only. With `splitting`, every dynamic
 * import() in cli.tsx is a chunk of its own (dist/chunks/), compiled when it is imported: the SDK,
 * the emulator and yaml after the first frame is on the screen, never for --help.
 *
 * Also built with the same settings: the Ink hello world the launch benchmark compares against
 * (dist/bench/hello-world/hello-world.js), and the CLI with 10,000 executions in its embedded emulator
 * the memory benchmark runs (dist/bench/local-bulk/local-bulk-cli.js). `--metafile` writes what went into each output to
 * dist/build/meta-*.json (load it into https://esbuild.github.io/analyze/) and prints the largest packages.
 */
import {rmSync, writeFileSync} from 'node:fs';
import {resolve} from 'node:path';
import {parseArgs} from 'node:util';
import {build, type BuildOptions, type Metafile, type Plugin} from 'esbuild';
import {devtoolsAbsent} from './devtools-absent.js';
import {ESM_REQUIRE_BANNER} from './esm-require-banner.js';
import {meowLazyPackageData} from './meow-lazy-package-data.js';
import {objectHashLite} from './object-hash-lite.js';
import {yogaWithoutFetch} from './yoga-without-fetch.js';

const FAST_STRING_WIDTH = resolve('source/build/fast-string-width.ts');

/**
 * Ink's string-width (the one its own imports resolve to) is measured through fast-string-width.ts,
 * which hands string-width whatever is not plain text. Other copies (wrap-ansi's older one) are left alone.
 */
const fastStringWidth: Plugin = {
	name: 'fast-string-width',
	setup(builder) {
		builder.onResolve({filter: /^string-width$/}, async args => {
			if (args.importer === FAST_STRING_WIDTH || (args.pluginData as {inner?: boolean} | undefined)?.inner) return undefined;
			const [resolved, inks] = await Promise.all([
				builder.resolve(args.path, {kind: args.kind, resolveDir: args.resolveDir, pluginData: {inner: true}}),
				builder.resolve(args.path, {kind: args.kind, resolveDir: resolve('node_modules/ink'), pluginData: {inner: true}}),
			]);
			return resolved.path === inks.path ? {path: FAST_STRING_WIDTH} : undefined;
		});
	},
};

/** The settings of every bundle: the CLI's, and the hello world's, so the benchmark compares like with like. */
export const BUNDLE_SETTINGS = {
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	// ES modules first where a package has both (the AWS SDK: its dist-es next to dist-cjs): esbuild can
	// drop what is never imported from them, the other 140-odd SSM operations' schemas and commands
	// (the bundle's SDK part shrinks by ≈ 650 KB). Packages with an "exports" map are unaffected.
	mainFields: ['module', 'main'],
	target: 'node20',
	jsx: 'automatic',
	entryNames: '[name]',
	chunkNames: 'chunks/[name]-[hash]',
	// React and Ink pick their development builds otherwise: slower, and louder on warnings.
	define: {'process.env.NODE_ENV': '"production"'},
	supported: {'top-level-await': true},
	// CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
	banner: {js: ESM_REQUIRE_BANNER},
	plugins: [devtoolsAbsent, fastStringWidth, yogaWithoutFetch, meowLazyPackageData, objectHashLite],
	sourcemap: true,
	legalComments: 'none',
	logLevel: 'warning',
} satisfies BuildOptions;

/** The largest packages (or source folders) in a build, for --metafile. */
function largestInputs(metafile: Metafile, count = 12): string {
	const bytes = new Map<string, number>();
	for (const output of Object.values(metafile.outputs)) {
		for (const [input, {bytesInOutput}] of Object.entries(output.inputs)) {
			const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
			bytes.set(name, (bytes.get(name) ?? 0) + bytesInOutput);
		}
	}

	return [...bytes]
		.sort((a, b) => b[1] - a[1])
		.slice(0, count)
		.map(([name, size]) => `  ${(size / 1024).toFixed(0).padStart(5)} KB  ${name}`)
		.join('\n');
}

const {values} = parseArgs({options: {metafile: {type: 'boolean', default: false}}});
const targets = [
	{name: 'cli', entryPoints: ['source/cli.tsx'], outdir: 'dist'},
	{name: 'hello-world', entryPoints: ['source/bench/hello-world.tsx'], outdir: 'dist/bench/hello-world'},
	// The CLI with 10,000 executions in its embedded emulator, for the memory benchmark's --local figure.
	{name: 'local-bulk', entryPoints: ['source/bench/local-bulk-cli.ts'], outdir: 'dist/bench/local-bulk'},
];
// Chunk names carry a content hash: without this, every build would leave the last one's chunks behind.
// The CLI's chunks live in dist/chunks; every other target has a folder of its own.
for (const {outdir} of targets) rmSync(outdir === 'dist' ? 'dist/chunks' : outdir, {recursive: true, force: true});
for (const {name, ...target} of targets) {
	const result = await build({...BUNDLE_SETTINGS, ...target, metafile: values.metafile});
	if (values.metafile && result.metafile) {
		writeFileSync(`dist/build/meta-${name}.json`, JSON.stringify(result.metafile));
		process.stdout.write(`${name}: the largest inputs (dist/build/meta-${name}.json)\n${largestInputs(result.metafile)}\n`);
	}
}
