import {Prng} from '../prng.js';

/** Who signed a request: what GetCallerIdentity answers, and whom operations may check (ExecutedBy, approvers). */
export interface Principal {
	readonly kind: 'user' | 'assumed-role';
	readonly account: string;
	/** arn:aws:iam::<account>:user/<name> or arn:aws:sts::<account>:assumed-role/<role>/<session>. */
	readonly arn: string;
	/** AIDA… for a user; AROA…:<session> for an assumed role, as GetCallerIdentity's UserId. */
	readonly userId: string;
	/** The user's name, or the role's name for a session. */
	readonly name: string;
	/** For sessions: the role's ARN (arn:aws:iam::<account>:role/<path><name>) and the session name. */
	readonly roleArn?: string;
	readonly sessionName?: string;
}

/** The user every access key id that names no registered user acts as (AKID<account>, or any other key in the home account). */
export const DEFAULT_USER = 'ssmtop-emulator';

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM-style unique id (AIDA…, AROA…, AKIA…, ASIA…): the prefix and base-32 characters derived from `seed`. */
export function awsId(prefix: string, seed: string, length: number): string {
	const prng = new Prng(seed);
	let text = prefix;
	while (text.length < length) {
		text += base32[Math.floor(prng.next() * 32)];
	}

	return text;
}

export function userArn(account: string, userName: string): string {
	return `arn:aws:iam::${account}:user/${userName}`;
}

export function userPrincipal(account: string, userName: string): Principal {
	const arn = userArn(account, userName);
	return {kind: 'user', account, arn, userId: awsId('AIDA', arn, 21), name: userName};
}
