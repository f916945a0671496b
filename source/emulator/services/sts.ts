import type {IncomingMessage, ServerResponse} from 'node:http';
import type {EmulatorState} from '../control.js';
import {ServiceError, errors} from '../errors.js';
import type {Principal} from '../identity/principals.js';
import {Checker, type StringRule} from '../wire/checker.js';
import {readBody} from '../wire/read-body.js';
import type {SignedRequest} from '../wire/request-context.js';
import {isoSeconds, sendQueryError, sendQueryResult, type XmlElement} from '../wire/xml.js';

// AWS STS in the Query protocol: form-encoded parameters (POST body, or the query string),
// XML answers in the 2011-06-15 namespace, XML errors with a Type, a Code and a Message.

export const STS_VERSION = '2011-06-15';
const namespace = `https://sts.amazonaws.com/doc/${STS_VERSION}/`;

interface StsContext {
	readonly state: EmulatorState;
	readonly principal: Principal;
}

type Action = (parameters: URLSearchParams, context: StsContext) => XmlElement;

/** A model pattern is matched against the whole value (the service's regexes are implicitly anchored). */
function whole(source: string): Pick<StringRule, 'pattern' | 'patternText'> {
	return {pattern: new RegExp(`^(?:${source})$`, 'u'), patternText: source};
}

const rules = {
	roleArn: {required: true, min: 20, max: 2048},
	roleSessionName: {required: true, min: 2, max: 64, ...whole('[\\w+=,.@-]*')},
	externalId: {min: 2, max: 1224, ...whole('[\\w+=,.@:\\/-]*')},
	sourceIdentity: {min: 2, max: 64, ...whole('[\\w+=,.@-]*')},
	policy: {min: 1, max: 2048},
	serialNumber: {min: 9, max: 256, ...whole('[\\w+=/:,.@-]*')},
	tokenCode: {min: 6, max: 6, ...whole('[\\d]*')},
} satisfies Record<string, StringRule>;

/** Query parameters are text: an integer member arrives as digits. */
function integerParameter(parameters: URLSearchParams, name: string): number | undefined {
	const text = parameters.get(name);
	if (text === null) {
		return undefined;
	}

	if (!/^-?\d+$/.test(text.trim())) {
		throw errors.validation(
			`1 validation error detected: Value '${text}' at '${name.charAt(0).toLowerCase()}${name.slice(1)}' failed to satisfy constraint: Member must be an integer`,
		);
	}

	return Number(text);
}

const text = (parameters: URLSearchParams, name: string): string | undefined => parameters.get(name) ?? undefined;

const actions: Readonly<Record<string, Action>> = {
	GetCallerIdentity: (_parameters, {principal}) => ({Arn: principal.arn, UserId: principal.userId, Account: principal.account}),

	AssumeRole(parameters, {state, principal}) {
		const check = new Checker();
		const roleArn = check.string(text(parameters, 'RoleArn'), 'RoleArn', rules.roleArn);
		const roleSessionName = check.string(text(parameters, 'RoleSessionName'), 'RoleSessionName', rules.roleSessionName);
		const durationSeconds = check.integer(integerParameter(parameters, 'DurationSeconds'), 'DurationSeconds', {min: 900, max: 43_200});
		const externalId = check.string(text(parameters, 'ExternalId'), 'ExternalId', rules.externalId);
		const sourceIdentity = check.string(text(parameters, 'SourceIdentity'), 'SourceIdentity', rules.sourceIdentity);
		check.string(text(parameters, 'Policy'), 'Policy', rules.policy);
		check.string(text(parameters, 'SerialNumber'), 'SerialNumber', rules.serialNumber);
		check.string(text(parameters, 'TokenCode'), 'TokenCode', rules.tokenCode);
		check.finish();
		const session = state.identities.assumeRole(
			principal,
			{
				roleArn: roleArn!,
				roleSessionName: roleSessionName!,
				...(durationSeconds === undefined ? {} : {durationSeconds}),
				...(externalId === undefined ? {} : {externalId}),
			},
			state.now(),
		);
		return {
			AssumedRoleUser: {AssumedRoleId: session.principal.userId, Arn: session.principal.arn},
			Credentials: {
				AccessKeyId: session.accessKeyId,
				SecretAccessKey: session.secretAccessKey,
				SessionToken: session.sessionToken,
				Expiration: isoSeconds(session.expiresAt),
			},
			SourceIdentity: sourceIdentity,
		};
	},
};

/** The codes STS answers where the emulator's shared errors use the JSON services' names. */
function asStsError(error: unknown): ServiceError {
	if (!(error instanceof ServiceError)) {
		return new ServiceError('InternalFailure', 'An internal error occurred.', 500);
	}

	switch (error.code) {
		case 'ExpiredTokenException':
			return new ServiceError('ExpiredToken', error.message, 400);
		case 'UnrecognizedClientException':
			return new ServiceError('InvalidClientTokenId', error.message, 403);
		case 'ValidationException':
		case 'SerializationException':
			return new ServiceError('ValidationError', error.message, 400);
		default:
			return error;
	}
}

/** The request's parameters: the query string's, then the form body's (which win). */
async function parametersOf(request: IncomingMessage): Promise<URLSearchParams> {
	const parameters = new URL(request.url ?? '/', 'http://emulator').searchParams;
	const body = await readBody(request);
	if (body === undefined) {
		throw errors.validation('The request body is too large.');
	}

	for (const [name, value] of new URLSearchParams(body)) {
		parameters.set(name, value);
	}

	return parameters;
}

export async function serveSts(request: IncomingMessage, response: ServerResponse, state: EmulatorState, signed: SignedRequest): Promise<void> {
	try {
		const parameters = await parametersOf(request);
		const name = parameters.get('Action') ?? '';
		const principal = state.principalOf(signed);
		const action = Object.hasOwn(actions, name) ? actions[name] : undefined;
		const version = parameters.get('Version') ?? STS_VERSION;
		if (!action || version !== STS_VERSION) {
			throw new ServiceError('InvalidAction', `Could not find operation ${name} for version ${version}`, 400);
		}

		state.requests[name] = (state.requests[name] ?? 0) + 1;
		state.sync();
		sendQueryResult(response, namespace, name, action(parameters, {state, principal}));
	} catch (error) {
		sendQueryError(response, namespace, asStsError(error));
	}
}
