/**
 * An esbuild plugin of the launch (issue 10), for the CLI's bundle (source/build/bundle.ts): meow
 * as published, with one of its dependencies initialised when first called instead of when meow
 * is imported.
 */
import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';

const MEOW_DEPENDENCIES = /meow[\\/]build[\\/]dependencies\.js$/;
export const EAGER_NORMALIZE = 'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);';
export const LAZY_NORMALIZE =
	'let normalizePackageDataOnce;\nconst normalizePackageData = (...parameters) => (normalizePackageDataOnce ??= getDefaultExportFromCjs(requireNormalize()))(...parameters);';

/**
 * meow 14 bundles its dependencies into one module, and initialises normalize-package-data (with
 * spdx-correct and the SPDX licence lists it sorts) as that module loads: ≈ 60 ms of CPU at every
 * launch, most of what importing meow costs, for a function meow calls only when `cli.pkg` is
 * read (ssmtop never reads it). The two lines that initialise it become a function that does so
 * at its first call, with the same arguments and result. If a meow release changes them, the build
 * says so and bundles meow as is.
 */
export const meowLazyPackageData: Plugin = {
	name: 'meow-lazy-package-data',
	setup(builder) {
		builder.onLoad({filter: MEOW_DEPENDENCIES}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(EAGER_NORMALIZE)) {
				return {
					contents: source,
					loader: 'js',
					warnings: [{text: 'meow: the lines that initialise normalize-package-data changed; meow is bundled unchanged (slower to import)'}],
				};
			}

			return {contents: source.replace(EAGER_NORMALIZE, LAZY_NORMALIZE), loader: 'js'};
		});
	},
};
