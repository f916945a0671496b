/**
 * What the megabytes of a memory figure are. Two views:
 * - the process at its peak: V8's spaces as committed (what counts in RSS) and as used, the
 *   memory outside V8's heap (Yoga's WebAssembly memory, buffers), and the rest of RSS (the node
 *   binary's pages, malloc);
 * - the live heap by owner, by removal: drop one thing (the execution rows, the open detail, the
 *   UI), collect, and the heap used falls by what it held.
 */
import {readFileSync} from 'node:fs';
import {getHeapSpaceStatistics} from 'node:v8';
import {collectGarbage, rssBytes, toMegabytes} from './memory.js';

export interface HeapPicture {
	readonly rssMb: number;
	/** V8's heap as committed: new (the young generation's semi-spaces), old, code, large objects. */
	readonly committedMb: Readonly<Record<string, number>>;
	readonly usedMb: Readonly<Record<string, number>>;
	/** Memory V8 knows of outside its heap: Yoga's WebAssembly memory (16 MB), buffers, external strings. */
	readonly externalMb: number;
	/** File-backed pages in RSS (the node binary, its ICU data, shared libraries), from /proc (Linux). */
	readonly fileBackedMb?: number;
	/** RSS less the V8 heap committed, external memory and file-backed pages: malloc, thread stacks, Node's own. */
	readonly otherMb?: number;
}

const SPACE_NAMES: Readonly<Record<string, string>> = {
	new_space: 'new',
	old_space: 'old',
	code_space: 'code',
	large_object_space: 'large',
	new_large_object_space: 'new large',
	code_large_object_space: 'code large',
};

/** RSS's file-backed share (Linux only; undefined elsewhere). */
function fileBackedBytes(): number | undefined {
	try {
		const rollup = readFileSync('/proc/self/smaps_rollup', 'utf8');
		const anonymous = /^Anonymous:\s+(\d+) kB/m.exec(rollup);
		const rss = /^Rss:\s+(\d+) kB/m.exec(rollup);
		if (!anonymous || !rss) return undefined;
		return (Number(rss[1]) - Number(anonymous[1])) * 1024;
	} catch {
		return undefined;
	}
}

export function heapPicture(): HeapPicture {
	const committed: Record<string, number> = {};
	const used: Record<string, number> = {};
	let committedBytes = 0;
	for (const space of getHeapSpaceStatistics()) {
		committedBytes += space.space_size;
		const name = SPACE_NAMES[space.space_name];
		if (!name || space.space_size === 0) continue;
		committed[name] = toMegabytes(space.space_size);
		used[name] = toMegabytes(space.space_used_size);
	}

	const rss = rssBytes();
	const {external} = process.memoryUsage();
	const fileBacked = fileBackedBytes();
	return {
		rssMb: toMegabytes(rss),
		committedMb: committed,
		usedMb: used,
		externalMb: toMegabytes(external),
		...(fileBacked === undefined ? {} : {fileBackedMb: toMegabytes(fileBacked), otherMb: toMegabytes(rss - committedBytes - external - fileBacked)}),
	};
}

/** Samples RSS every `intervalMs` and keeps the heap picture taken at the highest sample. */
export function samplePeak(intervalMs = 25): {stop(): HeapPicture} {
	let peak = heapPicture();
	const take = (): void => {
		if (rssBytes() > peak.rssMb * 1024 * 1024) peak = heapPicture();
	};

	const timer = setInterval(take, intervalMs);
	timer.unref();
	return {
		stop() {
			clearInterval(timer);
			take();
			return peak;
		},
	};
}

export interface Owner {
	readonly name: string;
	/** Lets go of what this owner holds. */
	readonly drop: () => void | Promise<void>;
}

/**
 * Heap used (after a full GC) that each owner held, dropped in order; `rest` is what is left
 * (code, modules, the SDK's clients, the emulator if in process). Needs --expose-gc.
 */
export async function attributeHeap(owners: readonly Owner[]): Promise<{readonly byOwnerMb: Readonly<Record<string, number>>; readonly restMb: number}> {
	const heapUsed = (): number => {
		collectGarbage();
		return process.memoryUsage().heapUsed;
	};

	const byOwner: Record<string, number> = {};
	let before = heapUsed();
	for (const owner of owners) {
		await owner.drop();
		// Two turns, so that what the drop scheduled (React's commit of an unmount) has run.
		for (let turn = 0; turn < 2; turn++) await new Promise(resolve => setImmediate(resolve));
		const after = heapUsed();
		byOwner[owner.name] = toMegabytes(before - after);
		before = after;
	}

	return {byOwnerMb: byOwner, restMb: toMegabytes(before)};
}
