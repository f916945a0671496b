import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {executionJson, executionJsonLines} from '../../source/core/execution-json.js';
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
		expect(JSON.parse(text)).toMatchObject({DocumentName: hostile, FailureMessage: hostile});
	});

	it('leaves clean text as JSON.stringify writes it', () => {
		const execution: Execution = {id: 'id-1', region: 'us-east-1', documentName: 'Doc · 日本', status: 'Success'};
		expect(executionJsonLines([execution])).toContain('"DocumentName":"Doc · 日本"');
	});
});

type ModelShape = {readonly type: string; readonly members?: Record<string, ModelShape>; readonly member?: ModelShape; readonly value?: ModelShape};

/** AutomationExecutionMetadata from the service model (test/fixtures: members and wire types, vendored). */
const MODEL = (JSON.parse(readFileSync(new URL('../fixtures/automation-execution-metadata.json', import.meta.url), 'utf8')) as {shape: ModelShape}).shape;

/** Problems with `value` as the JSON of the model shape `shape` (timestamps as ISO strings). */
function mismatches(value: unknown, shape: ModelShape, path: string): string[] {
	switch (shape.type) {
		case 'string':
			return typeof value === 'string' ? [] : [`${path}: a string, got ${JSON.stringify(value)}`];
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${path}: a boolean`];
		case 'timestamp':
			return typeof value === 'string' && new Date(value).toISOString() === value ? [] : [`${path}: an ISO 8601 time, got ${JSON.stringify(value)}`];
		case 'list':
			return Array.isArray(value) ? value.flatMap((item, index) => mismatches(item, shape.member!, `${path}[${index}]`)) : [`${path}: a list`];
		case 'map':
			return value && typeof value === 'object' && !Array.isArray(value)
				? Object.entries(value).flatMap(([key, item]) => mismatches(item, shape.value!, `${path}.${key}`))
				: [`${path}: a map`];
		case 'structure':
			if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${path}: a structure`];
			return Object.entries(value).flatMap(([key, item]) =>
				shape.members?.[key] ? mismatches(item, shape.members[key], `${path}.${key}`) : [`${path}.${key}: not a member of the model's shape`],
			);
		default:
			return [`${path}: unexpected model type ${shape.type}`];
	}
}

describe("--once --json speaks SSM's shape", () => {
	const full: Execution = {
		id: '0f8fad5b-d9cb-469f-a165-70867728950e',
		region: 'eu-west-1',
		account: '111122223333',
		documentName: 'AWS-RestartEC2Instance',
		documentVersion: '2',
		status: 'Failed',
		mode: 'Auto',
		automationType: 'Local',
		parentId: '1f8fad5b-d9cb-469f-a165-70867728950e',
		startTime: Date.UTC(2026, 10, 25, 11),
		endTime: Date.UTC(2026, 10, 25, 12),
		currentStepName: 'stopInstances',
		currentAction: 'aws:executeAwsApi',
		executedBy: 'arn:aws:iam::111122223333:user/alice',
		failureMessage: 'Step failed',
		targetParameterName: 'InstanceId',
		targets: [{key: 'tag:Env', values: ['dev']}],
		targetMaps: [{InstanceId: ['i-1']}],
		resolvedTargets: ['i-1', 'i-2'],
		resolvedTargetsTruncated: false,
		maxConcurrency: '10',
		maxErrors: '1',
		target: 'i-1',
		outputs: {'stop.State': ['stopped']},
		alarmConfiguration: {alarmNames: ['cpu'], ignorePollAlarmFailure: true},
		triggeredAlarms: [{name: 'cpu', state: 'ALARM'}],
		targetLocationsURL: 'https://bucket.s3.amazonaws.com/l.json',
		automationSubtype: 'ChangeRequest',
	};

	it("every member it prints is AutomationExecutionMetadata's, with the model's type; Region and AccountId are added", () => {
		const {Region, AccountId, ...ssm} = executionJson(full);
		expect([Region, AccountId]).toEqual(['eu-west-1', '111122223333']);
		expect(mismatches(ssm, MODEL, 'AutomationExecutionMetadata')).toEqual([]);
		// Everything ssmtop knows of an execution is printed: one member per field of Execution but region and account.
		expect(Object.keys(ssm).length).toBe(Object.keys(full).length - 3);
	});

	it('leaves out what SSM did not say, as the service does', () => {
		const line = JSON.parse(executionJsonLines([{id: 'id-2', region: 'us-east-1', documentName: 'Doc', status: 'InProgress'}])) as Record<string, unknown>;
		expect(line).toEqual({AutomationExecutionId: 'id-2', DocumentName: 'Doc', AutomationExecutionStatus: 'InProgress', Region: 'us-east-1'});
	});
});
