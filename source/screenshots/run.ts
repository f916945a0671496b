/**
 * `npm run screenshots`: renders each scene to `screenshots/<name>.svg`. Scenes produce a terminal
 * frame (the ANSI text a terminal of that size would receive); this file only turns them into files.
 */
import {mkdir, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {ansiToSvg, type SvgOptions} from './ansi-to-svg.js';

export type SceneSize = {columns: number; rows: number};

export type Scene = SceneSize & {
	/** File name without extension: lower-case letters, digits and dashes. */
	name: string;
	/** Shown in the window's title bar and as the image's accessible label. */
	title: string;
	/** Produces the frame: ANSI text as written to a terminal of `columns` × `rows`. */
	frame: (size: SceneSize) => Promise<string>;
};

export type WrittenScreenshot = {name: string; path: string; bytes: number};
export type FailedScreenshot = {name: string; error: Error};

export type WriteScreenshotsOptions = {
	outDir: string;
	/** Look of the images (font size, theme); columns, rows and title come from each scene. */
	svg?: Omit<SvgOptions, 'title'>;
	/** Longest a scene may take to produce its frame (default 30 s). */
	timeoutMs?: number;
	log?: (line: string) => void;
};

const NAME = /^[a-z0-9][a-z0-9-]*$/;

function checkScenes(scenes: readonly Scene[]): void {
	const seen = new Set<string>();
	for (const scene of scenes) {
		if (!NAME.test(scene.name)) throw new Error(`scene name "${scene.name}" must be lower-case letters, digits and dashes`);
		if (seen.has(scene.name)) throw new Error(`two scenes are named "${scene.name}"`);
		seen.add(scene.name);
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Renders every scene, one after another (they may share global state such as a fixed clock).
 * A failing scene does not stop the others; its error is returned in `failed`.
 */
export async function writeScreenshots(
	scenes: readonly Scene[],
	options: WriteScreenshotsOptions,
): Promise<{written: WrittenScreenshot[]; failed: FailedScreenshot[]}> {
	checkScenes(scenes);
	const log = options.log ?? (() => {});
	await mkdir(options.outDir, {recursive: true});
	const written: WrittenScreenshot[] = [];
	const failed: FailedScreenshot[] = [];
	for (const scene of scenes) {
		try {
			const size = {columns: scene.columns, rows: scene.rows};
			const frame = await withTimeout(scene.frame(size), options.timeoutMs ?? 30_000, `scene "${scene.name}"`);
			const svg = ansiToSvg(frame, {...options.svg, ...size, title: scene.title});
			const path = join(options.outDir, `${scene.name}.svg`);
			await writeFile(path, svg, 'utf8');
			written.push({name: scene.name, path, bytes: Buffer.byteLength(svg)});
			log(`wrote ${path} (${scene.columns}×${scene.rows})`);
		} catch (error) {
			const failure = error instanceof Error ? error : new Error(String(error));
			failed.push({name: scene.name, error: failure});
			log(`scene "${scene.name}" failed: ${failure.message}`);
		}
	}

	return {written, failed};
}

/**
 * Makes the app render as it does in a colour terminal, whatever runs this command: chalk reads
 * FORCE_COLOR when first imported, and Ink paints only the final frame when it believes it is in CI.
 */
export function prepareScreenshotEnvironment(env: NodeJS.ProcessEnv = process.env): void {
	env['FORCE_COLOR'] = '3';
	delete env['CI'];
	delete env['CONTINUOUS_INTEGRATION'];
	delete env['NO_COLOR'];
}

async function main(): Promise<void> {
	prepareScreenshotEnvironment();
	// Imported only now, after the environment is set, so chalk and Ink see it.
	const {scenes} = await import('./scenes.js');
	if (scenes.length === 0) {
		console.error('screenshots: no scenes are defined yet (source/screenshots/scenes.ts)');
		process.exitCode = 1;
		return;
	}

	const outDir = resolve('screenshots');
	const {written, failed} = await writeScreenshots(scenes, {outDir, log: line => console.log(line)});
	console.log(`screenshots: ${written.length} written to ${outDir}${failed.length > 0 ? `, ${failed.length} failed` : ''}`);
	if (failed.length > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	await main();
}
