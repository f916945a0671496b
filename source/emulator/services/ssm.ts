import type {IncomingMessage, ServerResponse} from 'node:http';
import {setTimeout as sleep} from 'node:timers/promises';
import type {EmulatorState} from '../control.js';
import {errors} from '../errors.js';
import {operations} from '../operations/index.js';
import {parseJsonObject, readBody} from '../wire/read-body.js';
import type {SignedRequest} from '../wire/request-context.js';
import {sendJson} from '../wire/responses.js';

const targetPrefix = 'AmazonSSM.';

/** SSM's JSON 1.1 protocol: X-Amz-Target AmazonSSM.<Operation>. Errors are the caller's to write. */
export async function serveSsm(request: IncomingMessage, response: ServerResponse, state: EmulatorState, signed: SignedRequest): Promise<void> {
	const target = request.headers['x-amz-target'];
	const operationName = typeof target === 'string' && target.startsWith(targetPrefix) ? target.slice(targetPrefix.length) : undefined;
	const text = await readBody(request);
	if (request.method !== 'POST') {
		throw errors.unknownOperation('Only POST requests are supported.');
	}

	if (!operationName) {
		throw errors.unknownOperation(target ? `Unknown target ${String(target)}.` : 'Missing X-Amz-Target header.');
	}

	const operation = Object.hasOwn(operations, operationName) ? operations[operationName] : undefined;
	if (!operation) {
		throw errors.unknownOperation(`The operation ${operationName} is not supported by this emulator.`);
	}

	const input = parseJsonObject(text);
	state.requests[operationName] = (state.requests[operationName] ?? 0) + 1;
	const {latencyMs} = state.faultInjector.config;
	if (latencyMs > 0) {
		await sleep(latencyMs);
	}

	const caller = state.callerOf(signed);
	const fault = state.faultInjector.pick(signed.region, caller.account);
	if (fault) {
		throw fault;
	}

	const engine = state.engineFor(caller.account, caller.region);
	const output = await operation(input, {engine, catalogue: state.catalogue, caller});
	sendJson(response, 200, output);
}
