/**
 * The command line: the help text, meow's flag parsing, and the checks that turn
 * raw flags into options or into one paragraph per problem (the CLI exits 2).
 */
import process from 'node:process';
import meow, {type AnyFlags} from 'meow';
import {compileFilter} from '../core/filter.js';
import type {AccountSpec} from '../core/account-spec.js';
import {NOTIFY_MODES, type NotifyMode} from './notify-sequence.js';

const HELP = `
  Usage
    $ ssmtop [options]
    $ ssmtop wait [options] EXECUTION_ID…   (until they end; see ssmtop wait --help)

  Watch and drive AWS Systems Manager Automation executions.

  Options
    --local                   Run against the embedded SSM emulator (demo data); no AWS account needed.
                              This is the default when no connection flag is given and nothing on
                              this machine is configured for AWS (no AWS_* credentials or profile
                              variables, no ~/.aws/config or ~/.aws/credentials). It watches every
                              account of the emulated organisation (as --assume-role
                              OrganizationAccountAccessRole --accounts org); --accounts self watches
                              the home account alone
    --profile NAME            AWS profile (default: the SDK chain: env, AWS_PROFILE, SSO, …)
    --profile A,B,'prod-*'    Watch several accounts: every profile named or matched (shell globs over
                              the profiles in ~/.aws/config and ~/.aws/credentials, SSO ones included)
    --assume-role ROLE        Watch the accounts of --accounts through this IAM role, assumed with
                              STS from the starting credentials (--profile NAME, or the SDK chain)
    --accounts IDS|org|self   With --assume-role: 12-digit account ids (comma-separated), or org for
                              every active account of the organisation (Organizations ListAccounts);
                              self: only the starting credentials' account (no role assumed)
    --external-id ID          With --assume-role: the ExternalId the role's trust policy requires
    --region R1,R2,…          Regions to watch (default: the profile's region)
    --endpoint-url URL        Send SSM, STS and Organizations calls to this endpoint (AWS_ENDPOINT_URL
                              and AWS_ENDPOINT_URL_<SERVICE> are honoured too, as by the SDK)
    --interval SECONDS        List refresh interval, at least 2 (default 5)
    --events-queue QUEUE_URL  Take changes from this SQS queue, fed by an EventBridge rule for SSM
                              Automation status changes (see the README), instead of listing every
                              location each interval; with --local, give it no URL (or "local") for
                              the emulator's ssmtop-events queue
    --resync-interval SECONDS With --events-queue: how often each location is still listed in full,
                              to repair a lost event (default 600, at least --interval)
    --max-calls-per-second N  The request budget of the whole process, shared fairly by every account
                              and region, what is on screen first (default 200); when it cannot cover
                              every location each interval, the interval stretches and the header says so
    --max-concurrent-calls N  Requests in flight at most (default 32)
    --read-only               Hide and disable start, re-run, stop and signal
    --filter EXPR             Initial filter, same syntax as / (e.g. "status:failed doc:AWS-")
    --account-profile A=P     Read child executions of account A with profile P (repeatable)
    --no-color                No colours (NO_COLOR is honoured too)
    --notify MODE             When a watched run ends or a run waits for you: desktop (the bell and a
                              desktop notification through the terminal, the default), bell, or off
    --utc                     Show absolute times in UTC (default: this machine's time zone)
    --once                    Print the executions once and exit (no terminal UI)
    --json                    With --once: print JSON Lines (one object per execution)
    --version                 Show the version
    --help                    Show this help

  Examples
    $ ssmtop --local
    $ ssmtop --local --accounts self
    $ ssmtop --profile prod --region us-east-1,eu-west-1 --read-only
    $ ssmtop --account-profile 111122223333=audit --filter status:problem
    $ ssmtop --profile 'prod-*' --region us-east-1,eu-west-1
    $ ssmtop --profile hub --assume-role OrganizationAccountAccessRole --accounts org
`;

export interface RawFlags {
	readonly local: boolean;
	readonly profile?: string;
	readonly region?: string;
	readonly endpointUrl?: string;
	readonly interval: number;
	readonly readOnly: boolean;
	readonly filter?: string;
	readonly accountProfile: readonly string[];
	readonly assumeRole?: string;
	readonly accounts?: string;
	readonly externalId?: string;
	readonly color: boolean;
	readonly notify: string;
	readonly once: boolean;
	readonly json: boolean;
	readonly utc?: boolean;
	readonly eventsQueue?: string;
	readonly resyncInterval?: number;
	readonly maxCallsPerSecond?: number;
	readonly maxConcurrentCalls?: number;
}

