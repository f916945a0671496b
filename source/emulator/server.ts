import {createServer, type IncomingMessage, type Server} from 'node:http';
import {handleControl} from './control-routes.js';
import type {EmulatorState} from './control.js';
import {ServiceError, errors} from './errors.js';
import {isOrganizationsTarget, serveOrganizations} from './services/organizations.js';
import {serveSsm} from './services/ssm.js';
import {serveSts} from './services/sts.js';
import {signedRequest, type SignedRequest} from './wire/request-context.js';
import {refusal} from './wire/loopback-guard.js';
import {sendError} from './wire/responses.js';
import {handleSqs, isSqsRequest} from './sqs/sqs-route.js';

function pathOf(url: string | undefined): string {
	try {
		return new URL(url ?? '/', 'http://emulator').pathname;
	} catch {
		return '/';
	}
}

/**
 * Which service a request is for, as AWS's endpoints would know it: the X-Amz-Target of the
 * JSON protocols (AmazonSSM.…, AWSOrganizationsV20161128.…), else the SigV4 credential
 * scope's service, else a Query request's form (Action=…), which only STS speaks here.
 */
export function serviceOf(request: IncomingMessage, signed: SignedRequest): 'ssm' | 'sts' | 'organizations' {
	const target = request.headers['x-amz-target'];
	if (target !== undefined) {
		return isOrganizationsTarget(target) ? 'organizations' : 'ssm';
	}

	if (signed.service === 'sts' || signed.service === 'organizations') {
		return signed.service;
	}

	const contentType = request.headers['content-type'] ?? '';
	const query = /[?&]Action=/.test(request.url ?? '');
	return contentType.startsWith('application/x-www-form-urlencoded') || (request.method === 'GET' && query) ? 'sts' : 'ssm';
}

/** How long an idle keep-alive connection stays open (see createEmulatorServer). */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/** The HTTP server: SSM and Organizations (JSON 1.1) and STS (Query) on any path, the control API under /_emulator/; loopback clients only. */
export function createEmulatorServer(state: EmulatorState): Server {
	/*
	 * Idle keep-alive connections stay open 65 s (Node's default is 5 s; AWS endpoints keep them
	 * longer too). A client reusing a connection just as the server closes it gets "socket hang
	 * up" (ECONNRESET; nodejs/node#47130, #52649). Polling 9,620 locations every ~38 s (the
	 * budget's stretched interval) let every socket reach 5 s idle once a cycle, and a location
	 * or two of the organisation benchmark showed "unreachable" in some runs.
	 */
	const server = createServer({keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS}, (request, response) => {
		const path = pathOf(request.url);
		const refused = refusal(request);
		if (refused) {
			// Read what was sent, then say no: SSM's error shape for service paths, the control API's for its own.
			request.resume();
			const body = path.startsWith('/_emulator/') ? {error: refused} : {__type: 'AccessDeniedException', message: refused};
			const text = JSON.stringify(body);
			response.writeHead(403, {'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text)});
			response.end(text);
			return;
		}

		let work: Promise<void>;
		if (path.startsWith('/_emulator/')) {
			work = handleControl(request, response, state, path);
		} else if (isSqsRequest(request, path)) {
			// Before the service dispatch, which would take an unsigned form post for STS.
			work = handleSqs(request, response, state, path);
		} else {
			const signed = signedRequest(request.headers, request.url);
			const service = serviceOf(request, signed);
			work =
				service === 'sts'
					? serveSts(request, response, state, signed)
					: service === 'organizations'
						? serveOrganizations(request, response, state, signed)
						: serveSsm(request, response, state, signed);
		}

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
	return server;
}
