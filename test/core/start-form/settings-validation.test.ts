import {describe, expect, it} from 'vitest';
import {emptyLocationDraft, emptyRunSettings, type RunSettingsDraft} from '../../../source/core/start-form/run-settings.js';
import {resolveRunSettings} from '../../../source/core/start-form/settings-validation.js';

function errorsOf(partial: Partial<RunSettingsDraft>, names?: readonly string[]): Record<string, string> {
	const result = resolveRunSettings({...emptyRunSettings, ...partial}, names);
	return result.ok ? {} : result.errors;
}

describe('resolveRunSettings', () => {
	it('builds rate control with Targets', () => {
		const result = resolveRunSettings(
			{
				...emptyRunSettings,
				mode: 'Interactive',
				targetParameterName: 'InstanceId',
				targets: 'tag:Env=dev,prod; ParameterValues=i-1',
				maxConcurrency: '25%',
				maxErrors: '0',
			},
			['InstanceId'],
		);
		expect(result).toEqual({
			ok: true,
			value: {
				mode: 'Interactive',
				targetParameterName: 'InstanceId',
				targets: [
					{key: 'tag:Env', values: ['dev', 'prod']},
					{key: 'ParameterValues', values: ['i-1']},
				],
				maxConcurrency: '25%',
				maxErrors: '0',
			},
		});
	});

	it('builds TargetMaps without a target parameter', () => {
		const result = resolveRunSettings({...emptyRunSettings, targetMaps: '[{"InstanceId":"i-1"},{"InstanceId":["i-2"]}]'});
		expect(result).toEqual({ok: true, value: {targetMaps: [{InstanceId: ['i-1']}, {InstanceId: ['i-2']}]}});
	});

	it('refuses Targets and TargetMaps together', () => {
		expect(errorsOf({targetParameterName: 'A', targets: 'tag:a=b', targetMaps: '[{"A":"x"}]'})).toMatchObject({
			targets: 'Use Targets or TargetMaps, not both.',
			targetMaps: 'Use Targets or TargetMaps, not both.',
		});
	});

	it('ties TargetParameterName and Targets together', () => {
		expect(errorsOf({targets: 'tag:a=b'})).toEqual({
			targetParameterName: 'Targets need a TargetParameterName: the runbook parameter each target value goes into.',
		});
		expect(errorsOf({targetParameterName: 'InstanceId'}, ['InstanceId'])).toEqual({
			targetParameterName: 'A target parameter needs Targets (here or in a location) to take its values from.',
		});
		expect(errorsOf({targetParameterName: 'instanceid', targets: 'tag:a=b'}, ['InstanceId', 'Force'])).toEqual({
			targetParameterName: '“instanceid” is not a parameter of this runbook. Names are case-sensitive: did you mean InstanceId?',
		});
		expect(errorsOf({targetParameterName: 'Nope', targets: 'tag:a=b'}, ['InstanceId'])).toEqual({
			targetParameterName: '“Nope” is not a parameter of this runbook. The runbook has: InstanceId.',
		});
		expect(errorsOf({targetParameterName: 'AutomationAssumeRole', targets: 'tag:a=b'}, ['AutomationAssumeRole'])).toEqual({
			targetParameterName: 'AutomationAssumeRole cannot be the target parameter (SSM refuses it).',
		});
		expect(errorsOf({targetParameterName: 'x'.repeat(51), targets: 'tag:a=b'})).toEqual({targetParameterName: 'At most 50 characters.'});
	});

	it('checks the targets text and limits', () => {
		expect(errorsOf({targetParameterName: 'A', targets: 'justtext'})['targets']).toBe(
			'Target 1 (“justtext”) needs the form key=value,value, like tag:Env=dev or ParameterValues=i-1.',
		);
		expect(errorsOf({targetParameterName: 'A', targets: 'a=1;b=1;c=1;d=1;e=1;f=1'})['targets']).toBe("At most 5 targets (SSM's limit); this has 6.");
		expect(errorsOf({targetParameterName: 'A', targets: 'tag:a='})['targets']).toBe('Target tag:a needs at least one value.');
		expect(errorsOf({targetParameterName: 'A', targets: `ParameterValues=${Array.from({length: 51}, (_, i) => `i-${i}`).join(',')}`})['targets']).toBe(
			'Target ParameterValues has 51 values; SSM allows at most 50.',
		);
		expect(errorsOf({targetParameterName: 'A', targets: 'bad#key=1'})['targets']).toMatch(/^Target key “bad#key” is not valid/);
	});

	it('checks TargetMaps', () => {
		expect(errorsOf({targetMaps: 'nope'})['targetMaps']).toMatch(/^TargetMaps is not valid JSON/);
		expect(errorsOf({targetMaps: '{"a":"b"}'})['targetMaps']).toBe('TargetMaps must be a JSON list of objects, like [{"InstanceId": ["i-1"]}].');
		expect(errorsOf({targetMaps: '[3]'})['targetMaps']).toBe('TargetMaps item 1 is not an object.');
		expect(errorsOf({targetMaps: '[{"a":1}]'})['targetMaps']).toBe('TargetMaps item 1: “a” must be a string or a list of strings.');
		expect(errorsOf({targetMaps: '[]'})['targetMaps']).toBe('TargetMaps needs at least one map.');
		expect(errorsOf({targetMaps: '[{}]'})['targetMaps']).toBe('TargetMaps item 1 must have 1 to 20 parameters; it has 0.');
		expect(errorsOf({targetMaps: JSON.stringify([{a: 'x'.repeat(51)}])})['targetMaps']).toBe('TargetMaps item 1: each value of a must be 1 to 50 characters.');
		expect(errorsOf({targetMaps: JSON.stringify(Array.from({length: 301}, () => ({a: 'b'})))})['targetMaps']).toBe(
			"At most 300 target maps (SSM's limit); this has 301.",
		);
	});

	it('checks MaxConcurrency and MaxErrors against the service patterns', () => {
		for (const good of ['1', '10', '1%', '99%', '100%']) expect(errorsOf({maxConcurrency: good})).toEqual({});
		for (const bad of ['0', '0%', '101%', '-1', '5x', '01', '10000000'])
			expect(errorsOf({maxConcurrency: bad})['maxConcurrency']).toBe(
				`MaxConcurrency must be a count from 1 or a percentage from 1% to 100%, like 10 or 25% (got “${bad}”).`,
			);
		for (const good of ['0', '3', '0%', '10%', '100%']) expect(errorsOf({maxErrors: good})).toEqual({});
		for (const bad of ['101%', 'a', '00'])
			expect(errorsOf({maxErrors: bad})['maxErrors']).toBe(
				`MaxErrors must be a count from 0 or a percentage from 0% to 100%, like 0, 3 or 10% (got “${bad}”).`,
			);
	});

	it('builds TargetLocations with per-location fields', () => {
		const result = resolveRunSettings({
			...emptyRunSettings,
			targetParameterName: 'InstanceId',
			locationsSource: 'form',
			targetLocations: [
				{
					...emptyLocationDraft,
					accounts: 'ou-ab12-cdefgh34',
					regions: 'eu-west-1 us-east-1',
					targetLocationMaxConcurrency: '2',
					targetLocationMaxErrors: '1',
					executionRoleName: 'MyRole',
					excludeAccounts: '111122223333',
					includeChildOrganizationUnits: true,
					targets: 'tag:Env=prod',
					targetsMaxConcurrency: '10%',
					targetsMaxErrors: '5%',
					alarmName: 'cpu-high',
					ignorePollAlarmFailure: true,
				},
			],
		});
		expect(result).toEqual({
			ok: true,
			value: {
				targetParameterName: 'InstanceId',
				targetLocations: [
					{
						accounts: ['ou-ab12-cdefgh34'],
						regions: ['eu-west-1', 'us-east-1'],
						targetLocationMaxConcurrency: '2',
						targetLocationMaxErrors: '1',
						executionRoleName: 'MyRole',
						excludeAccounts: ['111122223333'],
						includeChildOrganizationUnits: true,
						targets: [{key: 'tag:Env', values: ['prod']}],
						targetsMaxConcurrency: '10%',
						targetsMaxErrors: '5%',
						alarmNames: ['cpu-high'],
						ignorePollAlarmFailure: true,
					},
				],
			},
		});
	});

	it('explains each per-location problem next to its field', () => {
		const errors = errorsOf({
			locationsSource: 'form',
			targetLocations: [
				{...emptyLocationDraft},
				{
					...emptyLocationDraft,
					accounts: '12345',
					regions: 'Europe',
					targetLocationMaxConcurrency: '0',
					targetLocationMaxErrors: 'x',
					executionRoleName: 'arn:aws:iam::1:role/x y',
					excludeAccounts: 'ou-x',
					targets: 'nokey',
					targetsMaxConcurrency: '200%',
					targetsMaxErrors: '-1',
					alarmName: '   ',
				},
			],
		});
		expect(errors).toEqual({
			'locations.0.accounts': 'At least one account id (12 digits) or OU id (ou-…) is needed.',
			'locations.0.regions': 'At least one Region, like eu-west-1.',
			'locations.1.accounts': '“12345” is not an account id (12 digits), OU id (ou-xxxx-xxxxxxxx) or root id (r-xxxx).',
			'locations.1.regions': '“Europe” is not a Region name like eu-west-1.',
			'locations.1.targetLocationMaxConcurrency': 'Location max concurrency must be a count from 1 or a percentage from 1% to 100%, like 10 or 25% (got “0”).',
			'locations.1.targetLocationMaxErrors': 'Location max errors must be a count from 0 or a percentage from 0% to 100%, like 0, 3 or 10% (got “x”).',
			'locations.1.executionRoleName': 'A role name has only letters, digits and +=,.@/_- (a name, not an ARN).',
			'locations.1.excludeAccounts': '“ou-x” is not an account id (12 digits) or OU id (ou-xxxx-xxxxxxxx).',
			'locations.1.targets': 'Target 1 (“nokey”) needs the form key=value,value, like tag:Env=dev or ParameterValues=i-1.',
			'locations.1.targetsMaxConcurrency': 'Targets max concurrency must be a count from 1 or a percentage from 1% to 100%, like 10 or 25% (got “200%”).',
			'locations.1.targetsMaxErrors': 'Targets max errors must be a count from 0 or a percentage from 0% to 100%, like 0, 3 or 10% (got “-1”).',
			'locations.1.alarmName': 'The alarm name cannot be blank.',
		});
		expect(errorsOf({locationsSource: 'form', targetLocations: []})).toEqual({targetLocations: 'Add at least one location (accounts × Regions).'});
		expect(
			errorsOf({
				locationsSource: 'form',
				targetLocations: [
					{
						...emptyLocationDraft,
						accounts: Array.from({length: 51}, (_, i) => String(100000000000 + i)).join(','),
						regions: 'eu-west-1',
						executionRoleName: 'r'.repeat(65),
					},
				],
			}),
		).toEqual({
			'locations.0.accounts': 'At most 50 accounts per location; this has 51.',
			'locations.0.executionRoleName': 'A role name is at most 64 characters.',
		});
		expect(
			errorsOf({
				locationsSource: 'form',
				targetLocations: Array.from({length: 101}, () => ({...emptyLocationDraft, accounts: '111122223333', regions: 'eu-west-1'})),
			}),
		).toEqual({targetLocations: "At most 100 target locations (SSM's limit); this has 101."});
	});

	it('needs a target parameter for per-location targets', () => {
		expect(
			errorsOf({locationsSource: 'form', targetLocations: [{...emptyLocationDraft, accounts: '111122223333', regions: 'eu-west-1', targets: 'tag:a=b'}]}),
		).toEqual({targetParameterName: 'Targets need a TargetParameterName: the runbook parameter each target value goes into.'});
	});

	it('checks TargetLocationsURL', () => {
		expect(
			resolveRunSettings({
				...emptyRunSettings,
				locationsSource: 'url',
				targetLocationsURL: 'https://my-bucket.s3.amazonaws.com/locations.json?X-Amz-Signature=abc',
			}),
		).toEqual({
			ok: true,
			value: {targetLocationsURL: 'https://my-bucket.s3.amazonaws.com/locations.json?X-Amz-Signature=abc'},
		});
		expect(errorsOf({locationsSource: 'url', targetLocationsURL: 'http://example.com/x.json'})).toEqual({
			targetLocationsURL: 'Must be an https URL of an object in S3, like https://bucket.s3.amazonaws.com/locations.json (a presigned URL works).',
		});
	});

	it('checks tags: at most 5, Key=Value, patterns, no repeats', () => {
		expect(resolveRunSettings({...emptyRunSettings, tags: 'Team=ops, Ticket=CHG-1'})).toEqual({
			ok: true,
			value: {
				tags: [
					{key: 'Team', value: 'ops'},
					{key: 'Ticket', value: 'CHG-1'},
				],
			},
		});
		expect(errorsOf({tags: 'a=1,b=1,c=1,d=1,e=1,f=1'})).toEqual({tags: 'At most 5 tags when starting an automation; this has 6.'});
		expect(errorsOf({tags: 'lonely'})).toEqual({tags: 'Tag “lonely” needs the form Key=Value.'});
		expect(errorsOf({tags: 'a#b=1'})).toEqual({tags: 'Tag key “a#b” must be 1 to 128 letters, digits, spaces or _.:/=+-@.'});
		expect(errorsOf({tags: 'a=b!'})).toEqual({tags: 'Tag value of a must be up to 256 letters, digits, spaces or _.:/=+-@.'});
		expect(errorsOf({tags: 'a=1, a=2'})).toEqual({tags: 'Tag key a is given twice.'});
	});

	it('builds the alarm configuration and checks the name', () => {
		expect(resolveRunSettings({...emptyRunSettings, alarmName: 'cpu', ignorePollAlarmFailure: true})).toEqual({
			ok: true,
			value: {alarmConfiguration: {alarmNames: ['cpu'], ignorePollAlarmFailure: true}},
		});
		expect(errorsOf({alarmName: 'x'.repeat(256)})).toEqual({alarmName: 'An alarm name is at most 255 characters.'});
	});
});
