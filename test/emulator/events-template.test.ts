// The README's CloudFormation templates (EventBridge → SQS across an organisation): their event
// patterns must deliver exactly the events the emulator emits, as EventBridge would match them.
import {StartAutomationExecutionCommand} from '@aws-sdk/client-ssm';
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parse, type ScalarTag} from 'yaml';
import {EXECUTION_DETAIL_TYPE, STEP_DETAIL_TYPE} from '../../source/emulator/events/automation-events.js';
import {assertPattern, matchesPattern, type EventPattern} from '../../source/emulator/events/pattern.js';
import {ssmtopEventPattern} from '../../source/emulator/events/ssmtop-rule.js';
import {drain, events, sqs} from './sqs-support.js';
import {withEmulator} from './support.js';

// CloudFormation's short-form intrinsics, kept as their long forms.
const intrinsic = (tag: string, name: string): ScalarTag => ({tag, resolve: (value: string) => ({[name]: value})});
const customTags = [intrinsic('!Ref', 'Ref'), intrinsic('!Sub', 'Fn::Sub'), intrinsic('!GetAtt', 'Fn::GetAtt')];

interface Template {
	Resources: Record<string, {Type: string; Properties: Record<string, unknown>}>;
}

function readmeTemplates(): Template[] {
	const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
	const section = /<!-- events-template:start -->([\s\S]*?)<!-- events-template:end -->/.exec(readme)?.[1] ?? '';
	return [...section.matchAll(/```yaml\n([\s\S]*?)```/g)].map(match => parse(match[1]!, {customTags}) as Template);
}

function rulePatterns(template: Template): EventPattern[] {
	return Object.values(template.Resources)
		.filter(resource => resource.Type === 'AWS::Events::Rule')
		.map(resource => {
			const pattern = resource.Properties['EventPattern'];
			assertPattern(pattern);
			return pattern;
		});
}

describe("README's EventBridge → SQS templates", () => {
	const env = withEmulator('each');
	const templates = readmeTemplates();

	it('are two templates: the central bus, queue and policies, and the member forwarding rule', () => {
		expect(templates).toHaveLength(2);
		const [central, member] = templates;
		const types = Object.values(central!.Resources).map(resource => resource.Type);
		expect(types.sort()).toEqual(['AWS::Events::EventBusPolicy', 'AWS::Events::Rule', 'AWS::SQS::Queue', 'AWS::SQS::QueuePolicy']);
		const busPolicy = Object.values(central!.Resources).find(resource => resource.Type === 'AWS::Events::EventBusPolicy')!;
		expect(busPolicy.Properties['Statement']).toMatchObject({
			Action: 'events:PutEvents',
			Condition: {StringEquals: {'aws:PrincipalOrgID': {Ref: 'OrganizationId'}}},
		});
		const queuePolicy = Object.values(central!.Resources).find(resource => resource.Type === 'AWS::SQS::QueuePolicy')!;
		expect(queuePolicy.Properties['PolicyDocument']).toMatchObject({
			Statement: [
				{
					Principal: {Service: 'events.amazonaws.com'},
					Action: 'sqs:SendMessage',
					Condition: {ArnEquals: {'aws:SourceArn': {'Fn::GetAtt': 'AutomationEventsRule.Arn'}}},
				},
			],
		});
		expect(
			Object.values(member!.Resources)
				.map(resource => resource.Type)
				.sort(),
		).toEqual(['AWS::Events::Rule', 'AWS::IAM::Role']);
	});

	it("have the emulator's rule pattern, which matches every event it emits (execution and step, every account) and no other", async () => {
		const patterns = templates.flatMap(rulePatterns);
		expect(patterns).toHaveLength(2);
		for (const pattern of patterns) expect(pattern).toEqual(ssmtopEventPattern);

		const members = ['210987654321', '345678901234'];
		await env.client.send(new StartAutomationExecutionCommand({DocumentName: 'AWS-RestartEC2Instance', Parameters: {InstanceId: ['i-0123456789abcdef0']}}));
		await env.client.send(
			new StartAutomationExecutionCommand({
				DocumentName: 'AWS-StopEC2Instance',
				Parameters: {InstanceId: ['i-0123456789abcdef0']},
				TargetLocations: [{Accounts: members, Regions: ['eu-west-1'], TargetLocationMaxConcurrency: '2'}],
			}),
		);
		env.running.control.advance(10 * 60_000);
		const emitted = events(await drain(sqs(env.running), env.running.eventsQueueUrl));
		expect(new Set(emitted.map(event => event['detail-type']))).toEqual(new Set([EXECUTION_DETAIL_TYPE, STEP_DETAIL_TYPE]));
		expect(new Set(emitted.map(event => event.account))).toEqual(new Set(['123456789012', ...members]));
		for (const pattern of patterns) {
			for (const event of emitted) expect(matchesPattern(pattern, event)).toBe(true);
			const other = {...emitted[0]!, 'detail-type': 'EC2 Command Status-change Notification'};
			expect(matchesPattern(pattern, other)).toBe(false);
			expect(matchesPattern(pattern, {...emitted[0]!, source: 'aws.ec2'})).toBe(false);
		}
	});
});

describe('EventBridge pattern matching', () => {
	const event = {
		source: 'aws.ssm',
		'detail-type': 'EC2 Automation Step Status-change Notification',
		resources: ['arn:a', 'arn:b'],
		detail: {Status: 'Failed', Time: 5},
	};

	it('matches exact values, any of a list, prefixes, nested fields and list-valued fields', () => {
		expect(matchesPattern({source: ['aws.ec2', 'aws.ssm']}, event)).toBe(true);
		expect(matchesPattern({'detail-type': [{prefix: 'EC2 Automation '}]}, event)).toBe(true);
		expect(matchesPattern({'detail-type': [{prefix: 'EC2 Command '}]}, event)).toBe(false);
		expect(matchesPattern({detail: {Status: ['Failed', 'TimedOut'], Time: [5]}}, event)).toBe(true);
		expect(matchesPattern({detail: {Status: ['Success']}}, event)).toBe(false);
		expect(matchesPattern({resources: ['arn:b']}, event)).toBe(true);
		expect(matchesPattern({detail: {Missing: ['x']}}, event)).toBe(false);
		expect(matchesPattern({source: ['aws.ssm'], detail: {Status: ['Success']}}, event)).toBe(false);
	});

	it('refuses what it does not implement rather than ignoring it', () => {
		expect(() => assertPattern({detail: {Status: [{'anything-but': 'Success'}]}})).toThrow(/only exact values and \{"prefix"/);
		expect(() => assertPattern({source: 'aws.ssm'})).toThrow(/must be an object/);
		expect(() => assertPattern({source: ['aws.ssm'], detail: {Status: [{prefix: 'Fail'}]}})).not.toThrow();
	});
});
