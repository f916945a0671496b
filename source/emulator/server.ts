import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {setTimeout as sleep} from 'node:timers/promises';
import {handleControl} from './control-routes.js';
import type {EmulatorState} from './control.js';
import {ServiceError, errors} from './errors.js';
import {operations} from './operations/index.js';
import {refusal} from './wire/loopback-guard.js';
import {readBody} from './wire/read-body.js';
import {callerIdentity} from './wire/request-context.js';
import {sendError, sendJson} from './wire/responses.js';

const targetPrefix = 'AmazonSSM.';

async function handleSsm(request: IncomingMessage, response: ServerResponse, state: EmulatorState): Promise<void> {
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

	if (text === undefined) {
		throw errors.serialization('The request body is too large.');
	}

	let input: unknown;
	try {
		input = text.trim() === '' ? {} : JSON.parse(text);
	} catch {
		throw errors.serialization('The request body is not valid JSON.');
	}

	if (!input || typeof input !== 'object' || Array.isArray(input)) {
		throw errors.serialization('The request body must be a JSON object.');
	}

	const caller = callerIdentity(request.headers);
	state.requests[operationName] = (state.requests[operationName] ?? 0) + 1;
	const {latencyMs} = state.faultInjector.config;
	if (latencyMs > 0) {
		await sleep(latencyMs);
	}

	const fault = state.faultInjector.pick(caller.region, caller.accessKeyId);
	if (fault) {
		throw fault;
	}

	const engine = state.sync();
	const output = await operation(input as Record<string, unknown>, {engine, catalogue: state.catalogue, caller});
	sendJson(response, 200, output);
}

function pathOf(url: string | undefined): string {
	try {
		return new URL(url ?? '/', 'http://emulator').pathname;
	} catch {
		return '/';
	}
}

/** The HTTP server: SSM's JSON 1.1 protocol on any path, the control API under /_emulator/; loopback clients only. */
export function createEmulatorServer(state: EmulatorState): Server {
	return createServer((request, response) => {
		const path = pathOf(request.url);
		const refused = refusal(request);
		if (refused) {
			// Read what was sent, then say no: SSM's error shape for SSM paths, the control API's for its own.
			request.resume();
			const body = path.startsWith('/_emulator/') ? {error: refused} : {__type: 'AccessDeniedException', message: refused};
			const text = JSON.stringify(body);
			response.writeHead(403, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)});
			response.end(text);
			return;
		}
		const work = path.startsWith('/_emulator/') ? handleControl(request, response, state, path) : handleSsm(request, response, state);
		work.catch((error: unknown) => {
			if (response.headersSent) {
				response.destroy();
				return;
			}

			if (error instanceof ServiceError) {
				sendError(response, error);
				return;
			}

			// Anything unexpected is the emulator's bug: answer like the service would, keep serving.
			sendError(response, errors.internal());
		});
	});
}
