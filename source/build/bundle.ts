/**
 * Bundles the CLI into one file, dist/cli.js, run (as dist/build/bundle.js) after `tsc -p tsconfig.build.json` (which keeps
 * the rest of dist/ for the tests, the emulator's main and the bench). Why: Node otherwise loads
 * about a thousand files at launch (Ink's es-toolkit/compat import alone is 415 CommonJS files,
 * then the AWS SDK), which was most of the time to the first frame (issue #3's ≤ 500 ms target).
 */
import {build, type Plugin} from 'esbuild';

/**
 * Ink imports react-devtools-core only when DEV=true, through a dynamic import it guards for
 * ERR_MODULE_NOT_FOUND. It is not installed, so stand in a module that fails the same way: Ink then
 * prints its own hint, as it would unbundled.
 */
const devtoolsAbsent: Plugin = {
	name: 'devtools-absent',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, args => ({path: args.path, namespace: 'devtools-absent'}));
		builder.onLoad({filter: /.*/, namespace: 'devtools-absent'}, () => ({
			contents: "throw Object.assign(new Error('react-devtools-core is not installed'), {code: 'ERR_MODULE_NOT_FOUND'});",
			loader: 'js',
		}));
	},
};

await build({
	entryPoints: ['source/cli.tsx'],
	outfile: 'dist/cli.js',
	bundle: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	jsx: 'automatic',
	// React and Ink pick their development builds otherwise: slower, and louder on warnings.
	define: {'process.env.NODE_ENV': '"production"'},
	supported: {'top-level-await': true},
	// CommonJS dependencies bundled into an ES module still call require() for Node's built-ins.
	banner: {js: "import {createRequire as __ssmtopCreateRequire} from 'node:module';\nconst require = __ssmtopCreateRequire(import.meta.url);"},
	plugins: [devtoolsAbsent],
	sourcemap: true,
	legalComments: 'none',
	logLevel: 'warning',
});
