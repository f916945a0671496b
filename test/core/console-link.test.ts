// The console URL is built from validated parts only, so it can go into OSC 8 and onto the
// clipboard: a Region or id carrying control characters (or anything not AWS-shaped) gives no URL.
import {describe, expect, it} from 'vitest';
import {consoleUrl, hyperlink, type ConsoleUrl} from '../../source/core/console-link.js';

const ID = '0a1b2c3d-4e5f-4a6b-8c7d-0123456789ab';

describe('consoleUrl', () => {
	it("is the execution's page in its Region's console, in each partition", () => {
		expect(consoleUrl('us-east-1', ID)).toBe(`https://us-east-1.console.aws.amazon.com/systems-manager/automation/execution/${ID}?region=us-east-1`);
		expect(consoleUrl('ap-southeast-5', ID)).toBe(
			`https://ap-southeast-5.console.aws.amazon.com/systems-manager/automation/execution/${ID}?region=ap-southeast-5`,
		);
		expect(consoleUrl('cn-north-1', ID)).toBe(`https://cn-north-1.console.amazonaws.cn/systems-manager/automation/execution/${ID}?region=cn-north-1`);
		expect(consoleUrl('us-gov-west-1', ID)).toBe(
			`https://us-gov-west-1.console.amazonaws-us-gov.com/systems-manager/automation/execution/${ID}?region=us-gov-west-1`,
		);
	});

	it('gives nothing for a Region or id that is not AWS-shaped (control characters, URL syntax, missing)', () => {
		for (const region of ['us-east-1\u0007', '\u001B]8;;evil\u0007', 'us-east-1?x=1', 'US-EAST-1', 'us-east-1/../x', '', 'localhost']) {
			expect(consoleUrl(region, ID)).toBeUndefined();
		}
		for (const id of [`${ID}\u001B\\`, `${ID}\u0007`, 'not-an-id', `${ID}#x`, `../${ID}`, '']) expect(consoleUrl('us-east-1', id)).toBeUndefined();
		expect(consoleUrl(undefined, ID)).toBeUndefined();
		expect(consoleUrl('us-east-1', undefined)).toBeUndefined();
	});
});

describe('hyperlink (OSC 8)', () => {
	it('wraps the text in OSC 8 open and close', () => {
		const url = consoleUrl('eu-west-1', ID)!;
		expect(hyperlink(url, 'open')).toBe(`\u001B]8;;${url}\u0007open\u001B]8;;\u0007`);
	});

	it('a url smuggled in by a cast with a control byte is not linked: the text comes back alone', () => {
		const forged = 'https://x/\u0007\u001B]0;pwned\u0007' as ConsoleUrl;
		expect(hyperlink(forged, 'open')).toBe('open');
		expect(hyperlink('https://x/ y' as ConsoleUrl, 'open')).toBe('open');
	});
});
