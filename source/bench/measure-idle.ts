/**
 * Bytes written to the terminal when nothing changed (all-final data, the poller ticking) and when
 * one execution changes status. Polls run on the simulated clock; the UI's clock follows it.
 *
 * Three idle figures separate the causes: a poll with the UI's time pinned (what the refresh and
 * the merge alone write), a second of the UI clock ticking between polls, and a poll as it
 * happens live (the header's "ok Ns ago" resets to "ok now").
 */
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {isFinal} from '../core/status.js';
import type {LocalSession} from './local-session.js';
import {waitForQuiet} from './quiet.js';

export interface IdleResult {
	/** Per poll, UI time pinned: only what the refresh itself changes. */
	readonly pollPinnedBytes: readonly number[];
	/** Per simulated second between polls, UI clock ticking. */
	readonly secondBytes: readonly number[];
	/** Per poll, UI clock live. */
	readonly pollLiveBytes: readonly number[];
	/** What the terminal received in the last live idle poll (escapes included), for diagnosis. */
	readonly lastLivePollText: string;
	/** The poll that brought one execution's change to a final status (UI time pinned). */
	readonly oneChangeBytes: number;
	readonly oneChangeText: string;
}

export async function measureIdle(session: LocalSession, options: {polls?: number; intervalMs?: number} = {}): Promise<IdleResult> {
	const {terminal} = session;
	const polls = options.polls ?? 6;
	const intervalMs = options.intervalMs ?? session.poller.intervalMs;
	const bytesOf = async (action: () => Promise<void>): Promise<{bytes: number; text: string}> => {
		await waitForQuiet(terminal.stdout);
		terminal.stdout.mark();
		await action();
		await waitForQuiet(terminal.stdout);
		return {bytes: terminal.stdout.bytesSinceMark(), text: terminal.stdout.outputSinceMark()};
	};

	// Reach the steady state: a couple of polls after the history was loaded.
	await session.advance(intervalMs);
	await session.advance(intervalMs);

	session.ui.freeze();
	const pollPinnedBytes: number[] = [];
	for (let index = 0; index < polls; index++) pollPinnedBytes.push((await bytesOf(async () => session.advance(intervalMs))).bytes);

	session.ui.follow();
	const secondBytes: number[] = [];
	const pollLiveBytes: number[] = [];
	let lastLivePollText = '';
	const seconds = Math.round(intervalMs / 1000);
	for (let index = 0; index < polls; index++) {
		for (let second = 1; second < seconds; second++) secondBytes.push((await bytesOf(async () => session.advance(1000))).bytes);
		const poll = await bytesOf(async () => session.advance(intervalMs - (seconds - 1) * 1000));
		pollLiveBytes.push(poll.bytes);
		lastLivePollText = poll.text;
	}

	const change = await oneStatusChange(session, intervalMs, bytesOf);
	session.ui.follow();
	return {pollPinnedBytes, secondBytes, pollLiveBytes, lastLivePollText, oneChangeBytes: change.bytes, oneChangeText: change.text};
}

/** Starts one short run through the SDK, waits until the list shows it running, then times the poll that shows it finished. */
async function oneStatusChange(
	session: LocalSession,
	intervalMs: number,
	bytesOf: (action: () => Promise<void>) => Promise<{bytes: number; text: string}>,
): Promise<{bytes: number; text: string}> {
	const region = 'us-east-1';
	const started = await session.api
		.homeClient(region)
		.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-StopEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
	const id = started.AutomationExecutionId!;
	const status = () => session.store.getState().executions[id]?.status;
	for (let guard = 0; status() === undefined || status() === 'Pending'; guard++) {
		if (guard > 20) throw new Error('the new run never showed in the list');
		await session.advance(intervalMs);
	}

	// Pin the UI's time, so the status change is the only news on screen.
	session.ui.freeze();
	for (let guard = 0; guard < 50; guard++) {
		const before = status();
		const poll = await bytesOf(async () => session.advance(intervalMs));
		const after = status();
		if (after !== undefined && isFinal(after) && before !== after) return poll;
	}

	throw new Error(`the run never finished (status ${String(status())})`);
}
