/**
 * The one effect runner: it takes the effects the store queues (from the dialogs' pure transitions
 * and the key dispatcher) and carries them out — SSM calls through the ActionPort, reading a
 * TargetLocations file, the clipboard (OSC 52), new ClientTokens, refresh and suspend — then reports
 * each outcome back to the store as a DialogEvent. It is the only place outside source/aws where the
 * app's requests leave the process, and it is wired in cli.tsx (and by tests, with a fake port).
 */
import {ActionError, type ActionPort} from '../core/ports.js';
import {MUTATING_EFFECTS, type DialogEvent, type Effect} from '../core/dialogs/effects.js';
import type {AppStore} from '../store/app-store.js';
import type * as StartFormParsersModule from '../core/start-form/parsers.js';
import {notificationSequence, type NotifyMode} from './notify-sequence.js';
import {clipboardSequence} from './clipboard-sequence.js';

export {clipboardSequence} from './clipboard-sequence.js';

export interface EffectRunnerOptions {
	readonly store: AppStore;
	readonly port: ActionPort;
	readonly readFile: (path: string) => Promise<string>;
	/** Writes straight to the terminal (the clipboard's OSC 52 sequence). */
	readonly writeTerminal: (text: string) => void;
	readonly newToken: () => string;
	/** Ctrl-Z: hand the terminal back to the shell (source/cli/terminal-lifecycle.ts). */
	readonly suspend?: () => void;
	/** --notify: what a notice writes to the terminal (default off: tests and tools ring no bell). */
	readonly notify?: NotifyMode;
	/** Inside tmux ($TMUX): desktop notifications and the clipboard go through its passthrough. */
	readonly inTmux?: boolean;
	readonly now?: () => number;
}

export interface EffectRunner {
	stop(): void;
	/** Resolves once no effect is queued or in flight (tests and tools). */
	idle(): Promise<void>;
}

/**
 * The runbook and TargetLocations-file parsers, with the YAML parser they use (260 KB of the
 * bundle): imported when a document or a file is first read, so launching does not compile them.
 */
type StartFormParsers = typeof StartFormParsersModule;
const startFormParsers = async (): Promise<StartFormParsers> => import('../core/start-form/parsers.js');

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A port whose every call rejects: asked to act in an account the connection cannot act in. */
function refusingPort(account: string): ActionPort {
	const refuse = async (): Promise<never> => {
		throw new ActionError(`This connection cannot act in account ${account}.`);
	};
	return {
		startExecution: refuse,
		stopExecution: refuse,
		sendSignal: refuse,
		listDocuments: refuse,
		listDocumentVersions: refuse,
		getDocument: refuse,
		listExecutionTags: refuse,
		getExecution: refuse,
		refreshNow: () => undefined,
	};
}

