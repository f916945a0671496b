// Issue 10: what the bundled CLI compiles before its first frame is the static import graph of
// dist/cli.js (the views' chunk is imported once the flags are read). The AWS SDK, the emulator and
// the YAML parser are imported when first needed: none of them may be reachable statically.
import {readdirSync, readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));

/** Every file dist/cli.js reaches through static `import … from "./…"` (dynamic import() excluded). */
function staticGraph(entry: string): Map<string, string> {
	const files = new Map<string, string>();
	const visit = (file: string): void => {
		if (files.has(file)) return;
		const text = readFileSync(file, 'utf8');
		files.set(file, text);
		for (const match of text.matchAll(/^(?:import|export)\b[^;'"]*?(?:from\s*)?["'](\.{1,2}\/[^"']+)["']/gm)) visit(join(dirname(file), match[1]!));
	};
	visit(entry);
	return files;
}

describe('the launch path of the bundle', () => {
	const graph = staticGraph(join(DIST, 'cli.js'));
	const modulesOf = (pattern: RegExp): string[] => [...graph].filter(([, text]) => pattern.test(text)).map(([file]) => file.slice(DIST.length));

	it('reaches the flags and the store statically', () => {
		expect(graph.size).toBeGreaterThan(3);
		expect(modulesOf(/^\/\/ node_modules\/meow\//m).length).toBeGreaterThan(0);
	});

	it('leaves the YAML parser, the SDK and the emulator to dynamic imports', () => {
		expect(modulesOf(/^\/\/ node_modules\/yaml\//m)).toEqual([]);
		expect(modulesOf(/^\/\/ node_modules\/@aws-sdk\//m)).toEqual([]);
		// The emulator's account constants are the one part the header needs before it runs.
		expect(modulesOf(/^\/\/ source\/emulator\/(?!accounts\.ts)/m)).toEqual([]);
	});

	it('loads no node:crypto before the first frame, with the views', () => {
		// node:crypto is twenty of Node's internal modules; nothing drawn at launch needs it.
		const views = readdirSync(join(DIST, 'chunks')).find(file => /^mount-ui-.*\.js$/.test(file));
		expect(views).toBeDefined();
		const firstFrame = new Map([...graph, ...staticGraph(join(DIST, 'chunks', views!))]);
		const crypto = [...firstFrame].filter(([, text]) => /from\s*["'](?:node:)?crypto["']|require\(["'](?:node:)?crypto["']\)/.test(text));
		expect(crypto.map(([file]) => file.slice(DIST.length))).toEqual([]);
	});
});
