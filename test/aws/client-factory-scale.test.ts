import {describe, expect, it} from 'vitest';
import {CLIENTS_KEPT, createClientFactory} from '../../source/aws/client-factory.js';

const credentials = {accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret'};

describe('SDK clients of many locations (issue 11)', () => {
	it('share one HTTP handler, so thousands of locations do not hold a socket each', () => {
		const factory = createClientFactory({regions: ['us-east-1'], endpointUrl: 'http://127.0.0.1:1', credentials});
		const first = factory.home('us-east-1');
		const other = factory.home('eu-west-1');
		expect(other).not.toBe(first);
		expect(other.config.requestHandler).toBe(first.config.requestHandler);
		factory.destroy();
	});

	it('keeps the CLIENTS_KEPT most recently used clients and makes an evicted one again', () => {
		const factory = createClientFactory({regions: ['us-east-1'], endpointUrl: 'http://127.0.0.1:1', credentials});
		const kept = factory.home('region-kept');
		const dropped = factory.home('region-dropped');
		for (let index = 0; index < CLIENTS_KEPT - 1; index++) {
			factory.home(`region-${index}`);
			// Used all along: stays the most recently used.
			expect(factory.home('region-kept')).toBe(kept);
		}

		expect(factory.home('region-kept')).toBe(kept);
		const again = factory.home('region-dropped');
		expect(again).not.toBe(dropped);
		expect(again.config.requestHandler).toBe(kept.config.requestHandler);
		factory.destroy();
	});
});
