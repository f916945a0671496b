/**
 * SSM Automation's EventBridge events, as ssmtop reads them off an SQS queue (issue 12): parsing
 * an event's JSON into a change, and the ordering rule that keeps duplicate, late and out-of-order
 * deliveries (SQS is at-least-once, unordered) from moving an execution backwards.
 *
 * The envelope's `time` is to the second, so two changes in one second are told apart by the
 * status order: Pending < the waiting ones < InProgress and its kin < Cancelling < final.
 */
import {isFinal} from './status.js';
import type {Execution, ExecutionStatus} from './types.js';

export const EXECUTION_DETAIL_TYPE = 'EC2 Automation Execution Status-change Notification';
export const STEP_DETAIL_TYPE = 'EC2 Automation Step Status-change Notification';

/** One event, reduced to what the store needs. */
export interface AutomationChange {
	readonly kind: 'execution' | 'step';
	/** The envelope's id (EventBridge's, unique per event; a duplicate delivery repeats it). */
	readonly eventId: string;
	readonly account: string;
	readonly region: string;
	/** The envelope's time (epoch ms, to the second). */
	readonly time: number;
	readonly executionId: string;
	readonly documentName: string;
	readonly documentVersion?: string;
	/** The execution's status (execution events) or the step's (step events). */
	readonly status: ExecutionStatus;
	readonly startTime?: number;
	readonly endTime?: number;
	readonly executedBy?: string;
	readonly stepName?: string;
	readonly action?: string;
}

export type ParsedEvent = {readonly ok: true; readonly change: AutomationChange} | {readonly ok: false; readonly reason: string};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "Nov 29, 2024 7:43:25 PM", as the detail of AWS's published examples writes its dates (UTC). */
const DETAIL_DATE = /^([A-Z][a-z]{2}) (\d{1,2}), (\d{4}) (\d{1,2}):(\d{2}):(\d{2}) ([AP]M)$/;

/** A detail date in epoch ms: the examples' form, or ISO 8601; undefined when neither. */
export function parseDetailDate(value: unknown): number | undefined {
	if (typeof value !== 'string') return undefined;
	const match = DETAIL_DATE.exec(value.trim());
	if (match) {
		const month = MONTHS.indexOf(match[1]!);
		const hour12 = Number(match[4]);
		if (month < 0 || hour12 < 1 || hour12 > 12) return undefined;
		const hours = (hour12 % 12) + (match[7] === 'PM' ? 12 : 0);
		return Date.UTC(Number(match[3]), month, Number(match[2]), hours, Number(match[5]), Number(match[6]));
	}

	if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isFinite(ms) ? ms : undefined;
}

const text = (value: unknown, max = 1024): string | undefined => (typeof value === 'string' && value.length > 0 && value.length <= max ? value : undefined);

/** Parses one message body (an EventBridge event as the bus → SQS target delivers it). */
export function parseAutomationEvent(body: string): ParsedEvent {
	let event: unknown;
	try {
		event = JSON.parse(body);
	} catch {
		return {ok: false, reason: 'not JSON'};
	}

	if (typeof event !== 'object' || event === null || Array.isArray(event)) return {ok: false, reason: 'not an event object'};
	const envelope = event as Record<string, unknown>;
	const detailType = envelope['detail-type'];
	if (envelope['source'] !== 'aws.ssm' || (detailType !== EXECUTION_DETAIL_TYPE && detailType !== STEP_DETAIL_TYPE))
		return {ok: false, reason: 'not an SSM Automation status-change event'};
	const detail = envelope['detail'];
	if (typeof detail !== 'object' || detail === null) return {ok: false, reason: 'no detail'};
	const fields = detail as Record<string, unknown>;
	const account = text(envelope['account'], 12);
	const region = text(envelope['region'], 64);
	const time = typeof envelope['time'] === 'string' ? Date.parse(envelope['time']) : Number.NaN;
	const executionId = text(fields['ExecutionId'], 128);
	const status = text(fields['Status'], 64);
	if (!account || !/^\d{12}$/.test(account) || !region || !executionId || !status || !Number.isFinite(time))
		return {ok: false, reason: 'missing account, region, time, ExecutionId or Status'};
	const startTime = parseDetailDate(fields['StartTime']);
	const endTime = parseDetailDate(fields['EndTime']);
	const version = fields['DefinitionVersion'];
	const step = detailType === STEP_DETAIL_TYPE;
	const stepName = step ? text(fields['StepName']) : undefined;
	if (step && stepName === undefined) return {ok: false, reason: 'a step event without StepName'};
	const action = step ? text(fields['Action']) : undefined;
	const executedBy = step ? undefined : text(fields['ExecutedBy']);
	return {
		ok: true,
		change: {
			kind: step ? 'step' : 'execution',
			eventId: text(envelope['id'], 128) ?? '',
			account,
			region,
			time,
			executionId,
			documentName: text(fields['Definition']) ?? '',
			...(typeof version === 'number' || typeof version === 'string' ? {documentVersion: String(version)} : {}),
			status,
			...(startTime === undefined ? {} : {startTime}),
			...(endTime === undefined ? {} : {endTime}),
			...(executedBy === undefined ? {} : {executedBy}),
			...(stepName === undefined ? {} : {stepName}),
			...(action === undefined ? {} : {action}),
		},
	};
}

