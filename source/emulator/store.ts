import type {ExecutionRecord} from './model.js';

/** Orders executions by start time, then insertion order. */
function before(a: ExecutionRecord, b: ExecutionRecord): boolean {
	return a.startTime < b.startTime || (a.startTime === b.startTime && a.seq < b.seq);
}

/**
 * The executions of one (account, region), indexed by id and kept sorted by start time
 * so a page of the newest executions is a walk from the end, never a sort.
 */
export class RegionStore {
	readonly byId = new Map<string, ExecutionRecord>();
	/** Ascending by (startTime, seq). New executions start "now", so inserts are appends. */
	readonly ordered: ExecutionRecord[] = [];
	readonly clientTokens = new Map<string, string>();

	add(execution: ExecutionRecord): void {
		this.byId.set(execution.id, execution);
		const last = this.ordered.at(-1);
		if (!last || before(last, execution)) {
			this.ordered.push(execution);
			return;
		}

		let low = 0;
		let high = this.ordered.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			if (before(this.ordered[middle]!, execution)) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		this.ordered.splice(low, 0, execution);
	}

	/** Index of the first execution strictly older than (startTime, seq), walking newest → oldest. */
	indexBefore(startTime: number, seq: number): number {
		let low = 0;
		let high = this.ordered.length;
		while (low < high) {
			const middle = (low + high) >>> 1;
			const item = this.ordered[middle]!;
			if (item.startTime < startTime || (item.startTime === startTime && item.seq < seq)) {
				low = middle + 1;
			} else {
				high = middle;
			}
		}

		return low - 1;
	}
}

export class ExecutionStore {
	private readonly regions = new Map<string, RegionStore>();
	/** Every execution by id, whatever its account/region: parents reach children through it. */
	readonly all = new Map<string, ExecutionRecord>();

	region(account: string, region: string): RegionStore {
		const key = `${account}/${region}`;
		let store = this.regions.get(key);
		if (!store) {
			store = new RegionStore();
			this.regions.set(key, store);
		}

		return store;
	}

	add(execution: ExecutionRecord): void {
		this.all.set(execution.id, execution);
		this.region(execution.account, execution.region).add(execution);
	}

	entries(): IterableIterator<[string, RegionStore]> {
		return this.regions.entries();
	}
}
