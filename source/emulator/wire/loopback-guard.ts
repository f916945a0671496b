/**
 * Who may talk to the emulator: it listens on loopback only, but a browser page on any site can
 * still reach a loopback port (a "simple" text/plain POST needs no preflight), and DNS rebinding
 * can make a hostile name resolve to 127.0.0.1. So a request must name the emulator itself in its
 * Host (a loopback address or localhost, with the emulator's port), and an Origin, when a browser
 * sends one, must be a loopback origin too.
 */
import type {IncomingMessage} from 'node:http';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function isLoopbackHostPort(hostPort: string, port: number): boolean {
	const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(hostPort.trim().toLowerCase());
	if (!match) return false;
	const [, host, portText] = match;
	const loopbackHost = LOOPBACK_HOSTS.has(host!) || /^127(?:\.\d{1,3}){3}$/.test(host!);
	return loopbackHost && Number(portText ?? 80) === port;
}

/** Why the request is refused, or undefined when it comes from a loopback client for this emulator. */
export function refusal(request: IncomingMessage): string | undefined {
	const port = request.socket.localPort ?? 0;
	const host = request.headers.host;
	if (!host || !isLoopbackHostPort(host, port)) return `Host ${host ?? '(none)'} is not this emulator (127.0.0.1:${port}); it answers loopback clients only.`;
	const origin = request.headers.origin;
	if (origin !== undefined) {
		let originHost: string;
		try {
			originHost = new URL(origin).host;
		} catch {
			return `Origin ${origin} is not a loopback origin.`;
		}
		if (!isLoopbackHostPort(originHost, port)) return `Origin ${origin} is not a loopback origin: the emulator does not answer web pages of other sites.`;
	}
	return undefined;
}
