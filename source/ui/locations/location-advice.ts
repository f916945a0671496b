/**
 * The locations screen's words for one location: its state (ok / throttled / no credentials /
 * error / stale / loading / paused), the age of its last good refresh, and what to do about a
 * failure — the `aws sso login --profile …` to run for an expired IAM Identity Center token, the
 * IAM action an AccessDenied is missing; with --events-queue, why a location polls.
 */
import type {RegionHealth} from '../../store/data-selectors.js';
import type {LocationMode} from '../../store/location-modes.js';
import type {RegionLevel} from '../shell/region-summary.js';
import {shortRegionError} from '../shell/region-error-text.js';

export interface LocationState {
	readonly word: string;
	readonly level: RegionLevel;
}

export function locationState(health: RegionHealth, now: number, staleAfterMs: number): LocationState {
	switch (health.state) {
		case 'error':
			return health.errorKind === 'credentials' ? {word: 'no credentials', level: 'error'} : {word: 'error', level: 'error'};
		case 'throttled':
			return {word: 'throttled', level: 'warn'};
		case 'ok':
			return health.lastSuccessAt !== undefined && now - health.lastSuccessAt > staleAfterMs ? {word: 'stale', level: 'warn'} : {word: 'ok', level: 'ok'};
		default:
			return {word: health.state, level: 'idle'};
	}
}

/** "12 s ago", "4 min ago", "never". */
export function agoText(at: number | undefined, now: number): string {
	if (at === undefined) return 'never';
	const seconds = Math.max(0, Math.floor((now - at) / 1000));
	if (seconds < 120) return `${seconds} s ago`;
	const minutes = Math.floor(seconds / 60);
	if (minutes < 120) return `${minutes} min ago`;
	return `${Math.floor(minutes / 60)} h ago`;
}

/** Which service an operation's IAM action belongs to (the ones ssmtop calls). */
function servicePrefix(operation: string): string {
	if (/^(AssumeRole|GetCallerIdentity)$/.test(operation)) return 'sts';
	if (/^(ListAccounts|DescribeOrganization)$/.test(operation)) return 'organizations';
	return 'ssm';
}

/**
 * What to do about the location's failure, when its message says: the login to run, the missing
 * action. The service's own "not authorized to perform: X" wins; else the operation refused.
 */
export function locationFix(health: RegionHealth, accountProblem?: string): string | undefined {
	const message = health.message ?? accountProblem ?? '';
	if (health.state === 'throttled') return 'AWS is throttling this location: it backs off by itself, the others go on.';
	const login = /aws sso login(?: --profile [^\s,;)]+)?/.exec(message)?.[0]?.replace(/\.$/, '');
	if (health.errorKind === 'credentials' || (health.state !== 'error' && accountProblem !== undefined && login)) {
		return login ? `Run: ${login}` : "Refresh the credentials of this account's profile (or the starting credentials of --assume-role).";
	}

	const denied = health.errorKind === 'access-denied' || (health.state !== 'error' && /access ?denied|not authorized/i.test(accountProblem ?? ''));
	if (denied) {
		const action = /perform:? ([\w-]+:[\w*]+)/.exec(message)?.[1];
		if (action) return `Missing permission: ${action}`;
		const operation = /Access denied for (\w+)/.exec(message)?.[1];
		if (operation) return `Missing permission: ${servicePrefix(operation)}:${operation}`;
		return 'Missing permission: see the message above (ssmtop needs ssm:DescribeAutomationExecutions and ssm:GetAutomationExecution).';
	}

	return undefined;
}

/** The error in a few words, for the table's column. */
export function shortError(health: RegionHealth, accountProblem?: string): string {
	if (health.state === 'error' && health.errorKind) return shortRegionError({kind: health.errorKind, message: health.message ?? ''});
	if (health.state === 'throttled') return 'throttled';
	return health.lastSuccessAt === undefined && accountProblem ? accountProblem : '';
}

/** With --events-queue, why a location polls when that is its own doing: its resync found changes no event brought. */
export function modeAdvice(mode: LocationMode | undefined, missedEvents: number | undefined): string | undefined {
	if (mode?.why !== 'missed') return undefined;
	const changes = missedEvents === undefined ? 'changes' : `${missedEvents} change${missedEvents === 1 ? '' : 's'}`;
	return `Polling: its last resync found ${changes} no event brought. Does this account's EventBridge rule forward to the bus? Events again once one of its events arrives.`;
}
