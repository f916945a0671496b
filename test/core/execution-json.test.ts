import {describe, expect, it} from 'vitest';
import {executionJsonLines} from '../../source/core/execution-json.js';
import type {Execution} from '../../source/core/types.js';

const RAW = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

describe('executionJsonLines', () => {
	it('escapes DEL, C1 and bidi controls as JSON does C0, so the line is safe in a terminal and parses to the same values', () => {
		const hostile = 'x\u001B]2;pwned\u0007\u007F\u009B31m\u202E\u2066\n';
		const execution: Execution = {id: 'id-1', region: 'us-east-1', documentName: hostile, status: 'Failed', failureMessage: hostile};
		const text = executionJsonLines([execution]);
		expect(text).not.toMatch(RAW);
		expect(text).toContain('x\\u001b]2;pwned\\u0007\\u007f\\u009b31m\\u202e\\u2066\\n');
		expect(text.endsWith('\n')).toBe(true);
		expect(JSON.parse(text)).toMatchObject({documentName: hostile, failureMessage: hostile});
	});

	it('leaves clean text as JSON.stringify writes it', () => {
		const execution: Execution = {id: 'id-1', region: 'us-east-1', documentName: 'Doc · 日本', status: 'Success'};
		expect(executionJsonLines([execution])).toContain('"documentName":"Doc · 日本"');
	});
});
