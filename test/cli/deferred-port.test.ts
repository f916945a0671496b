// The port the views hold while --local connects: calls wait for the real port, refreshes asked
// for before there is a poller are dropped, a failed connection fails the calls.
import {describe, expect, it} from 'vitest';
import {createDeferredPort} from '../../source/cli/deferred-port.js';
import type {ActionPort} from '../../source/core/ports.js';

function recordingPort(calls: string[]): ActionPort {
	return {
		startExecution: async request => {
			calls.push(`start ${request.documentName}`);
			return {executionId: 'e-1'};
		},
		stopExecution: async (region, id, type) => {
			calls.push(`stop ${region} ${id} ${type}`);
		},
		sendSignal: async (region, id, signal) => {
			calls.push(`signal ${region} ${id} ${signal}`);
		},
		listDocuments: async region => {
			calls.push(`documents ${region}`);
			return [];
		},
		listDocumentVersions: async (_region, name) => {
			calls.push(`versions ${name}`);
			return ['1'];
		},
		getDocument: async (_region, name) => {
			calls.push(`document ${name}`);
			return {name, content: '{}'};
		},
		refreshNow: () => calls.push('refresh'),
		loadOlder: () => calls.push('older'),
	};
}

describe('createDeferredPort', () => {
	it('holds calls made before the connection and hands them to the real port once it is there', async () => {
		const calls: string[] = [];
		const deferred = createDeferredPort();
		const documents = deferred.port.listDocuments('eu-west-1');
		const versions = deferred.port.listDocumentVersions('eu-west-1', 'Ops-Rotate');
		deferred.port.refreshNow();
		deferred.port.loadOlder?.();
		await Promise.resolve();
		expect(calls).toEqual([]);
		deferred.resolve(recordingPort(calls));
		await expect(documents).resolves.toEqual([]);
		await expect(versions).resolves.toEqual(['1']);
		// The refresh and the older history asked for before the poller existed were dropped: the first poll is on its way.
		expect(calls).toEqual(['documents eu-west-1', 'versions Ops-Rotate']);
		deferred.port.refreshNow();
		deferred.port.loadOlder?.();
		await deferred.port.stopExecution('us-east-1', 'e-9', 'Cancel');
		expect(calls.slice(2)).toEqual(['refresh', 'older', 'stop us-east-1 e-9 Cancel']);
	});

	it('optional calls the real port lacks: no tags; one execution fails with a reason', async () => {
		const deferred = createDeferredPort();
		deferred.resolve(recordingPort([]));
		await expect(deferred.port.listExecutionTags?.('us-east-1', 'e-1')).resolves.toEqual([]);
		await expect(deferred.port.getExecution?.('us-east-1', 'e-1')).rejects.toThrow(/cannot read one execution/);
	});

	it("a port in another account, asked for before the connection, acts through the real port's inAccount", async () => {
		const calls: string[] = [];
		const deferred = createDeferredPort();
		const member = deferred.port.inAccount!('111122223333');
		const documents = member.listDocuments('us-east-1');
		const real = recordingPort(calls);
		deferred.resolve({
			...real,
			inAccount(account) {
				calls.push(`in ${account}`);
				return recordingPort(calls);
			},
		});
		await expect(documents).resolves.toEqual([]);
		expect(calls).toEqual(['in 111122223333', 'documents us-east-1']);
		// A real port that cannot act in another account refuses instead of acting in its own.
		const plain = createDeferredPort();
		plain.resolve(recordingPort(calls));
		await expect(plain.port.inAccount!('111122223333').startExecution({region: 'us-east-1', documentName: 'X', clientToken: 't'})).rejects.toThrow(
			'This connection cannot act in account 111122223333.',
		);
		expect(calls).toEqual(['in 111122223333', 'documents us-east-1']);
	});

	it('fails the waiting calls with the connection error', async () => {
		const deferred = createDeferredPort();
		const started = deferred.port.startExecution({region: 'us-east-1', documentName: 'AWS-RestartEC2Instance', parameters: {}, clientToken: 't'} as never);
		deferred.reject(new Error('the emulator did not start'));
		await expect(started).rejects.toThrow('the emulator did not start');
	});
});
