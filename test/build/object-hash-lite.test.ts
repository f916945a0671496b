// Issue 10: @alcalzone/ink-table keys its rows with object-hash's sha1, whose module loads
// node:crypto before the first frame. Bundled with the plugin, ink-table loads without object-hash
// and keys rows as before: unique by index, changing with the row's content. (That the CLI's
// first frame reaches no node:crypto at all is launch-graph.test.ts's.)
import {afterAll, describe, expect, it} from 'vitest';
import {devtoolsAbsent} from '../../source/build/devtools-absent.js';
import {objectHashLite, rowKeyHash} from '../../source/build/object-hash-lite.js';
import {bundleProbe} from './bundle-probe.js';

const probe = bundleProbe('ssmtop-object-hash-');
afterAll(() => {
	probe.remove();
});

/** object-hash in a bundle (esbuild heads each module with a comment of its path); it requires node:crypto. */
const OBJECT_HASH = 'node_modules/object-hash/';

const PROGRAM = `
const {Table} = await import('@alcalzone/ink-table');
process.stdout.write(typeof Table);
`;

describe('ink-table without object-hash', () => {
	it('bundles ink-table without object-hash, and it loads', async () => {
		const run = await probe.run(PROGRAM, [devtoolsAbsent, objectHashLite], 'lite');
		expect(run.failed).toBe(false);
		expect(run.stdout).toBe('function');
		expect(run.bundle).not.toContain(OBJECT_HASH);
		expect(run.bundle).toContain('sha1 = rowKeyHash');
	});

	it('needs the plugin: ink-table as published brings object-hash and node:crypto', async () => {
		const run = await probe.run(PROGRAM, [devtoolsAbsent], 'published');
		expect(run.stdout).toBe('function');
		expect(run.bundle).toContain(OBJECT_HASH);
		expect(run.bundle).toMatch(/require\("crypto"\)/);
	});

	it('keys a row by its content: 8 hex digits, the same for equal rows, another for a changed one', () => {
		const row = {KIND: 'parameter', NAME: 'InstanceId', VALUE: 'i-0123'};
		expect(rowKeyHash(row)).toMatch(/^[0-9a-f]{8}$/);
		expect(rowKeyHash({...row})).toBe(rowKeyHash(row));
		const changed = [{...row, VALUE: 'i-0124'}, {...row, NAME: 'InstanceIds'}, {...row, KIND: 'output'}, {}];
		for (const other of changed) expect(rowKeyHash(other)).not.toBe(rowKeyHash(row));
	});
});
