/**
 * ssmtop's patch of Ink (source/build/patch-ink.mjs, source/build/ink-patch/): it is applied, it
 * fails loudly (and writes nothing) when Ink's text moved, its caches hit and stay bounded, its
 * fast paths agree with the libraries they skip, and its Output gives the rows Ink's own gives.
 */
import {execFile} from 'node:child_process';
import {cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {promisify} from 'node:util';
import {pathToFileURL} from 'node:url';
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createElement} from 'react';
import {Box, Text} from 'ink';
import {render} from 'ink-testing-library';
import stringWidth from 'string-width';
import {styledCharsFromTokens, tokenize} from '@alcalzone/ansi-tokenize';

const run = promisify(execFile);
const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 500);
const SEED = Number(process.env['PROPERTY_SEED'] ?? 20_261_125);
const PATCHER = join(import.meta.dirname, '../../source/build/patch-ink.mjs');
const INK = join(dirname(createRequire(import.meta.url).resolve('ink')), '..');
const MARKER = '/* patched by ssmtop (source/build/patch-ink.mjs) */';
const PATCHED = [
	'build/text-cache.js',
	'build/output.js',
	'build/measure-text.js',
	'build/wrap-text.js',
	'build/ink.js',
	'build/render.d.ts',
	'build/render-node-to-output.js',
	'build/squash-text-nodes.js',
	'build/components/App.js',
];
const ESC = '\u001B';

interface BoundedCache<T> {
	readonly hits: number;
	readonly misses: number;
	readonly size: number;
	get(key: string): T | undefined;
	set(key: string, value: T): void;
}
interface TextCache {
	BoundedCache: new <T>(limit: number) => BoundedCache<T>;
	textCaches: Record<'widths' | 'styledChars' | 'rowStrings', BoundedCache<unknown>>;
	cachedStringWidth(text: string): number;
	simpleStringWidth(text: string): number | undefined;
	simpleStyledChars(line: string): unknown[] | undefined;
	cachedSanitizeAnsi(text: string): string;
}
type OutputClass = new (size: {width: number; height: number}) => {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: {x1?: number; x2?: number; y1?: number; y2?: number}): void;
	unclip(): void;
	get(): {output: string; height: number};
};

const inkModule = async <T>(file: string): Promise<T> => (await import(pathToFileURL(join(INK, file)).href)) as T;

