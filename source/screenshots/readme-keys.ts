/**
 * Keeps the README's key table equal to the keymap: `npm run build && node
 * dist/screenshots/readme-keys.js` rewrites the block between the keys markers; the README test
 * fails when they drift apart.
 */
import {readFile, writeFile} from 'node:fs/promises';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {keysMarkdownTable} from '../ui/keymap.js';

export const KEYS_START = '<!-- keys:start -->';
export const KEYS_END = '<!-- keys:end -->';

/** The text between the first start marker and the end marker after it, or undefined without both. */
export function betweenMarkers(text: string, start: string, end: string): string | undefined {
	const from = text.indexOf(start);
	if (from < 0) return undefined;
	const to = text.indexOf(end, from + start.length);
	if (to < 0) return undefined;
	return text.slice(from + start.length, to);
}

/** The text with the block between the markers replaced by `content` on lines of its own. */
export function replaceBetweenMarkers(text: string, start: string, end: string, content: string): string {
	const from = text.indexOf(start);
	const to = from < 0 ? -1 : text.indexOf(end, from + start.length);
	if (from < 0 || to < 0) throw new Error(`the README has no ${start} … ${end} block`);
	return `${text.slice(0, from + start.length)}\n${content.trim()}\n${text.slice(to)}`;
}

/** The README with its key table regenerated from the keymap. */
export function withKeysTable(readme: string): string {
	return replaceBetweenMarkers(readme, KEYS_START, KEYS_END, keysMarkdownTable());
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const path = resolve('README.md');
	const before = await readFile(path, 'utf8');
	const after = withKeysTable(before);
	if (after !== before) await writeFile(path, after, 'utf8');
	console.log(after === before ? 'README key table already matches the keymap' : 'README key table regenerated from the keymap');
}
