import {describe, expect, it} from 'vitest';
import {accountOfArn} from '../../source/aws/index.js';
import {mapExecutionDetail, mapExecutionMetadata, mapStep} from '../../source/aws/map-execution.js';

describe('SDK shapes → core types', () => {
	it('maps a list row with epoch-ms times and no undefined members', () => {
		const row = mapExecutionMetadata(
			{
				AutomationExecutionId: '73c8eef8-f4ee-4a05-820c-e354fEXAMPLE',
				DocumentName: 'AWS-StartEC2Instance',
				DocumentVersion: '1',
				AutomationExecutionStatus: 'Success',
				ExecutionStartTime: new Date(1583737233748),
				ExecutionEndTime: new Date(1583737234719),
				Mode: 'Auto',
				Outputs: {},
				Targets: [],
				ResolvedTargets: {ParameterValues: [], Truncated: false},
				AutomationType: 'Local',
			},
			'us-east-1',
			'123456789012',
		);
		expect(row).toEqual({
			id: '73c8eef8-f4ee-4a05-820c-e354fEXAMPLE',
			region: 'us-east-1',
			account: '123456789012',
			documentName: 'AWS-StartEC2Instance',
			documentVersion: '1',
			status: 'Success',
			startTime: 1583737233748,
			endTime: 1583737234719,
			mode: 'Auto',
			outputs: {},
			targets: [],
			resolvedTargets: [],
			resolvedTargetsTruncated: false,
			automationType: 'Local',
		});
		expect(Object.values(row)).not.toContain(undefined);
	});

	it('maps a CrossAccount parent: progress counters, target locations, per-location steps', () => {
		const detail = mapExecutionDetail(
			{
				AutomationExecutionId: 'p',
				DocumentName: 'Doc',
				AutomationExecutionStatus: 'InProgress',
				TargetLocations: [{Accounts: ['111122223333'], Regions: ['us-east-1', 'eu-west-1'], TargetLocationMaxConcurrency: '2'}],
				ProgressCounters: {TotalSteps: 2, SuccessSteps: 1},
				StepExecutions: [
					{
						StepName: '111122223333/us-east-1',
						Action: 'aws:executeAutomation',
						StepStatus: 'Success',
						Outputs: {AutomationExecutionId: ['c']},
						TargetLocation: {Accounts: ['111122223333'], Regions: ['us-east-1']},
						FailureDetails: {FailureStage: 'Invocation', FailureType: 'Action', Details: {Reason: ['x']}},
						Inputs: {DocumentName: '"Doc"'},
					},
				],
				StepExecutionsTruncated: false,
			},
			'us-east-1',
		);
		expect(detail.automationType).toBe('CrossAccount');
		expect(detail.progress).toEqual({total: 2, success: 1, failed: 0, cancelled: 0, timedOut: 0});
		expect(detail.targetLocations?.[0]).toEqual({accounts: ['111122223333'], regions: ['us-east-1', 'eu-west-1'], targetLocationMaxConcurrency: '2'});
		expect(detail.steps[0]).toMatchObject({
			stepName: '111122223333/us-east-1',
			status: 'Success',
			outputs: {AutomationExecutionId: ['c']},
			targetLocation: {accounts: ['111122223333'], regions: ['us-east-1']},
			failureDetails: {failureStage: 'Invocation', failureType: 'Action', details: {Reason: ['x']}},
			inputs: {DocumentName: '"Doc"'},
		});
	});

	it('passes unknown statuses through and defaults a missing one to Pending', () => {
		expect(mapStep({StepName: 's', StepStatus: 'BrandNewStatus' as never}).status).toBe('BrandNewStatus');
		expect(mapStep({StepName: 's'}).status).toBe('Pending');
	});
});

describe('accountOfArn', () => {
	it('reads the account of IAM and STS principals', () => {
		expect(accountOfArn('arn:aws:sts::298840000000:assumed-role/mw_service_role/OrchestrationService')).toBe('298840000000');
		expect(accountOfArn('arn:aws-us-gov:iam::123456789012:user/me')).toBe('123456789012');
		expect(accountOfArn('arn:aws:sts::29884EXAMPLE:assumed-role/x')).toBeUndefined();
		expect(accountOfArn(undefined)).toBeUndefined();
	});
});
