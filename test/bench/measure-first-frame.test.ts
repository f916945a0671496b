// What the launch benchmark looks for on the pseudo-terminal: the text of a frame without its
// escape sequences, and a list row (not the column header, not the empty list).
import {describe, expect, it} from 'vitest';
import {LIST_ROW, processCpuMs, screenTextOf} from '../../source/bench/measure-first-frame.js';

const HEADER_FRAME =
	'\u001B[?2026h\u001B[1mssmtop\u001B[22m  \u001B[7m\u001B[1m\u001B[33m LOCAL EMULATOR \u001B[39m\u001B[22m\u001B[27m\r\n' +
	'\u001B[1mus-east-1\u001B[22m \u001B[2mloading\u001B[22m\r\n' +
	'\u001B[1mSTATUS       ID       DOCUMENT:VER                MODE  TYPE   REGION\u001B[22m\r\n\u001B[2mNo executions yet.\u001B[22m\r\n\u001B[?2026l';
const ROW = '\u001B[7m\u001B[36m▶ Pending   \u001B[39m f1922aee AWS-RestartEC2Instance:2    Auto  Local  ap-southeast-2     now\u001B[27m\r\n';

const CUT_ROW =
	'\u001B[7;32m✓ Success   \u001B[0;7m e09cf5e6 Ops-DeployServiceCon… Auto  ↳Local prod-payme… us-east-1           8m  5m46s            9cc139d2-…\u001B[0m\u001B[E';

describe('launch frames', () => {
	it('reads the text of a frame', () => {
		expect(screenTextOf(HEADER_FRAME)).toContain('ssmtop   LOCAL EMULATOR \r\nus-east-1 loading');
		expect(screenTextOf('\u001B]8;;https://example.com\u0007link\u001B]8;;\u0007 \u001B(B\u001B[2K\u001B[1Adone')).toBe('link done');
	});

	it('tells a frame with list rows from the header-only first frame', () => {
		expect(LIST_ROW.test(screenTextOf(HEADER_FRAME))).toBe(false);
		expect(LIST_ROW.test(screenTextOf(HEADER_FRAME + ROW))).toBe(true);
		// With several accounts the document column is narrower than long names: the cut name is a row too.
		expect(LIST_ROW.test(screenTextOf(HEADER_FRAME + CUT_ROW))).toBe(true);
		expect(LIST_ROW.test(screenTextOf(HEADER_FRAME + CUT_ROW.replace('…', '~')))).toBe(true);
	});

	it("reads a process's CPU time from /proc where there is one", () => {
		const cpu = processCpuMs(process.pid);
		if (process.platform === 'linux') expect(cpu).toBeGreaterThan(0);
		else expect(cpu).toBeUndefined();
		expect(processCpuMs(2 ** 30)).toBeUndefined();
	});
});
