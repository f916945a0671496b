// ssmtop logs no SDK call, so its clients carry no logger middleware: with one, every answer (each
// page of 50 executions) went through the SDK's sensitive-data filter, a deep copy, for a logger that
// drops it (≈ 0.1 s of CPU on the first poll of the demo fleet; issue 10).
import {describe, expect, it} from 'vitest';
import {createClientFactory} from '../../source/aws/client-factory.js';

describe('SDK clients', () => {
	it('have no logger middleware, home and per-account alike', () => {
		const factory = createClientFactory({
			regions: ['us-east-1'],
			endpointUrl: 'http://127.0.0.1:9',
			credentials: {accessKeyId: 'AKID123456789012', secretAccessKey: 'x'},
			accountCredentials: account => ({accessKeyId: `AKID${account}`, secretAccessKey: 'x'}),
		});
		try {
			for (const client of [factory.home('us-east-1'), factory.forAccount('111122223333', 'eu-west-1')!]) {
				const names = client.middlewareStack.identify();
				// The stack is there (so the check means something), without the logger.
				expect(names.some(name => name.startsWith('retryMiddleware'))).toBe(true);
				expect(names.filter(name => name.startsWith('loggerMiddleware'))).toEqual([]);
			}
		} finally {
			factory.destroy();
		}
	});
});
