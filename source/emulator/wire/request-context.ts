import type {IncomingHttpHeaders} from 'node:http';
import {DEFAULT_REGION, accountForAccessKey} from '../accounts.js';

export interface CallerIdentity {
	readonly account: string;
	readonly region: string;
	/** The access key id the request was signed with, if it was signed. */
	readonly accessKeyId?: string;
}

// Credential=<AKID>/<yyyymmdd>/<region>/<service>/aws4_request
const credentialScope = /Credential=([^/,\s]+)\/\d{8}\/([a-z0-9-]+)\/[^/,\s]+\/aws4_request/;

/** Who is calling and where: the signature itself is never verified (SigV4 is accepted as is). */
export function callerIdentity(headers: IncomingHttpHeaders): CallerIdentity {
	const authorization = headers.authorization ?? '';
	const match = credentialScope.exec(authorization);
	return {
		account: accountForAccessKey(match?.[1]),
		region: match?.[2] ?? DEFAULT_REGION,
		...(match?.[1] === undefined ? {} : {accessKeyId: match[1]}),
	};
}
