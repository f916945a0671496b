import {hashString} from '../prng.js';
import {DEFAULT_QUOTA, type ExecutionQuota} from './admission.js';
import {Engine} from './engine.js';

/** Seeds one (account, Region)'s own history into a fresh engine whose timeline starts at historyStart. */
export type LocationSeeder = (engine: Engine) => void;

/**
 * The main engine (the home account, and every cross-account fan-out) plus an engine per
 * (account, Region) that has history of its own, created the first time that location is
 * asked for: its history is replayed from historyStart up to the main engine's time, so the
 * answer is the same whenever it is first asked, and a location nobody asks for costs nothing.
 * Each location engine has its own ids, sequence numbers and execution quota, and shares the
 * main engine's world (store, alarms, owners).
 */
export class Timeline {
	private readonly locations = new Map<string, Engine | null>();

	constructor(
		readonly main: Engine,
		private readonly historyStart: number,
		private readonly seederFor: (account: string, region: string) => LocationSeeder | undefined,
		private readonly quota: ExecutionQuota = DEFAULT_QUOTA,
	) {}

	/** The engine that starts new runs in this location (the main engine where there is no local history). */
	engineFor(account: string, region: string): Engine {
		const key = `${account}/${region}`;
		let engine = this.locations.get(key);
		if (engine === undefined) {
			engine = this.create(key, account, region);
			this.locations.set(key, engine);
		}

		return engine ?? this.main;
	}

	advanceTo(time: number): void {
		this.main.advanceTo(time);
		for (const engine of this.locations.values()) {
			engine?.advanceTo(time);
		}
	}

	/** Locations whose history has been replayed. */
	get materialized(): number {
		let count = 0;
		for (const engine of this.locations.values()) {
			count += engine ? 1 : 0;
		}

		return count;
	}

	get pendingTimers(): number {
		let count = this.main.scheduler.size;
		for (const engine of this.locations.values()) {
			count += engine?.scheduler.size ?? 0;
		}

		return count;
	}

	private create(key: string, account: string, region: string): Engine | null {
		const seeder = this.seederFor(account, region);
		if (!seeder) {
			return null;
		}

		const engine = new Engine(this.main.origin, this.historyStart, {
			quota: this.quota,
			idSeed: `ids/${key}`,
			world: this.main.world,
			// Above the main engine's numbers, and apart from every other location's.
			seqBase: (hashString(key) + 1) * 2 ** 20,
		});
		// A location replayed when first asked for publishes no events for its past, as the demo seed's
		// history publishes none: a consumer's resync reads that past; only live changes are events.
		const observer = this.main.world.observer;
		this.main.world.observer = undefined;
		try {
			seeder(engine);
			engine.advanceTo(this.main.now);
		} finally {
			this.main.world.observer = observer;
		}

		return engine;
	}
}