export interface CliOptions {
	readonly local: boolean;
	readonly profile?: string;
	readonly regions: readonly string[];
	readonly endpointUrl?: string;
	readonly intervalMs: number;
	readonly readOnly: boolean;
	readonly filter: string;
	readonly accountProfiles: Readonly<Record<string, string>>;
	/** Set when several accounts are watched (a list or glob of profiles, or --assume-role). */
	readonly accounts?: AccountSpec;
	readonly color: boolean;
	readonly notify: NotifyMode;
	readonly once: boolean;
	/** --utc: absolute times in UTC instead of the machine's zone. */
	readonly utc?: boolean;
	readonly json: boolean;
	/** --events-queue: a queue URL, or 'local' for the emulator's ssmtop-events queue (--local). */
	readonly eventsQueue?: string;
	/** --resync-interval, in ms (with --events-queue). */
	readonly resyncIntervalMs?: number;
	/** `--accounts self`: the starting credentials' account alone, even where several would be watched by default (--local). */
	readonly singleAccount?: boolean;
	/** --max-calls-per-second and --max-concurrent-calls, when given (core/request-budget.ts has the defaults). */
	readonly budget?: {readonly callsPerSecond?: number; readonly maxConcurrent?: number};
}

/** The role --local assumes in each member account: the one Organizations creates (the emulator has it in every member). */
export const LOCAL_ROLE = 'OrganizationAccountAccessRole';

/** What --local watches unless told otherwise: every account of the emulated organisation. */
export const LOCAL_ORGANISATION: AccountSpec = {kind: 'assume-role', roleName: LOCAL_ROLE, accounts: 'org'};

/**
 * --local without --accounts watches the whole emulated organisation, so the ACCOUNT column and the
 * per-account header do real work out of the box; `--accounts self` keeps the home account alone.
 */
export function withLocalOrganisation(options: CliOptions): CliOptions {
	return options.local && options.accounts === undefined && !options.singleAccount ? {...options, accounts: LOCAL_ORGANISATION} : options;
}

/** The word (or an empty --events-queue) that names the emulator's queue with --local. */
export const LOCAL_EVENTS_QUEUE = 'local';

const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ACCOUNT = /^\d{12}$/;
/** IAM role names (and paths' last part): letters, digits and +=,.@_- up to 64 characters. */
const ROLE_NAME = /^[\w+=,.@-]{1,64}$/;

const isSelf = (accounts: string | undefined): boolean => accounts?.trim().toLowerCase() === 'self';

const splitList = (text: string): string[] =>
	text
		.split(',')
		.map(item => item.trim())
		.filter(Boolean);

/** `--profile`, `--assume-role`, `--accounts` and `--external-id` checked together: the accounts to watch, if several. */
function accountsOption(flags: RawFlags, errors: string[]): AccountSpec | undefined {
	const patterns = flags.profile === undefined ? [] : splitList(flags.profile);
	const manyProfiles = patterns.length > 1 || patterns.some(pattern => /[*?]/.test(pattern));
	if (isSelf(flags.accounts)) {
		if (flags.assumeRole !== undefined)
			errors.push("--accounts self watches the starting credentials' own account, so it takes no --assume-role. Drop one of them.");
		if (flags.externalId !== undefined) errors.push('--external-id only applies with --assume-role ROLE. Add --assume-role, or drop --external-id.');
		return manyProfiles ? {kind: 'profiles', patterns} : undefined;
	}

	// In --local the emulator's organisation has the role Organizations creates in every member: --accounts alone assumes it.
	const assumeRole = flags.assumeRole ?? (flags.local && flags.accounts !== undefined ? LOCAL_ROLE : undefined);
	if (assumeRole === undefined) {
		if (flags.accounts !== undefined)
			errors.push(
				'--accounts only applies with --assume-role ROLE (the role to assume in each account), e.g. --assume-role OrganizationAccountAccessRole --accounts org.',
			);
		if (flags.externalId !== undefined) errors.push('--external-id only applies with --assume-role ROLE. Add --assume-role, or drop --external-id.');
		return manyProfiles ? {kind: 'profiles', patterns} : undefined;
	}

	const roleName = assumeRole.trim();
	let ok = true;
	if (roleName.startsWith('arn:')) {
		errors.push(
			`--assume-role: give the role's name, not its ARN (ssmtop builds arn:aws:iam::<account>:role/<name> for each account), e.g. --assume-role ${roleName.split('/').pop() || 'OrganizationAccountAccessRole'}.`,
		);
		ok = false;
	} else if (!ROLE_NAME.test(roleName)) {
		errors.push(
			`--assume-role: "${flags.assumeRole}" is not an IAM role name (letters, digits and +=,.@_-), e.g. --assume-role OrganizationAccountAccessRole.`,
		);
		ok = false;
	}

	if (manyProfiles) {
		errors.push(
			'--assume-role takes one starting profile (--profile NAME, or none for the SDK chain), not a list or a pattern: the role is assumed from it in every account of --accounts.',
		);
		ok = false;
	}

	let accounts: readonly string[] | 'org' | undefined;
	if (flags.accounts === undefined || splitList(flags.accounts).length === 0) {
		errors.push(
			'--assume-role needs --accounts: 12-digit account ids (--accounts 111122223333,444455556666) or --accounts org for every account of the organisation.',
		);
	} else if (flags.accounts.trim().toLowerCase() === 'org') {
		accounts = 'org';
	} else {
		const ids = splitList(flags.accounts);
		const bad = ids.filter(id => !ACCOUNT.test(id));
		if (bad.length > 0) {
			errors.push(
				`--accounts: ${bad.map(id => `"${id}"`).join(', ')} ${bad.length > 1 ? 'are not account ids' : 'is not an account id'}. Give 12-digit ids, comma-separated (--accounts 111122223333,444455556666), or org.`,
			);
		} else accounts = [...new Set(ids)];
	}

	if (flags.externalId !== undefined && !/^[\w+=,.@:/-]{2,1224}$/.test(flags.externalId)) {
		errors.push('--external-id: 2 to 1224 letters, digits or +=,.@:/-, as IAM allows.');
		ok = false;
	}

	if (!ok || accounts === undefined) return undefined;
	return {
		kind: 'assume-role',
		roleName,
		accounts,
		...(flags.externalId === undefined ? {} : {externalId: flags.externalId}),
		...(patterns.length === 1 ? {baseProfile: patterns[0]!} : {}),
	};
}

