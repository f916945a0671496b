// The README stays true: its key table is the keymap's, and every image it shows exists,
// including one per screenshot scene.
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {betweenMarkers, KEYS_END, KEYS_START, replaceBetweenMarkers, withKeysTable} from '../source/screenshots/readme-keys.js';
import {scenes} from '../source/screenshots/scenes.js';
import {keysMarkdownTable} from '../source/ui/keymap.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Targets of Markdown images and HTML <img> tags, outside code blocks. */
function imageTargets(markdown: string): string[] {
	const prose = markdown.replaceAll(/^```[\s\S]*?^```/gm, '');
	const markdownImages = [...prose.matchAll(/!\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map(match => match[1]!);
	const htmlImages = [...prose.matchAll(/<img\s[^>]*src="([^"]+)"/g)].map(match => match[1]!);
	return [...markdownImages, ...htmlImages];
}

describe('README', () => {
	it('has the key table generated from the keymap between the keys markers', () => {
		const block = betweenMarkers(readme, KEYS_START, KEYS_END);
		expect(block, `README.md needs a ${KEYS_START} … ${KEYS_END} block`).toBeDefined();
		// On drift: npm run build && node dist/screenshots/readme-keys.js
		expect(block!.trim()).toBe(keysMarkdownTable());
	});

	it('names every binding of the keymap in that table', () => {
		const block = betweenMarkers(readme, KEYS_START, KEYS_END)!;
		const rows = block.trim().split('\n').slice(2);
		expect(rows.length).toBe(keysMarkdownTable().split('\n').length - 2);
	});

	it('shows only images that exist in the repository', () => {
		const targets = imageTargets(readme);
		expect(targets.length).toBeGreaterThan(0);
		for (const target of targets) {
			if (/^https?:/.test(target)) continue;
			expect(existsSync(join(root, target)), `${target} is referenced by the README but missing`).toBe(true);
		}
	});

	it('shows the screenshot of every scene', () => {
		const targets = new Set(imageTargets(readme));
		for (const scene of scenes) expect(targets, `README should show screenshots/${scene.name}.svg`).toContain(`screenshots/${scene.name}.svg`);
	});
});

describe('readme-keys', () => {
	it('replaces only the text between the markers', () => {
		const text = `a\n${KEYS_START}\nold\n${KEYS_END}\nb`;
		expect(replaceBetweenMarkers(text, KEYS_START, KEYS_END, 'new')).toBe(`a\n${KEYS_START}\nnew\n${KEYS_END}\nb`);
		expect(betweenMarkers(text, KEYS_START, KEYS_END)).toBe('\nold\n');
	});

	it('refuses a README without the block, and leaves an up-to-date README as it is', () => {
		expect(() => replaceBetweenMarkers('no markers', KEYS_START, KEYS_END, 'x')).toThrow(/no <!-- keys:start -->/);
		expect(withKeysTable(readme)).toBe(readme);
	});

	it('finds Markdown and HTML images but not ones inside code blocks', () => {
		expect(imageTargets('![a](x.svg)\n<img alt="b" src="y.png">\n```\n![c](z.svg)\n```')).toEqual(['x.svg', 'y.png']);
	});
});