const EARLY = new Set<string>(['Scheduled', 'PendingApproval', 'Approved', 'PendingChangeCalendarOverride', 'ChangeCalendarOverrideApproved']);

/** Where a status stands in an execution's life; a change only ever moves forward through it within one second. */
export function statusRank(status: ExecutionStatus): number {
	if (isFinal(status)) return 4;
	if (status === 'Cancelling') return 3;
	if (status === 'Pending') return 0;
	if (EARLY.has(status)) return 1;
	return 2;
}

/** What ssmtop last applied to one execution (or step): its status and the event time that brought it. */
export interface EventMark {
	readonly status: ExecutionStatus;
	/** Absent when the status came from a listing, not an event. */
	readonly time?: number;
}

/**
 * Whether an incoming change (status at `time`) may replace what is held. Never backwards:
 * a final status stays (a late InProgress, a duplicate, a second ending are all dropped); an
 * older event never overwrites a newer one; within one second, or against a status a listing
 * brought (no event time), the status order decides.
 */
export function acceptsChange(held: EventMark | undefined, incoming: {readonly status: ExecutionStatus; readonly time: number}): boolean {
	if (!held) return true;
	if (isFinal(held.status)) return false;
	// A status a listing brought has no event time: only the status order can say what is older.
	if (held.time === undefined || incoming.time === held.time) return statusRank(incoming.status) >= statusRank(held.status);
	return incoming.time > held.time;
}

/**
 * The row after an execution change: the status, the times and (new rows) what the event says of
 * the run. `existing` is the store's row, if any; `accountName` what the ACCOUNT column shows.
 */
export function executionAfterChange(existing: Execution | undefined, change: AutomationChange, accountName?: string): Execution {
	const base: Execution = existing ?? {
		id: change.executionId,
		region: change.region,
		account: change.account,
		...(accountName === undefined ? {} : {accountName}),
		documentName: change.documentName,
		...(change.documentVersion === undefined ? {} : {documentVersion: change.documentVersion}),
		// A step event about a run not held yet: a step moves, so the run is under way.
		status: 'InProgress',
		...(change.executedBy === undefined ? {} : {executedBy: change.executedBy}),
	};
	if (change.kind === 'step') {
		// A step under way is the run's current step; its end says nothing of the next one.
		if (isFinal(change.status)) return base;
		return {...base, currentStepName: change.stepName, ...(change.action === undefined ? {} : {currentAction: change.action})};
	}

	const final = isFinal(change.status);
	const {endTime: _endTime, ...rest} = base;
	return {
		...rest,
		status: change.status,
		...(change.startTime === undefined ? {} : {startTime: change.startTime}),
		// Only an ended run has an end time.
		...(final && (change.endTime ?? base.endTime) !== undefined ? {endTime: change.endTime ?? base.endTime} : {}),
	};
}

/**
 * How many changes a resync listing found that events should have brought: runs it lists that
 * were not held and started inside `window`, and held runs it shows ended inside it. The window
 * runs from when events began to flow to a grace before the listing began (an event may still be
 * on its way), so a run that started before events, or a moment before the listing, is not
 * counted. Any count above zero says this location's events are not arriving (a member account
 * whose EventBridge rule does not forward to the bus, a Region without one).
 */
export function missedByEvents(held: readonly Execution[], listed: readonly Execution[], window: {readonly from: number; readonly to: number}): number {
	if (window.to <= window.from) return 0;
	const inWindow = (time: number | undefined): boolean => time !== undefined && time >= window.from && time <= window.to;
	const byId = new Map(held.map(row => [row.id, row]));
	let missed = 0;
	for (const row of listed) {
		const before = byId.get(row.id);
		if (before === undefined) {
			if (inWindow(row.startTime)) missed++;
		} else if (isFinal(row.status) && !isFinal(before.status) && inWindow(row.endTime)) {
			missed++;
		}
	}

	return missed;
}
