import type {IncomingMessage, ServerResponse} from 'node:http';
import type {EmulatorState} from '../control.js';
import {ServiceError, errors} from '../errors.js';
import {accountArn, organizationArn, type OrgAccount, type Organization} from '../identity/organization.js';
import type {Principal} from '../identity/principals.js';
import {seconds} from '../serialize.js';
import {decodeToken, encodeToken} from '../wire/paging.js';
import {parseJsonObject, readBody} from '../wire/read-body.js';
import type {SignedRequest} from '../wire/request-context.js';
import {sendError, sendJson} from '../wire/responses.js';

// AWS Organizations' read side in JSON 1.1 (X-Amz-Target AWSOrganizationsV20161128.<Operation>):
// DescribeOrganization from any account of the organisation; ListAccounts and DescribeAccount
// from the management account or a delegated administrator only.

const targetPrefix = 'AWSOrganizationsV20161128.';
/** ListAccounts' page size when MaxResults is omitted, and its largest MaxResults. */
const MAX_RESULTS = 20;

type Json = Record<string, unknown>;
type Operation = (input: Json, org: Organization, caller: Principal) => Json;

const invalidInput = (reason: string, message: string) => new ServiceError('InvalidInputException', message, 400, {Reason: reason});

const orgErrors = {
	notInUse: () => new ServiceError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'),
	accessDenied: () => new ServiceError('AccessDeniedException', "You don't have permissions to access this resource."),
	accountNotFound: () => new ServiceError('AccountNotFoundException', "You specified an account that doesn't exist."),
	inputRequired: () => invalidInput('INPUT_REQUIRED', 'You must include a value for all required parameters.'),
	invalidPattern: () => invalidInput('INVALID_PATTERN', "You provided a value that doesn't match the required pattern."),
	maxValue: () => invalidInput('MAX_VALUE_EXCEEDED', 'You provided a value that exceeds the maximum allowed value.'),
	minValue: () => invalidInput('MIN_VALUE_EXCEEDED', 'You provided a value that is less than the minimum allowed value.'),
	invalidNextToken: () => invalidInput('INVALID_NEXT_TOKEN', 'You specified an invalid value for nextToken.'),
};

function requireAdministrator(org: Organization, caller: Principal): void {
	if (caller.account !== org.managementAccount && !org.delegatedAdministrators.has(caller.account)) {
		throw orgErrors.accessDenied();
	}
}

function accountJson(org: Organization, account: OrgAccount): Json {
	return {
		Id: account.id,
		Arn: accountArn(org, account.id),
		Email: account.email,
		Name: account.name,
		Status: account.status,
		State: account.status,
		JoinedMethod: account.joinedMethod,
		JoinedTimestamp: seconds(account.joinedTimestamp),
	};
}

function maxResults(value: unknown): number {
	if (value === undefined || value === null) {
		return MAX_RESULTS;
	}

	if (typeof value !== 'number' || !Number.isInteger(value)) {
		throw errors.serialization("Expected an integer at 'maxResults'.");
	}

	if (value < 1) {
		throw orgErrors.minValue();
	}

	if (value > MAX_RESULTS) {
		throw orgErrors.maxValue();
	}

	return value;
}

function firstIndex(token: string | undefined, org: Organization): number {
	try {
		return Number(decodeToken(token, 'ListAccounts', org.id)?.['i'] ?? 0);
	} catch {
		throw orgErrors.invalidNextToken();
	}
}

const operations: Readonly<Record<string, Operation>> = {
	DescribeOrganization: (_input, org) => ({
		Organization: {
			Id: org.id,
			Arn: organizationArn(org),
			FeatureSet: 'ALL',
			MasterAccountArn: accountArn(org, org.managementAccount),
			MasterAccountId: org.managementAccount,
			MasterAccountEmail: org.byId.get(org.managementAccount)?.email,
			AvailablePolicyTypes: [{Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED'}],
		},
	}),

	ListAccounts(input, org, caller) {
		requireAdministrator(org, caller);
		const size = maxResults(input['MaxResults']);
		const token = input['NextToken'];
		if (token !== undefined && token !== null && typeof token !== 'string') {
			throw errors.serialization("Expected a string at 'nextToken'.");
		}

		const start = firstIndex(token ?? undefined, org);
		const page = org.accounts.slice(start, start + size);
		const next = start + size;
		return {
			Accounts: page.map(account => accountJson(org, account)),
			...(next < org.accounts.length ? {NextToken: encodeToken('ListAccounts', org.id, {i: next})} : {}),
		};
	},

	DescribeAccount(input, org, caller) {
		requireAdministrator(org, caller);
		const id = input['AccountId'];
		if (id === undefined || id === null) {
			throw orgErrors.inputRequired();
		}

		if (typeof id !== 'string') {
			throw errors.serialization("Expected a string at 'accountId'.");
		}

		if (!/^\d{12}$/.test(id)) {
			throw orgErrors.invalidPattern();
		}

		const account = org.byId.get(id);
		if (!account) {
			throw orgErrors.accountNotFound();
		}

		return {Account: accountJson(org, account)};
	},
};

export function isOrganizationsTarget(target: unknown): boolean {
	return typeof target === 'string' && target.startsWith(targetPrefix);
}

export async function serveOrganizations(request: IncomingMessage, response: ServerResponse, state: EmulatorState, signed: SignedRequest): Promise<void> {
	try {
		const target = String(request.headers['x-amz-target'] ?? '');
		const text = await readBody(request);
		const name = target.slice(targetPrefix.length);
		const operation = request.method === 'POST' && Object.hasOwn(operations, name) ? operations[name] : undefined;
		if (!operation) {
			throw errors.unknownOperation(`The operation ${name} is not supported by this emulator.`);
		}

		const input = parseJsonObject(text);
		state.requests[name] = (state.requests[name] ?? 0) + 1;
		const caller = state.principalOf(signed);
		const org = state.organization();
		if (!org?.byId.has(caller.account)) {
			throw orgErrors.notInUse();
		}

		sendJson(response, 200, operation(input, org, caller));
	} catch (error) {
		sendError(
			response,
			error instanceof ServiceError
				? error
				: new ServiceError('ServiceException', "AWS Organizations can't complete your request because of an internal service error.", 500),
			'Message',
		);
	}
}