describe('the patch is applied', () => {
	it("marks every file it patched, keeps Ink's own beside it, and changes nothing when run again", async () => {
		for (const file of PATCHED) {
			expect(readFileSync(join(INK, file), 'utf8').startsWith(MARKER), `${file} is patched (run npm run patch-ink)`).toBe(true);
		}

		expect(readFileSync(join(INK, 'build/output.ssmtop-original.js'), 'utf8')).not.toContain(MARKER);
		const before = PATCHED.map(file => statSync(join(INK, file)).mtimeMs);
		const {stderr} = await run(process.execPath, [PATCHER]);
		expect(stderr).toBe('');
		expect(PATCHED.map(file => statSync(join(INK, file)).mtimeMs)).toEqual(before);
	});

	/** A copy of Ink's package.json and unpatched build files, to patch in a temporary folder. */
	function unpatchedCopy(): string {
		const folder = mkdtempSync(join(tmpdir(), 'ssmtop-ink-'));
		cpSync(join(INK, 'package.json'), join(folder, 'package.json'));
		for (const file of PATCHED) {
			const original = join(INK, file.replace(/(\.d\.ts|\.js)$/, '.ssmtop-original$1'));
			try {
				cpSync(original, join(folder, file), {recursive: true});
			} catch {
				// text-cache.js is new: it has no original.
			}
		}

		return folder;
	}

	it("patches a fresh copy of Ink's files into the files this project runs", async () => {
		const folder = unpatchedCopy();
		try {
			const {stderr} = await run(process.execPath, [PATCHER, '--ink', folder]);
			expect(stderr).toContain(`patched ${PATCHED.length} file(s) of ink`);
			for (const file of PATCHED) expect(readFileSync(join(folder, file), 'utf8'), file).toBe(readFileSync(join(INK, file), 'utf8'));
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});

	it('fails loudly, naming the file, and writes nothing when the text it replaces moved', async () => {
		const folder = unpatchedCopy();
		try {
			const wrap = join(folder, 'build/wrap-text.js');
			writeFileSync(wrap, readFileSync(wrap, 'utf8').replace('const cache = {};', 'const cache = new Map();'));
			const failure = await run(process.execPath, [PATCHER, '--ink', folder]).then(
				() => undefined,
				(error: {code: number; stderr: string}) => error,
			);
			expect(failure?.code).toBe(1);
			expect(failure?.stderr).toMatch(/wrap-text\.js no longer has the text this patch replaces/);
			expect(readFileSync(join(folder, 'build/output.js'), 'utf8')).not.toContain(MARKER);
		} finally {
			rmSync(folder, {recursive: true, force: true});
		}
	});
});

describe('the text caches', () => {
	it('measure a string once, then answer from the cache', async () => {
		const {cachedStringWidth, textCaches} = await inkModule<TextCache>('build/text-cache.js');
		const text = `${ESC}[32m✓ Success${ESC}[39m ${Math.random()}`;
		const {hits, misses} = textCaches.widths;
		expect(cachedStringWidth(text)).toBe(stringWidth(text));
		expect(cachedStringWidth(text)).toBe(stringWidth(text));
		expect(textCaches.widths.misses).toBe(misses + 1);
		expect(textCaches.widths.hits).toBe(hits + 1);
	});

	it('stay bounded however many strings go by, and keep what is in use', async () => {
		const {BoundedCache} = await inkModule<TextCache>('build/text-cache.js');
		const cache = new BoundedCache<number>(100);
		for (let index = 0; index < 10_000; index++) {
			cache.set(`row ${index}`, index);
			// A string every frame uses survives every turnover.
			if (cache.get('header') === undefined) cache.set('header', -1);
			expect(cache.size).toBeLessThanOrEqual(200);
		}

		expect(cache.get('header')).toBe(-1);
		expect(cache.get('row 9999')).toBe(9999);
		expect(cache.get('row 0')).toBeUndefined();
	});

	/** Text as the views make it: ASCII, status glyphs, and what must take the slow path. */
	const tricky = [
		'a',
		'Z',
		' ',
		'0',
		'…',
		'▶',
		'✓',
		'✗',
		'·',
		'─',
		'é',
		'ß',
		'\u00AD',
		'界',
		'🙂',
		'\u0301',
		'\u200D',
		'\uFE0F',
		'\u200B',
		'\t',
		'\u0007',
		'⌚',
		'☔',
		'ᄀ',
		'\u1161',
	];
	const sgr = fc.constantFrom(
		`${ESC}[31m`,
		`${ESC}[39m`,
		`${ESC}[1;7m`,
		`${ESC}[22;27m`,
		`${ESC}[38;5;208m`,
		`${ESC}[0m`,
		`${ESC}[m`,
		`${ESC}[2J`,
		`${ESC}]8;;x${ESC}\\`,
	);
	const text = fc
		.array(fc.oneof({weight: 5, arbitrary: fc.constantFrom(...tricky)}, {weight: 1, arbitrary: sgr}), {maxLength: 30})
		.map(parts => parts.join(''));

	it("give string-width's width without its segmentation, wherever they skip it", async () => {
		const {cachedStringWidth, simpleStringWidth} = await inkModule<TextCache>('build/text-cache.js');
		fc.assert(
			fc.property(text, value => {
				expect(cachedStringWidth(value)).toBe(stringWidth(value));
				const fast = simpleStringWidth(value);
				if (fast !== undefined) expect(fast).toBe(stringWidth(value));
			}),
			{numRuns: RUNS, seed: SEED},
		);
		// The rows' glyphs take the fast path.
		const row = `${ESC}[36m▶ InProgress${ESC}[39m 003a2947 Ops-Migrate… 5m00s ↳ ✓ ✗ ⏸ ·`;
		expect(simpleStringWidth(row)).toBe(stringWidth(row));
	});

	it("give ansi-tokenize's styled characters without its segmentation, wherever they skip it", async () => {
		const {simpleStyledChars} = await inkModule<TextCache>('build/text-cache.js');
		fc.assert(
			fc.property(text, value => {
				const fast = simpleStyledChars(value);
				if (fast !== undefined) expect(fast).toEqual(styledCharsFromTokens(tokenize(value)));
			}),
			{numRuns: RUNS, seed: SEED},
		);
		expect(simpleStyledChars(`${ESC}[7m${ESC}[36m▶ a${ESC}[39m…${ESC}[27m`)).toHaveLength(4);
	});

	it("give sanitize-ansi's cleaned text, asked once or again", async () => {
		const {cachedSanitizeAnsi} = await inkModule<TextCache>('build/text-cache.js');
		const {default: sanitizeAnsi} = await inkModule<{default: (text: string) => string}>('build/sanitize-ansi.js');
		// Cursor moves, screen clears, OSC and SGR among the text: only SGR and OSC are kept.
		const escapes = fc.constantFrom(`${ESC}[2J`, `${ESC}[3A`, `${ESC}]0;title\u0007`, `${ESC}[1;31m`, `${ESC}[0m`, `${ESC}[?25l`, '\u009b5C');
		const hostile = fc.array(fc.oneof(text, escapes), {maxLength: 8}).map(parts => parts.join(''));
		fc.assert(
			fc.property(hostile, value => {
				expect(cachedSanitizeAnsi(value)).toBe(sanitizeAnsi(value));
				expect(cachedSanitizeAnsi(value)).toBe(sanitizeAnsi(value));
			}),
			{numRuns: RUNS, seed: SEED},
		);
		expect(cachedSanitizeAnsi(`a${ESC}[2Jb`)).toBe('ab');
	});
});

describe('wrapped and truncated text', () => {
	it('is cached by width and text apart ("x…x1" at 2 columns is not "x…x" at 12)', async () => {
		// Ink 6.8 keyed its cache by text + width, so the second text got the first one's wrapping.
		const long = 'x'.repeat(13);
		const {lastFrame, unmount} = render(
			createElement(
				Box,
				{flexDirection: 'column'},
				createElement(Box, {width: 12}, createElement(Text, null, long)),
				createElement(Box, {width: 2}, createElement(Text, null, `${long}1`)),
			),
		);
		expect(lastFrame()).toBe(['x'.repeat(12), 'x', ...Array.from({length: 6}, () => 'xx'), 'x1'].join('\n'));
		unmount();
	});
});

describe("the patched Output gives Ink's rows", () => {
	const styled = fc
		.array(
			fc.oneof(
				{weight: 4, arbitrary: fc.constantFrom('a', 'b', ' ', '…', '▶', '界', '🙂', 'e\u0301', '\n')},
				{weight: 1, arbitrary: fc.constantFrom(`${ESC}[31m`, `${ESC}[39m`, `${ESC}[7m`, `${ESC}[27m`, `${ESC}[1m`, `${ESC}[22m`)},
			),
			{
				minLength: 1,
				maxLength: 24,
			},
		)
		.map(parts => parts.join(''));
	const operation = fc.oneof(
		{
			weight: 5,
			arbitrary: fc.record({
				kind: fc.constant('write' as const),
				x: fc.integer({min: -3, max: 24}),
				y: fc.integer({min: -2, max: 9}),
				text: styled,
				transform: fc.boolean(),
			}),
		},
		{
			weight: 1,
			arbitrary: fc.record({
				kind: fc.constant('clip' as const),
				x1: fc.option(fc.integer({min: -1, max: 20}), {nil: undefined}),
				x2: fc.option(fc.integer({min: 0, max: 24}), {nil: undefined}),
				y1: fc.option(fc.integer({min: -1, max: 8}), {nil: undefined}),
				y2: fc.option(fc.integer({min: 0, max: 9}), {nil: undefined}),
			}),
		},
		{weight: 1, arbitrary: fc.constant({kind: 'unclip' as const})},
	);
	// Transformers as Text applies them: per line, knowing its index.
	const transformers = [(line: string, index: number) => `${ESC}[3${index % 8}m${line}${ESC}[39m`];

	it('for random writes and clips, frame after frame (the row cache warm)', async () => {
		const {default: Patched} = await inkModule<{default: OutputClass}>('build/output.js');
		const {default: Original} = await inkModule<{default: OutputClass}>('build/output.ssmtop-original.js');
		fc.assert(
			fc.property(
				fc.integer({min: 1, max: 24}),
				fc.integer({min: 1, max: 8}),
				fc.array(fc.array(operation, {maxLength: 12}), {minLength: 1, maxLength: 3}),
				(width, height, frames) => {
					for (const operations of frames) {
						const outputs = [new Patched({width, height}), new Original({width, height})];
						for (const output of outputs) {
							for (const value of operations) {
								if (value.kind === 'write') output.write(value.x, value.y, value.text, {transformers: value.transform ? transformers : []});
								else if (value.kind === 'clip') output.clip({x1: value.x1, x2: value.x2, y1: value.y1, y2: value.y2});
								else output.unclip();
							}
						}

						expect(outputs[0]!.get()).toEqual(outputs[1]!.get());
					}
				},
			),
			{numRuns: RUNS, seed: SEED},
		);
	});
});

describe("the App drawn with the patched Ink and with Ink's own files", () => {
	it('gives the same frames, byte for byte, over list, filter and detail keys', async () => {
		// An unpatched Ink: a copy whose patched files are put back as Ink shipped them.
		const copy = mkdtempSync(join(tmpdir(), 'ssmtop-ink-'));
		try {
			cpSync(join(INK, 'build'), join(copy, 'build'), {recursive: true});
			cpSync(join(INK, 'package.json'), join(copy, 'package.json'));
			for (const file of PATCHED) {
				const original = join(copy, file.replace(/(\.d\.ts|\.js)$/, '.ssmtop-original$1'));
				if (file === 'build/text-cache.js') rmSync(join(copy, file));
				else writeFileSync(join(copy, file), readFileSync(original));
			}

			expect(readFileSync(join(copy, 'build/output.js'), 'utf8')).not.toContain(MARKER);
			const script = join(import.meta.dirname, 'fixtures/render-app-frames.mjs');
			const frames = async (unpatched: boolean): Promise<{ink: string; frames: string[]}> => {
				const file = join(copy, unpatched ? 'frames-unpatched.json' : 'frames-patched.json');
				const hooks = unpatched ? ['--import', join(import.meta.dirname, 'fixtures/with-unpatched-ink.mjs')] : [];
				await run(process.execPath, [...hooks, script, file], {env: {...process.env, FORCE_COLOR: '3', UNPATCHED_INK: copy, REAL_INK: INK}});
				return JSON.parse(readFileSync(file, 'utf8')) as {ink: string; frames: string[]};
			};

			const [{ink: patchedInk, frames: patched}, {ink: unpatchedInk, frames: unpatched}] = await Promise.all([frames(false), frames(true)]);
			expect(patchedInk).toBe(pathToFileURL(join(INK, 'build/index.js')).href);
			expect(unpatchedInk).toBe(pathToFileURL(join(copy, 'build/index.js')).href);
			// The keys drew many different frames, in colour (status glyphs, "…", wide characters among them).
			expect(new Set(patched).size).toBeGreaterThan(40);
			expect(patched.at(-1)).toContain(`${ESC}[`);
			expect(patched.join('')).toMatch(/▶.*…/);
			expect(patched.join('')).toContain('日本語');
			expect(patched).toEqual(unpatched);
		} finally {
			rmSync(copy, {recursive: true, force: true});
		}
	}, 180_000);
});
