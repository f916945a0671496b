/**
 * The ActionPort with several accounts watched: stop, signal and the reads behind their dialogs
 * act in the execution's own account, with that account's credentials (a profile or an assumed
 * role), never in the home account's. A run started or re-run from the start form goes through
 * `inAccount(account)`: the port of the account the form names (the home account's by default).
 */
import {createActionPort} from '../aws/action-port.js';
import type {AwsApi} from '../aws/index.js';
import {noCredentialsRefusal} from '../core/dialogs/no-credentials.js';
import {ActionError, type ActionPort} from '../core/ports.js';

export interface AccountActionPortOptions {
	readonly api: Pick<AwsApi, 'homeClient' | 'clientFor' | 'getExecution' | 'homeAccount'>;
	/** The account an execution was listed in (undefined: the home account, or one account watched). */
	readonly accountOf: (executionId: string) => string | undefined;
	readonly refreshNow?: () => void;
}

export function createAccountActionPort({api, accountOf, refreshNow}: AccountActionPortOptions): ActionPort {
	const homePort = createActionPort({client: region => api.homeClient(region), ...(refreshNow ? {refreshNow} : {})});
	const accountPorts = new Map<string, ActionPort>();
	/**
	 * The port for an execution's account. Never the home account's credentials for another account's
	 * execution: the stop or signal would be sent to the wrong account. Refused before any request.
	 */
	const portOf = (executionId: string, region: string, action: string): ActionPort => {
		const account = accountOf(executionId);
		if (account === undefined || account === api.homeAccount) return homePort;
		if (!api.clientFor(account, region)) throw new ActionError(noCredentialsRefusal({action, account, region}));
		let port = accountPorts.get(account);
		if (!port) {
			port = createActionPort({
				client: where => {
					const client = api.clientFor(account, where);
					if (!client) throw new ActionError(noCredentialsRefusal({action: 'act on its executions', account, region: where}));
					return client;
				},
				...(refreshNow ? {refreshNow} : {}),
			});
			accountPorts.set(account, port);
		}

		return port;
	};

	const startPorts = new Map<string, ActionPort>();
	const portIn = (account: string): ActionPort => {
		if (account === api.homeAccount) return homePort;
		let port = startPorts.get(account);
		if (!port) {
			port = createActionPort({
				client: region => {
					// Never the home account's credentials for another account: the run would start in the wrong place.
					const client = api.clientFor(account, region);
					if (!client) throw new Error(`No credentials for account ${account} (it is not watched).`);
					return client;
				},
				...(refreshNow ? {refreshNow} : {}),
			});
			startPorts.set(account, port);
		}

		return port;
	};

	/** The port acting in `account` for everything: the start form's reads and the run it starts. */
	const inAccount = (account: string): ActionPort => ({
		...portIn(account),
		async startExecution(request) {
			if (account !== api.homeAccount && !api.clientFor(account, request.region))
				throw new ActionError(noCredentialsRefusal({action: `start ${request.documentName}`, account, region: request.region}));
			return portIn(account).startExecution(request);
		},
		getExecution: async (region, executionId) => (await api.getExecution(region, executionId, account === api.homeAccount ? {} : {account})).detail,
		inAccount,
	});

	return {
		...homePort,
		stopExecution: async (region, executionId, type) =>
			portOf(executionId, region, `${type === 'Cancel' ? 'cancel' : 'complete'} execution ${executionId}`).stopExecution(region, executionId, type),
		sendSignal: async (region, executionId, signal, payload) =>
			portOf(executionId, region, `send ${signal} to execution ${executionId}`).sendSignal(region, executionId, signal, payload),
		...(homePort.listExecutionTags
			? {
					listExecutionTags: async (region: string, executionId: string) =>
						portOf(executionId, region, `read the tags of execution ${executionId}`).listExecutionTags!(region, executionId),
				}
			: {}),
		getExecution: async (region, executionId) => {
			const account = accountOf(executionId);
			return (await api.getExecution(region, executionId, account === undefined ? {} : {account})).detail;
		},
		inAccount,
	};
}
