import {describe, expect, it} from 'vitest';
import type {ExecutionDetail, StepExecution} from '../../../source/core/types.js';
import {
	failedLocations,
	narrowToFailedLocations,
	prefillFromExecution,
	rerunOptions,
	unlaunchedTargets,
} from '../../../source/core/start-form/rerun-prefill.js';

const base: ExecutionDetail = {
	id: '11111111-2222-3333-4444-555555555555',
	region: 'eu-west-1',
	documentName: 'AWS-RestartEC2Instance',
	documentVersion: '2',
	status: 'Failed',
	steps: [],
};

function locationStep(account: string, region: string, status: string): StepExecution {
	return {stepName: `${account}-${region}`, action: 'aws:executeAutomation', status, targetLocation: {accounts: [account], regions: [region]}};
}

describe('re-run prefill of a Local run', () => {
	it('carries document, version, parameters, mode, tags and alarm over', () => {
		const result = prefillFromExecution({
			...base,
			mode: 'Interactive',
			automationType: 'Local',
			parameters: {InstanceId: ['i-1'], AutomationAssumeRole: ['']},
			tags: [{key: 'Team', value: 'ops'}],
			alarmConfiguration: {alarmNames: ['cpu'], ignorePollAlarmFailure: true},
		});
		expect(result).toEqual({
			ok: true,
			value: {
				region: 'eu-west-1',
				documentName: 'AWS-RestartEC2Instance',
				documentVersion: '2',
				parameters: {InstanceId: ['i-1'], AutomationAssumeRole: ['']},
				notes: [],
				settings: expect.objectContaining({
					mode: 'Interactive',
					tags: 'Team=ops',
					alarmName: 'cpu',
					ignorePollAlarmFailure: true,
					locationsSource: 'none',
					targets: '',
				}),
			},
		});
		expect(rerunOptions(base)).toEqual({locations: 0, targets: 0});
		expect(prefillFromExecution(base, 'locations')).toEqual({ok: false, error: 'No location of this execution failed or timed out.'});
		expect(prefillFromExecution(base, 'targets')).toEqual({ok: false, error: 'No target of this execution failed or timed out.'});
	});
});

describe('re-run prefill of a CrossAccount run', () => {
	const crossAccount: ExecutionDetail = {
		...base,
		automationType: 'CrossAccount',
		parameters: {AutomationAssumeRole: ['arn:aws:iam::111122223333:role/Admin']},
		targetLocations: [
			{accounts: ['111111111111', '222222222222'], regions: ['eu-west-1', 'us-east-1'], executionRoleName: 'Exec', targetLocationMaxConcurrency: '2'},
			{
				accounts: ['ou-ab12-cdefgh34'],
				regions: ['ap-south-1'],
				excludeAccounts: ['999999999999'],
				includeChildOrganizationUnits: true,
				targetLocationMaxErrors: '1',
			},
		],
		steps: [
			locationStep('111111111111', 'eu-west-1', 'Success'),
			locationStep('111111111111', 'us-east-1', 'Failed'),
			locationStep('222222222222', 'eu-west-1', 'TimedOut'),
			locationStep('222222222222', 'us-east-1', 'Failed'),
			locationStep('333333333333', 'ap-south-1', 'Failed'),
			locationStep('444444444444', 'ap-south-1', 'Cancelled'),
		],
	};

	it('lists the failed and timed-out pairs only', () => {
		expect(failedLocations(crossAccount)).toEqual([
			{account: '111111111111', region: 'us-east-1'},
			{account: '222222222222', region: 'eu-west-1'},
			{account: '222222222222', region: 'us-east-1'},
			{account: '333333333333', region: 'ap-south-1'},
		]);
		expect(rerunOptions(crossAccount)).toEqual({locations: 4, targets: 0});
	});

	it('narrows TargetLocations so no succeeded pair runs again, keeping each origin’s settings', () => {
		const narrowed = narrowToFailedLocations(crossAccount);
		expect(narrowed).toEqual([
			{accounts: ['111111111111'], regions: ['us-east-1'], executionRoleName: 'Exec', targetLocationMaxConcurrency: '2'},
			{accounts: ['222222222222'], regions: ['eu-west-1', 'us-east-1'], executionRoleName: 'Exec', targetLocationMaxConcurrency: '2'},
			{accounts: ['333333333333'], regions: ['ap-south-1'], targetLocationMaxErrors: '1'},
		]);
		const pairs = narrowed.flatMap(location => location.accounts.flatMap(account => location.regions.map(region => `${account}/${region}`)));
		expect(pairs.sort()).toEqual(['111111111111/us-east-1', '222222222222/eu-west-1', '222222222222/us-east-1', '333333333333/ap-south-1']);
	});

	it('pre-fills the form with the whole run or only the failed locations', () => {
		const whole = prefillFromExecution(crossAccount);
		expect(whole.ok && whole.value.settings.targetLocations.map(location => location.accounts)).toEqual(['111111111111, 222222222222', 'ou-ab12-cdefgh34']);
		expect(whole.ok && whole.value.settings.targetLocations[1]).toMatchObject({excludeAccounts: '999999999999', includeChildOrganizationUnits: true});
		const failed = prefillFromExecution(crossAccount, 'locations');
		if (!failed.ok) throw new Error(failed.error);
		expect(failed.value.settings.locationsSource).toBe('form');
		expect(failed.value.settings.targetLocations.map(location => [location.accounts, location.regions])).toEqual([
			['111111111111', 'us-east-1'],
			['222222222222', 'eu-west-1, us-east-1'],
			['333333333333', 'ap-south-1'],
		]);
		expect(failed.value.notes[0]).toBe(
			'Only the 4 failed or timed-out locations: 111111111111/us-east-1, 222222222222/eu-west-1, 222222222222/us-east-1, 333333333333/ap-south-1.',
		);
		expect(failed.value.parameters).toEqual({AutomationAssumeRole: ['arn:aws:iam::111122223333:role/Admin']});
	});

	it('uses a TargetLocationsURL as is for a whole re-run, and drops it when narrowing', () => {
		const withUrl = {...crossAccount, targetLocationsURL: 'https://b.s3.amazonaws.com/l.json'};
		const whole = prefillFromExecution(withUrl);
		expect(whole.ok && whole.value.settings).toMatchObject({
			locationsSource: 'url',
			targetLocationsURL: 'https://b.s3.amazonaws.com/l.json',
			targetLocations: [],
		});
		const failed = prefillFromExecution(withUrl, 'locations');
		expect(failed.ok && failed.value.settings).toMatchObject({locationsSource: 'form', targetLocationsURL: ''});
	});
});

