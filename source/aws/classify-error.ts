/**
 * Turns whatever the SDK or Node threw into a DataError: a kind the poller acts on
 * (back off, retry, pause for credentials) and a sentence a person understands,
 * naming where the call went but never any credential.
 */
import {DataError} from '../core/data-error.js';
import type {ErrorKind} from '../core/types.js';

export interface CallContext {
	readonly operation: string;
	readonly region: string;
	/** "profile prod", "the endpoint http://127.0.0.1:4566", "account 111122223333"… */
	readonly source?: string;
}

const THROTTLING = new Set(['ThrottlingException', 'Throttling', 'ThrottledException', 'TooManyRequestsException', 'RequestLimitExceeded', 'SlowDown']);
const CREDENTIALS = new Set([
	'ExpiredToken',
	'ExpiredTokenException',
	'UnrecognizedClientException',
	'InvalidClientTokenId',
	'CredentialsProviderError',
	'TokenProviderError',
	'InvalidSignatureException',
	'SignatureDoesNotMatch',
	'IncompleteSignature',
	'MissingAuthenticationToken',
	'AuthFailure',
]);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'NotAuthorized']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);
const TIMEOUTS = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const NOT_FOUND = new Set([
	'AutomationExecutionNotFoundException',
	'InvalidDocument',
	'AutomationDefinitionNotFoundException',
	'InvalidCommandId',
	'InvocationDoesNotExist',
]);
const VALIDATION = new Set(['ValidationException', 'InvalidFilterKey', 'InvalidFilterValue', 'InvalidNextToken', 'InvalidParameters']);

/** Access key ids (AKIA…, ASIA…) and anything after "secret" are scrubbed from service messages. */
function scrub(message: string): string {
	return message.replace(/\b(AKIA|ASIA|AIDA|AROA)[A-Z0-9]{12,}\b/g, '<access key>').replace(/(secret[^:=]*[:=]\s*)\S+/gi, '$1<hidden>');
}

interface ErrorFacts {
	readonly name: string;
	readonly code?: string;
	readonly status?: number;
	readonly message: string;
}

function factsOf(error: unknown): ErrorFacts {
	if (typeof error !== 'object' || error === null) return {name: 'Error', message: String(error)};
	const record = error as {name?: unknown; code?: unknown; Code?: unknown; message?: unknown; cause?: unknown; $metadata?: {httpStatusCode?: unknown}};
	const cause = typeof record.cause === 'object' && record.cause !== null ? (record.cause as {code?: unknown}) : undefined;
	const code = [record.code, record.Code, cause?.code].find((value): value is string => typeof value === 'string');
	const status = record.$metadata?.httpStatusCode;
	return {
		name: typeof record.name === 'string' ? record.name : 'Error',
		...(code === undefined ? {} : {code}),
		...(typeof status === 'number' ? {status} : {}),
		message: typeof record.message === 'string' ? record.message : '',
	};
}

/** The HTTP handler's words when it cuts a request at its requestTimeout (throwOnRequestTimeout). */
const REQUEST_TIMEOUT = /exceeded the configured (\d+) ms requestTimeout/;

/**
 * True when the request was cut at the client's request timeout: the endpoint took the request
 * and did not answer in time (a connection that never opened is 'unreachable' instead).
 */
export function isRequestTimeout(error: unknown): boolean {
	const {name, message} = factsOf(error);
	return name === 'TimeoutError' && REQUEST_TIMEOUT.test(message);
}

/** "0.4 s", "2 s", "2.5 s". */
function seconds(ms: number): string {
	return `${Number((ms / 1000).toFixed(1))} s`;
}