/**
 * Checks every flag; returns the options or one paragraph per problem (exit 2). `unknown` are the
 * flags ssmtop does not have, as typed ({@link parseCli} finds them); they are reported first.
 */
export function validateFlags(flags: RawFlags, unknown: readonly string[] = []): {readonly options: CliOptions} | {readonly errors: readonly string[]} {
	const errors: string[] = [];
	if (unknown.length > 0) errors.push(unknownFlagsMessage(unknown));
	const regions = (flags.region ?? '')
		.split(',')
		.map(region => region.trim())
		.filter(Boolean);
	const badRegions = regions.filter(region => !REGION.test(region));
	if (badRegions.length > 0) {
		errors.push(
			`--region: ${badRegions.map(region => `"${region}"`).join(', ')} is not a region name. Give a comma-separated list such as --region us-east-1,eu-west-1.`,
		);
	}

	if (flags.region !== undefined && regions.length === 0) {
		errors.push("--region needs at least one region name, e.g. --region us-east-1,eu-west-1 (leave it out to use the profile's region).");
	}

	if (flags.profile !== undefined && flags.profile.trim() === '') {
		errors.push('--profile needs a profile name, e.g. --profile prod (leave it out to use the default credentials).');
	}

	if (!Number.isFinite(flags.interval)) {
		errors.push('--interval: give a number of seconds, 2 or more (default 5), e.g. --interval 10.');
	} else if (flags.interval < 2) {
		errors.push(
			`--interval: ${String(flags.interval)} is too short. ssmtop refreshes at most every 2 seconds, to stay clear of SSM's rate limits; give a number of seconds of 2 or more (default 5).`,
		);
	}

	if (flags.maxCallsPerSecond !== undefined && !(Number.isFinite(flags.maxCallsPerSecond) && flags.maxCallsPerSecond >= 1)) {
		errors.push('--max-calls-per-second: give a number of calls a second, 1 or more (default 200), e.g. --max-calls-per-second 20.');
	}

	if (flags.maxConcurrentCalls !== undefined && !(Number.isInteger(flags.maxConcurrentCalls) && flags.maxConcurrentCalls >= 1)) {
		errors.push('--max-concurrent-calls: give a whole number of requests, 1 or more (default 32), e.g. --max-concurrent-calls 8.');
	}

	if (flags.endpointUrl !== undefined) {
		try {
			const url = new URL(flags.endpointUrl);
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
		} catch {
			errors.push(
				`--endpoint-url: "${flags.endpointUrl}" is not an http(s) URL. Give the full address, e.g. --endpoint-url https://ssm.us-east-1.amazonaws.com.`,
			);
		}
	}

	if (flags.local && (flags.profile !== undefined || flags.endpointUrl !== undefined)) {
		errors.push(
			'--local runs against the embedded emulator, so it cannot be combined with --profile or --endpoint-url. Drop --local to use AWS, or drop the others to use the emulator.',
		);
	}

	const accounts = accountsOption(flags, errors);

	if (flags.filter !== undefined) {
		const {errors: filterErrors} = compileFilter(flags.filter);
		if (filterErrors.length > 0) {
			errors.push(
				`--filter: ${filterErrors.join('; ')}. Terms are free text or column:value with doc, status, type, region, account, mode or id; ! negates a term.`,
			);
		}
	}

	const accountProfiles: Record<string, string> = {};
	for (const mapping of flags.accountProfile) {
		const [account, profile, ...rest] = mapping.split('=');
		if (!account || !ACCOUNT.test(account) || !profile || rest.length > 0) {
			errors.push(`--account-profile: "${mapping}" should be ACCOUNT=PROFILE, with a 12-digit account id, e.g. --account-profile 111122223333=audit.`);
			continue;
		}

		accountProfiles[account] = profile;
	}

	if (!(NOTIFY_MODES as readonly string[]).includes(flags.notify))
		errors.push(`--notify: "${flags.notify}" is not a mode. Give desktop (the default), bell, or off.`);
	if (flags.json && !flags.once) errors.push('--json only applies with --once (the terminal UI is not JSON). Add --once, or drop --json.');

	const eventsQueue = eventsQueueOption(flags, errors);

	if (errors.length > 0) return {errors};
	return {
		options: withLocalOrganisation({
			local: flags.local,
			// A list or a pattern names the accounts to watch (options.accounts); one name is the starting profile.
			...(flags.profile === undefined || accounts?.kind === 'profiles' ? {} : {profile: flags.profile.trim()}),
			regions,
			...(flags.endpointUrl === undefined ? {} : {endpointUrl: flags.endpointUrl}),
			intervalMs: Math.round(flags.interval * 1000),
			readOnly: flags.readOnly,
			filter: flags.filter ?? '',
			accountProfiles,
			...(accounts === undefined ? {} : {accounts}),
			color: flags.color,
			notify: flags.notify as NotifyMode,
			once: flags.once,
			json: flags.json,
			...(flags.utc ? {utc: true} : {}),
			...(eventsQueue === undefined ? {} : {eventsQueue}),
			...(eventsQueue === undefined || flags.resyncInterval === undefined ? {} : {resyncIntervalMs: Math.round(flags.resyncInterval * 1000)}),
			...(isSelf(flags.accounts) ? {singleAccount: true} : {}),
			...(flags.maxCallsPerSecond === undefined && flags.maxConcurrentCalls === undefined
				? {}
				: {
						budget: {
							...(flags.maxCallsPerSecond === undefined ? {} : {callsPerSecond: flags.maxCallsPerSecond}),
							...(flags.maxConcurrentCalls === undefined ? {} : {maxConcurrent: flags.maxConcurrentCalls}),
						},
					}),
		}),
	};
}

