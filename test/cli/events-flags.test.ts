// --events-queue and --resync-interval (issue 12): a queue URL, or with --local the emulator's queue.
import {describe, expect, it} from 'vitest';
import {parseCli, validateFlags} from '../../source/cli/flags.js';

function options(argv: string[]) {
	const {flags, unknownFlags} = parseCli(argv);
	return validateFlags(flags, unknownFlags);
}

describe('--events-queue', () => {
	it('with --local and no URL (or "local"), the emulator’s ssmtop-events queue', () => {
		for (const argv of [
			['--local', '--events-queue'],
			['--events-queue', '--local'],
			['--local', '--events-queue', 'local'],
		]) {
			expect(options(argv), argv.join(' ')).toMatchObject({options: {eventsQueue: 'local'}});
		}
	});

	it('a queue URL, and the resync interval in ms', () => {
		const url = 'https://sqs.eu-west-1.amazonaws.com/111122223333/ssmtop-events';
		expect(options(['--events-queue', url, '--resync-interval', '120'])).toMatchObject({options: {eventsQueue: url, resyncIntervalMs: 120_000}});
	});

	it('refuses a missing URL outside --local, a non-URL, and a resync without events or shorter than the interval', () => {
		expect(options(['--events-queue'])).toMatchObject({errors: [expect.stringContaining('--events-queue needs the queue URL')]});
		expect(options(['--events-queue', 'ssmtop-events'])).toMatchObject({errors: [expect.stringContaining('is not an SQS queue URL')]});
		expect(options(['--resync-interval', '60'])).toMatchObject({errors: [expect.stringContaining('only applies with --events-queue')]});
		expect(options(['--local', '--events-queue', '--interval', '10', '--resync-interval', '5'])).toMatchObject({
			errors: [expect.stringContaining('at least --interval')],
		});
	});
});

describe('where the queue is read', () => {
	it('an AWS queue URL: its Region, the SDK’s endpoint; any other URL: its own origin and account', async () => {
		const {queueAccount, queueEndpoint, queueName, queueRegion} = await import('../../source/aws/events-queue.js');
		const aws = 'https://sqs.eu-west-1.amazonaws.com/111122223333/ssmtop-events';
		expect([queueRegion(aws), queueEndpoint(aws), queueAccount(aws), queueName(aws)]).toEqual(['eu-west-1', undefined, '111122223333', 'ssmtop-events']);
		const local = 'http://127.0.0.1:4583/123456789012/ssmtop-events';
		expect([queueRegion(local), queueEndpoint(local), queueAccount(local)]).toEqual([undefined, 'http://127.0.0.1:4583', '123456789012']);
	});
});
