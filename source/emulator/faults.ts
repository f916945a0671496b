import {errors, type ServiceError} from './errors.js';
import {Prng} from './prng.js';
import {mergeSqsFaults, type SqsFaultConfig} from './sqs/sqs-faults.js';

export interface FaultConfig {
	// Throttling, server errors, latency and Region outages apply to SSM requests only.
	/** Share of SSM requests answered with ThrottlingException (0..1). */
	throttleRate: number;
	/** Share of SSM requests answered with InternalServerError, HTTP 500 (0..1). */
	serverErrorRate: number;
	/** Extra latency added to every SSM request, in real milliseconds. */
	latencyMs: number;
	/** Regions whose requests all fail with HTTP 503. */
	downRegions: string[];
	/** Locations `ACCOUNT/REGION` whose SSM requests (as that account, in that Region) fail with HTTP 503: one location failing alone. */
	downLocations?: string[];
	/** Access key ids whose requests fail with ExpiredTokenException (STS: ExpiredToken), as when temporary credentials run out mid-run. */
	expiredAccessKeys?: string[];
	/** Faults of the SQS side (sqs/sqs-faults.ts): throttling, denied or unreachable queues, lost, doubled and late messages. */
	sqs?: Partial<SqsFaultConfig>;
}

/** An hour of added latency at most: enough to look hung, bounded so a request always ends. */
export const MAX_LATENCY_MS = 3_600_000;
const MAX_LIST = 1000;

export const noFaults: Readonly<FaultConfig> = {throttleRate: 0, serverErrorRate: 0, latencyMs: 0, downRegions: []};

function rate(value: unknown, name: string): number {
	if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
		throw new RangeError(`${name} must be a number from 0 to 1`);
	}

	return value;
}

/** Validates and merges a partial fault configuration (from options, flags or the control API). */
export function mergeFaults(current: FaultConfig, partial: Partial<FaultConfig>): FaultConfig {
	const next = {...current};
	if (partial.throttleRate !== undefined) {
		next.throttleRate = rate(partial.throttleRate, 'throttleRate');
	}

	if (partial.serverErrorRate !== undefined) {
		next.serverErrorRate = rate(partial.serverErrorRate, 'serverErrorRate');
	}

	if (partial.latencyMs !== undefined) {
		if (typeof partial.latencyMs !== 'number' || !(partial.latencyMs >= 0 && partial.latencyMs <= MAX_LATENCY_MS)) {
			throw new RangeError(`latencyMs must be a number of milliseconds from 0 to ${MAX_LATENCY_MS}`);
		}

		next.latencyMs = partial.latencyMs;
	}

	if (partial.downRegions !== undefined) {
		if (!Array.isArray(partial.downRegions) || partial.downRegions.length > MAX_LIST || partial.downRegions.some(region => typeof region !== 'string')) {
			throw new RangeError('downRegions must be a list of region names');
		}

		next.downRegions = [...partial.downRegions];
	}

	if (partial.downLocations !== undefined) {
		if (
			!Array.isArray(partial.downLocations) ||
			partial.downLocations.length > MAX_LIST ||
			partial.downLocations.some(location => typeof location !== 'string' || !/^\d{12}\/[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(location))
		) {
			throw new RangeError('downLocations must be a list of ACCOUNT/REGION, e.g. 111122223333/eu-west-1');
		}

		next.downLocations = [...partial.downLocations];
	}

	if (partial.expiredAccessKeys !== undefined) {
		if (
			!Array.isArray(partial.expiredAccessKeys) ||
			partial.expiredAccessKeys.length > MAX_LIST ||
			partial.expiredAccessKeys.some(key => typeof key !== 'string')
		) {
			throw new RangeError('expiredAccessKeys must be a list of access key ids');
		}

		next.expiredAccessKeys = [...partial.expiredAccessKeys];
	}

	if (partial.sqs !== undefined) {
		next.sqs = mergeSqsFaults(current.sqs, partial.sqs);
	}

	return next;
}

/** Decides, deterministically for a given request sequence, which requests fail. */
export class FaultInjector {
	config: FaultConfig = {...noFaults};
	private prng = new Prng('faults');

	reset(): void {
		this.prng = new Prng('faults');
	}

	/** Expired keys are not picked here: the identity directory answers them, for every service. */
	pick(region: string, account?: string): ServiceError | undefined {
		if (this.config.downRegions.includes(region)) {
			return errors.regionDown(region);
		}

		if (account !== undefined && this.config.downLocations?.includes(`${account}/${region}`)) {
			return errors.regionDown(`${region} for account ${account}`);
		}

		if (this.config.throttleRate > 0 && this.prng.next() < this.config.throttleRate) {
			return errors.throttling();
		}

		if (this.config.serverErrorRate > 0 && this.prng.next() < this.config.serverErrorRate) {
			return errors.internal('We encountered an internal error. Please try again. (emulated fault)');
		}

		return undefined;
	}
}
