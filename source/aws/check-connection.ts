/**
 * One cheap call per region at start-up (DescribeAutomationExecutions, one row),
 * so the CLI can fail fast with one clear paragraph: no credentials, unknown
 * profile, unreachable endpoint, access denied.
 */
import type {ErrorKind} from '../core/types.js';
import {describeError} from '../core/data-error.js';
import {isAbort} from './classify-error.js';
import {listExecutionPage, type CallTarget} from './ssm-calls.js';

export interface RegionCheck {
	readonly region: string;
	readonly ok: boolean;
	readonly kind?: ErrorKind;
	readonly message?: string;
}

export interface ConnectionCheck {
	readonly ok: boolean;
	readonly regions: readonly RegionCheck[];
	/** One paragraph for the terminal when not ok. */
	readonly message?: string;
}

export async function checkRegions(targets: readonly CallTarget[], timeoutMs = 8000): Promise<ConnectionCheck> {
	const regions = await Promise.all(
		targets.map(async (target): Promise<RegionCheck> => {
			const signal = AbortSignal.timeout(timeoutMs);
			try {
				await listExecutionPage(target, {maxResults: 1, signal});
				return {region: target.region, ok: true};
			} catch (error) {
				if (isAbort(error) || signal.aborted) {
					return {
						region: target.region,
						ok: false,
						kind: 'unreachable',
						message: `No answer from SSM in ${target.region}${target.source ? ` (${target.source})` : ''} within ${Math.round(timeoutMs / 1000)} s.`,
					};
				}

				const {kind, message} = describeError(error);
				return {region: target.region, ok: false, kind, message};
			}
		}),
	);
	const failed = regions.filter(region => !region.ok);
	if (failed.length === 0) return {ok: true, regions};
	// Throttling at start-up is not a reason to refuse to start: the poller backs off.
	if (failed.every(region => region.kind === 'throttled')) return {ok: true, regions};
	const message = [...new Set(failed.map(region => region.message ?? `Cannot use ${region.region}.`))].join(' ');
	return {ok: false, regions, message};
}
