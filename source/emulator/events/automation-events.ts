import {randomUUID} from 'node:crypto';
import {isTerminal, type ExecutionRecord, type StepRecord} from '../model.js';

// The EventBridge events SSM Automation publishes, in the shape of AWS's published examples
// ("Amazon EventBridge event examples for Systems Manager"): the envelope every AWS event has,
// and a detail whose dates are written the way those examples write them ("Nov 29, 2024 7:43:25 PM").

export const EXECUTION_DETAIL_TYPE = 'EC2 Automation Execution Status-change Notification';
export const STEP_DETAIL_TYPE = 'EC2 Automation Step Status-change Notification';
export const EVENT_SOURCE = 'aws.ssm';

export interface ExecutionDetail {
	ExecutionId: string;
	Definition: string;
	DefinitionVersion: number;
	Status: string;
	StartTime: string;
	/** Only once the execution (or step) has ended. */
	EndTime?: string;
	/** Milliseconds from StartTime to EndTime (to the event while it runs). */
	Time: number;
	ExecutedBy: string;
}

export interface StepDetail extends Omit<ExecutionDetail, 'ExecutedBy'> {
	StepName: string;
	Action: string;
}

export interface AutomationEvent<Detail = ExecutionDetail | StepDetail> {
	version: '0';
	id: string;
	'detail-type': typeof EXECUTION_DETAIL_TYPE | typeof STEP_DETAIL_TYPE;
	source: typeof EVENT_SOURCE;
	account: string;
	time: string;
	region: string;
	resources: string[];
	detail: Detail;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Nov 29, 2024 7:43:25 PM" in UTC, as the detail of AWS's examples writes its dates. */
export function detailDate(ms: number): string {
	const date = new Date(ms);
	const hours = date.getUTCHours();
	const two = (value: number) => String(value).padStart(2, '0');
	return `${months[date.getUTCMonth()]} ${date.getUTCDate()}, ${date.getUTCFullYear()} ${hours % 12 || 12}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** The envelope's time: ISO 8601 to the second, as EventBridge writes it. */
export function eventTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function executionArn(execution: ExecutionRecord): string {
	return `arn:aws:ssm:${execution.region}:${execution.account}:automation-execution/${execution.id}`;
}

export function definitionArn(execution: ExecutionRecord): string {
	return `arn:aws:ssm:${execution.region}:${execution.account}:automation-definition/${execution.runbook.name}:${execution.documentVersion}`;
}

function envelope<Detail>(execution: ExecutionRecord, detailType: AutomationEvent['detail-type'], time: number, detail: Detail): AutomationEvent<Detail> {
	return {
		version: '0',
		id: randomUUID(),
		'detail-type': detailType,
		source: EVENT_SOURCE,
		account: execution.account,
		time: eventTime(time),
		region: execution.region,
		resources: [executionArn(execution), definitionArn(execution)],
		detail,
	};
}

function times(startTime: number, endTime: number | undefined, time: number): Pick<ExecutionDetail, 'StartTime' | 'EndTime' | 'Time'> {
	return {
		StartTime: detailDate(startTime),
		...(endTime === undefined ? {} : {EndTime: detailDate(endTime)}),
		Time: Math.max(0, (endTime ?? time) - startTime),
	};
}

export function executionEvent(execution: ExecutionRecord, time: number): AutomationEvent<ExecutionDetail> {
	const ended = isTerminal(execution.status) ? execution.endTime : undefined;
	return envelope(execution, EXECUTION_DETAIL_TYPE, time, {
		ExecutionId: execution.id,
		Definition: execution.runbook.name,
		DefinitionVersion: Number(execution.documentVersion),
		Status: execution.status,
		...times(execution.startTime, ended, time),
		ExecutedBy: execution.executedBy,
	});
}

export function stepEvent(execution: ExecutionRecord, step: StepRecord, time: number): AutomationEvent<StepDetail> {
	const ended = isTerminal(step.status) ? step.endTime : undefined;
	return envelope(execution, STEP_DETAIL_TYPE, time, {
		ExecutionId: execution.id,
		Definition: execution.runbook.name,
		DefinitionVersion: Number(execution.documentVersion),
		Status: step.status,
		...times(step.startTime ?? time, ended, time),
		StepName: step.stepName,
		Action: step.action,
	});
}