describe('re-run prefill of a rate-controlled run', () => {
	const child = (value: string, status: string): StepExecution => ({
		stepName: value,
		action: 'aws:executeAutomation',
		status,
		inputs: {InstanceId: JSON.stringify(value)},
	});
	const rateControlled: ExecutionDetail = {
		...base,
		parameters: {InstanceId: ['ignored'], Force: ['true']},
		targetParameterName: 'InstanceId',
		targets: [{key: 'tag:Env', values: ['dev']}],
		maxConcurrency: '2',
		maxErrors: '1',
		steps: [child('i-1', 'Success'), child('i-2', 'Failed'), child('i-3', 'TimedOut'), {stepName: 'i-4', action: 'aws:executeAutomation', status: 'Failed'}],
	};

	it('offers and builds only the failed targets as ParameterValues', () => {
		expect(rerunOptions(rateControlled)).toEqual({locations: 0, targets: 3});
		const result = prefillFromExecution(rateControlled, 'targets');
		if (!result.ok) throw new Error(result.error);
		expect(result.value.settings).toMatchObject({
			targetParameterName: 'InstanceId',
			targets: 'ParameterValues=i-2,i-3,i-4',
			maxConcurrency: '2',
			maxErrors: '1',
		});
		expect(result.value.parameters).toEqual({Force: ['true']});
		expect(result.value.notes).toEqual(['Only the 3 failed or timed-out targets: i-2, i-3, i-4.']);
	});

	it('counts the targets a finished run never started, and says they are left out', () => {
		const stopped: ExecutionDetail = {
			...rateControlled,
			steps: [{...child('i-1', 'Failed'), startTime: 1}, {...child('i-2', 'Failed'), startTime: 2}, child('i-3', 'Pending')],
		};
		expect(unlaunchedTargets(stopped)).toBe(1);
		const result = prefillFromExecution(stopped, 'targets');
		expect(result.ok && result.value.notes).toEqual([
			'Only the 2 failed or timed-out targets: i-1, i-2.',
			'1 other target never started (the run stopped before reaching it) and is not included.',
		]);
		// While the run goes on, a pending target may still start: nothing to say yet.
		expect(unlaunchedTargets({...stopped, status: 'InProgress'})).toBe(0);
	});

	it('narrows TargetMaps to the maps whose child failed', () => {
		const withMaps: ExecutionDetail = {
			...base,
			targetMaps: [{InstanceId: ['i-1']}, {InstanceId: ['i-2']}],
			steps: [child('i-1', 'Success'), child('i-2', 'Failed')],
		};
		expect(rerunOptions(withMaps)).toEqual({locations: 0, targets: 1});
		const result = prefillFromExecution(withMaps, 'targets');
		expect(result.ok && result.value.settings.targetMaps).toBe('[{"InstanceId":["i-2"]}]');
	});
});
