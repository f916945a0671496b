import type {IncomingHttpHeaders} from 'node:http';
import {DEFAULT_REGION} from '../accounts.js';
import type {Principal} from '../identity/principals.js';

/** What the signature says about a request: the signature itself is never verified (SigV4 is accepted as is). */
export interface SignedRequest {
	/** The access key id the request was signed with, if it was signed. */
	readonly accessKeyId?: string;
	readonly region: string;
	/** The credential scope's service (ssm, sts, organizations), if signed. */
	readonly service?: string;
	/** X-Amz-Security-Token: required with temporary (ASIA…) keys. */
	readonly sessionToken?: string;
}

/** Who is calling and where, as the operations see it. */
export interface CallerIdentity {
	readonly account: string;
	readonly region: string;
	/** The access key id the request was signed with, if it was signed. */
	readonly accessKeyId?: string;
	/** The IAM user or assumed role behind the key. */
	readonly principal: Principal;
}

// Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request
const credentialScope = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/([^/,\s]+)\/aws4_request/;
// X-Amz-Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request (presigned, in the query string)
const presignedScope = /^([^/]+)\/\d{8}\/([a-z0-9-]+)\/([^/]+)\/aws4_request$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

export function signedRequest(headers: IncomingHttpHeaders, url = '/'): SignedRequest {
	const match = credentialScope.exec(header(headers, 'authorization') ?? '');
	let query: URLSearchParams | undefined;
	try {
		query = new URL(url, 'http://emulator').searchParams;
	} catch {
		query = undefined;
	}

	const presigned = match ? null : presignedScope.exec(query?.get('X-Amz-Credential') ?? '');
	const scope = match ?? presigned;
	const token = header(headers, 'x-amz-security-token') ?? query?.get('X-Amz-Security-Token') ?? undefined;
	return {
		region: scope?.[2] ?? DEFAULT_REGION,
		...(scope?.[1] === undefined ? {} : {accessKeyId: scope[1]}),
		...(scope?.[3] === undefined ? {} : {service: scope[3]}),
		...(token === undefined ? {} : {sessionToken: token}),
	};
}
