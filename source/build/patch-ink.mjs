#!/usr/bin/env node
/**
 * Patches Ink 6.8 in node_modules, before anything imports or bundles it (`npm run build` and
 * `npm install`'s prepare run this first). Plain JavaScript, not TypeScript: it runs before tsc.
 *
 * Why: a frame of ssmtop's list costs Ink ~50 ms of CPU, nearly all of it measuring and cutting
 * text that was measured and cut the frame before (string-width, ansi-tokenize, slice-ansi), as
 * Ink 6.8 builds its measurement caches afresh for every frame and its text-measure cache never
 * forgets a string. See BENCHMARKS in the commit log and `npm run bench`.
 *
 * The edits:
 * - text-cache.js (new): bounded caches of two generations; a generation that fills becomes the
 *   old one and the one before is dropped, so what the last frames used stays warm and memory
 *   stays bounded whatever scrolls by.
 * - output.js: one set of width / styled-character caches for all frames, not one per frame;
 *   a clip that cuts nothing off a line (ssmtop's rows are fitted to their width) no longer
 *   re-slices the line.
 * - measure-text.js, wrap-text.js: their never-emptied caches become bounded ones (and
 *   wrap-text's key can no longer mistake "a1" at width 2 for "a" at width 12).
 * - render-node-to-output.js: the width of each text node, measured on every frame, comes from
 *   the shared cache.
 * - squash-text-nodes.js: a text node's styled text, tokenised on every frame to strip escape
 *   sequences other than SGR and OSC (sanitize-ansi.js, a pure function), is cleaned once.
 * - ink.js, render.d.ts: render(…, {createLogUpdate}) replaces Ink's frame writer (log-update)
 *   with the caller's, so a frame can go out as only the lines that changed, in one write
 *   (source/cli/frame-writer.ts); Ink then adds no synchronized-update markers of its own.
 *
 * Each edit names the exact text it replaces and fails loudly when that text is not there once
 * (Ink moved on: update this file), before writing anything. Ink's own files are kept beside the
 * patched ones (output.js → output.ssmtop-original.js), so a changed patch is applied to them
 * afresh and the tests can compare the two; running this again changes nothing.
 *
 * Usage: node source/build/patch-ink.mjs [--ink <Ink's folder>] (default: the Ink this project resolves).
 */
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import process from 'node:process';
import {fileURLToPath} from 'node:url';
import {parseArgs} from 'node:util';

const MARKER = '/* patched by ssmtop (source/build/patch-ink.mjs) */\n';

/**
 * copy: a file of source/build/ink-patch/ put in place of Ink's (whose original must have the
 * given SHA-256, if it had one: a new file has none); edits: [exact text, replacement] pairs.
 * @type {{file: string, copy?: string, originalSha256?: string, edits?: [string, string][]}[]}
 */
const PATCHES = [
	{file: 'build/text-cache.js', copy: 'text-cache.js'},
	{file: 'build/output.js', copy: 'output.js', originalSha256: 'de9078c7fc647c40cf9e32d6658fcbbee91dae9e3f6334e5f4ebfc5905fc401d'},
	{
		file: 'build/measure-text.js',
		edits: [
			[
				"import widestLine from 'widest-line';\nconst cache = new Map();\n",
				"import { cachedWidestLine as widestLine, measuredTexts as cache } from './text-cache.js';\n",
			],
		],
	},
	{
		file: 'build/wrap-text.js',
		edits: [
			['const cache = {};\n', "import { wrappedTexts as cache } from './text-cache.js';\n"],
			[
				'    const cacheKey = text + String(maxWidth) + String(wrapType);\n    const cachedText = cache[cacheKey];\n',
				'    const cacheKey = `${maxWidth}\\u0000${wrapType}\\u0000${text}`;\n    const cachedText = cache.get(cacheKey);\n',
			],
			['    cache[cacheKey] = wrappedText;\n', '    cache.set(cacheKey, wrappedText);\n'],
		],
	},
	{
		file: 'build/ink.js',
		edits: [
			[
				'        this.log = logUpdate.create(options.stdout, {\n',
				"        // The caller's frame writer, if it brings one (ssmtop patch).\n        this.log = (options.createLogUpdate ?? logUpdate.create)(options.stdout, {\n",
			],
			[
				'                const shouldWrite = this.log.willRender(output);\n                const sync = shouldSynchronize(this.options.stdout);\n',
				'                const shouldWrite = this.log.willRender(output);\n                // A frame writer that wraps its frames itself needs no second pair of markers (ssmtop patch).\n                const sync = !this.log.synchronized && shouldSynchronize(this.options.stdout);\n',
			],
			// The frame that answers a key is drawn at once. Ink's throttle (30 frames a second) made a
			// key that came just after a data refresh's frame wait up to 33 ms for its own (issue 10, 11).
			[
				'            this.rootNode.onRender = () => {\n                this.hasPendingThrottledRender = true;\n                throttled();\n            };\n',
				'            this.rootNode.onRender = () => {\n                // Input arrived since the last frame: this one answers it, now (ssmtop patch).\n                if (this.inputArrived) {\n                    this.inputArrived = false;\n                    throttled.cancel();\n                    this.hasPendingThrottledRender = false;\n                    this.onRender();\n                    return;\n                }\n                this.hasPendingThrottledRender = true;\n                throttled();\n            };\n',
			],
			[
				'onExit: this.handleAppExit }',
				'onExit: this.handleAppExit, onInputArrived: () => {\n                    this.inputArrived = true;\n                } }',
			],
		],
	},
	{
		file: 'build/components/App.js',
		edits: [
			[
				'function App({ children, stdin, stdout, stderr, writeToStdout, writeToStderr, exitOnCtrlC, onExit, setCursorPosition, }) {\n',
				'function App({ children, stdin, stdout, stderr, writeToStdout, writeToStderr, exitOnCtrlC, onExit, setCursorPosition, onInputArrived, }) {\n',
			],
			[
				'            const inputEvents = inputParserRef.current.push(chunk);\n',
				'            // Tells the instance that the next frame answers input (ssmtop patch).\n            onInputArrived?.();\n            const inputEvents = inputParserRef.current.push(chunk);\n',
			],
		],
	},
	{
		file: 'build/render.d.ts',
		edits: [
			[
				'    incrementalRendering?: boolean;\n',
				"    incrementalRendering?: boolean;\n    /**\n    Replaces Ink's frame writer (log-update) with the one this returns (ssmtop patch). If it has\n    `synchronized: true`, it wraps each frame in synchronized-update markers itself.\n    */\n    createLogUpdate?: (stream: NodeJS.WriteStream, options: {showCursor?: boolean; incremental?: boolean}) => import('./log-update.js').LogUpdate & {readonly synchronized?: boolean};\n",
			],
		],
	},
	{
		file: 'build/squash-text-nodes.js',
		edits: [["import sanitizeAnsi from './sanitize-ansi.js';\n", "import { cachedSanitizeAnsi as sanitizeAnsi } from './text-cache.js';\n"]],
	},
	{
		file: 'build/render-node-to-output.js',
		edits: [["import widestLine from 'widest-line';\n", "import { cachedWidestLine as widestLine } from './text-cache.js';\n"]],
	},
];

