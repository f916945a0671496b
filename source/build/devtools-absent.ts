/** An esbuild plugin of every bundle (source/build/bundle.ts). */
import type {Plugin} from 'esbuild';

/**
 * Ink imports react-devtools-core only when DEV=true, through a dynamic import it guards for
 * ERR_MODULE_NOT_FOUND. It is not installed, so stand in a module that fails the same way: Ink then
 * prints its own hint, as it would unbundled.
 */
export const devtoolsAbsent: Plugin = {
	name: 'devtools-absent',
	setup(builder) {
		builder.onResolve({filter: /^react-devtools-core$/}, args => ({path: args.path, namespace: 'devtools-absent'}));
		builder.onLoad({filter: /.*/, namespace: 'devtools-absent'}, () => ({
			contents: "throw Object.assign(new Error('react-devtools-core is not installed'), {code: 'ERR_MODULE_NOT_FOUND'});",
			loader: 'js',
		}));
	},
};
