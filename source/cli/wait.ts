/**
 * `ssmtop wait ID…`: the Automation waiter no AWS SDK ships. It finds each execution in the watched
 * Regions, polls with back-off until every one is final, and writes one progress line per execution
 * to stderr whenever what it says changes. Exit 0 when all succeeded, 1 when any ended otherwise,
 * 3 on --timeout, 2 on usage errors, 4 when the executions cannot be read (credentials, access).
 * `--json` prints the final executions on stdout as JSON Lines in SSM's shape.
 */
import process from 'node:process';
import meow from 'meow';
import {executionJsonLines} from '../core/execution-json.js';
import {describeError} from '../core/data-error.js';
import {executionOfDetail} from '../core/merge.js';
import type {MonitorApi} from '../core/monitor-api.js';
import type {ExecutionDetail} from '../core/types.js';
import {visibleText} from '../core/visible-text.js';
import {exitCodeOf, nextDelayMs, progressLine, WAIT_EXIT, waitOutcome} from '../core/wait.js';

const HELP = `
  Usage
    $ ssmtop wait [options] EXECUTION_ID…

  Wait until every execution has ended, showing its progress on stderr.

  Options
    --profile NAME            AWS profile (default: the SDK chain)
    --region R1,R2,…          Regions to look for the executions in (default: the profile's region)
    --endpoint-url URL        Send SSM calls to this endpoint
    --timeout SECONDS         Give up after this long (exit 3)
    --json                    Print the final executions as JSON Lines (SSM's shape) on stdout
    --help                    Show this help

  Exit status
    0 every execution succeeded (Success, CompletedWithSuccess)
    1 at least one ended otherwise (Failed, TimedOut, Cancelled, Rejected, CompletedWithFailure, …)
    2 usage error (bad flag, no id, an id no watched Region knows)
    3 --timeout passed first
    4 the executions could not be read (credentials, access denied)

  Example
    $ ssmtop wait --region eu-west-1 0f8fad5b-d9cb-469f-a165-70867728950e && echo deployed
`;

const EXECUTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** Could not read: not worth retrying until the user changes something. */
const EXIT_UNREADABLE = 4;

export interface WaitIo {
	readonly stdout: (text: string) => void;
	readonly stderr: (text: string) => void;
	readonly env: NodeJS.ProcessEnv;
	/** Waits between polls (tests advance an emulator's clock instead). */
	readonly sleep: (ms: number) => Promise<void>;
	readonly now: () => number;
	/** The SSM api for these Regions (tests pass one; the CLI builds it from the flags). */
	readonly api?: (options: WaitOptions) => Promise<Connection>;
}

export interface WaitOptions {
	readonly ids: readonly string[];
	readonly regions: readonly string[];
	readonly profile?: string;
	readonly endpointUrl?: string;
	readonly timeoutMs?: number;
	readonly json: boolean;
}

function parse(argv: readonly string[]): {readonly options: WaitOptions} | {readonly errors: readonly string[]} {
	const cli = meow(HELP, {
		importMeta: import.meta,
		argv: [...argv],
		allowUnknownFlags: true,
		flags: {
			profile: {type: 'string'},
			region: {type: 'string'},
			endpointUrl: {type: 'string'},
			timeout: {type: 'number'},
			json: {type: 'boolean', default: false},
		},
	});
	const errors: string[] = [];
	const known = new Set(['--profile', '--region', '--endpoint-url', '--timeout', '--json', '--help', '--no-json']);
	const unknown = argv.filter(word => word.startsWith('-') && !known.has(word.split('=')[0]!));
	if (unknown.length > 0) errors.push(`unknown flag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}.`);
	const ids = cli.input.map(String);
	if (ids.length === 0) errors.push('give the id of at least one execution to wait for, e.g. ssmtop wait 0f8fad5b-d9cb-469f-a165-70867728950e.');
	const bad = ids.filter(id => !EXECUTION_ID.test(id));
	if (bad.length > 0)
		errors.push(
			`${bad.map(id => `"${visibleText(id, {oneLine: true})}"`).join(', ')} ${bad.length > 1 ? 'are not execution ids' : 'is not an execution id'} (36 characters such as 0f8fad5b-d9cb-469f-a165-70867728950e).`,
		);
	const regions = (cli.flags.region ?? '')
		.split(',')
		.map(region => region.trim())
		.filter(Boolean);
	const badRegions = regions.filter(region => !REGION.test(region));
	if (badRegions.length > 0) errors.push(`--region: ${badRegions.join(', ')} is not a region name. Give a list such as --region us-east-1,eu-west-1.`);
	const timeout = cli.flags.timeout;
	if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) errors.push('--timeout: give a number of seconds above 0, e.g. --timeout 600.');
	if (errors.length > 0) return {errors};
	return {
		options: {
			ids: [...new Set(ids)],
			regions,
			...(cli.flags.profile === undefined ? {} : {profile: cli.flags.profile}),
			...(cli.flags.endpointUrl === undefined ? {} : {endpointUrl: cli.flags.endpointUrl}),
			...(timeout === undefined ? {} : {timeoutMs: Math.round(timeout * 1000)}),
			json: cli.flags.json,
		},
	};
}

