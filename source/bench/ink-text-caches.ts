/**
 * Ink's text-measurement caches (ssmtop's patch, node_modules/ink/build/text-cache.js): bounded by
 * construction, each at most twice its limit, and tested so (test/build/ink-patch.test.ts). A soak
 * empties them before it samples the heap, so their fill-and-turnover (a sawtooth of a few MB as
 * the ticking clock measures new strings) is not read as growth or shrinkage of the app.
 */
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {pathToFileURL} from 'node:url';

interface Emptiable {
	current: Map<unknown, unknown>;
	previous: Map<unknown, unknown>;
}

/** The module the bundled and the unbundled Ink both import ('./text-cache.js' next to Ink's index). */
async function textCaches(): Promise<Record<string, Emptiable>> {
	const inkEntry = createRequire(import.meta.url).resolve('ink');
	const module = (await import(pathToFileURL(join(dirname(inkEntry), 'text-cache.js')).href)) as {textCaches: Record<string, Emptiable>};
	return module.textCaches;
}

/** Empties every one of Ink's text caches; returns how many entries they held. */
export async function emptyInkTextCaches(): Promise<number> {
	let entries = 0;
	for (const cache of Object.values(await textCaches())) {
		entries += cache.current.size + cache.previous.size;
		cache.current = new Map();
		cache.previous = new Map();
	}

	return entries;
}
