/**
 * The action port the views get while --local is still connecting (issue 10: the first frame is
 * drawn before the emulator is seeded and the SDK is loaded). Each call waits for the real port;
 * a refresh asked for before there is a poller is dropped, as the first poll is on its way anyway.
 * A failed connection fails the calls with its error.
 */
import type {ActionPort} from '../core/ports.js';

export interface DeferredPort {
	readonly port: ActionPort;
	/** The real port, once connected: calls made before go to it. */
	resolve(port: ActionPort): void;
	reject(error: unknown): void;
}

export function createDeferredPort(): DeferredPort {
	let real: ActionPort | undefined;
	let resolve!: (port: ActionPort) => void;
	let reject!: (error: unknown) => void;
	const connected = new Promise<ActionPort>((onResolve, onReject) => {
		resolve = onResolve;
		reject = onReject;
	});
	// A rejection nobody asked for is not a crash: the caller that failed to connect reports it.
	connected.catch(() => undefined);
	/** Calls that wait for `target`: the connected port, or its port in another account. */
	const waiting = (target: () => Promise<ActionPort>): ActionPort => ({
		startExecution: async request => (await target()).startExecution(request),
		stopExecution: async (region, executionId, type) => (await target()).stopExecution(region, executionId, type),
		sendSignal: async (region, executionId, signal, payload) => (await target()).sendSignal(region, executionId, signal, payload),
		listDocuments: async (region, options) => (await target()).listDocuments(region, options),
		listDocumentVersions: async (region, name) => (await target()).listDocumentVersions(region, name),
		getDocument: async (region, name, version) => (await target()).getDocument(region, name, version),
		async listExecutionTags(region, executionId) {
			const ready = await target();
			return ready.listExecutionTags ? ready.listExecutionTags(region, executionId) : [];
		},
		async getExecution(region, executionId) {
			const ready = await target();
			if (!ready.getExecution) throw new Error('this connection cannot read one execution');
			return ready.getExecution(region, executionId);
		},
		inAccount: account =>
			waiting(async () => {
				const ready = await target();
				if (!ready.inAccount) throw new Error(`This connection cannot act in account ${account}.`);
				return ready.inAccount(account);
			}),
		refreshNow: () => real?.refreshNow(),
		loadOlder: () => real?.loadOlder?.(),
	});
	const port = waiting(async () => connected);
	return {
		port,
		resolve(target) {
			real = target;
			resolve(target);
		},
		reject,
	};
}
