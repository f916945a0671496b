import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ansiToSvg} from '../../source/screenshots/ansi-to-svg.js';
import {prepareScreenshotEnvironment, writeScreenshots, type Scene} from '../../source/screenshots/run.js';

const ESC = '\u001B';
let outDir: string;

beforeEach(async () => {
	outDir = await mkdtemp(join(tmpdir(), 'ssmtop-screenshots-'));
});

afterEach(async () => {
	await rm(outDir, {recursive: true, force: true});
});

const frame = `${ESC}[32m● InProgress${ESC}[0m  exec-1234`;

describe('writeScreenshots', () => {
	it('writes one SVG per scene, rendered at the scene size with its title', async () => {
		const sizes: unknown[] = [];
		const scene: Scene = {
			name: 'list',
			title: 'ssmtop — list',
			columns: 40,
			rows: 4,
			async frame(size) {
				sizes.push(size);
				return frame;
			},
		};
		const result = await writeScreenshots([scene], {outDir});
		expect(result.failed).toEqual([]);
		expect(result.written).toEqual([{name: 'list', path: join(outDir, 'list.svg'), bytes: expect.any(Number)}]);
		expect(sizes).toEqual([{columns: 40, rows: 4}]);
		const svg = await readFile(join(outDir, 'list.svg'), 'utf8');
		expect(svg).toBe(ansiToSvg(frame, {columns: 40, rows: 4, title: 'ssmtop — list'}));
		expect(svg).toContain('>● InProgress</text>');
		expect(svg).toContain('>ssmtop — list</text>');
		expect(result.written[0]!.bytes).toBe(Buffer.byteLength(svg));
	});

	it('keeps going when one scene fails and reports which', async () => {
		const scenes: Scene[] = [
			{name: 'broken', title: 'x', columns: 10, rows: 2, frame: async () => { throw new Error('no store'); }},
			{name: 'ok', title: 'y', columns: 10, rows: 2, frame: async () => 'fine'},
		];
		const lines: string[] = [];
		const result = await writeScreenshots(scenes, {outDir, log: line => lines.push(line)});
		expect(result.failed.map(failure => [failure.name, failure.error.message])).toEqual([['broken', 'no store']]);
		expect(result.written.map(item => item.name)).toEqual(['ok']);
		expect(await readdir(outDir)).toEqual(['ok.svg']);
		expect(lines[0]).toBe('scene "broken" failed: no store');
	});

	it('gives up on a scene that never produces a frame', async () => {
		const stuck: Scene = {name: 'stuck', title: 's', columns: 10, rows: 2, frame: () => new Promise(() => {})};
		const result = await writeScreenshots([stuck], {outDir, timeoutMs: 20});
		expect(result.failed[0]?.error.message).toBe('scene "stuck" took longer than 20 ms');
	});

	it('rejects names that are not safe file names, and duplicates', async () => {
		const scene = (name: string): Scene => ({name, title: '', columns: 10, rows: 2, frame: async () => ''});
		await expect(writeScreenshots([scene('../escape')], {outDir})).rejects.toThrow(/lower-case letters/);
		await expect(writeScreenshots([scene('a'), scene('a')], {outDir})).rejects.toThrow(/two scenes/);
		expect(await readdir(outDir)).toEqual([]);
	});
});

describe('prepareScreenshotEnvironment', () => {
	it('forces colour and normal (non-CI) rendering', () => {
		const env: NodeJS.ProcessEnv = {NO_COLOR: '1', CI: 'true', CONTINUOUS_INTEGRATION: '1', HOME: '/home/x'};
		prepareScreenshotEnvironment(env);
		expect(env).toEqual({FORCE_COLOR: '3', HOME: '/home/x'});
	});
});