/** `--events-queue` and `--resync-interval` checked together: the queue URL, 'local', or none. */
function eventsQueueOption(flags: RawFlags, errors: string[]): string | undefined {
	if (flags.resyncInterval !== undefined) {
		if (flags.eventsQueue === undefined)
			errors.push('--resync-interval only applies with --events-queue (without events every location is listed each --interval).');
		else if (!Number.isFinite(flags.resyncInterval) || flags.resyncInterval < Math.max(2, flags.interval))
			errors.push(`--resync-interval: give a number of seconds, at least --interval (${String(flags.interval)}); the default is 600.`);
	}

	if (flags.eventsQueue === undefined) return undefined;
	const given = flags.eventsQueue.trim();
	if (given === '' || given === LOCAL_EVENTS_QUEUE) {
		if (flags.local) return LOCAL_EVENTS_QUEUE;
		errors.push(
			"--events-queue needs the queue URL, e.g. --events-queue https://sqs.us-east-1.amazonaws.com/111122223333/ssmtop-events (only with --local may it be left empty, for the emulator's queue).",
		);
		return undefined;
	}

	try {
		const url = new URL(given);
		if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
		if (url.pathname.split('/').filter(Boolean).length < 2) throw new Error('path');
	} catch {
		errors.push(
			`--events-queue: "${given}" is not an SQS queue URL. Give the full URL, e.g. --events-queue https://sqs.us-east-1.amazonaws.com/111122223333/ssmtop-events.`,
		);
		return undefined;
	}

	return given;
}

/**
 * With no connection flag and nothing configured for AWS on this machine, run the embedded
 * emulator (the header says so plainly); otherwise use AWS and report its problems.
 */
