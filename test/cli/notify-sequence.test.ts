import {describe, expect, it} from 'vitest';
import {notificationSequence, tmuxPassthrough} from '../../source/cli/notify-sequence.js';

describe('what a notification writes to the terminal', () => {
	it('off writes nothing, bell the bell, desktop the bell, OSC 9 and OSC 777', () => {
		expect(notificationSequence('off', 't', 'b', false)).toBe('');
		expect(notificationSequence('bell', 't', 'b', false)).toBe('\u0007');
		expect(notificationSequence('desktop', 'ssmtop: Doc', 'ended Failed', false)).toBe(
			'\u0007\u001B]9;ssmtop: Doc: ended Failed\u0007\u001B]777;notify;ssmtop: Doc;ended Failed\u0007',
		);
	});

	it('inside tmux wraps each sequence for passthrough, its escapes doubled', () => {
		expect(tmuxPassthrough('\u001B]9;x\u0007')).toBe('\u001BPtmux;\u001B\u001B]9;x\u0007\u001B\\');
		expect(notificationSequence('desktop', 'T', 'B', true)).toBe(
			'\u0007\u001BPtmux;\u001B\u001B]9;T: B\u0007\u001B\\\u001BPtmux;\u001B\u001B]777;notify;T;B\u0007\u001B\\',
		);
	});

	it('text from AWS cannot end the sequence early or add fields', () => {
		const written = notificationSequence('desktop', 'Doc;evil', 'x\u0007\u001B]2;pwned\u0007\ny', false);
		expect(written).toBe('\u0007\u001B]9;Doc,evil: x␇␛]2;pwned␇⏎y\u0007\u001B]777;notify;Doc,evil;x␇␛]2;pwned␇⏎y\u0007');
	});
});
