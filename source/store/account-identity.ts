/**
 * A placeholder account learns its id (issue 11). A profile whose identity could not be read at
 * start (an expired SSO login…) is watched under `profile:NAME`; once its credentials work and
 * STS names its account, every trace of the placeholder takes the real id: the watched account
 * (its problem gone), its locations (their health kept), its rows and details. A pure
 * transition: the CLI applies it with setState.
 */
import {locationKey, parseLocationKey} from '../core/location.js';
import type {AppData} from './state.js';

export const PLACEHOLDER_PREFIX = 'profile:';

export const isPlaceholderAccount = (account: string): boolean => account.startsWith(PLACEHOLDER_PREFIX);

type Identified = Pick<AppData, 'context' | 'regions' | 'executions' | 'details'>;

export function accountIdentified(state: AppData, placeholder: string, account: string): Identified | undefined {
	const accounts = state.context.accounts;
	if (!accounts?.some(entry => entry.account === placeholder) || accounts.some(entry => entry.account === account)) return undefined;
	const renamed = (id: string | undefined): string | undefined => (id === placeholder ? account : id);
	const context = {
		...state.context,
		accounts: accounts.map(entry => {
			if (entry.account !== placeholder) return entry;
			const {problem: _problem, ...rest} = entry;
			return {...rest, account};
		}),
		readableAccounts: state.context.readableAccounts === 'all' ? 'all' : state.context.readableAccounts.map(id => renamed(id)!),
	} satisfies AppData['context'];
	const regions = Object.fromEntries(
		Object.entries(state.regions).map(([key, health]) => {
			const location = parseLocationKey(key);
			return location.account === placeholder ? [locationKey(account, location.region), {...health, account}] : [key, health];
		}),
	);
	const retag = <T extends {readonly account?: string}>(records: Readonly<Record<string, T>>): Record<string, T> =>
		Object.fromEntries(Object.entries(records).map(([id, record]) => [id, record.account === placeholder ? {...record, account} : record]));
	return {context, regions, executions: retag(state.executions), details: retag(state.details)};
}
