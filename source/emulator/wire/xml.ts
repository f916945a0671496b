import {randomUUID} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {ServiceError} from '../errors.js';

// The Query protocol's answers (STS): XML documents in the service's namespace.

/** An element's children, in order: text (escaped), or nested elements; undefined members are left out. */
export interface XmlElement {
	readonly [name: string]: string | number | XmlElement | undefined;
}

export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, character => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;'})[character]!);
}

function children(element: XmlElement, depth: number): string {
	const pad = '  '.repeat(depth);
	return Object.entries(element)
		.filter((entry): entry is [string, string | number | XmlElement] => entry[1] !== undefined)
		.map(([name, value]) =>
			typeof value === 'object' ? `${pad}<${name}>\n${children(value, depth + 1)}${pad}</${name}>\n` : `${pad}<${name}>${escapeXml(String(value))}</${name}>\n`,
		)
		.join('');
}

function sendXml(response: ServerResponse, statusCode: number, requestId: string, text: string): void {
	response.writeHead(statusCode, {'Content-Type': 'text/xml', 'Content-Length': Buffer.byteLength(text), 'x-amzn-RequestId': requestId});
	response.end(text);
}

/** <{Action}Response xmlns><{Action}Result>…</…Result><ResponseMetadata><RequestId>…</…></…Response> */
export function sendQueryResult(response: ServerResponse, namespace: string, action: string, result: XmlElement): void {
	const requestId = randomUUID();
	const body = children({[`${action}Result`]: result, ResponseMetadata: {RequestId: requestId}}, 1);
	sendXml(response, 200, requestId, `<${action}Response xmlns="${namespace}">\n${body}</${action}Response>\n`);
}

/** <ErrorResponse xmlns><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse> */
export function sendQueryError(response: ServerResponse, namespace: string, error: ServiceError): void {
	const requestId = randomUUID();
	const body = children({Error: {Type: error.statusCode >= 500 ? 'Receiver' : 'Sender', Code: error.code, Message: error.message}, RequestId: requestId}, 1);
	sendXml(response, error.statusCode, requestId, `<ErrorResponse xmlns="${namespace}">\n${body}</ErrorResponse>\n`);
}

/** Query timestamps: ISO 8601 in UTC to the second, as STS writes Expiration. */
export function isoSeconds(ms: number): string {
	return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