const fail = message => {
	process.stderr.write(`patch-ink: ${message}\n`);
	process.exit(1);
};

/** Where Ink is: `--ink <folder>` (the tests patch a copy), or the one this project resolves. */
function inkFolder() {
	const {values} = parseArgs({options: {ink: {type: 'string'}}});
	if (values.ink !== undefined) return values.ink;
	const require = createRequire(import.meta.url);
	// Ink's exports hide its package.json: go up from its entry point (build/index.js).
	return join(dirname(require.resolve('ink')), '..');
}

/** build/output.js → build/output.ssmtop-original.js: Ink's own file, kept (and importable) beside the patched one. */
const originalPath = path => path.replace(/(\.d\.ts|\.js)$/, '.ssmtop-original$1');

const inkRoot = inkFolder();
const version = JSON.parse(readFileSync(join(inkRoot, 'package.json'), 'utf8')).version;
const patchFolder = join(dirname(fileURLToPath(import.meta.url)), 'ink-patch');
const update = `Update source/build/patch-ink.mjs (and source/build/ink-patch/) for ink ${version}.`;

/** Every patched file's text, worked out before anything is written: a patch that fails writes nothing. */
const results = PATCHES.map(patch => {
	const path = join(inkRoot, patch.file);
	const isNew = patch.copy !== undefined && patch.originalSha256 === undefined;
	let original = '';
	if (!isNew) {
		const kept = originalPath(path);
		if (existsSync(kept)) original = readFileSync(kept, 'utf8');
		else if (!existsSync(path)) fail(`ink ${version} has no ${patch.file}. ${update}`);
		else {
			original = readFileSync(path, 'utf8');
			if (original.includes(MARKER.trim()))
				fail(`${patch.file} is patched but Ink's own file is gone: reinstall Ink (rm -rf node_modules/ink && npm install).`);
		}
	}

	let text = original;
	if (patch.copy === undefined) {
		for (const [before, after] of patch.edits) {
			const at = text.indexOf(before);
			if (at === -1 || text.indexOf(before, at + 1) !== -1) {
				fail(`ink ${version}'s ${patch.file} ${at === -1 ? 'no longer has' : 'has more than one copy of'} the text this patch replaces:\n${before}\n${update}`);
			}

			text = text.slice(0, at) + after + text.slice(at + before.length);
		}
	} else {
		if (!isNew && createHash('sha256').update(original).digest('hex') !== patch.originalSha256) {
			fail(`ink ${version}'s ${patch.file} is not the file source/build/ink-patch/${patch.copy} was written for. ${update}`);
		}

		text = readFileSync(join(patchFolder, patch.copy), 'utf8');
	}

	return {path, original: isNew ? undefined : original, text: MARKER + text};
});

let changed = 0;
for (const {path, original, text} of results) {
	if (original !== undefined && !existsSync(originalPath(path))) writeFileSync(originalPath(path), original);
	if (!existsSync(path) || readFileSync(path, 'utf8') !== text) {
		writeFileSync(path, text);
		changed++;
	}
}

if (changed > 0) process.stderr.write(`patch-ink: patched ${changed} file(s) of ink ${version}\n`);
