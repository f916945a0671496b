/**
 * An esbuild plugin of the launch (issue 10), for every bundle (source/build/bundle.ts): Ink's
 * layout engine loaded without fetch().
 */
import {readFile} from 'node:fs/promises';
import type {Plugin} from 'esbuild';

/** yoga-layout's Emscripten loader, and the check in it that reaches for fetch() (see yogaWithoutFetch). */
const YOGA_LOADER = /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
export const YOGA_FETCH_CHECK = 'function ya(){return w||"function"!=typeof fetch?';
export const YOGA_DATA_URL_CHECK = 'function ya(){return w||ua(H)||"function"!=typeof fetch?';

/**
 * Ink's layout engine (yoga-layout 3.2) is WebAssembly embedded as a base64 data: URL, and its
 * loader reads that URL with fetch() wherever fetch exists. On Node the first call to fetch loads
 * undici, Node's HTTP client (with http2 and tls): ≈ 100 ms of CPU at every launch to decode
 * bytes that are already in the file (issue 10). The loader's other path, which Emscripten takes
 * for a data: URL elsewhere in the same file (`ua(H)`), decodes the base64 in place: the check
 * gains that test. If a yoga-layout release changes the line, the build says so and bundles it as is.
 */
export const yogaWithoutFetch: Plugin = {
	name: 'yoga-without-fetch',
	setup(builder) {
		builder.onLoad({filter: YOGA_LOADER}, async args => {
			const source = await readFile(args.path, 'utf8');
			if (!source.includes(YOGA_FETCH_CHECK)) {
				return {
					contents: source,
					loader: 'js',
					warnings: [{text: 'yoga-layout: the fetch() check of its wasm loader changed; it is bundled unchanged (it loads undici at launch)'}],
				};
			}

			return {contents: source.replace(YOGA_FETCH_CHECK, YOGA_DATA_URL_CHECK), loader: 'js'};
		});
	},
};
