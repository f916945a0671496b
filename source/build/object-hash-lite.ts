/**
 * An esbuild plugin of the launch (issue 10), for the CLI's bundle (source/build/bundle.ts):
 * @alcalzone/ink-table keys its rows `row-${sha1(row)}-${index}` with object-hash, whose module
 * loads node:crypto (twenty internal modules, ≈ 3 ms before the first frame, though the table is
 * drawn only in a run's detail) and hashes every row with SHA-1 at every render. The key needs to
 * be unique among the rows, which the index makes it, and to change with the row's content, which
 * a 32-bit FNV-1a of the row's JSON does: object-hash is replaced by that, for `sha1` alone (the
 * only export ink-table imports; the build fails if it imports another).
 */
import type {Plugin} from 'esbuild';

/** FNV-1a over the JSON of a value, as 8 hex digits: a key for a row, not a digest. */
export function rowKeyHash(value: unknown): string {
	const text = JSON.stringify(value) ?? String(value);
	let hash = 0x81_1c_9d_c5;
	for (let index = 0; index < text.length; index++) {
		hash ^= text.charCodeAt(index);
		hash = Math.imul(hash, 0x01_00_01_93);
	}

	return (hash >>> 0).toString(16).padStart(8, '0');
}

export const objectHashLite: Plugin = {
	name: 'object-hash-lite',
	setup(builder) {
		builder.onResolve({filter: /^object-hash$/}, args =>
			/[\\/]@alcalzone[\\/]ink-table[\\/]/.test(args.importer) ? {path: 'object-hash', namespace: 'object-hash-lite'} : undefined,
		);
		builder.onLoad({filter: /.*/, namespace: 'object-hash-lite'}, () => ({
			contents: `${rowKeyHash.toString()}\nexport const sha1 = rowKeyHash;\n`,
			loader: 'js',
		}));
	},
};