export function startEffectRunner(options: EffectRunnerOptions): EffectRunner {
	const {store, port} = options;
	const now = options.now ?? Date.now;
	const inFlight = new Set<Promise<void>>();
	let scheduled = false;
	let stopped = false;

	const answer = (dialogId: number | undefined, event: DialogEvent): void => {
		if (!stopped && dialogId !== undefined) store.getState().actions.dialogEvent(dialogId, event);
	};

	/** Runs `call`, answering with its value's event or its failure's. */
	const settle = <T>(dialogId: number, call: () => Promise<T>, ok: (value: T) => DialogEvent, failed: (error: unknown) => DialogEvent): Promise<void> =>
		call().then(
			value => answer(dialogId, ok(value)),
			(error: unknown) => answer(dialogId, failed(error)),
		);

	/**
	 * The port for an effect's account (several accounts watched): that account's credentials. A
	 * port that cannot act in another account refuses, rather than starting the run somewhere else.
	 */
	const portIn = (account: string | undefined): ActionPort => {
		if (account === undefined) return port;
		return port.inAccount ? port.inAccount(account) : refusingPort(account);
	};

	async function run(effect: Effect): Promise<void> {
		if (MUTATING_EFFECTS.has(effect.kind) && store.getState().context.readOnly) {
			// The store never queues these under --read-only; refusing here too keeps that true whatever queues them.
			throw new Error(`refused under --read-only: ${effect.kind}`);
		}
		switch (effect.kind) {
			case 'listDocuments': {
				const {account, region, owner} = effect;
				const where = {...(account === undefined ? {} : {account}), region, ...(owner === undefined ? {} : {owner})};
				return settle(
					effect.dialogId,
					async () => portIn(account).listDocuments(region, owner === undefined ? {} : {owner}),
					documents => ({kind: 'documentsListed', ...where, documents}),
					error => ({kind: 'documentsFailed', ...where, error: messageOf(error)}),
				);
			}
			case 'listDocumentVersions':
				return settle(
					effect.dialogId,
					async () => portIn(effect.account).listDocumentVersions(effect.region, effect.name),
					versions => ({kind: 'versionsListed', name: effect.name, versions}),
					error => ({kind: 'versionsFailed', name: effect.name, error: messageOf(error)}),
				);
			case 'getDocument': {
				const which = {
					...(effect.account === undefined ? {} : {account: effect.account}),
					region: effect.region,
					name: effect.name,
					...(effect.version === undefined ? {} : {version: effect.version}),
				};
				return settle(
					effect.dialogId,
					async () => {
						const document = await portIn(effect.account).getDocument(effect.region, effect.name, effect.version);
						const {parseRunbookParameters} = await startFormParsers();
						return {runbook: parseRunbookParameters(document.content), description: document.description};
					},
					({runbook, description}) => ({kind: 'documentRead', ...which, runbook, ...(description ? {description} : {})}),
					error => ({kind: 'documentFailed', ...which, error: messageOf(error)}),
				);
			}
			case 'getExecution': {
				const target = portIn(effect.account);
				const read = target.getExecution;
				if (!read)
					return answer(effect.dialogId, {kind: 'executionFailed', executionId: effect.executionId, error: 'this connection cannot read one execution'});
				return settle(
					effect.dialogId,
					async () => read.call(target, effect.region, effect.executionId),
					detail => {
						// What was read is the freshest detail too: the detail screen shows it without another call.
						store.getState().actions.detailLoaded(detail);
						return {kind: 'executionRead', detail};
					},
					error => ({kind: 'executionFailed', executionId: effect.executionId, error: messageOf(error)}),
				);
			}
			case 'listExecutionTags': {
				const target = portIn(effect.account);
				const list = target.listExecutionTags;
				if (!list) return answer(effect.dialogId, {kind: 'tagsListed', tags: []});
				return settle(
					effect.dialogId,
					async () => list.call(target, effect.region, effect.executionId),
					tags => ({kind: 'tagsListed', tags}),
					error => ({kind: 'tagsFailed', error: messageOf(error)}),
				);
			}
			case 'readFile':
				return settle(
					effect.dialogId,
					async () => {
						const text = await options.readFile(effect.path);
						const {parseTargetLocationsFile} = await startFormParsers();
						return parseTargetLocationsFile(text);
					},
					locations => ({kind: 'fileRead', path: effect.path, locations}),
					error => ({
						kind: 'fileFailed',
						path: effect.path,
						error: messageOf(error),
						...((error as {code?: unknown}).code === 'ENOENT' ? {missing: true} : {}),
					}),
				);
			case 'newClientToken':
				return answer(effect.dialogId, {kind: 'clientToken', token: options.newToken()});
			case 'startExecution':
				return settle(
					effect.dialogId,
					async () => portIn(effect.account).startExecution(effect.request),
					({executionId}) => ({kind: 'started', executionId, at: now()}),
					error => ({
						kind: 'startFailed',
						error: messageOf(error),
						...(error instanceof ActionError && error.exception ? {exception: error.exception} : {}),
					}),
				);
			case 'stopExecution':
				return settle(
					effect.dialogId,
					async () => port.stopExecution(effect.region, effect.executionId, effect.type),
					() => ({kind: 'stopped'}),
					error => ({kind: 'stopFailed', error: messageOf(error)}),
				);
			case 'sendSignal':
				return settle(
					effect.dialogId,
					async () => port.sendSignal(effect.region, effect.executionId, effect.signal, effect.payload),
					() => ({kind: 'signalSent'}),
					error => ({kind: 'signalFailed', error: messageOf(error)}),
				);
			case 'copy':
				options.writeTerminal(clipboardSequence(effect.text, options.inTmux ?? false));
				// What was copied, in the footer (the views show it through visibleText).
				if (effect.what !== undefined) store.getState().actions.flashShown(`Copied ${effect.what}`);
				return answer(effect.dialogId, {kind: 'copied'});
			case 'refresh':
				return port.refreshNow();
			case 'loadOlder':
				return port.loadOlder?.();
			case 'suspend':
				return options.suspend?.();
			case 'notify': {
				const sequence = notificationSequence(options.notify ?? 'off', effect.title, effect.body, options.inTmux ?? false);
				if (sequence) options.writeTerminal(sequence);
				return;
			}
		}
	}

	function drain(): void {
		scheduled = false;
		if (stopped) return;
		for (const effect of store.getState().actions.effectsTaken()) {
			const running: Promise<void> = run(effect)
				.catch((error: unknown) => store.getState().actions.flashShown(messageOf(error)))
				.finally(() => inFlight.delete(running));
			inFlight.add(running);
		}
	}

	// Effects run after the store update that queued them has reached every subscriber, never inside it.
	const unsubscribe = store.subscribe(state => {
		if (state.effects.length === 0 || scheduled || stopped) return;
		scheduled = true;
		queueMicrotask(drain);
	});
	if (store.getState().effects.length > 0) {
		scheduled = true;
		queueMicrotask(drain);
	}

	return {
		stop() {
			stopped = true;
			unsubscribe();
		},
		async idle() {
			for (;;) {
				if (scheduled) await Promise.resolve();
				else if (inFlight.size > 0) await Promise.all([...inFlight]);
				else if (store.getState().effects.length > 0) drain();
				else return;
			}
		},
	};
}
