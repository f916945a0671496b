import type {Principal} from './principals.js';

// Who may answer an aws:approve step. The step's Approvers name IAM users (by name or ARN),
// IAM roles (by ARN: every session of the role acts as it) and assumed-role sessions (by their
// arn:aws:sts::…:assumed-role/ROLE/SESSION ARN). Each principal counts once toward
// MinRequiredApprovals: a user by its ARN, every session of one role as that role.

/** The step's Approvers input as the engine stored it (JSON of a list, or of one string). */
export function approverList(encoded: string | undefined): string[] {
	if (encoded === undefined) {
		return [];
	}

	try {
		const value: unknown = JSON.parse(encoded);
		const list = Array.isArray(value) ? value : [value];
		return list.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
	} catch {
		return [encoded];
	}
}

/** arn:aws:iam::ACCOUNT:role/NAME: a role's ARN as people write it, whatever its path. */
function pathlessRoleArn(principal: Principal): string {
	return `arn:aws:iam::${principal.account}:role/${principal.name}`;
}

/**
 * The principal as one approval counts it (a user's ARN, or the role's ARN for any of its
 * sessions), or undefined when `approvers` does not name it. A bare user name stands for the
 * user of that name in the execution's account.
 */
export function approverIdentity(approvers: readonly string[], principal: Principal, executionAccount: string): string | undefined {
	const key = principal.kind === 'assumed-role' && principal.roleArn !== undefined ? principal.roleArn : principal.arn;
	const names = new Set(approvers);
	if (names.has(principal.arn)) {
		return key;
	}

	if (principal.kind === 'user') {
		return principal.account === executionAccount && names.has(principal.name) ? key : undefined;
	}

	return (principal.roleArn !== undefined && names.has(principal.roleArn)) || names.has(pathlessRoleArn(principal)) ? key : undefined;
}
