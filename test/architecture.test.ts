// The folders are the architecture (core ← aws, emulator, store, poller ← ui ← cli). ESLint enforces it
// (eslint.config.js, run by `npm test`); this test proves the rules are live: each forbidden import,
// however many folders it climbs, is reported, and an allowed one is not.
import {join} from 'node:path';
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({cwd: root});

async function problems(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath: join(root, file)});
	return (result?.messages ?? []).map(message => `${message.ruleId ?? 'parse'}: ${message.message}`);
}

const cases: ReadonlyArray<{file: string; code: string; rule: RegExp}> = [
	{file: 'source/core/probe.ts', code: "export * from '../store/app-store.js';", rule: /no-restricted-paths.*core is pure/},
	{file: 'source/core/start-form/probe.ts', code: "export * from '../../ui/keymap.js';", rule: /no-restricted-paths.*core is pure/},
	{file: 'source/ui/probe.ts', code: "export * from '../aws/index.js';", rule: /no-restricted-paths.*never call AWS/},
	{file: 'source/ui/modal/probe.ts', code: "export * from '../../poller/index.js';", rule: /no-restricted-paths.*never call AWS/},
	{file: 'source/ui/modal/probe.ts', code: "export * from '../../emulator/index.js';", rule: /no-restricted-paths/},
	{file: 'source/ui/modal/probe.ts', code: "export * from 'node:fs/promises';", rule: /no-restricted-imports.*No I\/O in source\/ui/},
	{file: 'source/ui/probe.ts', code: "export * from '@aws-sdk/client-ssm';", rule: /no-restricted-imports.*Only source\/aws/},
	{file: 'source/store/probe.ts', code: "export * from '../ui/app.js';", rule: /no-restricted-paths.*not clients or views/},
	{file: 'source/poller/probe.ts', code: "export * from '../ui/app.js';", rule: /no-restricted-paths.*through aws/},
	{file: 'source/emulator/engine/probe.ts', code: "export * from '../../store/app-store.js';", rule: /no-restricted-paths.*product of its own/},
	{file: 'source/aws/probe.ts', code: "export * from '../store/app-store.js';", rule: /no-restricted-paths/},
	{file: 'source/poller/probe.ts', code: "export * from '@aws-sdk/client-ssm';", rule: /no-restricted-imports/},
];

describe('import boundaries (eslint.config.js)', () => {
	for (const {file, code, rule} of cases) {
		it(`${file}: ${code}`, async () => {
			expect((await problems(file, code)).some(text => rule.test(text))).toBe(true);
		});
	}

	it('allows what the direction allows', async () => {
		expect(await problems('source/ui/modal/probe.ts', "export * from '../../store/app-store.js';\nexport * from '../../core/types.js';")).toEqual([]);
		expect(await problems('source/poller/probe.ts', "export * from '../store/app-store.js';")).toEqual([]);
	});
});
