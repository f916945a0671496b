/**
 * One cheap call per region at start-up (DescribeAutomationExecutions, one row),
 * so the CLI can fail fast with one clear paragraph: no credentials, unknown
 * profile, unreachable endpoint, access denied.
 */
import type {ErrorKind} from '../core/types.js';
import {describeError} from '../core/data-error.js';
import {isAbort} from './classify-error.js';
import {profileExists, sharedConfigFiles} from './profiles.js';
import {listExecutionPage, type CallTarget} from './ssm-calls.js';

export interface RegionCheck {
	readonly region: string;
	readonly ok: boolean;
	readonly kind?: ErrorKind;
	readonly message?: string;
	/** The underlying error's own words, e.g. "connect ECONNREFUSED 127.0.0.1:4566". */
	readonly detail?: string;
}

export interface ConnectionCheck {
	readonly ok: boolean;
	readonly regions: readonly RegionCheck[];
	/** One paragraph for the terminal when not ok. */
	readonly message?: string;
}

/** Where the calls go, for the start-up message. */
export interface ConnectionSource {
	readonly profile?: string;
	readonly endpointUrl?: string;
	/** Static credentials were given (local mode): no profile to look up. */
	readonly staticCredentials?: boolean;
}

function listRegions(regions: readonly RegionCheck[]): string {
	const names = regions.map(region => region.region);
	return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/** One paragraph: the same problem in several regions is said once. */
export function startupMessage(failed: readonly RegionCheck[], source: ConnectionSource): string {
	const kinds = new Set(failed.map(region => region.kind));
	const first = failed[0]!;
	const profile = source.profile ?? process.env['AWS_PROFILE'];
	if (kinds.size === 1 && first.kind === 'credentials') {
		return `ssmtop found no usable AWS credentials${profile ? ` for profile ${profile}` : ''}${first.detail ? ` (${first.detail.replace(/\.$/, '')})` : ''}. Set credentials in the environment, run aws configure or aws sso login, or choose another profile with --profile.`.replace(
			/\s+/g,
			' ',
		);
	}

	if (kinds.size === 1 && first.kind === 'timeout') {
		const within = /within [\d.]+ s/.exec(first.message ?? '')?.[0] ?? 'in time';
		return `ssmtop got no answer from SSM${source.endpointUrl ? ` at ${source.endpointUrl}` : ''} for ${listRegions(failed)} ${within}. Check --endpoint-url, --region, the network and any proxy.`.replace(
			/\s+/g,
			' ',
		);
	}

	if (kinds.size === 1 && first.kind === 'unreachable') {
		return `ssmtop cannot reach SSM${source.endpointUrl ? ` at ${source.endpointUrl}` : ''} for ${listRegions(failed)}${first.detail ? ` (${first.detail.replace(/\.$/, '')})` : ''}. Check --endpoint-url, --region, the network and any proxy.`.replace(
			/\s+/g,
			' ',
		);
	}

	if (kinds.size === 1 && first.kind === 'access-denied') {
		return `Access denied listing automation executions in ${listRegions(failed)}${first.detail ? ` (${first.detail.replace(/\.$/, '')})` : ''}. The identity needs ssm:DescribeAutomationExecutions and ssm:GetAutomationExecution (see the README's IAM policy).`.replace(
			/\s+/g,
			' ',
		);
	}

	return [...new Set(failed.map(region => region.message ?? `Cannot use ${region.region}.`))].join(' ');
}

export async function checkRegions(targets: readonly CallTarget[], source: ConnectionSource = {}, timeoutMs = 8000): Promise<ConnectionCheck> {
	if (source.profile !== undefined && !source.staticCredentials && !profileExists(source.profile)) {
		const files = sharedConfigFiles();
		const message = `The AWS profile ${source.profile} does not exist: it is in neither ${files.config} nor ${files.credentials}. Check the name (aws configure list-profiles) or drop --profile to use the default credentials.`;
		return {ok: false, regions: targets.map(target => ({region: target.region, ok: false, kind: 'credentials', message})), message};
	}

	const regions = await Promise.all(
		targets.map(async (target): Promise<RegionCheck> => {
			// The clients' own request timeout follows the refresh interval; the first call (a cold
			// connection, credentials to resolve) gets the whole check's time. The signal is a backstop.
			const signal = AbortSignal.timeout(timeoutMs + 1000);
			try {
				await listExecutionPage(target, {maxResults: 1, signal, requestTimeoutMs: timeoutMs});
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

				const {kind, message, detail} = describeError(error);
				return {region: target.region, ok: false, kind, message, ...(detail ? {detail} : {})};
			}
		}),
	);
	const failed = regions.filter(region => !region.ok);
	if (failed.length === 0) return {ok: true, regions};
	// Throttling or a service error (5xx, a regional outage) at start-up is not a reason to refuse to
	// start: the poller backs off, shows the error for that region only and recovers by itself.
	if (failed.every(region => region.kind === 'throttled' || region.kind === 'server')) return {ok: true, regions};
	return {ok: false, regions, message: startupMessage(failed, source)};
}
