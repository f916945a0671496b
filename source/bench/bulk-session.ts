/** A --local session over N finished executions, with the whole history loaded into the list. */
import {startLocalSession, type LocalSession, type LocalSessionOptions} from './local-session.js';
import {selectTruncatedRegions} from '../store/data-selectors.js';
import {BENCH_TIME} from './bulk-scene.js';

export {BENCH_TIME} from './bulk-scene.js';

export async function startBulkSession(
	executions: number,
	options: Partial<Pick<LocalSessionOptions, 'uiClock' | 'ink' | 'terminal' | 'remoteEmulatorUrl' | 'wrapApi'>> = {},
): Promise<LocalSession> {
	const session = await startLocalSession({
		startMs: BENCH_TIME,
		seed: 'none',
		extraExecutions: executions,
		terminal: options.terminal ?? {columns: 120, rows: 34, keepOutput: false},
		uiClock: options.uiClock ?? 'follow',
		...(options.ink === undefined ? {} : {ink: options.ink}),
		...(options.remoteEmulatorUrl === undefined ? {} : {remoteEmulatorUrl: options.remoteEmulatorUrl}),
		...(options.wrapApi === undefined ? {} : {wrapApi: options.wrapApi}),
	});
	await session.settled();
	await loadWholeHistory(session);
	return session;
}

/** The first listing stops at the paging cap; fetch older batches until every region is complete. */
export async function loadWholeHistory(session: LocalSession): Promise<void> {
	for (let batches = 0; batches < 1000; batches++) {
		const truncated = selectTruncatedRegions(session.store.getState());
		if (truncated.length === 0) return;
		await Promise.all(truncated.map(async region => session.poller.loadOlder(region)));
		await session.settled();
	}

	throw new Error('the history never finished loading');
}
