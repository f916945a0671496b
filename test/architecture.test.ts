// The folders are the architecture: this test fails when an import crosses a boundary
// (core is pure; views never reach AWS or the emulator; only cli.tsx wires concrete pieces).
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = join(import.meta.dirname, '..', 'source');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap(name => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
	});
}

function importsOf(path: string): string[] {
	const text = readFileSync(path, 'utf8');
	return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map(m => m[1]!);
}

const rules: Array<{folder: string; forbidden: RegExp; why: string}> = [
	{folder: 'core', forbidden: /^(\.\.\/(aws|emulator|store|poller|ui)\/|@aws-sdk\/|ink|react|zustand|node:(http|net|fs))/, why: 'core is pure domain logic'},
	{folder: 'ui', forbidden: /^(\.\.\/)+(aws|emulator|poller)\/|^@aws-sdk\//, why: 'views read the store; they never call AWS'},
	{folder: 'store', forbidden: /^(\.\.\/(aws|emulator|ui|poller)\/|@aws-sdk\/|ink|react$)/, why: 'the store holds state, not clients or views'},
	{folder: 'poller', forbidden: /^(\.\.\/(ui|emulator)\/|@aws-sdk\/|ink|react)/, why: 'the poller talks to AWS through aws/ only'},
	{folder: 'emulator', forbidden: /^(\.\.\/(aws|ui|store|poller)\/|ink|react)/, why: 'the emulator is a product of its own'},
];

describe('import boundaries', () => {
	for (const rule of rules) {
		it(`${rule.folder}/: ${rule.why}`, () => {
			const dir = join(root, rule.folder);
			const offenders = files(dir).flatMap(file =>
				importsOf(file)
					.filter(spec => rule.forbidden.test(spec))
					.map(spec => `${relative(root, file)} imports ${spec}`),
			);
			expect(offenders).toEqual([]);
		});
	}

	it('only source/aws imports the AWS SDK (besides the cli composition root and the emulator tooling)', () => {
		const offenders = files(root)
			.filter(file => !relative(root, file).startsWith('aws/') && !relative(root, file).startsWith('bench/') && relative(root, file) !== 'cli.tsx')
			.flatMap(file => importsOf(file).filter(spec => spec.startsWith('@aws-sdk/')).map(spec => `${relative(root, file)} imports ${spec}`));
		expect(offenders).toEqual([]);
	});
});
