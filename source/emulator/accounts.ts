/** The account every request acts as unless its access key id names another one. */
export const HOME_ACCOUNT = '123456789012';
export const DEFAULT_REGION = 'us-east-1';

const accountKey = /^AKID(\d{12})$/;

/**
 * Account convention: an access key id `AKID` + 12 digits acts as that account;
 * any other key id (or none) acts as the home account.
 */
export function accountForAccessKey(accessKeyId: string | undefined): string {
	const match = accessKeyId ? accountKey.exec(accessKeyId) : null;
	return match?.[1] ?? HOME_ACCOUNT;
}

export function accessKeyFor(account: string): string {
	if (!/^\d{12}$/.test(account)) {
		throw new RangeError('an account id is 12 digits');
	}

	return `AKID${account}`;
}
