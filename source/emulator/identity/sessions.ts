import {Prng} from '../prng.js';
import type {Principal} from './principals.js';

export interface Session {
	/** ASIA + 16 characters, 20 in all, like STS's. */
	readonly accessKeyId: string;
	readonly secretAccessKey: string;
	readonly sessionToken: string;
	/** Epoch ms on the emulator's clock; requests at or after it get ExpiredToken. */
	readonly expiresAt: number;
	readonly principal: Principal;
}

/** Sessions kept before the oldest are forgotten (a forgotten key answers "invalid", as a key from nowhere). */
const MAX_SESSIONS = 200_000;

const upperDigits = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function chars(prng: Prng, alphabet: string, length: number): string {
	let text = '';
	for (let index = 0; index < length; index++) {
		text += alphabet[Math.floor(prng.next() * alphabet.length)];
	}

	return text;
}

/**
 * Temporary credentials AssumeRole hands out. They outlive a reset (credentials are not
 * data), and the same sequence of AssumeRole calls hands out the same keys.
 */
export class SessionStore {
	private readonly byKey = new Map<string, Session>();
	private readonly prng = new Prng('sessions');

	issue(principal: Principal, expiresAt: number): Session {
		let accessKeyId: string;
		do {
			accessKeyId = `ASIA${chars(this.prng, upperDigits, 16)}`;
		} while (this.byKey.has(accessKeyId));

		const session: Session = {
			accessKeyId,
			secretAccessKey: chars(this.prng, base64, 40),
			// Real tokens are opaque base64 of several hundred characters; the emulator only compares them.
			sessionToken: `IQoJb3JpZ2luX2VtdWxhdG9y${chars(this.prng, base64, 320)}`,
			expiresAt,
			principal,
		};
		this.byKey.set(accessKeyId, session);
		if (this.byKey.size > MAX_SESSIONS) {
			this.byKey.delete(this.byKey.keys().next().value!);
		}

		return session;
	}

	get(accessKeyId: string): Session | undefined {
		return this.byKey.get(accessKeyId);
	}

	get size(): number {
		return this.byKey.size;
	}
}