export async function withDefaultMode(options: CliOptions, env: NodeJS.ProcessEnv = process.env): Promise<CliOptions> {
	const chosen =
		options.local || options.profile !== undefined || options.accounts !== undefined || options.endpointUrl !== undefined || options.regions.length > 0;
	if (chosen) return options;
	const {awsConfiguration} = await import('../aws/aws-configured.js');
	return awsConfiguration(env) === undefined ? withLocalOrganisation({...options, local: true}) : options;
}

const FLAGS = {
	local: {type: 'boolean', default: false},
	profile: {type: 'string'},
	region: {type: 'string'},
	endpointUrl: {type: 'string'},
	interval: {type: 'number', default: 5},
	readOnly: {type: 'boolean', default: false},
	filter: {type: 'string'},
	accountProfile: {type: 'string', isMultiple: true, default: []},
	assumeRole: {type: 'string'},
	accounts: {type: 'string'},
	externalId: {type: 'string'},
	color: {type: 'boolean', default: true},
	notify: {type: 'string', default: 'desktop'},
	once: {type: 'boolean', default: false},
	json: {type: 'boolean', default: false},
	utc: {type: 'boolean', default: false},
	eventsQueue: {type: 'string'},
	resyncInterval: {type: 'number'},
	maxCallsPerSecond: {type: 'number'},
	maxConcurrentCalls: {type: 'number'},
} satisfies AnyFlags;

/** The long flags as documented (--endpoint-url), plus meow's own --help and --version. */
const KNOWN_FLAGS: readonly string[] = [...Object.keys(FLAGS).map(name => name.replaceAll(/[A-Z]/g, letter => `-${letter.toLowerCase()}`)), 'help', 'version'];

const kebabToCamel = (name: string): string => name.replaceAll(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/**
 * The flags in argv that ssmtop does not have, as typed (without a `=value`), in the order given.
 * The same verdict meow's allowUnknownFlags: false reaches (its parser reads every word that starts
 * with "-" as a flag, except a negative number), without meow's own report: a bare "Unknown flag"
 * list on stderr, with neither the "ssmtop:" prefix nor the pointer to --help of every other flag error.
 * A known flag may be spelt in camelCase (--readOnly) and negated (--no-color); words after "--" are not flags.
 */
export function unknownFlags(argv: readonly string[]): string[] {
	const end = argv.indexOf('--');
	const known = new Set(KNOWN_FLAGS.flatMap(name => [name, kebabToCamel(name)]));
	const unknown: string[] = [];
	for (const word of end === -1 ? argv : argv.slice(0, end)) {
		if (word.length < 2 || !word.startsWith('-') || /^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/i.test(word)) continue;
		const flag = /^(-+[^=]+)=/.exec(word)?.[1] ?? word;
		const name = flag.startsWith('--') ? flag.slice(2) : undefined;
		const isKnown = name !== undefined && (known.has(name) || (name.startsWith('no-') && known.has(name.slice(3))));
		if (!isKnown && !unknown.includes(flag)) unknown.push(flag);
	}

	return unknown;
}

/** "unknown flag --colour (did you mean --color?)." for one flag or several. */
function unknownFlagsMessage(unknown: readonly string[]): string {
	const described = unknown.map(flag => {
		const near = nearestFlag(flag.replace(/^-+/, ''));
		return near === undefined ? flag : `${flag} (did you mean --${near}?)`;
	});
	return `unknown flag${unknown.length > 1 ? 's' : ''} ${described.join(', ')}.`;
}

/** The documented flag a typo most likely meant: within two edits, ignoring case (--colour, --Local, --regions). */
function nearestFlag(typed: string): string | undefined {
	const word = typed.toLowerCase().replaceAll('_', '-');
	let best: {name: string; distance: number} | undefined;
	for (const name of KNOWN_FLAGS) {
		const distance = editDistance(word, name);
		if (distance <= 2 && (best === undefined || distance < best.distance)) best = {name, distance};
	}

	return typed.length > 2 ? best?.name : undefined;
}

function editDistance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_value, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}

	return previous[b.length]!;
}

export function parseCli(argv: readonly string[]): {readonly flags: RawFlags; readonly unknownFlags: readonly string[]; readonly showHelp: () => never} {
	// Unknown flags are found by unknownFlags() and reported with the others by validateFlags(): with
	// allowUnknownFlags: false, meow would print its own bare report and exit before ssmtop says a word.
	const cli = meow(HELP, {importMeta: import.meta, argv: [...argv], allowUnknownFlags: true, flags: FLAGS});
	return {flags: cli.flags as RawFlags, unknownFlags: unknownFlags(argv), showHelp: () => cli.showHelp(2)};
}
