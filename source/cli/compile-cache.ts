/**
 * Node's on-disk cache of compiled modules (node:module enableCompileCache, Node ≥ 22.1): the
 * bundle's chunks are compiled once, and later launches read V8's code cache instead of compiling
 * megabytes of JavaScript again (issue 10). On older Node the function is absent and nothing
 * happens; a cache that cannot be written (a read-only home, a full disk) only costs the speed-up,
 * so every failure is silent. NODE_COMPILE_CACHE (a directory) and NODE_DISABLE_COMPILE_CACHE=1
 * are Node's own switches and keep their meaning.
 */
import nodeModule from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** The part of the API that @types/node 20 does not declare yet. */
type EnableCompileCache = (directory?: string) => {status: number; message?: string; directory?: string};

/** $XDG_CACHE_HOME/ssmtop/compile-cache, else a directory of this user's in the OS temp dir. */
export function compileCacheDirectory(env: NodeJS.ProcessEnv, temporary = tmpdir(), uid = process.getuid?.()): string {
	const xdg = env['XDG_CACHE_HOME'];
	// The XDG spec: a relative path is invalid and to be ignored.
	if (xdg?.startsWith('/')) return join(xdg, 'ssmtop', 'compile-cache');
	return join(temporary, `ssmtop-compile-cache${uid === undefined ? '' : `-${uid}`}`);
}

/** Turns the cache on for the modules imported from now on; returns the directory, or undefined. */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): string | undefined {
	const enable = (nodeModule as unknown as {enableCompileCache?: EnableCompileCache}).enableCompileCache;
	if (typeof enable !== 'function') return undefined;
	try {
		return enable(env['NODE_COMPILE_CACHE'] ? undefined : compileCacheDirectory(env)).directory;
	} catch {
		return undefined;
	}
}