/** The real SSM api for the flags (the profile's region when --region is not given). */
async function realApi(options: WaitOptions): Promise<Connection> {
	const {createAwsApi, resolveDefaultRegion} = await import('../aws/index.js');
	let regions = options.regions;
	if (regions.length === 0) {
		const region = await resolveDefaultRegion(options.profile);
		if (!region) throw new UsageError('no region to look in: pass --region (e.g. --region us-east-1), or set one in the profile or AWS_REGION.');
		regions = [region];
	}
	const api = createAwsApi({
		regions,
		...(options.profile === undefined ? {} : {profile: options.profile}),
		...(options.endpointUrl === undefined ? {} : {endpointUrl: options.endpointUrl}),
	});
	return {api, regions, close: () => api.destroy()};
}

class UsageError extends Error {}

/** The api, the Regions it looks in, and how to let it go. */
export interface Connection {
	readonly api: MonitorApi;
	readonly regions: readonly string[];
	readonly close: () => void;
}

interface Watched {
	readonly id: string;
	region?: string;
	detail?: ExecutionDetail;
	line?: string;
}

/** Runs the waiter; resolves with the exit status. */
export async function runWait(argv: readonly string[], io: WaitIo = processIo()): Promise<number> {
	if (argv.includes('--help')) {
		io.stdout(`${HELP.trim()}\n`);
		return 0;
	}
	const parsed = parse(argv);
	if ('errors' in parsed) {
		io.stderr(`ssmtop wait: ${parsed.errors.join('\n\n')}\nRun "ssmtop wait --help" for usage.\n`);
		return WAIT_EXIT.usage;
	}
	const {options} = parsed;
	let connection;
	try {
		connection = await (io.api ?? realApi)(options);
	} catch (error) {
		io.stderr(`ssmtop wait: ${visibleText(error instanceof Error ? error.message : String(error))}\n`);
		return error instanceof UsageError ? WAIT_EXIT.usage : EXIT_UNREADABLE;
	}
	try {
		return await poll(options, connection, io);
	} finally {
		connection.close();
	}
}

async function poll(options: WaitOptions, {api, regions}: Connection, io: WaitIo): Promise<number> {
	const watched: Watched[] = options.ids.map(id => ({id}));
	const deadline = options.timeoutMs === undefined ? undefined : io.now() + options.timeoutMs;
	let delay: number | undefined;
	for (;;) {
		let changed = false;
		for (const item of watched) {
			if (item.detail && exitCodeOf(item.detail.status) !== undefined) continue;
			const read = await readOne(item, regions, api);
			if (read.kind === 'unreadable') {
				io.stderr(`ssmtop wait: ${visibleText(read.message)}\n`);
				return EXIT_UNREADABLE;
			}
			if (read.kind === 'missing') {
				io.stderr(`ssmtop wait: no execution ${item.id} in ${regions.join(', ')}. Check the id, or pass the Region it runs in with --region.\n`);
				return WAIT_EXIT.usage;
			}
			if (read.kind === 'retry') {
				io.stderr(`ssmtop wait: ${visibleText(read.message)} (retrying)\n`);
				continue;
			}
			item.detail = read.detail;
			const line = visibleText(progressLine(read.detail), {oneLine: true});
			if (line !== item.line) {
				item.line = line;
				changed = true;
				io.stderr(`${line}\n`);
			}
		}

		if (watched.every(item => item.detail && exitCodeOf(item.detail.status) !== undefined)) {
			const details = watched.map(item => item.detail!);
			if (options.json) io.stdout(executionJsonLines(details.map(executionOfDetail)));
			return waitOutcome(details.map(detail => detail.status));
		}

		delay = nextDelayMs(delay, changed);
		if (deadline !== undefined && io.now() + delay > deadline) {
			const remaining = watched.filter(item => !item.detail || exitCodeOf(item.detail.status) === undefined);
			io.stderr(
				`ssmtop wait: --timeout passed; still not ended: ${remaining.map(item => `${item.id} (${item.detail?.status ?? 'not read yet'})`).join(', ')}\n`,
			);
			return WAIT_EXIT.timedOut;
		}
		await io.sleep(delay);
	}
}

type Read =
	| {readonly kind: 'found'; readonly detail: ExecutionDetail}
	| {readonly kind: 'missing'}
	| {readonly kind: 'retry'; readonly message: string}
	| {readonly kind: 'unreadable'; readonly message: string};

/** Reads one execution in its Region, finding the Region first (each watched one in turn). */
async function readOne(item: Watched, regions: readonly string[], api: MonitorApi): Promise<Read> {
	const candidates = item.region ? [item.region] : regions;
	let retry: string | undefined;
	for (const region of candidates) {
		try {
			const {detail} = await api.getExecution(region, item.id);
			item.region = region;
			return {kind: 'found', detail};
		} catch (error) {
			const {kind, message} = describeError(error);
			if (kind === 'not-found') continue;
			if (kind === 'credentials' || kind === 'access-denied') return {kind: 'unreadable', message};
			retry = message;
		}
	}
	return retry === undefined ? {kind: 'missing'} : {kind: 'retry', message: retry};
}

function processIo(): WaitIo {
	return {
		stdout: text => process.stdout.write(text),
		stderr: text => process.stderr.write(text),
		env: process.env,
		sleep: async ms => new Promise(resolve => setTimeout(resolve, ms)),
		now: () => Date.now(),
	};
}
