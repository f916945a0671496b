// The linter: typescript-eslint, the react-hooks rules, and the architecture as import rules.
// The folders are the architecture (core ← aws, emulator, store, poller ← ui ← cli): an import
// that crosses a boundary is an error here, resolved by path (the TypeScript resolver maps the
// `.js` specifiers to their `.ts` files), so an import that climbs any number of folders is caught.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import {importX} from 'eslint-plugin-import-x';
import {createTypeScriptImportResolver} from 'eslint-import-resolver-typescript';

const folders = ['core', 'aws', 'emulator', 'store', 'poller', 'ui', 'cli'];
/** What each folder may not import, and why (the message a developer reads). */
const forbidden = {
	core: {from: ['aws', 'emulator', 'store', 'poller', 'ui', 'cli'], why: 'core is pure domain logic'},
	aws: {from: ['emulator', 'store', 'poller', 'ui', 'cli'], why: 'aws/ maps the SDK to core types; it knows no state or views'},
	emulator: {from: ['aws', 'store', 'poller', 'ui', 'cli'], why: 'the emulator is a product of its own'},
	store: {from: ['aws', 'emulator', 'poller', 'ui', 'cli'], why: 'the store holds state, not clients or views'},
	poller: {from: ['emulator', 'ui', 'cli'], why: 'the poller talks to AWS through aws/ only'},
	ui: {from: ['aws', 'emulator', 'poller', 'cli'], why: 'views read the store; they never call AWS'},
};
const zones = Object.entries(forbidden).flatMap(([target, rule]) =>
	rule.from.map(from => ({target: `./source/${target}`, from: `./source/${from}`, message: rule.why})),
);
if (!Object.keys(forbidden).every(folder => folders.includes(folder))) throw new Error('eslint.config.js: unknown folder');

const noSdk = {group: ['@aws-sdk/*'], message: 'Only source/aws talks to the AWS SDK.'};
const noNode = {group: ['node:*'], message: 'No I/O in source/ui: effects run in the effect runner (source/cli).'};
const inkText = {
	name: 'ink',
	importNames: ['Text'],
	message: "Import Text from source/ui/text.tsx: Ink's Text sends escape sequences in AWS data to the terminal.",
};
const inkTable = {
	name: '@alcalzone/ink-table',
	message:
		"Ink-table draws with Ink's Text, which sends escape sequences in AWS data to the terminal; pass cells through visibleText as source/ui/detail/info-table.tsx does.",
};

export default tseslint.config(
	{ignores: ['dist/', 'node_modules/', '.bench/', 'screenshots/']},
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		plugins: {'react-hooks': reactHooks, 'import-x': importX},
		settings: {'import-x/resolver-next': [createTypeScriptImportResolver({project: './tsconfig.json'})]},
		rules: {
			'react-hooks/rules-of-hooks': 'error',
			'react-hooks/exhaustive-deps': 'error',
			'import-x/no-restricted-paths': ['error', {zones}],
			'@typescript-eslint/no-unused-vars': [
				'error',
				{argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true},
			],
			'@typescript-eslint/consistent-type-imports': ['error', {fixStyle: 'inline-type-imports'}],
			// A terminal program matches control characters on purpose (escape sequences, DEL, BEL).
			'no-control-regex': 'off',
		},
	},
	{
		files: ['source/**/*.{ts,tsx}'],
		ignores: ['source/aws/**', 'source/bench/**'],
		rules: {'no-restricted-imports': ['error', {patterns: [noSdk]}]},
	},
	{
		files: ['source/ui/**/*.{ts,tsx}', 'source/core/**/*.ts', 'source/store/**/*.ts'],
		rules: {'no-restricted-imports': ['error', {patterns: [noSdk, noNode]}]},
	},
	// Data from AWS is shown, not obeyed: Ink's Text passes SGR and OSC sequences through, so the
	// views use source/ui/text.tsx, which makes control characters visible (issue 9, item 10).
	// Ink-table draws with Ink's Text too: only the info table, which cleans its cells, may use it.
	{
		files: ['source/ui/**/*.{ts,tsx}'],
		ignores: ['source/ui/text.tsx', 'source/ui/detail/info-table.tsx'],
		rules: {'no-restricted-imports': ['error', {paths: [inkText, inkTable], patterns: [noSdk, noNode]}]},
	},
	{
		files: ['source/ui/detail/info-table.tsx'],
		rules: {'no-restricted-imports': ['error', {paths: [inkText], patterns: [noSdk, noNode]}]},
	},
	{
		files: ['test/**/*.{ts,tsx}'],
		rules: {'@typescript-eslint/no-non-null-assertion': 'off'},
	},
);
