/**
 * The ActionPort with several accounts watched: stop, signal and the reads behind their dialogs
 * act in the execution's own account, with that account's credentials (a profile or an assumed
 * role), never in the home account's. Starting a run stays in the home account.
 */
import {createActionPort} from '../aws/action-port.js';
import type {AwsApi} from '../aws/index.js';
import type {ActionPort} from '../core/ports.js';

export interface AccountActionPortOptions {
	readonly api: Pick<AwsApi, 'homeClient' | 'clientFor' | 'getExecution' | 'homeAccount'>;
	/** The account an execution was listed in (undefined: the home account, or one account watched). */
	readonly accountOf: (executionId: string) => string | undefined;
	readonly refreshNow?: () => void;
}

export function createAccountActionPort({api, accountOf, refreshNow}: AccountActionPortOptions): ActionPort {
	const homePort = createActionPort({client: region => api.homeClient(region), ...(refreshNow ? {refreshNow} : {})});
	const accountPorts = new Map<string, ActionPort>();
	const portOf = (executionId: string): ActionPort => {
		const account = accountOf(executionId);
		if (account === undefined || account === api.homeAccount) return homePort;
		let port = accountPorts.get(account);
		if (!port) {
			port = createActionPort({client: region => api.clientFor(account, region) ?? api.homeClient(region), ...(refreshNow ? {refreshNow} : {})});
			accountPorts.set(account, port);
		}

		return port;
	};

	return {
		...homePort,
		stopExecution: async (region, executionId, type) => portOf(executionId).stopExecution(region, executionId, type),
		sendSignal: async (region, executionId, signal, payload) => portOf(executionId).sendSignal(region, executionId, signal, payload),
		...(homePort.listExecutionTags
			? {listExecutionTags: async (region: string, executionId: string) => portOf(executionId).listExecutionTags!(region, executionId)}
			: {}),
		getExecution: async (region, executionId) => {
			const account = accountOf(executionId);
			return (await api.getExecution(region, executionId, account === undefined ? {} : {account})).detail;
		},
	};
}
