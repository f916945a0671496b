/**
 * A region's error in a few words, for the header's region line: the full sentence of one region
 * must not push the other regions' states off the line (found by the fault drill, where a 5xx
 * sentence for us-east-1 hid eu-west-1 and ap-southeast-2 entirely).
 */
import type {RegionState} from '../../core/types.js';

type RegionError = Pick<NonNullable<RegionState['lastError']>, 'kind' | 'message'>;

export function shortRegionError(error: RegionError): string {
	switch (error.kind) {
		case 'server': {
			const status = /HTTP (\d{3})/.exec(error.message)?.[1];
			// A proxy's page or a broken answer: the status alone (often 200) would not say what is wrong.
			if (/not valid JSON/i.test(error.message)) return status ? `answer not valid JSON (HTTP ${status})` : 'answer not valid JSON';
			return status ? `HTTP ${status}` : 'service error';
		}

		case 'throttled':
			return 'throttled';
		case 'credentials':
			return 'credentials';
		case 'access-denied':
			return 'access denied';
		case 'unreachable':
			return 'unreachable';
		case 'timeout':
			return 'timed out';
		case 'not-found':
			return 'not found';
		case 'validation':
			return 'request rejected';
		default:
			return 'failed';
	}
}
