import {describe, expect, it} from 'vitest';
import {classifyError, errorKindOf, isRequestTimeout} from '../../source/aws/classify-error.js';

function sdkError(name: string, message = 'm', status = 400) {
	return Object.assign(new Error(message), {name, $fault: status >= 500 ? 'server' : 'client', $metadata: {httpStatusCode: status}});
}

const context = {operation: 'DescribeAutomationExecutions', region: 'eu-west-1', source: 'profile prod'};

describe('errorKindOf', () => {
	it.each([
		['ThrottlingException', 'throttled'],
		['TooManyRequestsException', 'throttled'],
		['ExpiredToken', 'credentials'],
		['ExpiredTokenException', 'credentials'],
		['UnrecognizedClientException', 'credentials'],
		['InvalidClientTokenId', 'credentials'],
		['CredentialsProviderError', 'credentials'],
		['AccessDeniedException', 'access-denied'],
		['AccessDenied', 'access-denied'],
		['AutomationExecutionNotFoundException', 'not-found'],
		['InvalidFilterKey', 'validation'],
		['ValidationException', 'validation'],
		['SomethingNew', 'unknown'],
	])('%s → %s', (name, kind) => {
		expect(errorKindOf(sdkError(name))).toBe(kind);
	});

	it('classifies network failures, timeouts and 5xx', () => {
		expect(errorKindOf(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {code: 'ECONNREFUSED'}))).toBe('unreachable');
		expect(errorKindOf(Object.assign(new Error('getaddrinfo ENOTFOUND x'), {code: 'ENOTFOUND'}))).toBe('unreachable');
		expect(errorKindOf(Object.assign(new Error('timed out'), {name: 'TimeoutError'}))).toBe('unreachable');
		expect(errorKindOf(sdkError('InternalServerError', 'boom', 500))).toBe('server');
		expect(errorKindOf(sdkError('ServiceUnavailable', '', 503))).toBe('server');
		expect(errorKindOf(sdkError('Whatever', '', 429))).toBe('throttled');
		expect(errorKindOf(new Error('Could not load credentials from any providers'))).toBe('credentials');
	});

	it('tells a request cut at its timeout (the endpoint did not answer) from a connection that never opened', () => {
		const cut = Object.assign(new Error('@smithy/node-http-handler - [ERROR] a request has exceeded the configured 2500 ms requestTimeout.'), {
			name: 'TimeoutError',
			code: 'ETIMEDOUT',
		});
		expect(errorKindOf(cut)).toBe('timeout');
		expect(isRequestTimeout(cut)).toBe(true);
		const noConnection = Object.assign(new Error('Socket timed out without establishing a connection within 5000 ms'), {name: 'TimeoutError'});
		expect(errorKindOf(noConnection)).toBe('unreachable');
		expect(isRequestTimeout(noConnection)).toBe(false);
		expect(classifyError(cut, context).message).toBe('SSM in eu-west-1 (profile prod) did not answer within 2.5 s.');
	});
});

describe('classifyError', () => {
	it('says where the call went and what to do, in words', () => {
		const error = classifyError(sdkError('ExpiredTokenException', 'The security token included in the request is expired'), context);
		expect(error.kind).toBe('credentials');
		expect(error.message).toContain('eu-west-1 (profile prod)');
		// The login that renews this profile's token, by name.
		expect(error.message).toContain('aws sso login --profile prod)');
		expect(classifyError(sdkError('ThrottlingException', 'Rate exceeded'), context).message).toMatch(/throttling.*eu-west-1/);
	});

	it('never repeats an access key id or a secret', () => {
		const error = classifyError(sdkError('UnrecognizedClientException', 'The key AKIAIOSFODNN7EXAMPLE is invalid; secret=wJalrXUtnFEMI/K7MDENG'), context);
		expect(error.message).not.toContain('AKIAIOSFODNN7EXAMPLE');
		expect(error.message).not.toContain('wJalrXUtnFEMI');
	});
});
