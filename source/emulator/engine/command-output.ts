import {Prng, hashString} from '../prng.js';
import type {StepRecord} from '../model.js';

// Run Command as an aws:runCommand step sees it: the command the step sent, one invocation per
// target instance, and output that follows the step's outcome. Derived from the step on every
// read (nothing stored), so the invocations can never disagree with the step.

/** The model's InstanceId pattern. */
const INSTANCE_ID = /^(i-(\w{8}|\w{17})|mi-\w{17})$/;

/** A step's CommandId, made from its step execution id and attempt (no draw from the engine's id stream). */
export function commandIdFor(step: Pick<StepRecord, 'stepExecutionId' | 'attempt'>): string {
	return new Prng(`command:${step.stepExecutionId}:${step.attempt}`).uuid();
}

export function commandIdOf(step: StepRecord): string | undefined {
	return step.action === 'aws:runCommand' ? step.outputs['CommandId']?.[0] : undefined;
}

function decoded(value: string | undefined): unknown {
	if (value === undefined) return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch {
		return value;
	}
}

/** The instances the command went to: InstanceIds from the step's inputs, else two from its targets' hash. */
export function commandInstances(step: StepRecord): string[] {
	const listed = decoded(step.inputs['InstanceIds']);
	const ids = (Array.isArray(listed) ? listed : [listed]).filter((value): value is string => typeof value === 'string' && INSTANCE_ID.test(value));
	if (ids.length > 0) return [...new Set(ids)];
	const prng = new Prng(`instances:${step.stepExecutionId}`);
	return [`i-0${prng.hex(16)}`, `i-0${prng.hex(16)}`];
}

export type InvocationStatus = 'Pending' | 'InProgress' | 'Success' | 'Failed' | 'TimedOut' | 'Cancelled';

export interface Invocation {
	readonly commandId: string;
	readonly instanceId: string;
	readonly documentName: string;
	readonly requestedAt: number;
	readonly status: InvocationStatus;
	readonly statusDetails: string;
	/** -1 while it runs (as SSM reports it). */
	readonly responseCode: number;
	readonly startTime: number;
	readonly endTime?: number;
	readonly stdout: string;
	readonly stderr: string;
}

const STATUS_DETAILS: Record<InvocationStatus, string> = {
	Pending: 'Pending',
	InProgress: 'InProgress',
	Success: 'Success',
	Failed: 'Failed',
	TimedOut: 'ExecutionTimedOut',
	Cancelled: 'Cancelled',
};

function scriptLines(step: StepRecord, instanceId: string): string[] {
	const prng = new Prng(`${step.stepExecutionId}:${instanceId}`);
	const name = step.stepName;
	return [
		`+ echo "ssmtop emulator: ${name} on ${instanceId}"`,
		`ssmtop emulator: ${name} on ${instanceId}`,
		'+ uname -r',
		`5.10.${prng.int(100, 240)}-${prng.int(100, 220)}.amzn2.x86_64`,
		`+ systemctl is-active amazon-ssm-agent`,
		'active',
		`+ /opt/ops/${name}.sh`,
		`[${name}] checked ${prng.int(3, 40)} files, changed ${prng.int(0, 9)}`,
		`[${name}] disk /: ${prng.int(20, 80)}% used`,
	];
}

/**
 * One instance's invocation at `now`. While the step runs, output grows line by line; when the
 * step failed, the first instance fails (the service's message says "on 1 instance(s)") with a
 * stderr that says why; a timed-out or cancelled step leaves every instance so.
 */
export function invocationOf(step: StepRecord, commandId: string, instanceId: string, index: number, now: number): Invocation {
	const documentName = String(decoded(step.inputs['DocumentName']) ?? 'AWS-RunShellScript');
	const startTime = step.startTime ?? now;
	const lines = scriptLines(step, instanceId);
	const base = {commandId, instanceId, documentName, requestedAt: startTime, startTime};
	let status: InvocationStatus;
	if (step.status === 'InProgress' || step.status === 'Pending' || step.status === 'Waiting') status = 'InProgress';
	else if (step.status === 'Failed') status = index === 0 ? 'Failed' : 'Success';
	else if (step.status === 'TimedOut') status = 'TimedOut';
	else if (step.status === 'Cancelled' || step.status === 'Cancelling') status = 'Cancelled';
	else status = 'Success';

	if (status === 'InProgress') {
		// A line about every three seconds, never the last one.
		const shown = Math.min(lines.length - 1, 1 + Math.floor(Math.max(0, now - startTime) / 3000));
		return {...base, status, statusDetails: STATUS_DETAILS[status], responseCode: -1, stdout: `${lines.slice(0, shown).join('\n')}\n`, stderr: ''};
	}

	const endTime = step.endTime ?? now;
	const ended = {...base, status, statusDetails: STATUS_DETAILS[status], endTime};
	switch (status) {
		case 'Success':
			return {...ended, responseCode: 0, stdout: `${[...lines, `[${step.stepName}] done`].join('\n')}\n`, stderr: ''};
		case 'Failed': {
			const code = 1 + (hashString(`${step.stepExecutionId}:code`) % 3);
			return {
				...ended,
				responseCode: code,
				stdout: `${lines.slice(0, -1).join('\n')}\n`,
				stderr: `/opt/ops/${step.stepName}.sh: line 42: /var/log/app/current: Permission denied\nfailed to run commands: exit status ${code}\n`,
			};
		}
		case 'TimedOut':
			return {
				...ended,
				responseCode: -1,
				stdout: `${lines.slice(0, 4).join('\n')}\n`,
				stderr: 'Command execution timed out: the script was still running when the step timeout passed.\n',
			};
		default:
			return {...ended, responseCode: -1, stdout: `${lines.slice(0, 2).join('\n')}\n`, stderr: 'Command was cancelled before it finished.\n'};
	}
}