export function errorKindOf(error: unknown): ErrorKind {
	const {name, code, status, message} = factsOf(error);
	const names = [name, code].filter((value): value is string => Boolean(value));
	if (isRequestTimeout(error)) return 'timeout';
	if (names.some(value => THROTTLING.has(value)) || status === 429) return 'throttled';
	if (names.some(value => CREDENTIALS.has(value))) return 'credentials';
	if (/could not load credentials|could not resolve credentials|profile .* could not be found|sso session .* expired|token is expired/i.test(message))
		return 'credentials';
	if (names.some(value => ACCESS_DENIED.has(value))) return 'access-denied';
	if (names.some(value => NETWORK_CODES.has(value) || TIMEOUTS.has(value))) return 'unreachable';
	if (names.some(value => NOT_FOUND.has(value))) return 'not-found';
	if (names.some(value => VALIDATION.has(value))) return 'validation';
	if (status !== undefined && status >= 500) return 'server';
	if (name === 'InternalServerError' || name === 'InternalFailure' || name === 'ServiceUnavailable') return 'server';
	if (error instanceof SyntaxError) return 'server'; // a non-JSON (e.g. HTML) error page from a proxy or gateway
	return 'unknown';
}

/** The SDK could not parse the answer (an HTML page from a proxy, a cut-off body, not SSM at all). */
function isMalformedAnswer(error: unknown, facts: ErrorFacts): boolean {
	return error instanceof SyntaxError || /Deserialization error/.test(facts.message);
}

/** The parser's own first line, without the SDK's hint for developers about a hidden field. */
function parserReason(message: string): string {
	return scrub(message.split('\n')[0] ?? '')
		.trim()
		.replace(/\.$/, '');
}

/** The login that renews a profile's IAM Identity Center token: `aws sso login --profile NAME` when the source names one. */
function ssoLogin(source: string | undefined): string {
	const profile = source === undefined ? undefined : /\bprofile ([^\s,()]+)/.exec(source)?.[1];
	return profile === undefined || profile === 'default' ? 'aws sso login' : `aws sso login --profile ${profile}`;
}

function explain(kind: ErrorKind, facts: ErrorFacts, context: CallContext, error?: unknown): string {
	const where = `${context.region}${context.source ? ` (${context.source})` : ''}`;
	const detail = scrub(facts.message).trim();
	if (kind === 'server' && isMalformedAnswer(error, facts)) {
		return `SSM in ${where} answered with something that is not valid JSON${facts.status ? ` (HTTP ${facts.status})` : ''}: ${parserReason(facts.message)}. Check that the endpoint is SSM (or a proxy passing it through); retrying.`;
	}

	switch (kind) {
		case 'throttled':
			return `AWS is throttling requests in ${where}; backing off.`;
		case 'credentials':
			return `The credentials for ${where} are missing, expired or invalid${detail ? ` (${detail.replace(/\.$/, '')})` : ''}. Refresh them (for SSO: ${ssoLogin(context.source)}).`;
		case 'access-denied':
			return `Access denied for ${context.operation} in ${where}${detail ? `: ${detail}` : ''}.`;
		case 'timeout': {
			const ms = REQUEST_TIMEOUT.exec(facts.message)?.[1];
			return `SSM in ${where} did not answer ${ms ? `within ${seconds(Number(ms))}` : 'in time'}.`;
		}

		case 'unreachable':
			return `Cannot reach SSM in ${where} (${facts.code ?? facts.name}${detail && detail !== facts.code ? `: ${detail}` : ''}).`;
		case 'server':
			return `SSM in ${where} had an internal error${facts.status ? ` (HTTP ${facts.status})` : ''}${detail ? `: ${detail}` : ''}; retrying.`;
		case 'not-found':
			return `Not found in ${where}${detail ? `: ${detail}` : ''}.`;
		case 'validation':
			return `SSM in ${where} rejected ${context.operation}${detail ? `: ${detail}` : ''}.`;
		default:
			return `${context.operation} failed in ${where}: ${detail || facts.name}.`;
	}
}

/** True when the error is our own AbortController firing (stop()), not a failure. */
export function isAbort(error: unknown): boolean {
	return typeof error === 'object' && error !== null && (error as {name?: unknown}).name === 'AbortError';
}

export function classifyError(error: unknown, context: CallContext): DataError {
	if (error instanceof DataError) return error;
	const kind = errorKindOf(error);
	const facts = factsOf(error);
	const detail = scrub(facts.message).trim();
	return new DataError(kind, explain(kind, facts, context, error), detail ? {detail} : undefined);
}
