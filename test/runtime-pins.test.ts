// package.json names Node 20 in `engines` (this machine's; the tests also run on 22 and 24, .ci/run).
// The AWS SDK for JavaScript v3 drops Node 20 in its releases after the first week of January 2027,
// within major version 3, so a caret range would let an install without the lockfile pull one. Every
// SDK package is held to a version known to support the Node that `engines` names: the clients by
// exact versions, the packages they bring by `overrides` with an upper bound. Upgrading means raising
// those bounds together, which this test asks for once the lockfile holds a newer SDK.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';

const root = join(import.meta.dirname, '..');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	engines: {node: string};
	dependencies: Record<string, string>;
	overrides?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
	packages: Record<string, {version?: string; dev?: boolean; engines?: {node?: string}}>;
};

type Version = readonly [number, number, number];

function parseVersion(text: string): Version {
	const [major = 0, minor = 0, patch = 0] = text.trim().split('.').map(Number);
	return [major, minor, patch];
}

const compare = (a: Version, b: Version): number => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies an engines range of the forms packages use: `>=X.Y.Z`, `^X.Y.Z`, `X`, `A || B`. */
function satisfies(version: string, range: string): boolean {
	const wanted = parseVersion(version);
	return range.split('||').some(part => {
		const comparator = part.trim();
		const match = /^(>=|\^)?\s*(\d+(?:\.\d+){0,2})$/.exec(comparator);
		if (!match) throw new Error(`cannot read the engines range "${range}"`);
		const bound = parseVersion(match[2]!);
		if (match[1] === '>=') return compare(wanted, bound) >= 0;
		if (match[1] === '^') return wanted[0] === bound[0] && compare(wanted, bound) >= 0;
		return wanted[0] === bound[0];
	});
}

/** The lowest Node `engines` admits (its `>=` bound). */
const floor = /^>=\s*(\d+(?:\.\d+){0,2})$/.exec(packageJson.engines.node)?.[1];

const sdkPackages = Object.entries(lock.packages)
	.filter(([path, entry]) => !entry.dev && /node_modules\/(@aws-sdk|@smithy|@aws|@aws-crypto)\/[^/]+$/.test(path))
	.map(([path, entry]) => ({name: path.replace(/^.*node_modules\//, ''), version: entry.version ?? '', engines: entry.engines?.node}));

describe('runtime pins', () => {
	it('engines names a lowest Node version (>=)', () => {
		expect(floor).toBeDefined();
	});

	it('every production dependency installed runs on the lowest Node engines names', () => {
		const refusing = Object.entries(lock.packages)
			.filter(([path, entry]) => path !== '' && !entry.dev && entry.engines?.node !== undefined && !satisfies(floor!, entry.engines.node))
			.map(([path, entry]) => `${path.replace(/^.*node_modules\//, '')}@${entry.version ?? '?'} (node ${entry.engines?.node ?? ''})`);
		expect(refusing).toEqual([]);
	});

	it('every SDK package ssmtop depends on is pinned to one version, the one installed', () => {
		const direct = Object.keys(packageJson.dependencies).filter(name => /^@(aws-sdk|smithy|aws|aws-crypto)\//.test(name));
		expect(direct).toContain('@aws-sdk/client-ssm');
		const loose = direct
			.filter(name => packageJson.dependencies[name] !== sdkPackages.find(entry => entry.name === name)?.version)
			.map(name => `${name}: ${packageJson.dependencies[name]}`);
		expect(loose).toEqual([]);
	});

	it('every other SDK package installed has an override no newer than the version installed', () => {
		const overrides = packageJson.overrides ?? {};
		const unbounded = sdkPackages
			.filter(entry => packageJson.dependencies[entry.name] === undefined)
			.filter(entry => overrides[entry.name] !== `<=${entry.version}` && overrides[entry.name] !== entry.version)
			.map(entry => `${entry.name}@${entry.version}: override ${overrides[entry.name] ?? 'missing'}`);
		expect(sdkPackages.length).toBeGreaterThan(5);
		expect(unbounded).toEqual([]);
	});

	it('reads engines ranges as npm does for the forms in use', () => {
		expect(satisfies('20.19.0', '>=20.0.0')).toBe(true);
		expect(satisfies('20.19.0', '>=22')).toBe(false);
		expect(satisfies('20.19.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
		expect(satisfies('20.18.9', '^20.19.0 || ^22.13.0 || >=24')).toBe(false);
		expect(satisfies('20.19.0', '18 || 20 || >=22')).toBe(true);
		expect(() => satisfies('20.0.0', '~20.1')).toThrow(/cannot read/);
	});
});
