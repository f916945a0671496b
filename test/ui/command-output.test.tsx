import {afterEach, describe, expect, it} from 'vitest';
import {renderApp, type RenderedApp} from './helpers.js';
import {formatZonedTimestamp, UTC_ZONE} from '../../source/core/time-zone.js';
import {execution, NOW, step, storeWith} from './fixtures.js';
import type {ExecutionDetail} from '../../source/core/types.js';

let app: RenderedApp | undefined;
afterEach(() => app?.unmount());

const COMMAND = '0c0c0c0c-1111-4222-8333-444455556666';

function runCommandDetail(): ExecutionDetail {
	return {
		...execution(1, {status: 'InProgress', documentName: 'Ops-RotateInstanceLogs', endTime: undefined}),
		steps: [
			step('describe'),
			step('rotateLogs', {action: 'aws:runCommand', status: 'InProgress', endTime: undefined, outputs: {CommandId: [COMMAND]}}),
			step('shipToS3', {status: 'Pending', startTime: undefined, endTime: undefined}),
		],
	};
}

async function openCommand() {
	const detail = runCommandDetail();
	const store = storeWith({rows: [detail], details: [detail]});
	app = await renderApp(store);
	await app.press('enter');
	await app.waitFor('rotateLogs');
	await app.press('down');
	await app.waitFor('Enter: Run Command');
	await app.press('enter');
	await app.waitFor('Run Command · step rotateLogs');
	return store;
}

describe('the Run Command output of an aws:runCommand step', () => {
	it('Enter on the step opens it; per instance status and code; the selected instance output tail, controls made visible; Esc back', async () => {
		const store = await openCommand();
		expect(store.getState().screen).toBe('command');
		const {actions} = store.getState();
		actions.commandInvocationsLoaded(
			COMMAND,
			{
				invocations: [
					{commandId: COMMAND, instanceId: 'i-0aaaaaaaaaaaaaaaa', status: 'Failed', responseCode: 2, requestedAt: NOW - 60_000, endTime: NOW - 30_000},
					{commandId: COMMAND, instanceId: 'i-0bbbbbbbbbbbbbbbb', status: 'InProgress', responseCode: -1, requestedAt: NOW - 60_000},
				],
				calls: 1,
				truncated: false,
			},
			NOW,
		);
		actions.invocationOutputLoaded({
			commandId: COMMAND,
			instanceId: 'i-0aaaaaaaaaaaaaaaa',
			status: 'Failed',
			responseCode: 2,
			stdout: 'line one\n\u001b]2;owned\u0007line two\n',
			stderr: 'Permission denied\nexit status 2\n',
		});
		const frame = await app!.waitFor('Permission denied');
		const lines = frame.split('\n');
		expect(lines.find(line => line.startsWith('i-0aaaaaaaaaaaaaaaa'))).toMatch(/Failed\s+2\s+30s/);
		expect(lines.find(line => line.startsWith('i-0bbbbbbbbbbbbbbbb'))).toMatch(/InProgress\s+-\s+1m00s/);
		expect(frame).toContain('Output of i-0aaaaaaaaaaaaaaaa');
		// The absolute time carries its zone (UTC without a provider).
		expect(frame).toContain(`requested ${formatZonedTimestamp(NOW - 60_000, UTC_ZONE)}`);
		expect(frame).toContain('line one');
		// The OSC title sequence is shown, not obeyed.
		expect(frame).toContain('␛]2;owned␇line two');
		expect(frame).toContain('stderr:');
		expect(frame).toContain('exit status 2');
		expect(app!.frames().join('')).not.toContain('\u001b]2;owned');

		await app!.press('down');
		await app!.waitFor(() => store.getState().selectedInstanceIndex === 1);
		expect(await app!.waitFor('Output of i-0bbbbbbbbbbbbbbbb')).toContain('Loading output…');
		await app!.press('escape');
		await app!.waitFor('Enter: Run Command');
		expect(store.getState().screen).toBe('detail');
	});

	it('a failed refresh is said in place and the last good data stays', async () => {
		const store = await openCommand();
		const {actions} = store.getState();
		actions.commandInvocationsLoaded(
			COMMAND,
			{invocations: [{commandId: COMMAND, instanceId: 'i-0aaaaaaaaaaaaaaaa', status: 'InProgress', responseCode: -1}], calls: 1, truncated: false},
			NOW,
		);
		actions.invocationOutputLoaded({commandId: COMMAND, instanceId: 'i-0aaaaaaaaaaaaaaaa', status: 'InProgress', stdout: 'halfway\n', stderr: ''});
		await app!.waitFor('halfway');
		actions.commandInvocationsFailed(COMMAND, 'AWS is throttling requests in us-east-1; backing off.');
		actions.invocationOutputFailed(COMMAND, 'i-0aaaaaaaaaaaaaaaa', 'SSM in us-east-1 did not answer within 10s.');
		const frame = await app!.waitFor('did not answer');
		expect(frame).toContain('✗ AWS is throttling requests in us-east-1; backing off. (showing the last data read)');
		expect(frame).toContain('(showing the last output read)');
		expect(frame).toMatch(/i-0aaaaaaaaaaaaaaaa\s+◐?\s*InProgress/);
		expect(frame).toContain('halfway');
	});

	it('a step without a CommandId yet says so instead of opening', async () => {
		const detail = runCommandDetail();
		const waiting = {...detail, steps: [detail.steps[0]!, {...detail.steps[1]!, outputs: {}}, detail.steps[2]!]};
		const store = storeWith({rows: [waiting], details: [waiting]});
		app = await renderApp(store);
		await app.press('enter');
		await app.waitFor('rotateLogs');
		await app.press('down', 'enter');
		await app.waitFor('has not sent its command yet');
		expect(store.getState().screen).toBe('detail');
	});
});
