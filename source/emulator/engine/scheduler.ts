interface Timer {
	readonly id: number;
	readonly at: number;
	readonly run: () => void;
}

/** A binary heap of timers on the emulator's own timeline: nothing runs until the engine advances to it. */
export class Scheduler {
	private heap: Timer[] = [];
	/** Ids of timers still due to run: cancelling just forgets the id, the heap drops it lazily. */
	private readonly live = new Set<number>();
	private nextId = 1;

	get size(): number {
		return this.live.size;
	}

	schedule(at: number, run: () => void): number {
		const timer = {id: this.nextId++, at, run};
		this.heap.push(timer);
		this.live.add(timer.id);
		this.up(this.heap.length - 1);
		return timer.id;
	}

	cancel(id: number | undefined): void {
		if (id !== undefined) {
			this.live.delete(id);
		}
	}

	/** Removes and returns the earliest timer due at or before `time`, skipping cancelled ones. */
	popDue(time: number): Timer | undefined {
		while (this.heap.length > 0) {
			const top = this.heap[0]!;
			if (!this.live.has(top.id)) {
				this.removeTop();
				continue;
			}

			if (top.at > time) {
				return undefined;
			}

			this.removeTop();
			this.live.delete(top.id);
			return top;
		}

		return undefined;
	}

	clear(): void {
		this.heap = [];
		this.live.clear();
	}

	private removeTop(): void {
		const last = this.heap.pop()!;
		if (this.heap.length > 0) {
			this.heap[0] = last;
			this.down(0);
		}
	}

	private less(a: Timer, b: Timer): boolean {
		return a.at < b.at || (a.at === b.at && a.id < b.id);
	}

	private up(index: number): void {
		const heap = this.heap;
		while (index > 0) {
			const parent = (index - 1) >> 1;
			if (!this.less(heap[index]!, heap[parent]!)) {
				return;
			}

			[heap[index], heap[parent]] = [heap[parent]!, heap[index]!];
			index = parent;
		}
	}

	private down(index: number): void {
		const heap = this.heap;
		for (;;) {
			const left = index * 2 + 1;
			const right = left + 1;
			let smallest = index;
			if (left < heap.length && this.less(heap[left]!, heap[smallest]!)) {
				smallest = left;
			}

			if (right < heap.length && this.less(heap[right]!, heap[smallest]!)) {
				smallest = right;
			}

			if (smallest === index) {
				return;
			}

			[heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!];
			index = smallest;
		}
	}
}
