/**
 * The first lines of every bundle (source/build/bundle.ts, and the build tests' probes): an ESM
 * bundle has no `require`, and the CommonJS packages inside it (object-hash, signal-exit's users,
 * Ink's dependencies) call it for Node's built-in modules.
 */
export const ESM_REQUIRE_BANNER =
	"import {createRequire as __ssmtopCreateRequire} from 'node:module';\nconst require = __ssmtopCreateRequire(import.meta.url);";
