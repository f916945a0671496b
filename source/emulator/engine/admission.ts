import {errors} from '../errors.js';
import type {ExecutionRecord} from '../model.js';

/** Concurrent executions per account and Region, and the queue behind them (the service's documented quotas). */
export interface ExecutionQuota {
	readonly running: number;
	readonly queued: number;
}

export const DEFAULT_QUOTA: ExecutionQuota = {running: 100, queued: 1000};

interface Slot {
	running: number;
	queue: Array<{execution: ExecutionRecord; begin: () => void}>;
}

/** Top-level executions hold a running slot of their account-Region or wait, Pending, in its queue. */
export class Admission {
	private readonly slots = new Map<string, Slot>();

	constructor(readonly quota: ExecutionQuota) {}

	admit(execution: ExecutionRecord, begin: () => void): void {
		const slot = this.slot(execution.account, execution.region);
		if (slot.running < this.quota.running) {
			slot.running += 1;
			execution.admitted = true;
			begin();
		} else {
			slot.queue.push({execution, begin});
		}
	}

	assertCapacity(account: string, region: string): void {
		const slot = this.slot(account, region);
		slot.queue = slot.queue.filter(entry => entry.execution.status === 'Pending');
		if (slot.running >= this.quota.running && slot.queue.length >= this.quota.queued) {
			throw errors.limitExceeded(
				`The number of simultaneously running Automation executions exceeded the allowable limit (${this.quota.running} running, ${this.quota.queued} queued).`,
			);
		}
	}

	/** Frees the execution's slot and starts the next queued execution that is still Pending. */
	release(execution: ExecutionRecord): void {
		if (!execution.admitted) {
			return;
		}

		execution.admitted = false;
		const slot = this.slot(execution.account, execution.region);
		slot.running -= 1;
		while (slot.running < this.quota.running && slot.queue.length > 0) {
			const next = slot.queue.shift()!;
			if (next.execution.status === 'Pending') {
				slot.running += 1;
				next.execution.admitted = true;
				next.begin();
			}
		}
	}

	private slot(account: string, region: string): Slot {
		const key = `${account}/${region}`;
		let slot = this.slots.get(key);
		if (!slot) {
			slot = {running: 0, queue: []};
			this.slots.set(key, slot);
		}

		return slot;
	}
}
